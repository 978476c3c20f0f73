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

use std::fmt;
use std::ops::Range;

use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// Formats rich output in the protocol the evcxr kernel reads from stdout:
/// one `EVCXR_BEGIN_CONTENT <mime>` … `EVCXR_END_CONTENT` block per MIME type.
pub(crate) fn display_block(parts: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (mime, body) in parts {
        out.push_str(&format!(
            "EVCXR_BEGIN_CONTENT {mime}\n{body}\nEVCXR_END_CONTENT\n"
        ));
    }
    out
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

/// One axis: its data range and whether it is logarithmic.
#[derive(Clone, Debug)]
struct Axis {
    range: Range<f64>,
    log: bool,
}

impl Axis {
    /// The smallest range that shows `values` with a little air around them.
    fn fit(values: impl Iterator<Item = f64>, log: bool) -> Axis {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let range = if log {
            // Whole decades: ticks then fall on powers of ten only.
            decades_around(lo, hi)
        } else if lo == hi {
            (lo - 1.0)..(hi + 1.0)
        } else {
            let pad = (hi - lo) * 0.05;
            (lo - pad)..(hi + pad)
        };
        Axis { range, log }
    }

    /// How many tick labels to ask plotters for. On a log axis, one per
    /// decade keeps plotters from filling each decade with 2, 3, ... 9.
    fn label_count(&self) -> usize {
        if !self.log {
            return 10;
        }
        let decades = (self.range.end / self.range.start).log10().round() as usize;
        if decades >= 2 {
            decades + 1
        } else {
            10
        }
    }

    /// Where a value falls across the axis, from 0.0 (start) to 1.0 (end).
    fn fraction(&self, v: f64) -> f64 {
        let f = |x: f64| if self.log { x.log10() } else { x };
        let (a, b) = (f(self.range.start), f(self.range.end));
        if b == a {
            0.5
        } else {
            (f(v) - a) / (b - a)
        }
    }

    /// A linear axis that starts at zero (bars and counts grow from 0).
    fn from_zero(max: f64) -> Axis {
        let top = if max > 0.0 { max * 1.12 } else { 1.0 };
        Axis {
            range: 0.0..top,
            log: false,
        }
    }
}

/// The smallest range of whole decades (powers of ten) containing lo..=hi.
fn decades_around(lo: f64, hi: f64) -> Range<f64> {
    let start = 10f64.powf(lo.log10().floor());
    let mut end = 10f64.powf(hi.log10().ceil());
    if end <= start {
        end = start * 10.0;
    }
    start..end
}

/// A primitive in data coordinates; every chart is a list of these.
enum Mark {
    Line {
        name: String,
        color: RGBColor,
        points: Vec<(f64, f64)>,
    },
    Rect {
        corners: [(f64, f64); 2],
        color: RGBAColor,
    },
    Label {
        at: (f64, f64),
        text: String,
    },
    /// A legend entry without its own geometry (histogram series).
    Legend {
        name: String,
        color: RGBColor,
    },
}

/// How tick labels on an axis are written.
enum Ticks {
    Numbers,
    /// Category names at integer positions 0, 1, 2, ...
    Names(Vec<String>),
}

impl Ticks {
    fn names(&self) -> Option<&Vec<String>> {
        match self {
            Ticks::Names(names) => Some(names),
            Ticks::Numbers => None,
        }
    }
}

struct Plan {
    frame: Frame,
    x: Axis,
    y: Axis,
    x_ticks: Ticks,
    y_ticks: Ticks,
    marks: Vec<Mark>,
    /// Where the legend goes; `None` picks the corner that hides least data.
    legend_at: Option<SeriesLabelPosition>,
}

impl Plan {
    fn to_svg(&self) -> Result<String, PlotError> {
        self.frame.check_size()?;
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, self.frame.size).into_drawing_area();
            root.fill(&WHITE).map_err(drawing)?;
            let (x, y) = (self.x.range.clone(), self.y.range.clone());
            match (self.x.log, self.y.log) {
                (false, false) => self.render(&root, x, y),
                (true, false) => self.render(&root, x.log_scale(), y),
                (false, true) => self.render(&root, x, y.log_scale()),
                (true, true) => self.render(&root, x.log_scale(), y.log_scale()),
            }?;
            root.present().map_err(drawing)?;
        }
        Ok(svg)
    }

    /// The corner where the legend hides the least data: counts how many
    /// sampled points of the lines and bars fall into each corner.
    fn emptiest_corner(&self) -> SeriesLabelPosition {
        let mut samples = Vec::new();
        for mark in &self.marks {
            match mark {
                Mark::Line { points, .. } => {
                    for pair in points.windows(2) {
                        for i in 0..=16 {
                            let t = i as f64 / 16.0;
                            let lerp = |a: f64, b: f64, log: bool| {
                                if log {
                                    10f64.powf(a.log10() + t * (b.log10() - a.log10()))
                                } else {
                                    a + t * (b - a)
                                }
                            };
                            samples.push((
                                lerp(pair[0].0, pair[1].0, self.x.log),
                                lerp(pair[0].1, pair[1].1, self.y.log),
                            ));
                        }
                    }
                    samples.extend(points.iter().copied());
                }
                Mark::Rect {
                    corners: [(x0, y0), (x1, y1)],
                    ..
                } => {
                    for i in 0..=8 {
                        let t = i as f64 / 8.0;
                        for x in [*x0, *x1] {
                            samples.push((x, y0 + t * (y1 - y0)));
                        }
                    }
                }
                Mark::Label { .. } | Mark::Legend { .. } => {}
            }
        }
        let corners = [
            (SeriesLabelPosition::UpperLeft, false, true),
            (SeriesLabelPosition::UpperRight, true, true),
            (SeriesLabelPosition::LowerRight, true, false),
            (SeriesLabelPosition::LowerLeft, false, false),
        ];
        let covered = |right: bool, upper: bool| {
            samples
                .iter()
                .filter(|&&(x, y)| {
                    let (fx, fy) = (self.x.fraction(x), self.y.fraction(y));
                    let in_x = if right { fx > 0.55 } else { fx < 0.45 };
                    let in_y = if upper { fy > 0.6 } else { fy < 0.4 };
                    in_x && in_y
                })
                .count()
        };
        // min_by_key keeps the first of equal counts: upper left wins ties.
        corners
            .into_iter()
            .min_by_key(|&(_, right, upper)| covered(right, upper))
            .map(|(position, _, _)| position)
            .unwrap_or(SeriesLabelPosition::UpperLeft)
    }

    fn render<X, Y>(
        &self,
        root: &DrawingArea<SVGBackend, Shift>,
        x: X,
        y: Y,
    ) -> Result<(), PlotError>
    where
        X: AsRangedCoord<Value = f64>,
        Y: AsRangedCoord<Value = f64>,
        X::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
        Y::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
    {
        let x_names = self.x_ticks.names();
        let y_names = self.y_ticks.names();
        // Room for the widest row name (about 8 px a character at 14 px).
        let y_area = y_names.map_or(64, |names| {
            let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            (24 + 8 * widest as u32).clamp(64, 280)
        });
        let mut chart = ChartBuilder::on(root)
            .caption(&self.frame.title, ("sans-serif", 22))
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(y_area)
            .build_cartesian_2d(x, y)
            .map_err(drawing)?;

        let x_fmt = |v: &f64| match x_names {
            Some(names) => category_name(names, *v),
            None => format_number(*v),
        };
        let y_fmt = |v: &f64| match y_names {
            Some(names) => category_name(names, *v),
            None => format_number(*v),
        };
        let mut mesh = chart.configure_mesh();
        mesh.x_labels(self.x.label_count())
            .y_labels(self.y.label_count())
            .x_desc(&self.frame.x_label)
            .y_desc(&self.frame.y_label)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 15))
            .light_line_style(WHITE.mix(0.0));
        if let Some(names) = x_names {
            // One tick per category and no vertical grid lines between bars.
            mesh.x_labels(names.len() * 2 + 1).disable_x_mesh();
        }
        if let Some(names) = y_names {
            mesh.y_labels(names.len() * 2 + 1).disable_y_mesh();
        }
        mesh.draw().map_err(drawing)?;

        let mut legend = false;
        for mark in &self.marks {
            match mark {
                Mark::Line {
                    name,
                    color,
                    points,
                } => {
                    let color = *color;
                    chart
                        .draw_series(LineSeries::new(
                            points.iter().copied(),
                            color.stroke_width(2),
                        ))
                        .map_err(drawing)?
                        .label(name.as_str())
                        .legend(move |(x, y)| {
                            PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
                        });
                    chart
                        .draw_series(points.iter().map(|&p| Circle::new(p, 3, color.filled())))
                        .map_err(drawing)?;
                    legend = true;
                }
                Mark::Rect { corners, color } => {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(*corners, color.filled())))
                        .map_err(drawing)?;
                }
                Mark::Label { at, text } => {
                    let style = ("sans-serif", 13).into_font().color(&BLACK).pos(
                        plotters::style::text_anchor::Pos::new(
                            plotters::style::text_anchor::HPos::Center,
                            plotters::style::text_anchor::VPos::Bottom,
                        ),
                    );
                    chart
                        .draw_series(std::iter::once(Text::new(text.clone(), *at, style)))
                        .map_err(drawing)?;
                }
                Mark::Legend { name, color } => {
                    let color = *color;
                    chart
                        .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())
                        .map_err(drawing)?
                        .label(name.as_str())
                        .legend(move |(x, y)| {
                            Rectangle::new([(x, y - 5), (x + 14, y + 5)], color.mix(0.6).filled())
                        });
                    legend = true;
                }
            }
        }
        if legend {
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .label_font(("sans-serif", 14))
                .position(
                    self.legend_at
                        .clone()
                        .unwrap_or_else(|| self.emptiest_corner()),
                )
                .draw()
                .map_err(drawing)?;
        }
        Ok(())
    }
}

