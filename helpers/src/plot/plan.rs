//! The drawing engine every chart shares: axes, tick labels, marks in data
//! coordinates, the legend's placement, and rendering to SVG.

use std::fmt;
use std::ops::Range;

use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Frame, PlotError};
use crate::display::format_number;

/// One axis: its data range and whether it is logarithmic.
#[derive(Clone, Debug)]
pub(super) struct Axis {
    pub(super) range: Range<f64>,
    pub(super) log: bool,
}

impl Axis {
    /// The smallest range that shows `values` with a little air around them.
    pub(super) fn fit(values: impl Iterator<Item = f64>, log: bool) -> Axis {
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
    pub(super) fn from_zero(max: f64) -> Axis {
        let top = if max > 0.0 { max * 1.12 } else { 1.0 };
        Axis {
            range: 0.0..top,
            log: false,
        }
    }
}

/// The smallest range of whole decades (powers of ten) containing lo..=hi.
pub(super) fn decades_around(lo: f64, hi: f64) -> Range<f64> {
    let start = 10f64.powf(lo.log10().floor());
    let mut end = 10f64.powf(hi.log10().ceil());
    if end <= start {
        end = start * 10.0;
    }
    start..end
}

/// A primitive in data coordinates; every chart is a list of these.
pub(super) enum Mark {
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
pub(super) enum Ticks {
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

pub(super) struct Plan {
    pub(super) frame: Frame,
    pub(super) x: Axis,
    pub(super) y: Axis,
    pub(super) x_ticks: Ticks,
    pub(super) y_ticks: Ticks,
    pub(super) marks: Vec<Mark>,
    /// Where the legend goes; `None` picks the corner that hides least data.
    pub(super) legend_at: Option<SeriesLabelPosition>,
}

impl Plan {
    pub(super) fn to_svg(&self) -> Result<String, PlotError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::PALETTE;

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
}
