//! The Gantt chart that [`Timeline::draw`](crate::timeline::Timeline::draw)
//! shows: a row per future, a bar per poll, coloured by thread, a grey line
//! for the future's life and a red tick where it was dropped unfinished.

use plotters::prelude::*;

use super::plan::{Axis, Mark, Plan, Ticks};
use super::{validate, Figure, Frame, PlotError, DEFAULT_SIZE, MAX_SIDE, MIN_SIDE, PALETTE};

/// One row of a Gantt chart: a named future, when it existed, its polls as
/// `(start, end, thread index)`, and when it was dropped before completing
/// (usually once or never), all in milliseconds.
#[derive(Clone, Debug)]
pub(crate) struct GanttRow {
    pub(crate) name: String,
    pub(crate) alive: (f64, f64),
    pub(crate) polls: Vec<(f64, f64, usize)>,
    pub(crate) cancelled: Vec<f64>,
}

/// The colour of a drop before completion: the one red the thread palette
/// does not use.
const CANCELLED: RGBColor = RGBColor(200, 30, 30);

/// Draws rows of polls against time, the first row at the top, with one
/// legend entry per thread.
pub(crate) fn gantt(
    title: &str,
    x_label: &str,
    rows: &[GanttRow],
    threads: &[String],
) -> Result<Figure, PlotError> {
    if rows.is_empty() {
        return Err(PlotError::NoData { hint: "rows" });
    }
    for row in rows {
        let times = row.polls.iter().flat_map(|p| [p.0, p.1]);
        let times = times.chain(row.cancelled.iter().copied());
        validate(&row.name, times.chain([row.alive.0, row.alive.1]), false)?;
    }
    let end = rows
        .iter()
        .flat_map(|r| {
            let ends = r
                .polls
                .iter()
                .map(|p| p.1)
                .chain(r.cancelled.iter().copied());
            ends.chain([r.alive.1])
        })
        .fold(0.0f64, f64::max)
        .max(1e-3);
    // A poll of a few microseconds would be invisible on a millisecond
    // axis: draw every bar at least about one pixel wide.
    let min_width = end / 600.0;
    let n = rows.len();
    let mut marks = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        marks.push(Mark::Rect {
            corners: [
                (row.alive.0, y - 0.04),
                (row.alive.1.max(row.alive.0 + min_width), y + 0.04),
            ],
            color: RGBColor(150, 150, 150).mix(0.9),
        });
        for &(start, stop, thread) in &row.polls {
            marks.push(Mark::Rect {
                corners: [(start, y - 0.32), (stop.max(start + min_width), y + 0.32)],
                color: PALETTE[thread % PALETTE.len()].mix(0.9),
            });
        }
        // A tick taller than a poll bar, about three pixels wide, so that it
        // shows even right after the last poll.
        for &at in &row.cancelled {
            marks.push(Mark::Rect {
                corners: [(at - min_width, y - 0.42), (at + 2.0 * min_width, y + 0.42)],
                color: CANCELLED.mix(1.0),
            });
        }
    }
    for (i, name) in threads.iter().enumerate() {
        marks.push(Mark::Legend {
            name: name.clone(),
            color: PALETTE[i % PALETTE.len()],
        });
    }
    let cancelled: usize = rows.iter().map(|r| r.cancelled.len()).sum();
    if cancelled > 0 {
        marks.push(Mark::Legend {
            name: "dropped before completing".to_string(),
            color: CANCELLED,
        });
    }
    // Rows are 40 px apart; above them, an empty band tall enough for the
    // legend (about 20 px per thread) so that it never hides a poll.
    let entries = threads.len() + usize::from(cancelled > 0);
    let legend_rows = ((entries as f64 * 20.0 + 16.0) / 40.0).ceil();
    let mut frame = Frame::new(title);
    frame.x_label = x_label.to_string();
    let height = 110.0 + 40.0 * (n as f64 + legend_rows);
    frame.size = (
        DEFAULT_SIZE.0,
        (height as u32).clamp(MIN_SIDE + 80, MAX_SIDE),
    );
    let plan = Plan {
        frame,
        x: Axis {
            range: 0.0..end * 1.02,
            log: false,
        },
        y: Axis {
            range: -0.6..(n as f64 - 0.4 + legend_rows),
            log: false,
        },
        x_ticks: Ticks::Numbers,
        y_ticks: Ticks::Names(rows.iter().rev().map(|r| r.name.clone()).collect()),
        marks,
        legend_at: Some(SeriesLabelPosition::UpperRight),
    };
    let polls: usize = rows.iter().map(|r| r.polls.len()).sum();
    Ok(Figure {
        svg: plan.to_svg()?,
        description: format!(
            "timeline \"{title}\", {n} futures, {polls} polls on {} thread(s){}",
            threads.len(),
            match cancelled {
                0 => String::new(),
                k => format!(", {k} dropped before completing"),
            }
        ),
    })
}
