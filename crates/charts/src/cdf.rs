//! Baseline and current empirical CDFs on one axis, with the KS gap marked.

use plotters::coord::Shift;
use plotters::prelude::*;
use tideline_engine::cdf::CdfPair;
use tideline_engine::summary::short_number;

use crate::palette::{BASELINE, CURRENT, HIGHLIGHT};

/// Draws `pair` filling `area`: two step lines and a vertical bar where they
/// are furthest apart, labelled with the gap.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_cdf<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pair: &CdfPair,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let xs = pair.baseline.iter().chain(&pair.current).map(|p| p.0);
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo.is_finite() && hi > lo { (lo, hi) } else { (lo - 1.0, lo + 1.0) };
    let pad = (hi - lo) * 0.02;
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{}: cumulative share", pair.column), ("sans-serif", 18))
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(lo - pad..hi + pad, 0.0..1.02)?;
    chart
        .configure_mesh()
        .y_desc("share of rows ≤ x")
        .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
        .x_label_formatter(&|x| short_number(*x))
        .draw()?;
    for (name, steps, colour) in [("baseline", &pair.baseline, BASELINE), ("current", &pair.current, CURRENT)] {
        chart
            .draw_series(LineSeries::new(staircase(steps, lo - pad), colour.stroke_width(2)))?
            .label(name)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 14, y)], colour.stroke_width(2)));
    }
    let gap = (pair.gap_baseline - pair.gap_current).abs();
    chart
        .draw_series(std::iter::once(PathElement::new(
            [(pair.gap_at, pair.gap_baseline), (pair.gap_at, pair.gap_current)],
            HIGHLIGHT.stroke_width(3),
        )))?
        .label(format!("largest gap (KS D) {gap:.3} at {}", short_number(pair.gap_at)))
        .legend(|(x, y)| PathElement::new([(x + 7, y - 6), (x + 7, y + 6)], HIGHLIGHT.stroke_width(3)));
    chart
        .configure_series_labels()
        .border_style(BLACK)
        .background_style(WHITE.mix(0.85))
        .position(SeriesLabelPosition::LowerRight)
        .draw()?;
    area.present()
}

/// Right-continuous steps: flat up to each value, then up.
fn staircase(steps: &[(f64, f64)], start: f64) -> Vec<(f64, f64)> {
    let mut points = vec![(start, 0.0)];
    let mut previous = 0.0;
    for &(x, y) in steps {
        points.push((x, previous));
        points.push((x, y));
        previous = y;
    }
    points
}

/// The CDFs as an SVG document.
///
/// # Errors
/// Drawing errors, as text.
pub fn cdf_svg(pair: &CdfPair, width: u32, height: u32) -> Result<String, String> {
    crate::svg::render_svg(width, height, |area| draw_cdf(area, pair))
}