fn drawing<E: fmt::Display>(e: E) -> PlotError {
    PlotError::Drawing(e.to_string())
}

fn category_name(names: &[String], v: f64) -> String {
    let i = v.round();
    if (v - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    names.get(i as usize).cloned().unwrap_or_default()
}

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

/// A measured value for a label: four significant figures, with a k/M/G
/// suffix from 10,000 up (12233.4 → "12.23k", 100.574 → "100.6").
pub(crate) fn format_value(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        return "0".to_string();
    }
    for (scale, suffix) in [(1e9, "G"), (1e6, "M"), (1e4, "k")] {
        if a >= scale {
            let divisor = if suffix == "k" { 1e3 } else { scale };
            return format!("{}{suffix}", crate::timing::four_significant(v / divisor));
        }
    }
    crate::timing::four_significant(v)
}

/// Compact axis numbers: 1500 → "1.5k", 2e6 → "2M", 0.25 → "0.25".
pub(crate) fn format_number(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, "G")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let mut s = format!("{scaled:.3}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".to_string();
    }
    format!("{s}{suffix}")
}

/// Checks every value of a named series; returns them for chaining.
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

/// One row of a Gantt chart: a named future, when it existed, and its polls
/// as `(start, end, thread index)` in milliseconds.
#[derive(Clone, Debug)]
pub(crate) struct GanttRow {
    pub(crate) name: String,
    pub(crate) alive: (f64, f64),
    pub(crate) polls: Vec<(f64, f64, usize)>,
}

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
        validate(&row.name, times.chain([row.alive.0, row.alive.1]), false)?;
    }
    let end = rows
        .iter()
        .flat_map(|r| r.polls.iter().map(|p| p.1).chain([r.alive.1]))
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
    }
    for (i, name) in threads.iter().enumerate() {
        marks.push(Mark::Legend {
            name: name.clone(),
            color: PALETTE[i % PALETTE.len()],
        });
    }
    // Rows are 40 px apart; above them, an empty band tall enough for the
    // legend (about 20 px per thread) so that it never hides a poll.
    let legend_rows = ((threads.len() as f64 * 20.0 + 16.0) / 40.0).ceil();
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
            "timeline \"{title}\", {n} futures, {polls} polls on {} thread(s)",
            threads.len()
        ),
    })
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

