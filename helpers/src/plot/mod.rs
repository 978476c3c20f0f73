//! Drawing measurements as SVG figures.
//!
//! Three chart builders cover the course's plots: [`LineChart`] (with
//! optional log axes, for costs that grow over orders of magnitude),
//! [`BarChart`] (one value per named case) and [`Histogram`] (the shape of
//! a latency distribution). Each `draw()` validates the data and returns a
//! [`Figure`]; make the figure the last expression of a notebook cell and
//! it is shown inline as an SVG image.
//!
//! ```
//! use helpers::prelude::*;
//!
//! let figure = LineChart::new("Squares")
//!     .x_label("n")
//!     .y_label("n²")
//!     .series("n²", (1..=10).map(|n| (n as f64, (n * n) as f64)))
//!     .draw()?;
//! assert!(figure.svg().starts_with("<svg"));
//! # Ok::<(), helpers::plot::PlotError>(())
//! ```
//!
//! Bad data is an error that names the problem, never a panic:
//!
//! ```
//! use helpers::prelude::*;
//!
//! let err = LineChart::new("Broken")
//!     .series("latency", [(1.0, 2.0), (2.0, f64::NAN)])
//!     .draw()
//!     .unwrap_err();
//! assert!(err.to_string().contains("point 1 of series \"latency\""));
//! ```

// Layout: each chart has its own file (`line.rs`, `bar.rs`, `histogram.rs`,
// and `gantt.rs` for the chart `Timeline::draw` shows); each describes itself
// as a `Plan` of marks on two axes (`plan.rs`), which one renderer draws with
// plotters. Numbers on the figures are written by `crate::display`.

use std::fmt;

use plotters::prelude::*;

use crate::display::display_block;

mod bar;
mod gantt;
mod histogram;
mod line;
mod plan;

pub use bar::BarChart;
pub(crate) use gantt::{gantt, GanttRow};
pub use histogram::Histogram;
pub use line::LineChart;

/// Default figure size in pixels: wide enough for a notebook column.
const DEFAULT_SIZE: (u32, u32) = (720, 420);
/// Figures outside these bounds are almost certainly a typo.
const MIN_SIDE: u32 = 100;
const MAX_SIDE: u32 = 4000;

/// Okabe–Ito colours: distinguishable with the common colour-vision
/// deficiencies, in an order where neighbours contrast.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 158, 115),   // green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(230, 159, 0),   // orange
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(0, 0, 0),       // black
];

/// What is wrong with a chart's data or settings.
#[derive(Debug, Clone, PartialEq)]
pub enum PlotError {
    /// The chart has no series or bars at all.
    NoData {
        /// Which builder method adds data.
        hint: &'static str,
    },
    /// A series (or histogram input) has no values.
    EmptySeries(String),
    /// A value is NaN or infinite.
    NotFinite {
        /// Series or bar name.
        series: String,
        /// Position of the offending value.
        index: usize,
    },
    /// A value is zero or negative on a logarithmic axis.
    NotPositiveOnLogAxis {
        /// Series or bar name.
        series: String,
        /// Position of the offending value.
        index: usize,
        /// The value.
        value: f64,
    },
    /// Width or height outside the accepted range.
    BadSize(u32, u32),
    /// A histogram with zero bins.
    ZeroBins,
    /// The drawing backend failed (not expected with valid data).
    Drawing(String),
}

