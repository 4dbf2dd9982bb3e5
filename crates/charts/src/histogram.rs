//! A column's histogram, baseline beside current, as shares of present rows.

use plotters::coord::Shift;
use plotters::prelude::*;

use tideline_engine::histogram::{Histogram, Series};

use crate::legend::{draw_strip, LegendEntry, STRIP_HEIGHT};
use crate::palette::{BASELINE, CURRENT, HIGHLIGHT};
use crate::ticks::tick_label;

/// Longest bar label drawn before it is shortened with an ellipsis.
const MAX_LABEL_CHARS: usize = 14;

/// Draws `histogram` filling `area`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    histogram: &Histogram,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let n_bars = histogram.labels.len().max(1);
    let sides: Vec<(&str, &Series, RGBColor)> =
        [("baseline", histogram.baseline.as_ref(), BASELINE), ("current", histogram.current.as_ref(), CURRENT)]
            .into_iter()
            .filter_map(|(name, s, colour)| s.map(|s| (name, s, colour)))
            .collect();
    let top = sides.iter().flat_map(|(_, s, _)| s.shares.iter().copied()).fold(0.0_f64, f64::max).max(0.01) * 1.1;
    let body = area.titled(&histogram.column, ("sans-serif", 18))?;
    let (strip, plot) = body.split_vertically(STRIP_HEIGHT);
    let mut legend = Vec::new();
    for (name, series, colour) in &sides {
        legend.push(LegendEntry {
            label: format!("{name} ({} rows)", series.counts.iter().sum::<u64>()),
            swatch: colour.filled(),
        });
    }
    let edges = &histogram.edges;
    if histogram.numeric && edges.len() >= 2 && edges.iter().all(|e| e.is_finite()) {
        draw_strip(&strip, &legend, 60)?;
        numeric_bars(&plot, edges, &sides, top)?;
        return area.present();
    }
    // Categories put bar i's centre at x = i, so that integer ticks carry the name.
    let (x_min, x_max) = (-0.5, n_bars as f64 - 0.5);
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(10)
        .margin_right(10)
        .margin_bottom(6)
        .x_label_area_size(60)
        .y_label_area_size(50)
        .build_cartesian_2d(x_min..x_max, 0.0..top)?;
    let labels = &histogram.labels;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc("share of rows")
        .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
        .x_labels(n_bars.min(20))
        .x_label_formatter(&|x| category_label(*x, labels))
        .draw()?;
    let width = 0.9 / sides.len().max(1) as f64;
    for (k, (_, series, colour)) in sides.iter().enumerate() {
        let offset = 0.05 + width * k as f64 + x_min;
        let colour = *colour;
        chart.draw_series(series.shares.iter().enumerate().map(|(i, &share)| {
            let x = i as f64 + offset;
            Rectangle::new([(x, 0.0), (x + width, share)], colour.filled())
        }))?;
    }
    if let (Some(base), Some(cur)) = (&histogram.baseline, &histogram.current) {
        // Categories the baseline never had: outlined and labelled, so they are not read as ordinary growth.
        let unseen: Vec<(usize, f64)> = base
            .counts
            .iter()
            .zip(&cur.shares)
            .enumerate()
            .filter(|(_, (&b, &c))| b == 0 && c > 0.0)
            .map(|(i, (_, &c))| (i, c))
            .collect();
        if !unseen.is_empty() {
            chart.draw_series(unseen.iter().flat_map(|&(i, share)| {
                let x = i as f64 + x_min + 0.05;
                [
                    Rectangle::new([(x, 0.0), (x + 0.9, share)], HIGHLIGHT.stroke_width(2)).into_dyn(),
                    Text::new("new", (x, share + top * 0.03), ("sans-serif", 13).into_font().color(&HIGHLIGHT))
                        .into_dyn(),
                ]
            }))?;
            legend.push(LegendEntry { label: "not in the baseline".into(), swatch: HIGHLIGHT.stroke_width(2) });
        }
    }
    draw_strip(&strip, &legend, 60)?;
    area.present()
}

/// Numeric bins on a value axis: bars span their edges, and the axis picks
/// round tick values (2,000, 4,000, …) instead of the edges (19,988.6).
fn numeric_bars<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    edges: &[f64],
    sides: &[(&str, &Series, RGBColor)],
    top: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (lo, hi) = (edges[0], edges[edges.len() - 1]);
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo - 0.5, lo + 0.5) };
    let mut chart = ChartBuilder::on(plot)
        .margin_left(10)
        .margin_right(24)
        .margin_bottom(6)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(lo..hi, 0.0..top)?;
    let span = hi - lo;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc("share of rows")
        .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
        .x_labels(8)
        .x_label_formatter(&|x| tick_label(*x, span))
        .draw()?;
    let share = 0.9 / sides.len().max(1) as f64;
    for (k, (_, series, colour)) in sides.iter().enumerate() {
        let colour = *colour;
        chart.draw_series(series.shares.iter().zip(edges.windows(2)).map(|(&s, w)| {
            let width = w[1] - w[0];
            let x = w[0] + width * (0.05 + share * k as f64);
            Rectangle::new([(x, 0.0), (x + width * share, s)], colour.filled())
        }))?;
    }
    Ok(())
}

/// The category name under bar `x`.
fn category_label(x: f64, labels: &[String]) -> String {
    if (x - x.round()).abs() > 1e-9 || x < -1e-9 {
        return String::new();
    }
    let i = x.round() as usize;
    labels.get(i).map_or_else(String::new, |l| shorten(l))
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_owned()
    } else {
        let head: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{head}…")
    }
}

/// The histogram as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn histogram_svg(histogram: &Histogram, width: u32, height: u32) -> Result<String, String> {
    crate::svg::render_svg(width, height, |area| draw_histogram(area, histogram))
}
