//! The bar chart.

use plotters::prelude::*;

use super::plan::{decades_around, Axis, Mark, Plan, Ticks};
use super::{frame_setters, validate, Figure, Frame, PlotError, PALETTE};
use crate::display::{format_number, format_value};

/// A bar chart: one bar per named value, each labelled with its value.
///
/// ```
/// use helpers::prelude::*;
///
/// let fig = BarChart::new("Round trip")
///     .y_label("µs")
///     .log_y()
///     .bar("threads", 12.0)
///     .bar("tasks", 0.2)
///     .draw()?;
/// assert!(fig.svg().contains("threads"));
/// # Ok::<(), helpers::plot::PlotError>(())
/// ```
#[derive(Clone, Debug)]
pub struct BarChart {
    frame: Frame,
    log_y: bool,
    bars: Vec<(String, f64)>,
}

impl BarChart {
    /// A new bar chart with a title and no bars.
    ///
    /// ```
    /// let chart = helpers::plot::BarChart::new("Title");
    /// # let _ = chart;
    /// ```
    pub fn new(title: &str) -> Self {
        BarChart {
            frame: Frame::new(title),
            log_y: false,
            bars: Vec::new(),
        }
    }

    /// Makes the vertical axis logarithmic (all values must then be > 0).
    ///
    /// ```
    /// let chart = helpers::plot::BarChart::new("t").log_y();
    /// # let _ = chart;
    /// ```
    pub fn log_y(mut self) -> Self {
        self.log_y = true;
        self
    }

    /// Adds a bar, drawn left to right in the order added.
    ///
    /// ```
    /// let chart = helpers::plot::BarChart::new("t").bar("a", 1.0).bar("b", 2.0);
    /// # let _ = chart;
    /// ```
    pub fn bar(mut self, name: &str, value: f64) -> Self {
        self.bars.push((name.to_string(), value));
        self
    }

    /// Validates the values and draws the chart.
    ///
    /// # Errors
    ///
    /// [`PlotError`] for no bars, a NaN or infinite value, a negative value,
    /// a value <= 0 on a log axis, or a bad size.
    ///
    /// ```
    /// let err = helpers::plot::BarChart::new("t").bar("a", f64::INFINITY).draw();
    /// assert!(err.is_err());
    /// ```
    pub fn draw(&self) -> Result<Figure, PlotError> {
        if self.bars.is_empty() {
            return Err(PlotError::NoData {
                hint: ".bar(name, value)",
            });
        }
        for (i, (name, value)) in self.bars.iter().enumerate() {
            validate(name, std::iter::once(*value), self.log_y).map_err(|e| match e {
                PlotError::NotFinite { series, .. } => PlotError::NotFinite { series, index: i },
                PlotError::NotPositiveOnLogAxis { series, value, .. } => {
                    PlotError::NotPositiveOnLogAxis {
                        series,
                        index: i,
                        value,
                    }
                }
                other => other,
            })?;
            if *value < 0.0 {
                return Err(PlotError::NotPositiveOnLogAxis {
                    series: name.clone(),
                    index: i,
                    value: *value,
                });
            }
        }
        let max = self.bars.iter().map(|b| b.1).fold(f64::MIN, f64::max);
        let y = if self.log_y {
            let min = self.bars.iter().map(|b| b.1).fold(f64::MAX, f64::min);
            // Leave room above the tallest bar for its value label.
            Axis {
                range: decades_around(min, max * 3.0),
                log: true,
            }
        } else {
            Axis::from_zero(max)
        };
        let base = y.range.start;
        let mut marks = Vec::new();
        for (i, ((_, value), color)) in self.bars.iter().zip(PALETTE.iter().cycle()).enumerate() {
            let x = i as f64;
            marks.push(Mark::Rect {
                corners: [(x - 0.35, base), (x + 0.35, *value)],
                color: color.mix(0.85),
            });
            marks.push(Mark::Label {
                at: (x, *value),
                text: format_value(*value),
            });
        }
        let n = self.bars.len() as f64;
        let plan = Plan {
            frame: self.frame.clone(),
            x: Axis {
                range: -0.6..(n - 0.4),
                log: false,
            },
            y,
            x_ticks: Ticks::Names(self.bars.iter().map(|b| b.0.clone()).collect()),
            y_ticks: Ticks::Numbers,
            legend_at: None,
            marks,
        };
        let parts: Vec<String> = self
            .bars
            .iter()
            .map(|(n, v)| format!("{n} = {}", format_number(*v)))
            .collect();
        Ok(Figure {
            svg: plan.to_svg()?,
            description: format!("bar chart \"{}\": {}", self.frame.title, parts.join(", ")),
        })
    }
}

frame_setters!(BarChart);
