//! One monitoring series across windows: its value as a line, the threshold
//! band of each window, the reference value dashed, violations marked, and
//! optionally a companion series (estimated beside realised performance).

use plotters::coord::Shift;
use plotters::prelude::*;
use tideline_engine::summary::short_number;
use tideline_engine::timeline::{CheckStatus, CheckTimeline};

use crate::legend::{draw_strip, LegendEntry, STRIP_HEIGHT};
use crate::palette::{BASELINE, CURRENT, HIGHLIGHT};

/// What to draw.
#[derive(Debug, Clone, Copy)]
pub struct SeriesChart<'a> {
    /// The series (its name is the caption).
    pub series: &'a CheckTimeline,
    /// A second series on the same windows (e.g. `estimated_performance:f1`
    /// beside `model_quality:f1`), drawn dashed.
    pub companion: Option<&'a CheckTimeline>,
    /// A short label per window, for the x axis.
    pub labels: &'a [String],
    /// The window to mark, if any.
    pub selected: Option<usize>,
}

fn value_range(chart: &SeriesChart<'_>) -> (f64, f64) {
    let cells = chart.series.cells.iter().chain(chart.companion.iter().flat_map(|c| &c.cells));
    let values = cells.flat_map(|c| [c.value, c.lower, c.upper]).chain([chart.series.reference_value]).flatten();
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    match (lo.is_finite(), hi > lo) {
        (true, true) => (lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08),
        (true, false) => (lo - 1.0, lo + 1.0),
        _ => (0.0, 1.0),
    }
}

/// Draws the chart filling `area`.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_series_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &SeriesChart<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let series = chart.series;
    let n = series.cells.len();
    let (lo, hi) = value_range(chart);
    let labels = chart.labels;
    let body = area.titled(&series.name, ("sans-serif", 18))?;
    let (strip, body) = body.split_vertically(STRIP_HEIGHT);
    // The right margin holds half of the last date label.
    let mut plot = ChartBuilder::on(&body)
        .margin_left(10)
        .margin_right(40)
        .margin_bottom(6)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(-0.5..(n.max(1) as f64 - 0.5), lo..hi)?;
    let mut legend = Vec::new();
    plot.configure_mesh()
        .disable_x_mesh()
        .x_labels(n.clamp(1, 12))
        .x_label_formatter(&|x| {
            let i = x.round();
            let label = (i >= 0.0).then(|| labels.get(i as usize)).flatten();
            label.cloned().unwrap_or_default()
        })
        .y_label_formatter(&|y| short_number(*y))
        .draw()?;
    if let Some(i) = chart.selected.filter(|&i| i < n) {
        let x = i as f64;
        plot.draw_series(std::iter::once(Rectangle::new([(x - 0.5, lo), (x + 0.5, hi)], BLACK.mix(0.07).filled())))?;
    }
    // The band where a value passes: per window, between its bounds (open sides reach the edge).
    let band = series.cells.iter().enumerate().filter(|(_, c)| c.lower.is_some() || c.upper.is_some()).map(|(i, c)| {
        let x = i as f64;
        let bottom = c.lower.unwrap_or(lo).max(lo);
        let top = c.upper.unwrap_or(hi).min(hi);
        Rectangle::new([(x - 0.5, bottom), (x + 0.5, top)], BASELINE.mix(0.12).filled())
    });
    plot.draw_series(band)?;
    legend.push(LegendEntry { label: "passes".into(), swatch: BASELINE.mix(0.2).filled() });
    if let Some(reference) = series.reference_value {
        plot.draw_series(DashedLineSeries::new(
            [(-0.5, reference), (n as f64 - 0.5, reference)],
            8,
            5,
            BLACK.mix(0.7).stroke_width(1),
        ))?;
        legend.push(LegendEntry {
            label: format!("reference {}", short_number(reference)),
            swatch: BLACK.mix(0.7).stroke_width(1),
        });
    }
    let points = |s: &CheckTimeline| -> Vec<Vec<(f64, f64)>> {
        // A missing value breaks the line.
        let mut runs = vec![Vec::new()];
        for (i, c) in s.cells.iter().enumerate() {
            match c.value {
                Some(v) => runs.last_mut().map(|r| r.push((i as f64, v))).unwrap_or_default(),
                None => runs.push(Vec::new()),
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    };
    if let Some(companion) = chart.companion {
        for run in points(companion) {
            plot.draw_series(DashedLineSeries::new(run, 6, 4, BASELINE.stroke_width(2)))?;
        }
        let label = match companion.name.split(':').next() {
            Some("estimated_performance") => "estimated (CBPE), dashed",
            Some("model_quality") => "realised, dashed",
            _ => "companion, dashed",
        };
        legend.push(LegendEntry { label: label.into(), swatch: BASELINE.stroke_width(2) });
    }
    for run in points(series) {
        plot.draw_series(LineSeries::new(run, CURRENT.stroke_width(2)).point_size(3))?;
    }
    legend.push(LegendEntry { label: "value".into(), swatch: CURRENT.stroke_width(2) });
    let violations = series
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == CheckStatus::Violation)
        .filter_map(|(i, c)| c.value.map(|v| (i as f64, v)));
    plot.draw_series(violations.map(|p| Cross::new(p, 7, HIGHLIGHT.stroke_width(3))))?;
    legend.push(LegendEntry { label: "violation".into(), swatch: HIGHLIGHT.stroke_width(3) });
    draw_strip(&strip, &legend, 70)?;
    area.present()
}

/// The chart as an SVG document.
///
/// # Errors
/// Drawing errors, as text.
pub fn series_chart_svg(chart: &SeriesChart<'_>, width: u32, height: u32) -> Result<String, String> {
    crate::svg::render_svg(width, height, |area| draw_series_chart(area, chart))
}
