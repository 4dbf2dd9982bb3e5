//! A column's histogram, baseline beside current, as shares of present rows.

use plotters::coord::Shift;
use plotters::prelude::*;

use tideline_engine::histogram::{Histogram, Series};
use tideline_engine::summary::short_number;

use crate::legend::{draw_legend, Corner, LegendEntry};
use crate::palette::{BASELINE, CURRENT, HIGHLIGHT};

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
    // Numeric bins put edge i at x = i; categories put bar i's centre at x = i,
    // so that integer ticks carry the edge or the category name.
    let (x_min, x_max) = if histogram.numeric { (0.0, n_bars as f64) } else { (-0.5, n_bars as f64 - 0.5) };
    let mut chart = ChartBuilder::on(area)
        .caption(&histogram.column, ("sans-serif", 18))
        .margin(10)
        .x_label_area_size(if histogram.numeric { 40 } else { 60 })
        .y_label_area_size(50)
        .build_cartesian_2d(x_min..x_max, 0.0..top)?;
    let labels = &histogram.labels;
    let edges = &histogram.edges;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc("share of rows")
        .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
        .x_labels(if histogram.numeric { n_bars.min(10) + 1 } else { n_bars.min(20) })
        .x_label_formatter(&|x| axis_label(*x, labels, edges))
        .draw()?;
    let width = 0.9 / sides.len().max(1) as f64;
    let mut legend = Vec::new();
    for (k, (name, series, colour)) in sides.iter().enumerate() {
        let offset = 0.05 + width * k as f64 + x_min;
        let colour = *colour;
        chart.draw_series(series.shares.iter().enumerate().map(|(i, &share)| {
            let x = i as f64 + offset;
            Rectangle::new([(x, 0.0), (x + width, share)], colour.filled())
        }))?;
        legend.push(LegendEntry {
            label: format!("{name} ({} rows)", series.counts.iter().sum::<u64>()),
            swatch: colour.filled(),
        });
    }
    if let (false, Some(base), Some(cur)) = (histogram.numeric, &histogram.baseline, &histogram.current) {
        // Categories the baseline never had: outlined and labelled, so they are not read as ordinary growth.
        let unseen = base.counts.iter().zip(&cur.shares).enumerate().filter(|(_, (&b, &c))| b == 0 && c > 0.0);
        chart.draw_series(unseen.flat_map(|(i, (_, &share))| {
            let x = i as f64 + x_min + 0.05;
            [
                Rectangle::new([(x, 0.0), (x + 0.9, share)], HIGHLIGHT.stroke_width(2)).into_dyn(),
                Text::new("new", (x, share + top * 0.03), ("sans-serif", 13).into_font().color(&HIGHLIGHT)).into_dyn(),
            ]
        }))?;
        legend.push(LegendEntry { label: "not in the baseline".into(), swatch: HIGHLIGHT.stroke_width(2) });
    }
    draw_legend(&chart.plotting_area().strip_coord_spec(), &legend, Corner::UpperRight)?;
    area.present()
}

fn axis_label(x: f64, labels: &[String], edges: &[f64]) -> String {
    if !edges.is_empty() {
        // Numeric bins: the tick at bar boundary i shows edge i.
        let i = x.round().max(0.0) as usize;
        return match edges.get(i) {
            Some(edge) if (x - x.round()).abs() < 1e-9 => short_number(*edge),
            _ => String::new(),
        };
    }
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
