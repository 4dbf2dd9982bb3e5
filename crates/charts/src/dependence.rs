//! The SHAP dependence scatter of one feature: each sampled row's value of
//! the feature (x) against its attribution to the feature (y), baseline and
//! current rows in their own colours, so a reader sees whether the model
//! uses the feature the same way on both. Rows whose value is missing have
//! no x: they are drawn apart, in a grey strip at the left.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::colour_scale::MISSING;
use crate::frame::titled_body;
use crate::legend::{draw_strip, LegendEntry, STRIP_HEIGHT};
use crate::no_data::draw_no_data;
use crate::palette::{BASELINE, CURRENT};
use crate::ranking::stride;
use crate::svg::render_svg;
use crate::ticks::tick_label;

/// At most this many points per side are drawn (every k-th row beyond).
pub const MAX_DEPENDENCE_POINTS: usize = 2000;
/// Width of the missing-values strip, its axis included, in pixels.
const STRIP_WIDTH: u32 = 160;
/// Width of the value axis labels, in pixels.
const Y_LABELS: u32 = 70;

/// One side's sampled rows: the feature's value and its attribution, row by row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DependenceSide {
    /// Each row's value of the feature (categories by their code; NaN when missing).
    pub feature_values: Vec<f64>,
    /// Each row's attribution to the feature (a non-finite one draws nothing).
    pub attributions: Vec<f64>,
}

/// One feature's attributions against its values, on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct DependenceChart {
    /// Caption, e.g. "Dependence of income".
    pub title: String,
    /// The feature, for the axes.
    pub feature: String,
    /// Baseline rows (may be empty).
    pub baseline: DependenceSide,
    /// Current rows (may be empty).
    pub current: DependenceSide,
    /// The value axis, e.g. "SHAP value".
    pub value_label: String,
    /// Shown under the title when the attributions explain a surrogate model.
    pub surrogate_caption: Option<String>,
}

impl Default for DependenceChart {
    fn default() -> Self {
        Self {
            title: "Dependence".to_owned(),
            feature: String::new(),
            baseline: DependenceSide::default(),
            current: DependenceSide::default(),
            value_label: "SHAP value".to_owned(),
            surrogate_caption: None,
        }
    }
}

/// How many points the chart draws: in the scatter per side, and in the
/// missing-values strip (both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DependenceCounts {
    /// Baseline rows with a value.
    pub baseline: usize,
    /// Current rows with a value.
    pub current: usize,
    /// Rows of either side whose value is missing.
    pub missing: usize,
}

/// One side's drawn rows: (value, attribution) pairs and the attributions of rows without a value.
struct SidePoints {
    scatter: Vec<(f64, f64)>,
    missing: Vec<f64>,
}

/// `side`'s rows to draw (thinned to [`MAX_DEPENDENCE_POINTS`], finite attributions only).
fn side_points(side: &DependenceSide) -> SidePoints {
    let step = stride(side.attributions.len(), MAX_DEPENDENCE_POINTS);
    let rows = side.feature_values.iter().zip(&side.attributions).step_by(step).filter(|(_, y)| y.is_finite());
    let (with_value, without): (Vec<_>, Vec<_>) = rows.partition(|(x, _)| x.is_finite());
    SidePoints {
        scatter: with_value.into_iter().map(|(&x, &y)| (x, y)).collect(),
        missing: without.into_iter().map(|(_, &y)| y).collect(),
    }
}

/// The points [`draw_dependence`] draws (zero for a chart it cannot draw).
#[must_use]
pub fn dependence_counts(chart: &DependenceChart) -> DependenceCounts {
    if missing_reason(chart).is_some() {
        return DependenceCounts::default();
    }
    let (b, c) = (side_points(&chart.baseline), side_points(&chart.current));
    DependenceCounts { baseline: b.scatter.len(), current: c.scatter.len(), missing: b.missing.len() + c.missing.len() }
}

/// Why there is nothing to draw, if so.
fn missing_reason(chart: &DependenceChart) -> Option<String> {
    for (name, side) in [("baseline", &chart.baseline), ("current", &chart.current)] {
        if side.feature_values.len() != side.attributions.len() {
            return Some(format!(
                "{name}: {} feature values for {} attributions",
                side.feature_values.len(),
                side.attributions.len()
            ));
        }
    }
    let all = chart.baseline.attributions.iter().chain(&chart.current.attributions);
    if !all.clone().any(|v| v.is_finite()) {
        return Some("no rows with attributions".to_owned());
    }
    None
}

/// `lo..hi` widened by 5% on each side (a unit around a single value).
fn padded(lo: f64, hi: f64) -> (f64, f64) {
    if hi > lo {
        (lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05)
    } else if lo.is_finite() {
        (lo - lo.abs().max(1.0) * 0.5, lo + lo.abs().max(1.0) * 0.5)
    } else {
        (0.0, 1.0)
    }
}

/// The smallest and largest of `values` (infinite bounds when there are none).
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

