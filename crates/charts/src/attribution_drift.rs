//! Feature-attribution drift over time: above, each top feature's global
//! attribution across the windows as a line, its baseline value marked at a
//! "baseline" position and carried across dashed in the same colour; below,
//! each window's NDCG against the baseline with the threshold line. Windows
//! in violation are shaded in both panels and their NDCG points are red,
//! so a reader sees when the model's reasons moved and which features did.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::frame::titled_body;
use crate::no_data::draw_no_data;
use crate::palette::{HIGHLIGHT, SERIES};
use crate::ranking::{ranked, shorten};
use crate::svg::render_svg;
use crate::ticks::tick_label;
use crate::window_columns::WindowColumns;

/// Longest feature name drawn in the legend before it is shortened.
const MAX_NAME_CHARS: usize = 22;
/// Width of the value axis labels, in pixels (the same in both panels, so their windows line up).
const Y_LABELS: u32 = 70;
/// Opacity of the shading of a window in violation.
pub const VIOLATION_SHADE: f64 = 0.12;

/// Global attributions and NDCG of each window of the current data.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionDriftChart {
    /// Caption, e.g. "Attribution drift over time (label0)".
    pub title: String,
    /// Feature names.
    pub features: Vec<String>,
    /// The baseline's global attribution per feature.
    pub baseline: Vec<f64>,
    /// A short label per window, for the x axis.
    pub windows: Vec<String>,
    /// Per window, the global attribution per feature.
    pub values: Vec<Vec<f64>>,
    /// Per window, its NDCG against the baseline.
    pub ndcg: Vec<f64>,
    /// Per window, true when it is in violation.
    pub violations: Vec<bool>,
    /// The NDCG below which a window is in violation (0.90).
    pub threshold: f64,
    /// How many features get a line (the largest by baseline value, at most 8).
    pub top_n: usize,
    /// What the values are, e.g. "mean |SHAP|".
    pub value_label: String,
    /// Shown under the title when the attributions explain a surrogate model.
    pub surrogate_caption: Option<String>,
}

impl Default for AttributionDriftChart {
    fn default() -> Self {
        Self {
            title: "Attribution drift over time".to_owned(),
            features: Vec::new(),
            baseline: Vec::new(),
            windows: Vec::new(),
            values: Vec::new(),
            ndcg: Vec::new(),
            violations: Vec::new(),
            threshold: 0.9,
            top_n: SERIES.len(),
            value_label: "mean |SHAP|".to_owned(),
            surrogate_caption: None,
        }
    }
}

/// Why there is nothing to draw, if so.
fn missing_reason(chart: &AttributionDriftChart) -> Option<String> {
    let (f, w) = (chart.features.len(), chart.windows.len());
    if f == 0 {
        return Some("no features".to_owned());
    }
    if w == 0 {
        return Some("no windows".to_owned());
    }
    if chart.baseline.len() != f {
        return Some(format!("{} baseline values for {f} features", chart.baseline.len()));
    }
    for (what, n) in [("values", chart.values.len()), ("NDCG", chart.ndcg.len()), ("verdicts", chart.violations.len())]
    {
        if n != w {
            return Some(format!("{what} for {n} windows, {w} window labels"));
        }
    }
    if let Some((i, v)) = chart.values.iter().enumerate().find(|(_, v)| v.len() != f) {
        return Some(format!("window {i} has {} values for {f} features", v.len()));
    }
    None
}

