//! The SHAP beeswarm: one row per feature, one point per data row at its
//! local attribution, piled up where points crowd (as shap's
//! `summary_plot` does, but without randomness, so a picture is
//! reproducible) and coloured by the feature's own value from low to high.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::colour_scale::{draw_value_legend, ValueScale};
use crate::no_data::draw_no_data;
use crate::ranking::{ranked, row_label, shorten, stride};
use crate::svg::render_svg;
use crate::ticks::tick_label;

/// Longest feature name drawn before it is shortened with an ellipsis.
const MAX_NAME_CHARS: usize = 24;
/// At most this many points per feature are drawn (every k-th row beyond).
pub const MAX_BEESWARM_POINTS: usize = 1500;
/// Width of the legend strip, in pixels.
const LEGEND_WIDTH: u32 = 80;
/// Bins along x within which points are piled (shap uses 100).
const PILE_BINS: f64 = 100.0;
/// Colour of points whose feature values were not given.
const UNCOLOURED: RGBColor = RGBColor(80, 80, 80);

/// Local attributions of many rows.
///
/// Both tables are by feature, then by row: `attributions[f][r]` is row `r`'s
/// attribution to `features[f]` and `feature_values[f][r]` that row's value
/// of the feature (encoded as a number: categories by their code; NaN when
/// missing, drawn grey). `feature_values` may be empty (points are then
/// drawn dark grey, without a colour legend).
#[derive(Debug, Clone, PartialEq)]
pub struct BeeswarmChart {
    /// Caption, e.g. "Local attributions (current data)".
    pub title: String,
    /// Feature names.
    pub features: Vec<String>,
    /// Per feature, each row's attribution.
    pub attributions: Vec<Vec<f64>>,
    /// Per feature, each row's feature value (same shape as `attributions`), or empty.
    pub feature_values: Vec<Vec<f64>>,
    /// How many features to show: those with the largest mean |attribution|.
    pub top_n: usize,
    /// The value axis, e.g. "SHAP value (impact on model output)".
    pub value_label: String,
}

impl Default for BeeswarmChart {
    fn default() -> Self {
        Self {
            title: "Local attributions".to_owned(),
            features: Vec::new(),
            attributions: Vec::new(),
            feature_values: Vec::new(),
            top_n: 10,
            value_label: "SHAP value (impact on model output)".to_owned(),
        }
    }
}

/// Why there is nothing to draw, if so.
fn missing_reason(chart: &BeeswarmChart) -> Option<String> {
    let n = chart.features.len();
    if n == 0 {
        return Some("no features".to_owned());
    }
    if chart.attributions.len() != n {
        return Some(format!("attributions for {} features, {n} names", chart.attributions.len()));
    }
    if !chart.feature_values.is_empty() && chart.feature_values.len() != n {
        return Some(format!("feature values for {} features, {n} names", chart.feature_values.len()));
    }
    if !chart.attributions.iter().flatten().any(|v| v.is_finite()) {
        return Some("no rows with attributions".to_owned());
    }
    None
}

/// Mean |attribution| over the finite values (NaN when there are none).
fn mean_abs(values: &[f64]) -> f64 {
    let (sum, n) = values.iter().filter(|v| v.is_finite()).fold((0.0, 0_u32), |(s, n), v| (s + v.abs(), n + 1));
    sum / f64::from(n)
}

/// Vertical offsets (in row heights, within ±0.4) piling up `xs` where they
/// crowd: within each of 100 bins along x, points alternate above and below
/// the centre line in row order.
fn pile(xs: &[f64]) -> Vec<f64> {
    let (lo, hi) = xs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    let width = if hi > lo { hi - lo } else { 1.0 };
    let bins: Vec<i64> = xs.iter().map(|&x| (PILE_BINS * (x - lo) / width).round() as i64).collect();
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by_key(|&i| (bins[i], i));
    let mut offsets = vec![0.0; xs.len()];
    let mut layer = 0_u32;
    let mut last_bin = None;
    for i in order {
        if last_bin != Some(bins[i]) {
            layer = 0;
        }
        let sign = if layer % 2 == 1 { 1.0 } else { -1.0 };
        offsets[i] = f64::from(layer.div_ceil(2)) * sign;
        layer += 1;
        last_bin = Some(bins[i]);
    }
    let tallest = offsets.iter().fold(0.0_f64, |m, o| m.max(o.abs()));
    let scale = 0.9 * 0.4 / (tallest + 1.0);
    offsets.iter().map(|o| o * scale).collect()
}

