//! Baseline and current curves on one pair of axes: ROC, precision-recall
//! and reliability curves (unit square, with a reference line), and a
//! regression's predicted-against-actual points. The legend sits in a strip
//! above the plot, so it never covers a curve.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::palette::{BASELINE, CURRENT};
use crate::ticks::tick_label;

/// How the points are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurveStyle {
    /// A line through the points in order.
    Line,
    /// A line with a dot at each point (few points, each one meaningful).
    LineAndDots,
    /// Dots only (a scatter).
    Dots,
}

/// The dashed line a reader compares the curves with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reference {
    /// None.
    None,
    /// y = x (a random classifier's ROC, perfect calibration, perfect predictions).
    Diagonal,
    /// y = the value (a precision-recall curve's no-skill precision).
    Horizontal(f64),
}

/// One side's points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CurveSide {
    /// Legend text (e.g. "baseline (AUC 0.97)").
    pub label: String,
    /// Points, in drawing order.
    pub points: Vec<(f64, f64)>,
}

/// A chart of baseline and current curves.
#[derive(Debug, Clone, PartialEq)]
pub struct CurveChart {
    /// Title above the chart.
    pub title: String,
    /// Horizontal axis description.
    pub x_label: String,
    /// Vertical axis description.
    pub y_label: String,
    /// Baseline curve (drawn in the baseline colour).
    pub baseline: Option<CurveSide>,
    /// Current curve.
    pub current: Option<CurveSide>,
    /// How points are drawn.
    pub style: CurveStyle,
    /// The reference line.
    pub reference: Reference,
    /// Axes fixed to [0, 1] × [0, 1] (rates and shares); else fitted to the points.
    pub unit_square: bool,
}

const LEGEND_HEIGHT: u32 = 24;

/// Draws `chart` filling `area`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_curves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &CurveChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let body = area.titled(&chart.title, ("sans-serif", 17))?;
    let (legend, plot) = body.split_vertically(LEGEND_HEIGHT);
    let sides: Vec<(&CurveSide, RGBColor)> = [(chart.baseline.as_ref(), BASELINE), (chart.current.as_ref(), CURRENT)]
        .into_iter()
        .filter_map(|(s, c)| s.map(|s| (s, c)))
        .collect();
    draw_strip_legend(&legend, &sides)?;
    let ((x_lo, x_hi), (y_lo, y_hi)) = ranges(chart, &sides);
    let mut plotted = ChartBuilder::on(&plot)
        .margin_left(6)
        .margin_right(18)
        .margin_bottom(6)
        .x_label_area_size(44)
        .y_label_area_size(58)
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;
    let (x_span, y_span) = (x_hi - x_lo, y_hi - y_lo);
    plotted
        .configure_mesh()
        .x_desc(&chart.x_label)
        .y_desc(&chart.y_label)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| tick_label(*x, x_span))
        .y_label_formatter(&|y| tick_label(*y, y_span))
        .light_line_style(WHITE)
        .draw()?;
    let dashed = BLACK.mix(0.45).stroke_width(1);
    match chart.reference {
        Reference::None => {}
        Reference::Diagonal => {
            let (lo, hi) = (x_lo.max(y_lo), x_hi.min(y_hi));
            plotted.draw_series(DashedLineSeries::new([(lo, lo), (hi, hi)], 6, 4, dashed))?;
        }
        Reference::Horizontal(y) => {
            plotted.draw_series(DashedLineSeries::new([(x_lo, y), (x_hi, y)], 6, 4, dashed))?;
        }
    }
    for (side, colour) in &sides {
        let points = side.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite());
        if chart.style != CurveStyle::Dots {
            plotted.draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?;
        }
        let dot = match chart.style {
            CurveStyle::Line => None,
            CurveStyle::LineAndDots => Some((4, colour.filled())),
            CurveStyle::Dots => Some((2, colour.mix(0.45).filled())),
        };
        if let Some((size, style)) = dot {
            plotted.draw_series(points.map(|p| Circle::new(p, size, style)))?;
        }
    }
    area.present()
}

