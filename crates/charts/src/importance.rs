//! Global feature attributions (e.g. mean |SHAP| per feature), baseline beside
//! current as horizontal bars, largest first, so a reader sees at once which
//! features drive the model and which moved.

use plotters::coord::Shift;
use plotters::prelude::*;

use plotters::style::text_anchor::{HPos, Pos, VPos};
use tideline_engine::summary::short_number;

use crate::frame::titled_body;
use crate::legend::{draw_legend, Corner, LegendEntry};
use crate::no_data::draw_no_data;
use crate::palette::{BASELINE, CURRENT};
use crate::ranking::{ranked, row_label, shorten};
use crate::svg::render_svg;

/// Longest feature name drawn before it is shortened with an ellipsis.
const MAX_NAME_CHARS: usize = 24;
/// Up to this many bars get their value written at their end.
const MAX_VALUE_LABELS: usize = 30;

/// Global attributions of one model on the baseline and the current data.
///
/// `baseline` and `current` hold one value per entry of `features`, or are
/// empty when that side is not known (at least one side is needed). A
/// non-finite value draws no bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportanceChart {
    /// Caption, e.g. "Global feature attribution".
    pub title: String,
    /// Feature names.
    pub features: Vec<String>,
    /// Baseline attribution per feature (empty: no baseline bars).
    pub baseline: Vec<f64>,
    /// Current attribution per feature (empty: no current bars).
    pub current: Vec<f64>,
    /// What the values are, for the value axis, e.g. "mean |SHAP|".
    pub value_label: String,
    /// How many features to show (the largest, by current value, or by
    /// baseline value when there is no current side); the rest are counted
    /// in a note on the value axis.
    pub top_n: usize,
    /// Shown under the title when the attributions explain a surrogate model,
    /// e.g. "surrogate attributions: GBDT fitted to the captured scores (R² 0.94)".
    pub surrogate_caption: Option<String>,
}

impl Default for ImportanceChart {
    fn default() -> Self {
        Self {
            title: "Global feature attribution".to_owned(),
            features: Vec::new(),
            baseline: Vec::new(),
            current: Vec::new(),
            value_label: "mean |SHAP|".to_owned(),
            top_n: 10,
            surrogate_caption: None,
        }
    }
}

/// Why there is nothing to draw, if so.
fn missing_reason(chart: &ImportanceChart) -> Option<String> {
    let n = chart.features.len();
    if n == 0 {
        return Some("no features".to_owned());
    }
    for (side, values) in [("baseline", &chart.baseline), ("current", &chart.current)] {
        if !values.is_empty() && values.len() != n {
            return Some(format!("{} {side} values for {n} features", values.len()));
        }
    }
    let mut values = chart.baseline.iter().chain(&chart.current).filter(|v| v.is_finite());
    match values.clone().next() {
        None => Some("no attribution values".to_owned()),
        Some(_) if values.all(|v| *v == 0.0) => Some("every attribution is zero".to_owned()),
        Some(_) => None,
    }
}

/// Draws `chart` filling `area`: two bars per feature (baseline above,
/// current below), the largest feature at the top. Data with nothing to show
/// (no features, no finite value, all zero, lengths that disagree) draw a
/// "no data" sentence instead.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_importance<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ImportanceChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(reason) = missing_reason(chart) {
        return draw_no_data(area, &chart.title, &reason);
    }
    let body = titled_body(area, &chart.title, chart.surrogate_caption.as_deref())?;
    let key = if chart.current.iter().any(|v| v.is_finite()) { &chart.current } else { &chart.baseline };
    let shown: Vec<usize> = ranked(key).into_iter().take(chart.top_n.max(1)).collect();
    let rest = chart.features.len() - shown.len();
    let sides: Vec<(&str, &[f64], RGBColor)> =
        [("baseline", &chart.baseline, BASELINE), ("current", &chart.current, CURRENT)]
            .into_iter()
            .filter(|(_, values, _)| !values.is_empty())
            .map(|(name, values, colour)| (name, values.as_slice(), colour))
            .collect();
    let values = || shown.iter().flat_map(|&i| sides.iter().filter_map(move |(_, v, _)| v.get(i))).copied();
    let (lo, hi) = values().filter(|v| v.is_finite()).fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room at the ends for the value labels.
    let pad = (hi - lo) * 0.14;
    let (lo, hi) = (if lo < 0.0 { lo - pad } else { 0.0 }, if hi > 0.0 { hi + pad } else { 0.0 });
    let k = shown.len();
    let k_f = k as f64;
    let names: Vec<String> = shown.iter().map(|&i| shorten(&chart.features[i], MAX_NAME_CHARS)).collect();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(1);
    let x_desc = match rest {
        0 => chart.value_label.clone(),
        1 => format!("{}  (1 more feature not shown)", chart.value_label),
        _ => format!("{}  ({rest} more features not shown)", chart.value_label),
    };
    let mut plot = ChartBuilder::on(&body)
        .margin(10)
        .x_label_area_size(45)
        .y_label_area_size(u32::try_from(longest * 7 + 14).unwrap_or(200))
        .build_cartesian_2d(lo..hi, -0.5..k_f - 0.5)?;
    let label_of = |y: &f64| row_label(&names, *y);
    plot.configure_mesh()
        .disable_y_mesh()
        .y_labels(k)
        .y_label_formatter(&label_of)
        .x_label_formatter(&|x| short_number(*x))
        .x_desc(x_desc)
        .draw()?;
    let bar = 0.8 / sides.len() as f64;
    let value_font = ("sans-serif", 11).into_font().color(&BLACK.mix(0.8));
    let mut legend = Vec::new();
    for (s, (name, side, colour)) in sides.iter().enumerate() {
        let colour = *colour;
        let bars = shown.iter().enumerate().filter_map(|(rank, &i)| {
            let v = side.get(i).copied().filter(|v| v.is_finite())?;
            let top = k_f - 1.0 - rank as f64 + 0.4 - bar * s as f64;
            Some((v, top))
        });
        let bars: Vec<(f64, f64)> = bars.collect();
        plot.draw_series(bars.iter().map(|&(v, top)| Rectangle::new([(0.0, top), (v, top - bar)], colour.filled())))?;
        legend.push(LegendEntry { label: (*name).to_owned(), swatch: colour.filled() });
        if k * sides.len() <= MAX_VALUE_LABELS {
            let offset = (hi - lo) * 0.01;
            plot.draw_series(bars.iter().map(|&(v, top)| {
                let (x, h) = if v < 0.0 { (v - offset, HPos::Right) } else { (v + offset, HPos::Left) };
                Text::new(short_number(v), (x, top - bar / 2.0), value_font.clone().pos(Pos::new(h, VPos::Center)))
            }))?;
        }
    }
    draw_legend(&plot.plotting_area().strip_coord_spec(), &legend, Corner::LowerRight)?;
    area.present()
}

/// The chart as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn importance_svg(chart: &ImportanceChart, width: u32, height: u32) -> Result<String, String> {
    render_svg(width, height, |area| draw_importance(area, chart))
}