/// Draws `chart` filling `area`: features from the most influential (top)
/// down, a zero line, and the colour legend at the right. Data with no
/// finite attribution (or tables whose shapes disagree) draw a "no data"
/// sentence instead.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_beeswarm<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BeeswarmChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(reason) = missing_reason(chart) {
        return draw_no_data(area, &chart.title, &reason);
    }
    area.fill(&WHITE)?;
    let body = area.titled(&chart.title, ("sans-serif", 18))?;
    let coloured = !chart.feature_values.is_empty();
    let (plot_area, legend_area) = if coloured {
        let (w, _) = body.dim_in_pixel();
        body.split_horizontally(w.saturating_sub(LEGEND_WIDTH))
    } else {
        body.split_horizontally(body.dim_in_pixel().0)
    };
    let means: Vec<f64> = chart.attributions.iter().map(|a| mean_abs(a)).collect();
    let shown: Vec<usize> =
        ranked(&means).into_iter().filter(|&f| means[f].is_finite()).take(chart.top_n.max(1)).collect();
    let rest = chart.features.len() - shown.len();
    let most_rows = shown.iter().map(|&f| chart.attributions[f].len()).max().unwrap_or(0);
    let step = stride(most_rows, MAX_BEESWARM_POINTS);
    let xs = shown.iter().flat_map(|&f| chart.attributions[f].iter().step_by(step)).filter(|v| v.is_finite());
    let (lo, hi) = xs.fold((0.0_f64, 0.0_f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if hi > lo { (lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.05) } else { (-1.0, 1.0) };
    let k = shown.len();
    let k_f = k as f64;
    let names: Vec<String> = shown.iter().map(|&f| shorten(&chart.features[f], MAX_NAME_CHARS)).collect();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(1);
    let mut notes = Vec::new();
    if step > 1 {
        notes.push(format!("1 in {step} rows shown"));
    }
    match rest {
        0 => {}
        1 => notes.push("1 more feature not shown".to_owned()),
        _ => notes.push(format!("{rest} more features not shown")),
    }
    let x_desc = if notes.is_empty() {
        chart.value_label.clone()
    } else {
        format!("{}  ({})", chart.value_label, notes.join("; "))
    };
    let mut plot = ChartBuilder::on(&plot_area)
        .margin(10)
        .x_label_area_size(45)
        .y_label_area_size(u32::try_from(longest * 7 + 14).unwrap_or(200))
        .build_cartesian_2d(lo..hi, -0.5..k_f - 0.5)?;
    let label_of = |y: &f64| row_label(&names, *y);
    plot.configure_mesh()
        .disable_mesh()
        .y_labels(k)
        .y_label_formatter(&label_of)
        .x_label_formatter(&|x| tick_label(*x, hi - lo))
        .x_desc(x_desc)
        .draw()?;
    // Faint row guides and the zero line.
    plot.draw_series((0..k).map(|r| PathElement::new([(lo, r as f64), (hi, r as f64)], BLACK.mix(0.08))))?;
    plot.draw_series(std::iter::once(PathElement::new([(0.0, -0.5), (0.0, k_f - 0.5)], BLACK.mix(0.5))))?;
    let mut any_missing = false;
    for (rank, &f) in shown.iter().enumerate() {
        let values = chart.feature_values.get(f).filter(|v| v.len() == chart.attributions[f].len());
        let scale = values.and_then(|v| ValueScale::of(v));
        let rows: Vec<(f64, f64)> = chart.attributions[f]
            .iter()
            .zip(0..)
            .step_by(step)
            .filter(|(x, _)| x.is_finite())
            .map(|(&x, r)| (x, values.and_then(|v| v.get(r)).copied().unwrap_or(f64::NAN)))
            .collect();
        let xs: Vec<f64> = rows.iter().map(|(x, _)| *x).collect();
        let centre = k_f - 1.0 - rank as f64;
        let points = rows.iter().zip(pile(&xs)).map(|(&(x, value), dy)| {
            let colour = match scale {
                Some(scale) if coloured => scale.colour(value),
                _ => UNCOLOURED,
            };
            any_missing |= coloured && !value.is_finite();
            Circle::new((x, centre + dy), 2, colour.filled())
        });
        let points: Vec<_> = points.collect();
        plot.draw_series(points)?;
    }
    if coloured {
        draw_value_legend(&legend_area, "feature value", any_missing)?;
    }
    area.present()
}

/// The chart as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn beeswarm_svg(chart: &BeeswarmChart, width: u32, height: u32) -> Result<String, String> {
    render_svg(width, height, |area| draw_beeswarm(area, chart))
}

#[cfg(test)]
mod tests {
    use super::pile;

    #[test]
    fn pile_alternates_within_a_bin_and_stays_in_the_row() {
        let offsets = pile(&[0.0, 0.0, 0.0, 5.0]);
        // Three points in one bin: centre, above, below; the lone point sits on the line.
        assert_eq!(offsets[0], 0.0);
        assert!(offsets[1] > 0.0 && (offsets[1] + offsets[2]).abs() < 1e-12);
        assert_eq!(offsets[3], 0.0);
        assert!(offsets.iter().all(|o| o.abs() <= 0.4));
    }
}
