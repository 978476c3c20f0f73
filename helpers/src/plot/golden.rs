//! The figures, pinned: fixed inputs for every chart kind and the Gantt
//! chart, compared with the SVGs kept in `tests/figures/`, so that a change
//! to the drawing code that moves a single pixel shows up as a failing test.
//!
//! After a deliberate change to how figures look, rewrite the files with
//! `UPDATE_FIGURES=1 cargo test -p helpers figures_are_unchanged`, look at
//! them, and commit them with the change.

use super::*;

/// Fixed inputs for every kind of figure the crate draws.
fn golden_figures() -> Vec<(&'static str, Figure)> {
    let ns = [1.0, 10.0, 100.0, 1000.0, 10_000.0];
    let row =
        |name: &str, alive: (f64, f64), polls: &[(f64, f64, usize)], cancelled: &[f64]| GanttRow {
            name: name.to_string(),
            alive,
            polls: polls.to_vec(),
            cancelled: cancelled.to_vec(),
        };
    vec![
        (
            "line_linear",
            LineChart::new("Squares")
                .x_label("n")
                .y_label("n²")
                .series("n²", (1..=10).map(|n| (n as f64, (n * n) as f64)))
                .draw()
                .unwrap(),
        ),
        (
            "line_log_two_series",
            LineChart::new("Cost against n")
                .x_label("n")
                .y_label("time (µs)")
                .log_x()
                .log_y()
                .series("linear", ns.iter().map(|&n| (n, 2.0 * n)))
                .series("constant", ns.iter().map(|&n| (n, 5.0)))
                .series("falling", ns.iter().map(|&n| (n, 1e5 / n)))
                .size(800, 500)
                .draw()
                .unwrap(),
        ),
        (
            "line_flat",
            LineChart::new("flat")
                .series("c", [(1.0, 5.0), (2.0, 5.0)])
                .draw()
                .unwrap(),
        ),
        (
            "bar_linear",
            BarChart::new("Spawn cost")
                .y_label("µs")
                .bar("thread", 20.0)
                .bar("task", 0.3)
                .bar("big", 12_233.4)
                .draw()
                .unwrap(),
        ),
        (
            "bar_log",
            BarChart::new("Round trip")
                .y_label("µs")
                .log_y()
                .bar("threads", 12.0)
                .bar("tasks", 0.2)
                .bar("millions", 2.5e6)
                .draw()
                .unwrap(),
        ),
        (
            "histogram_single",
            Histogram::new("Latency")
                .x_label("ms")
                .bins(12)
                .series("probe", (0..300).map(|i| ((i * 37) % 101) as f64 * 0.1))
                .draw()
                .unwrap(),
        ),
        (
            "histogram_log_two",
            Histogram::new("Probe latency")
                .x_label("ms")
                .log_x()
                .bins(30)
                .series("async sleep", (0..200).map(|i| 1.0 + (i % 10) as f64 * 0.1))
                .series("thread::sleep", (0..50).map(|i| 50.0 + i as f64))
                .draw()
                .unwrap(),
        ),
        (
            "gantt",
            gantt(
                "Joined",
                "time since the timeline was created (ms)",
                &[
                    row("tea", (0.0, 20.5), &[(0.0, 0.01, 0), (20.0, 20.5, 1)], &[]),
                    row(
                        "coffee",
                        (0.1, 30.0),
                        &[(0.1, 0.2, 0), (29.0, 30.0, 2)],
                        &[],
                    ),
                    row(
                        "a much longer future name",
                        (1.0, 5.0),
                        &[(1.0, 4.0, 1)],
                        &[5.0],
                    ),
                ],
                &[
                    "thread 1 (main)".to_string(),
                    "thread 2 (Tokio)".to_string(),
                    "thread 3".to_string(),
                ],
            )
            .unwrap(),
        ),
    ]
}

#[test]
fn figures_are_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/figures");
    let update = std::env::var_os("UPDATE_FIGURES").is_some();
    let mut changed = Vec::new();
    for (name, figure) in golden_figures() {
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, figure.svg()).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(figure.svg()) {
            changed.push(path.display().to_string());
        }
    }
    assert!(
        changed.is_empty(),
        "these figures differ from the stored SVGs: {changed:?} \
         (if the change is deliberate: UPDATE_FIGURES=1 cargo test -p helpers figures_are_unchanged)"
    );
}