/// Draws the missing-values strip: baseline rows in the left column,
/// current rows in the right, grey, with the value axis.
fn draw_missing_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sides: [&SidePoints; 2],
    (lo, hi): (f64, f64),
    y_desc: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut plot = ChartBuilder::on(area)
        .margin(10)
        .margin_right(4)
        .x_label_area_size(45)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(-0.5..1.5, lo..hi)?;
    let columns = ["base", "cur"];
    plot.configure_mesh()
        .disable_mesh()
        .x_labels(2)
        .x_label_formatter(&|x: &f64| {
            if (x - x.round()).abs() > 1e-9 || *x < -1e-9 {
                return String::new();
            }
            columns.get(x.round() as usize).map_or_else(String::new, |c| (*c).to_owned())
        })
        .y_label_formatter(&|y| tick_label(*y, hi - lo))
        .label_style(("sans-serif", 12))
        .axis_desc_style(("sans-serif", 13))
        .y_desc(y_desc)
        .x_desc("missing")
        .draw()?;
    plot.draw_series(std::iter::once(Rectangle::new([(-0.5, lo), (1.5, hi)], MISSING.mix(0.15).filled())))?;
    plot.draw_series(std::iter::once(PathElement::new([(-0.5, 0.0), (1.5, 0.0)], BLACK.mix(0.5))))?;
    for (column, side) in sides.into_iter().enumerate() {
        let centre = column as f64;
        // Spread over seven lanes so piled points stay countable.
        let points = side.missing.iter().zip(0_u32..).map(|(&y, k)| {
            let lane = f64::from(k % 7) - 3.0;
            Circle::new((centre + lane * 0.1, y), 2, MISSING.filled())
        });
        plot.draw_series(points)?;
    }
    Ok(())
}

/// Draws `chart` filling `area`: the scatter with a zero line and, when
/// some rows have no value, the grey strip of those rows at the left.
/// Data with no finite attribution (or sides whose lengths disagree) draw a
/// "no data" sentence instead.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_dependence<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &DependenceChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(reason) = missing_reason(chart) {
        return draw_no_data(area, &chart.title, &reason);
    }
    let body = titled_body(area, &chart.title, chart.surrogate_caption.as_deref())?;
    let (legend_strip, body) = body.split_vertically(STRIP_HEIGHT);
    let sides = [side_points(&chart.baseline), side_points(&chart.current)];
    let ys = sides.iter().flat_map(|s| s.scatter.iter().map(|p| p.1).chain(s.missing.iter().copied()));
    let (lo, hi) = extent(ys.chain([0.0]));
    let (lo, hi) = padded(lo, hi);
    let (x_lo, x_hi) = padded_extent(sides.iter().flat_map(|s| s.scatter.iter().map(|p| p.0)));
    let missing: usize = sides.iter().map(|s| s.missing.len()).sum();
    let y_desc = format!("{} of {}", chart.value_label, chart.feature);
    let plot_area = if missing > 0 {
        let (strip, rest) = body.split_horizontally(STRIP_WIDTH);
        draw_missing_strip(&strip, [&sides[0], &sides[1]], (lo, hi), &y_desc)?;
        rest
    } else {
        body
    };
    let x_desc = match missing {
        0 => chart.feature.clone(),
        1 => format!("{}  (1 row without a value, at left)", chart.feature),
        _ => format!("{}  ({missing} rows without a value, at left)", chart.feature),
    };
    let mut builder = ChartBuilder::on(&plot_area);
    builder.margin(10).x_label_area_size(45).y_label_area_size(if missing > 0 { 0 } else { Y_LABELS });
    if missing > 0 {
        builder.margin_left(4);
    }
    let mut plot = builder.build_cartesian_2d(x_lo..x_hi, lo..hi)?;
    let (x_ticks, y_ticks) = (|x: &f64| tick_label(*x, x_hi - x_lo), |y: &f64| tick_label(*y, hi - lo));
    let mut mesh = plot.configure_mesh();
    mesh.x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
        .x_desc(x_desc)
        .label_style(("sans-serif", 12))
        .axis_desc_style(("sans-serif", 13))
        .bold_line_style(BLACK.mix(0.08))
        .light_line_style(TRANSPARENT);
    if missing == 0 {
        mesh.y_desc(y_desc);
    }
    mesh.draw()?;
    plot.draw_series(std::iter::once(PathElement::new([(x_lo, 0.0), (x_hi, 0.0)], BLACK.mix(0.5))))?;
    let mut legend = Vec::new();
    for ((name, colour), side) in [("baseline", BASELINE), ("current", CURRENT)].into_iter().zip(&sides) {
        if side.scatter.is_empty() {
            continue;
        }
        plot.draw_series(side.scatter.iter().map(|&p| Circle::new(p, 2, colour.mix(0.7).filled())))?;
        legend.push(LegendEntry { label: name.to_owned(), swatch: colour.filled() });
    }
    // Above the plot, never over the points.
    draw_strip(&legend_strip, &legend, 70)?;
    area.present()
}

/// The padded range of the feature values (a unit range when none is finite).
fn padded_extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = extent(values);
    padded(lo, hi)
}

/// The chart as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn dependence_svg(chart: &DependenceChart, width: u32, height: u32) -> Result<String, String> {
    render_svg(width, height, |area| draw_dependence(area, chart))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_a_value_or_attribution_are_set_apart_or_dropped() {
        let side = DependenceSide {
            feature_values: vec![1.0, f64::NAN, 3.0, f64::INFINITY],
            attributions: vec![0.1, 0.2, f64::NAN, 0.4],
        };
        let points = side_points(&side);
        assert_eq!(points.scatter, [(1.0, 0.1)]);
        assert_eq!(points.missing, [0.2, 0.4]);
    }

    #[test]
    fn ranges_are_padded_and_never_empty() {
        assert_eq!(padded(0.0, 10.0), (-0.5, 10.5));
        assert_eq!(padded(4.0, 4.0), (2.0, 6.0));
        assert_eq!(padded_extent(std::iter::empty()), (0.0, 1.0));
    }
}