/// The features drawn, largest baseline value first, and the value range.
fn shown(chart: &AttributionDriftChart) -> (Vec<usize>, (f64, f64)) {
    let top = chart.top_n.clamp(1, SERIES.len());
    let features: Vec<usize> =
        ranked(&chart.baseline).into_iter().filter(|&i| chart.baseline[i].is_finite()).take(top).collect();
    let values = features.iter().flat_map(|&i| chart.values.iter().map(move |w| w[i]).chain([chart.baseline[i]]));
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((0.0_f64, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let range = if hi > lo { (lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.08) } else { (lo - 1.0, lo + 1.0) };
    (features, range)
}

/// The runs of consecutive finite points of `ys` (x = window index), so a
/// window without a value breaks the line instead of dropping to zero.
fn runs(ys: impl Iterator<Item = f64>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (x, y) in (0..).map(f64::from).zip(ys) {
        if y.is_finite() {
            if let Some(run) = out.last_mut() {
                run.push((x, y));
            }
        } else if out.last().is_some_and(|run| !run.is_empty()) {
            out.push(Vec::new());
        }
    }
    out.retain(|run| !run.is_empty());
    out
}

/// The shading of the windows in violation, from `lo` to `hi`.
fn violation_bands(violations: &[bool], (lo, hi): (f64, f64)) -> impl Iterator<Item = Rectangle<(f64, f64)>> + '_ {
    (0..)
        .map(f64::from)
        .zip(violations)
        .filter(|(_, &v)| v)
        .map(move |(x, _)| Rectangle::new([(x - 0.5, lo), (x + 0.5, hi)], HIGHLIGHT.mix(VIOLATION_SHADE).filled()))
}

/// Draws the legend strip: one swatch and name per drawn feature, then
/// how the baseline is marked and how many features are left out.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &AttributionDriftChart,
    features: &[usize],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let text = ("sans-serif", 12).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
    let mut y = 24;
    for (&f, colour) in features.iter().zip(SERIES) {
        area.draw(&PathElement::new([(4, y), (24, y)], colour.stroke_width(2)))?;
        area.draw(&Circle::new((14, y), 3, colour.filled()))?;
        area.draw_text(&shorten(&chart.features[f], MAX_NAME_CHARS), &text, (30, y))?;
        y += 18;
    }
    y += 8;
    area.draw(&Rectangle::new([(10, y - 4), (18, y + 4)], BLACK.mix(0.6).filled()))?;
    area.draw_text("baseline value", &text, (30, y))?;
    let rest = chart.features.len() - features.len();
    if rest > 0 {
        let note =
            if rest == 1 { "1 more feature not shown".to_owned() } else { format!("{rest} more features not shown") };
        area.draw_text(&note, &text.color(&BLACK.mix(0.7)), (4, y + 22))?;
    }
    Ok(())
}