frame_setters!(LineChart);
frame_setters!(BarChart);
frame_setters!(Histogram);

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

    #[test]
    fn axis_numbers_are_compact() {
        let cases = [
            (0.0, "0"),
            (0.25, "0.25"),
            (1.0, "1"),
            (1500.0, "1500"),
            (10_000.0, "10k"),
            (125_000.0, "125k"),
            (2e6, "2M"),
            (-3.5, "-3.5"),
        ];
        for (v, want) in cases {
            assert_eq!(format_number(v), want);
        }
    }

    #[test]
    fn values_for_labels_keep_four_significant_figures() {
        assert_eq!(format_value(100.574), "100.6");
        assert_eq!(format_value(12_233.4), "12.23k");
        assert_eq!(format_value(472.0), "472.0");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(2.5e6), "2.500M");
    }

    #[test]
    fn log_axes_span_whole_decades() {
        assert_eq!(decades_around(450.0, 25_000.0), 100.0..100_000.0);
        assert_eq!(decades_around(10.0, 10.0), 10.0..100.0);
        let axis = Axis::fit([450.0, 25_000.0].into_iter(), true);
        assert_eq!(axis.label_count(), 4);
        assert!((axis.fraction(1_000.0) - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn the_legend_avoids_the_data() {
        // A line rising from lower left to upper right leaves the upper left
        // empty; a line falling from upper left leaves the upper right empty.
        let rising = Plan {
            frame: Frame::new("t"),
            x: Axis {
                range: 0.0..10.0,
                log: false,
            },
            y: Axis {
                range: 0.0..10.0,
                log: false,
            },
            x_ticks: Ticks::Numbers,
            y_ticks: Ticks::Numbers,
            legend_at: None,
            marks: vec![Mark::Line {
                name: "a".into(),
                color: PALETTE[0],
                points: vec![(0.0, 0.0), (10.0, 10.0)],
            }],
        };
        assert!(matches!(
            rising.emptiest_corner(),
            SeriesLabelPosition::UpperLeft
        ));
        let falling = Plan {
            marks: vec![Mark::Line {
                name: "a".into(),
                color: PALETTE[0],
                points: vec![(0.0, 10.0), (10.0, 0.0)],
            }],
            ..rising
        };
        assert!(matches!(
            falling.emptiest_corner(),
            SeriesLabelPosition::UpperRight
        ));
    }

    #[test]
    fn display_block_wraps_each_mime_type() {
        let out = display_block(&[("image/svg+xml", "<svg/>"), ("text/plain", "fig")]);
        assert_eq!(
            out,
            "EVCXR_BEGIN_CONTENT image/svg+xml\n<svg/>\nEVCXR_END_CONTENT\n\
             EVCXR_BEGIN_CONTENT text/plain\nfig\nEVCXR_END_CONTENT\n"
        );
    }

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
