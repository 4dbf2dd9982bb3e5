//! A small baseline-versus-current histogram without axes, for table rows.

use plotters::coord::Shift;
use plotters::prelude::*;
use tideline_engine::histogram::Histogram;

use crate::palette::{BASELINE, CURRENT};

/// Draws `histogram`'s shares as thin paired bars filling `area`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_sparkline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    histogram: &Histogram,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let sides = [(histogram.baseline.as_ref(), BASELINE), (histogram.current.as_ref(), CURRENT)];
    let top = sides.iter().filter_map(|(s, _)| *s).flat_map(|s| s.shares.iter().copied()).fold(0.0_f64, f64::max);
    if top <= 0.0 {
        return area.present();
    }
    let n = histogram.labels.len().max(1) as f64;
    let mut chart = ChartBuilder::on(area).build_cartesian_2d(0.0..n, 0.0..top)?;
    for (k, (series, colour)) in sides.iter().enumerate() {
        let Some(series) = series else { continue };
        let offset = 0.05 + 0.45 * k as f64;
        chart.draw_series(series.shares.iter().enumerate().map(|(i, &share)| {
            let x = i as f64 + offset;
            Rectangle::new([(x, 0.0), (x + 0.45, share)], colour.filled())
        }))?;
    }
    area.present()
}
