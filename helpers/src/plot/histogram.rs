//! The histogram.

use plotters::prelude::*;

use super::plan::{Axis, Mark, Plan, Ticks};
use super::{frame_setters, validate, Figure, Frame, PlotError, PALETTE};

/// A histogram of one or more named sets of values, drawn over shared bins
/// so their shapes can be compared. Overlapping bars are translucent.
///
/// With [`Histogram::log_x`] the bins are equally wide on a logarithmic
/// scale, which keeps both a 1 ms mode and a 100 ms tail visible.
///
/// ```
/// use helpers::prelude::*;
///
/// let fast: Vec<f64> = (0..200).map(|i| 1.0 + (i % 10) as f64 * 0.1).collect();
/// let slow: Vec<f64> = (0..50).map(|i| 50.0 + i as f64).collect();
/// let fig = Histogram::new("Probe latency")
///     .x_label("ms")
///     .log_x()
///     .bins(30)
///     .series("async sleep", fast)
///     .series("thread::sleep", slow)
///     .draw()?;
/// assert!(fig.description().contains("250 values"));
/// # Ok::<(), helpers::plot::PlotError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Histogram {
    frame: Frame,
    log_x: bool,
    bins: usize,
    series: Vec<(String, Vec<f64>)>,
}

impl Histogram {
    /// A new histogram with a title, 40 bins and no data.
    ///
    /// ```
    /// let h = helpers::plot::Histogram::new("Title");
    /// # let _ = h;
    /// ```
    pub fn new(title: &str) -> Self {
        let mut frame = Frame::new(title);
        frame.y_label = "count".to_string();
        Histogram {
            frame,
            log_x: false,
            bins: 40,
            series: Vec::new(),
        }
    }

    /// Uses logarithmic bins and axis (all values must then be > 0).
    ///
    /// ```
    /// let h = helpers::plot::Histogram::new("t").log_x();
    /// # let _ = h;
    /// ```
    pub fn log_x(mut self) -> Self {
        self.log_x = true;
        self
    }

    /// Sets the number of bins (at least 1; checked by `draw`).
    ///
    /// ```
    /// let err = helpers::plot::Histogram::new("t").bins(0).series("a", [1.0]).draw();
    /// assert_eq!(err.unwrap_err(), helpers::plot::PlotError::ZeroBins);
    /// ```
    pub fn bins(mut self, bins: usize) -> Self {
        self.bins = bins;
        self
    }

    /// Adds a named set of values.
    ///
    /// ```
    /// let h = helpers::plot::Histogram::new("t").series("a", vec![1.0, 2.0, 2.5]);
    /// # let _ = h;
    /// ```
    pub fn series(mut self, name: &str, values: impl IntoIterator<Item = f64>) -> Self {
        self.series
            .push((name.to_string(), values.into_iter().collect()));
        self
    }

    /// Counts each series into the shared bins and draws them.
    ///
    /// # Errors
    ///
    /// [`PlotError`] for no series, an empty series, NaN or infinite values,
    /// values <= 0 with `log_x`, zero bins, or a bad size.
    ///
    /// ```
    /// let err = helpers::plot::Histogram::new("t").series("a", Vec::new()).draw();
    /// assert!(err.unwrap_err().to_string().contains("has no values"));
    /// ```
    pub fn draw(&self) -> Result<Figure, PlotError> {
        if self.bins == 0 {
            return Err(PlotError::ZeroBins);
        }
        if self.series.is_empty() {
            return Err(PlotError::NoData {
                hint: ".series(name, values)",
            });
        }
        for (name, values) in &self.series {
            if values.is_empty() {
                return Err(PlotError::EmptySeries(name.clone()));
            }
            validate(name, values.iter().copied(), self.log_x)?;
        }
        // Bin in the axis's own space (log10 for a log axis) so bins look
        // equally wide on screen.
        let to_axis = |v: f64| if self.log_x { v.log10() } else { v };
        let from_axis = |v: f64| if self.log_x { 10f64.powf(v) } else { v };
        let all = || {
            self.series
                .iter()
                .flat_map(|(_, v)| v.iter().map(|&x| to_axis(x)))
        };
        let lo = all().fold(f64::INFINITY, f64::min);
        let mut hi = all().fold(f64::NEG_INFINITY, f64::max);
        if hi == lo {
            hi = lo + 1.0;
        }
        let width = (hi - lo) / self.bins as f64;

        let mut marks = Vec::new();
        let mut tallest = 0usize;
        for ((name, values), &color) in self.series.iter().zip(PALETTE.iter().cycle()) {
            let counts = bin_counts(values.iter().map(|&v| to_axis(v)), lo, width, self.bins);
            tallest = tallest.max(counts.iter().copied().max().unwrap_or(0));
            for (i, &count) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
                let left = from_axis(lo + i as f64 * width);
                let right = from_axis(lo + (i + 1) as f64 * width);
                marks.push(Mark::Rect {
                    corners: [(left, 0.0), (right, count as f64)],
                    color: color.mix(if self.series.len() > 1 { 0.55 } else { 0.85 }),
                });
            }
            if self.series.len() > 1 {
                marks.push(Mark::Legend {
                    name: name.clone(),
                    color,
                });
            }
        }
        let plan = Plan {
            frame: self.frame.clone(),
            x: Axis {
                range: from_axis(lo)..from_axis(hi),
                log: self.log_x,
            },
            y: Axis::from_zero(tallest as f64),
            x_ticks: Ticks::Numbers,
            y_ticks: Ticks::Numbers,
            legend_at: None,
            marks,
        };
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|(n, v)| format!("{n} ({} values)", v.len()))
            .collect();
        let total: usize = self.series.iter().map(|(_, v)| v.len()).sum();
        Ok(Figure {
            svg: plan.to_svg()?,
            description: format!(
                "histogram \"{}\", {total} values in {} bins: {}",
                self.frame.title,
                self.bins,
                parts.join(", ")
            ),
        })
    }
}

frame_setters!(Histogram);

/// Counts values into `bins` bins of equal `width` starting at `lo`; the
/// maximum value falls into the last bin rather than one past it.
fn bin_counts(values: impl Iterator<Item = f64>, lo: f64, width: f64, bins: usize) -> Vec<usize> {
    let mut counts = vec![0usize; bins];
    for v in values {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        counts[i] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_counts_land_in_the_right_bins() {
        // 4 bins of width 1 from 0: the maximum (4.0) joins the last bin.
        let counts = bin_counts([0.0, 1.0, 1.5, 3.9, 4.0].into_iter(), 0.0, 1.0, 4);
        assert_eq!(counts, [1, 2, 0, 2]);
        let fig = Histogram::new("h")
            .bins(4)
            .series("a", [0.0, 1.0, 1.0, 3.9, 4.0])
            .draw()
            .unwrap();
        assert!(fig.description().contains("5 values in 4 bins"));
    }
}