impl fmt::Display for PlotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlotError::NoData { hint } => write!(f, "nothing to draw: add data with {hint} before draw()"),
            PlotError::EmptySeries(name) => write!(
                f,
                "series \"{name}\" has no values: give it at least one, or leave it out"
            ),
            PlotError::NotFinite { series, index } => write!(
                f,
                "point {index} of series \"{series}\" is NaN or infinite: filter it out \
                 (a 0/0 or a division by a zero duration often causes this)"
            ),
            PlotError::NotPositiveOnLogAxis { series, index, value } => write!(
                f,
                "point {index} of series \"{series}\" is {value}, which a logarithmic axis cannot show: \
                 drop values <= 0 or use a linear axis"
            ),
            PlotError::BadSize(w, h) => write!(
                f,
                "figure size {w}×{h} px is out of range: each side must be {MIN_SIDE}..={MAX_SIDE} px"
            ),
            PlotError::ZeroBins => write!(f, "a histogram needs at least 1 bin: pass bins(n) with n >= 1"),
            PlotError::Drawing(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl std::error::Error for PlotError {}

/// A finished chart: an SVG document plus a one-line text description.
///
/// In a notebook, a `Figure` that is a cell's last expression is displayed
/// as an image (`image/svg+xml`); frontends that cannot show images print
/// the description instead.
///
/// ```
/// use helpers::prelude::*;
///
/// let fig = BarChart::new("Spawn cost").bar("thread", 20.0).bar("task", 0.3).draw()?;
/// assert_eq!(fig.description(), "bar chart \"Spawn cost\": thread = 20, task = 0.3");
/// # Ok::<(), helpers::plot::PlotError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    svg: String,
    description: String,
}

impl Figure {
    /// The SVG document, e.g. to save with `std::fs::write`.
    ///
    /// ```
    /// # use helpers::prelude::*;
    /// let fig = BarChart::new("one").bar("a", 1.0).draw().unwrap();
    /// assert!(fig.svg().contains("</svg>"));
    /// ```
    pub fn svg(&self) -> &str {
        &self.svg
    }

    /// What the figure shows, in words: the plain-text fallback.
    ///
    /// ```
    /// # use helpers::prelude::*;
    /// let fig = Histogram::new("lat").series("probe", [1.0, 2.0]).draw().unwrap();
    /// assert!(fig.description().starts_with("histogram \"lat\""));
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Called by the notebook kernel when the figure is a cell's last
    /// expression: emits the SVG and the text fallback as one display.
    ///
    /// ```
    /// # use helpers::prelude::*;
    /// BarChart::new("shown").bar("a", 1.0).draw().unwrap().evcxr_display();
    /// ```
    pub fn evcxr_display(&self) {
        print!(
            "{}",
            display_block(&[
                ("image/svg+xml", &self.svg),
                ("text/plain", &self.description)
            ])
        );
    }
}

/// Title, axis labels and size: shared by the three builders.
#[derive(Clone, Debug)]
struct Frame {
    title: String,
    x_label: String,
    y_label: String,
    size: (u32, u32),
}

impl Frame {
    fn new(title: &str) -> Self {
        Frame {
            title: title.to_string(),
            x_label: String::new(),
            y_label: String::new(),
            size: DEFAULT_SIZE,
        }
    }

    fn check_size(&self) -> Result<(), PlotError> {
        let (w, h) = self.size;
        let ok = |side: u32| (MIN_SIDE..=MAX_SIDE).contains(&side);
        if ok(w) && ok(h) {
            Ok(())
        } else {
            Err(PlotError::BadSize(w, h))
        }
    }
}

/// Checks every value of a named series: finite, and > 0 on a log axis.
fn validate(series: &str, values: impl Iterator<Item = f64>, log: bool) -> Result<(), PlotError> {
    for (index, value) in values.enumerate() {
        if !value.is_finite() {
            return Err(PlotError::NotFinite {
                series: series.to_string(),
                index,
            });
        }
        if log && value <= 0.0 {
            return Err(PlotError::NotPositiveOnLogAxis {
                series: series.to_string(),
                index,
                value,
            });
        }
    }
    Ok(())
}

