//! The line chart.

use super::plan::{Axis, Mark, Plan, Ticks};
use super::{frame_setters, validate, Figure, Frame, PlotError, PALETTE};

/// A line chart of one or more named series of `(x, y)` points.
///
/// Use log axes when values span orders of magnitude: a cost that grows
/// linearly with `n` is then a straight line of slope 1, and two costs that
/// differ by a constant factor are parallel lines.
///
/// ```
/// use helpers::prelude::*;
///
/// let ns = [1.0, 10.0, 100.0, 1000.0];
/// let fig = LineChart::new("Cost against n")
///     .x_label("n")
///     .y_label("time (µs)")
///     .log_x()
///     .log_y()
///     .series("linear", ns.iter().map(|&n| (n, 2.0 * n)))
///     .series("constant", ns.iter().map(|&n| (n, 5.0)))
///     .draw()?;
/// assert!(fig.description().contains("2 series"));
/// # Ok::<(), helpers::plot::PlotError>(())
/// ```
#[derive(Clone, Debug)]
pub struct LineChart {
    frame: Frame,
    log_x: bool,
    log_y: bool,
    series: Vec<(String, Vec<(f64, f64)>)>,
}

impl LineChart {
    /// A new chart with a title and no data.
    ///
    /// ```
    /// let chart = helpers::plot::LineChart::new("Title");
    /// # let _ = chart;
    /// ```
    pub fn new(title: &str) -> Self {
        LineChart {
            frame: Frame::new(title),
            log_x: false,
            log_y: false,
            series: Vec::new(),
        }
    }

    /// Makes the horizontal axis logarithmic (all x must then be > 0).
    ///
    /// ```
    /// let chart = helpers::plot::LineChart::new("t").log_x();
    /// # let _ = chart;
    /// ```
    pub fn log_x(mut self) -> Self {
        self.log_x = true;
        self
    }

    /// Makes the vertical axis logarithmic (all y must then be > 0).
    ///
    /// ```
    /// let chart = helpers::plot::LineChart::new("t").log_y();
    /// # let _ = chart;
    /// ```
    pub fn log_y(mut self) -> Self {
        self.log_y = true;
        self
    }

    /// Adds a named series; points are joined in the order given.
    ///
    /// ```
    /// let chart = helpers::plot::LineChart::new("t").series("a", [(0.0, 1.0), (1.0, 3.0)]);
    /// # let _ = chart;
    /// ```
    pub fn series(mut self, name: &str, points: impl IntoIterator<Item = (f64, f64)>) -> Self {
        self.series
            .push((name.to_string(), points.into_iter().collect()));
        self
    }

    /// Validates the data and draws the chart.
    ///
    /// # Errors
    ///
    /// [`PlotError`] for no series, an empty series, a NaN or infinite
    /// coordinate, a value <= 0 on a log axis, or a bad size.
    ///
    /// ```
    /// use helpers::plot::{LineChart, PlotError};
    ///
    /// let err = LineChart::new("empty").draw().unwrap_err();
    /// assert!(matches!(err, PlotError::NoData { .. }));
    /// ```
    pub fn draw(&self) -> Result<Figure, PlotError> {
        if self.series.is_empty() {
            return Err(PlotError::NoData {
                hint: ".series(name, points)",
            });
        }
        for (name, points) in &self.series {
            if points.is_empty() {
                return Err(PlotError::EmptySeries(name.clone()));
            }
            validate(name, points.iter().map(|p| p.0), self.log_x)?;
            validate(name, points.iter().map(|p| p.1), self.log_y)?;
        }
        let all = || self.series.iter().flat_map(|(_, pts)| pts.iter().copied());
        let plan = Plan {
            frame: self.frame.clone(),
            x: Axis::fit(all().map(|p| p.0), self.log_x),
            y: Axis::fit(all().map(|p| p.1), self.log_y),
            x_ticks: Ticks::Numbers,
            y_ticks: Ticks::Numbers,
            legend_at: None,
            marks: self
                .series
                .iter()
                .zip(PALETTE.iter().cycle())
                .map(|((name, points), &color)| Mark::Line {
                    name: name.clone(),
                    color,
                    points: points.clone(),
                })
                .collect(),
        };
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|(n, p)| format!("{n} ({} points)", p.len()))
            .collect();
        Ok(Figure {
            svg: plan.to_svg()?,
            description: format!(
                "line chart \"{}\", {} series: {}",
                self.frame.title,
                self.series.len(),
                parts.join(", ")
            ),
        })
    }
}

frame_setters!(LineChart);