/// Draws `chart` filling `area` and returns where each window's column is,
/// in `area`'s pixels (to map clicks to windows). Data with no window or
/// lengths that disagree draw a "no data" sentence instead (and no columns).
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_attribution_drift<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &AttributionDriftChart,
) -> Result<WindowColumns, DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(reason) = missing_reason(chart) {
        draw_no_data(area, &chart.title, &reason)?;
        return Ok(WindowColumns::default());
    }
    let body = titled_body(area, &chart.title, chart.surrogate_caption.as_deref())?;
    let (features, (lo, hi)) = shown(chart);
    let longest = features.iter().map(|&f| shorten(&chart.features[f], MAX_NAME_CHARS).chars().count()).max();
    let legend_width = u32::try_from(longest.unwrap_or(10).max(16) * 7 + 40).unwrap_or(220);
    let (w, h) = body.dim_in_pixel();
    let (main, legend) = body.split_horizontally(w.saturating_sub(legend_width));
    let (upper, lower) = main.split_vertically(h * 3 / 5);
    let n = chart.windows.len();
    let x_range = -1.5..n as f64 - 0.5;

    let mut top = ChartBuilder::on(&upper)
        .margin(10)
        .margin_bottom(4)
        .x_label_area_size(0)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x_range.clone(), lo..hi)?;
    top.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_label_formatter(&|y| tick_label(*y, hi - lo))
        .y_desc(&chart.value_label)
        .bold_line_style(BLACK.mix(0.08))
        .light_line_style(TRANSPARENT)
        .draw()?;
    top.draw_series(violation_bands(&chart.violations, (lo, hi)))?;
    let last = x_range.end - 0.5;
    for (&f, colour) in features.iter().zip(SERIES) {
        let base = chart.baseline[f];
        top.draw_series(DashedLineSeries::new([(-1.0, base), (last, base)], 5, 4, colour.mix(0.55).stroke_width(1)))?;
        top.draw_series(std::iter::once(
            EmptyElement::at((-1.0, base)) + Rectangle::new([(-4, -4), (4, 4)], colour.filled()),
        ))?;
        for run in runs(chart.values.iter().map(|v| v[f])) {
            top.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(2)))?;
            top.draw_series(run.into_iter().map(|p| Circle::new(p, 3, colour.filled())))?;
        }
    }
    let baseline_text = ("sans-serif", 12).into_font().color(&BLACK.mix(0.7)).pos(Pos::new(HPos::Left, VPos::Bottom));
    top.draw_series(std::iter::once(Text::new("baseline", (-1.45, lo), baseline_text)))?;

    let finite_ndcg = chart.ndcg.iter().copied().filter(|v| v.is_finite());
    let ndcg_lo = finite_ndcg.fold(chart.threshold, f64::min).min(1.0);
    let (n_lo, n_hi) = (ndcg_lo - (1.0 - ndcg_lo).max(0.05) * 0.25, 1.0 + (1.0 - ndcg_lo).max(0.05) * 0.1);
    let labels = &chart.windows;
    let mut bottom = ChartBuilder::on(&lower)
        .margin(10)
        .margin_top(4)
        .x_label_area_size(40)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(x_range.clone(), n_lo..n_hi)?;
    bottom
        .configure_mesh()
        .disable_x_mesh()
        .x_labels((n + 2).min(14))
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() > 1e-9 || *x < -1e-9 {
                return String::new();
            }
            labels.get(x.round() as usize).cloned().unwrap_or_default()
        })
        .y_labels(5)
        .y_label_formatter(&|y| format!("{y:.2}"))
        .y_desc("NDCG")
        .x_desc("window")
        .bold_line_style(BLACK.mix(0.08))
        .light_line_style(TRANSPARENT)
        .draw()?;
    bottom.draw_series(violation_bands(&chart.violations, (n_lo, n_hi)))?;
    let t = chart.threshold;
    bottom.draw_series(DashedLineSeries::new([(-1.5, t), (last + 0.5, t)], 6, 4, HIGHLIGHT.stroke_width(2)))?;
    let threshold_text = ("sans-serif", 12).into_font().color(&HIGHLIGHT).pos(Pos::new(HPos::Left, VPos::Bottom));
    bottom.draw_series(std::iter::once(Text::new(format!("threshold {t:.2}"), (-1.4, t), threshold_text)))?;
    for run in runs(chart.ndcg.iter().copied()) {
        bottom.draw_series(LineSeries::new(run.iter().copied(), BLACK.mix(0.7).stroke_width(2)))?;
    }
    let points = (0..).map(f64::from).zip(chart.ndcg.iter().zip(&chart.violations));
    bottom.draw_series(points.filter(|(_, (v, _))| v.is_finite()).map(|(x, (&v, &bad))| {
        if bad {
            Circle::new((x, v), 5, HIGHLIGHT.filled())
        } else {
            Circle::new((x, v), 3, BLACK.filled())
        }
    }))?;
    draw_legend(&legend, chart, &features)?;
    area.present()?;
    let centres: Vec<i32> = (0..n).map(|i| bottom.backend_coord(&(i as f64, n_lo)).0).collect();
    let unit = f64::from(bottom.backend_coord(&(1.0, n_lo)).0 - bottom.backend_coord(&(0.0, n_lo)).0);
    Ok(WindowColumns { centres, half_width: unit.abs() / 2.0 })
}

/// The chart as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn attribution_drift_svg(chart: &AttributionDriftChart, width: u32, height: u32) -> Result<String, String> {
    render_svg(width, height, |area| draw_attribution_drift(area, chart).map(|_| ()))
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn a_missing_value_breaks_the_line() {
        let got = runs([1.0, f64::NAN, 2.0, 3.0, f64::NAN].into_iter());
        assert_eq!(got, vec![vec![(0.0, 1.0)], vec![(2.0, 2.0), (3.0, 3.0)]]);
        assert!(runs([f64::NAN].into_iter()).is_empty());
    }
}