/// The setters every chart shares (title, labels and size live in `Frame`).
macro_rules! frame_setters {
    ($chart:ident) => {
        impl $chart {
            #[doc = concat!(
                "Labels the horizontal axis.\n\n```\nlet chart = helpers::plot::",
                stringify!($chart), "::new(\"t\").x_label(\"n\");\n# let _ = chart;\n```"
            )]
            pub fn x_label(mut self, label: &str) -> Self {
                self.frame.x_label = label.to_string();
                self
            }

            #[doc = concat!(
                "Labels the vertical axis.\n\n```\nlet chart = helpers::plot::",
                stringify!($chart), "::new(\"t\").y_label(\"time (ms)\");\n# let _ = chart;\n```"
            )]
            pub fn y_label(mut self, label: &str) -> Self {
                self.frame.y_label = label.to_string();
                self
            }

            #[doc = concat!(
                "Sets the size in pixels; `draw` checks that each side is 100..=4000.\n\n```\n",
                "let chart = helpers::plot::", stringify!($chart), "::new(\"t\").size(0, 300);\n",
                "assert!(chart.draw().is_err());\n```"
            )]
            pub fn size(mut self, width: u32, height: u32) -> Self {
                self.frame.size = (width, height);
                self
            }
        }
    };
}
pub(crate) use frame_setters;

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> LineChart {
        LineChart::new("t").series("a", [(1.0, 1.0), (10.0, 100.0)])
    }

    #[test]
    fn every_chart_kind_draws_valid_svg_with_its_text() {
        let figs = [
            line()
                .log_x()
                .log_y()
                .x_label("n")
                .y_label("µs")
                .draw()
                .unwrap(),
            BarChart::new("b")
                .bar("threads", 3.0)
                .bar("tasks", 0.5)
                .draw()
                .unwrap(),
            BarChart::new("b")
                .log_y()
                .bar("x", 3.0)
                .bar("y", 0.01)
                .draw()
                .unwrap(),
            Histogram::new("h")
                .series("a", [1.0, 2.0, 2.0, 3.0])
                .draw()
                .unwrap(),
            Histogram::new("h")
                .log_x()
                .series("a", [0.1, 1.0])
                .series("b", [100.0])
                .draw()
                .unwrap(),
        ];
        for f in &figs {
            assert!(f.svg().starts_with("<svg"), "{}", f.description());
            assert!(f.svg().trim_end().ends_with("</svg>"));
        }
        assert!(figs[1].svg().contains("threads") && figs[1].svg().contains("tasks"));
    }

    #[test]
    fn bad_input_is_reported_not_panicked() {
        assert_eq!(
            line().size(0, 400).draw().unwrap_err(),
            PlotError::BadSize(0, 400)
        );
        assert_eq!(
            line().size(400, 5000).draw().unwrap_err(),
            PlotError::BadSize(400, 5000)
        );
        assert!(matches!(
            LineChart::new("t")
                .series("neg", [(1.0, -1.0)])
                .log_y()
                .draw(),
            Err(PlotError::NotPositiveOnLogAxis { index: 0, .. })
        ));
        assert!(matches!(
            LineChart::new("t").series("e", []).draw(),
            Err(PlotError::EmptySeries(_))
        ));
        assert!(matches!(
            BarChart::new("b").bar("a", 1.0).bar("b", f64::NAN).draw(),
            Err(PlotError::NotFinite { index: 1, .. })
        ));
        assert!(BarChart::new("b").bar("a", -1.0).draw().is_err());
        assert!(matches!(
            BarChart::new("b").draw(),
            Err(PlotError::NoData { .. })
        ));
        assert_eq!(
            Histogram::new("h")
                .bins(0)
                .series("a", [1.0])
                .draw()
                .unwrap_err(),
            PlotError::ZeroBins
        );
        assert!(matches!(
            Histogram::new("h").series("a", [1.0, f64::INFINITY]).draw(),
            Err(PlotError::NotFinite { index: 1, .. })
        ));
    }

    #[test]
    fn constant_data_still_gets_a_visible_range() {
        LineChart::new("flat")
            .series("c", [(1.0, 5.0), (2.0, 5.0)])
            .draw()
            .unwrap();
        LineChart::new("point")
            .log_x()
            .log_y()
            .series("p", [(3.0, 3.0)])
            .draw()
            .unwrap();
        Histogram::new("same")
            .series("s", [2.0; 10])
            .draw()
            .unwrap();
    }
}

#[cfg(test)]
mod golden;