/// The axes' ranges: the unit square, or the points' span padded by 3 %
/// (the same for both axes of a scatter, so the diagonal is at 45°).
fn ranges(chart: &CurveChart, sides: &[(&CurveSide, RGBColor)]) -> ((f64, f64), (f64, f64)) {
    if chart.unit_square {
        return ((0.0, 1.0), (0.0, 1.02));
    }
    let span = |pick: fn(&(f64, f64)) -> f64| {
        let values = sides.iter().flat_map(|(s, _)| s.points.iter().map(pick)).filter(|v| v.is_finite());
        values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
    };
    let (mut lo, mut hi) = span(|p| p.0);
    if chart.reference == Reference::Diagonal {
        let (ylo, yhi) = span(|p| p.1);
        (lo, hi) = (lo.min(ylo), hi.max(yhi));
    }
    let (lo, hi) = if lo.is_finite() && hi > lo { (lo, hi) } else { (lo.min(0.0) - 1.0, lo.max(0.0) + 1.0) };
    let pad = (hi - lo) * 0.03;
    let x = (lo - pad, hi + pad);
    if chart.reference == Reference::Diagonal {
        return (x, x);
    }
    let (ylo, yhi) = span(|p| p.1);
    let (ylo, yhi) = if ylo.is_finite() && yhi > ylo { (ylo, yhi) } else { (ylo - 1.0, ylo + 1.0) };
    let ypad = (yhi - ylo) * 0.03;
    (x, (ylo - ypad, yhi + ypad))
}

/// Swatch and words of each side, left to right, in the strip above the plot.
fn draw_strip_legend<DB: DrawingBackend>(
    strip: &DrawingArea<DB, Shift>,
    sides: &[(&CurveSide, RGBColor)],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = ("sans-serif", 13.0).into_font();
    let mut x = 70;
    let y = i32::try_from(LEGEND_HEIGHT / 2).unwrap_or(12);
    for (side, colour) in sides {
        strip.draw(&PathElement::new([(x, y), (x + 18, y)], colour.stroke_width(3)))?;
        let style = font.clone().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
        strip.draw(&Text::new(side.label.clone(), (x + 24, y), style))?;
        let width = strip.estimate_text_size(&side.label, &font.clone().into())?.0;
        x += 24 + i32::try_from(width).unwrap_or(100) + 28;
    }
    Ok(())
}

/// The chart as an SVG document.
///
/// # Errors
/// Drawing errors, as text.
pub fn curves_svg(chart: &CurveChart, width: u32, height: u32) -> Result<String, String> {
    crate::svg::render_svg(width, height, |area| draw_curves(area, chart))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(reference: Reference, unit_square: bool) -> CurveChart {
        CurveChart {
            title: "ROC".into(),
            x_label: "false-positive rate".into(),
            y_label: "true-positive rate".into(),
            baseline: Some(CurveSide {
                label: "baseline (AUC 0.90)".into(),
                points: vec![(0.0, 0.0), (0.1, 0.8), (1.0, 1.0)],
            }),
            current: Some(CurveSide {
                label: "current (AUC 0.70)".into(),
                points: vec![(0.0, 0.0), (0.4, 0.7), (1.0, 1.0)],
            }),
            style: CurveStyle::Line,
            reference,
            unit_square,
        }
    }

    #[test]
    fn both_legends_and_round_unit_ticks_are_drawn() {
        let svg = curves_svg(&chart(Reference::Diagonal, true), 480, 380).unwrap();
        let texts: Vec<String> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_owned()))
            .collect();
        for word in ["baseline (AUC 0.90)", "current (AUC 0.70)", "0", "0.2", "0.4", "0.6", "0.8", "1"] {
            assert!(texts.iter().any(|t| t == word), "{word} missing from {texts:?}");
        }
        assert!(texts.iter().all(|t| t.len() < 25), "a tick is not round: {texts:?}");
    }

    #[test]
    fn a_scatter_with_a_diagonal_has_equal_axes() {
        let c = CurveChart {
            baseline: Some(CurveSide { label: "b".into(), points: vec![(10.0, 12.0), (20.0, 18.0)] }),
            current: None,
            style: CurveStyle::Dots,
            ..chart(Reference::Diagonal, false)
        };
        let sides = [(c.baseline.as_ref().unwrap(), BASELINE)];
        let (x, y) = ranges(&c, &sides);
        assert_eq!(x, y);
        assert!(x.0 < 10.0 && x.1 > 20.0);
    }
}
