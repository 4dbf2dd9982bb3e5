//! One row's explanation as a waterfall: from the expected output E[f(X)],
//! each feature's contribution moves the output up or down until it reaches
//! this row's f(x). The largest contributions are at the top; the smallest
//! are summed into one "N other features" bar.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use tideline_engine::summary::short_number;

use crate::colour_scale::{NEGATIVE, POSITIVE};
use crate::no_data::draw_no_data;
use crate::ranking::{ranked, shorten};
use crate::svg::render_svg;
use crate::ticks::tick_label;

/// Longest feature name drawn before it is shortened with an ellipsis.
const MAX_NAME_CHARS: usize = 22;
/// Longest feature value drawn before it is shortened with an ellipsis.
const MAX_VALUE_CHARS: usize = 12;
/// Half the height of a bar, in rows.
const HALF_BAR: f64 = 0.35;

/// One row's attributions.
///
/// The output f(x) is `expected_value` plus the finite contributions (SHAP
/// values are additive); a non-finite contribution is left out and counted
/// in a note.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterfallChart {
    /// Caption, e.g. "Row 42".
    pub title: String,
    /// The expected output E[f(X)] (shap's `expected_value`).
    pub expected_value: f64,
    /// Feature names.
    pub features: Vec<String>,
    /// The row's value of each feature as text ("37", "red", "" when
    /// unknown), shown as "feature = value"; may be empty (names only).
    pub feature_values: Vec<String>,
    /// Each feature's contribution for this row.
    pub contributions: Vec<f64>,
    /// How many features get their own bar (largest |contribution| first).
    pub top_n: usize,
    /// The output axis, e.g. "model output (log-odds)".
    pub output_label: String,
}

impl Default for WaterfallChart {
    fn default() -> Self {
        Self {
            title: "Row explanation".to_owned(),
            expected_value: 0.0,
            features: Vec::new(),
            feature_values: Vec::new(),
            contributions: Vec::new(),
            top_n: 10,
            output_label: "model output".to_owned(),
        }
    }
}

/// One bar: its label and its contribution.
struct Step {
    label: String,
    value: f64,
}

/// Why there is nothing to draw, if so.
fn missing_reason(chart: &WaterfallChart) -> Option<String> {
    let n = chart.features.len();
    if n == 0 {
        return Some("no features".to_owned());
    }
    if chart.contributions.len() != n {
        return Some(format!("{} contributions for {n} features", chart.contributions.len()));
    }
    if !chart.feature_values.is_empty() && chart.feature_values.len() != n {
        return Some(format!("{} feature values for {n} features", chart.feature_values.len()));
    }
    if !chart.expected_value.is_finite() {
        return Some("no expected value".to_owned());
    }
    None
}

/// The bars from the bottom up: the "others" bar, then the shown features
/// from the smallest |contribution| to the largest; and how many
/// contributions were not finite.
fn steps(chart: &WaterfallChart) -> (Vec<Step>, usize) {
    let magnitudes: Vec<f64> = chart.contributions.iter().map(|v| v.abs()).collect();
    let finite: Vec<usize> = ranked(&magnitudes).into_iter().filter(|&i| magnitudes[i].is_finite()).collect();
    let skipped = chart.features.len() - finite.len();
    // Keep top_n bars in all, the "others" bar included, unless only one feature would be folded.
    let own = if finite.len() > chart.top_n.max(1) { chart.top_n.max(2) - 1 } else { finite.len() };
    let (shown, folded) = finite.split_at(own.min(finite.len()));
    let mut bars = Vec::new();
    if !folded.is_empty() {
        let value = folded.iter().map(|&i| chart.contributions[i]).sum();
        bars.push(Step { label: format!("{} other features", folded.len()), value });
    }
    for &i in shown.iter().rev() {
        let name = shorten(&chart.features[i], MAX_NAME_CHARS);
        let label = match chart.feature_values.get(i).filter(|v| !v.is_empty()) {
            Some(value) => format!("{name} = {}", shorten(value, MAX_VALUE_CHARS)),
            None => name,
        };
        bars.push(Step { label, value: chart.contributions[i] });
    }
    (bars, skipped)
}

/// Draws `chart` filling `area`. Data with no features, lengths that
/// disagree or no expected value draw a "no data" sentence instead.
///
/// # Errors
/// Whatever the backend reports.
pub fn draw_waterfall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &WaterfallChart,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(reason) = missing_reason(chart) {
        return draw_no_data(area, &chart.title, &reason);
    }
    area.fill(&WHITE)?;
    let body = area.titled(&chart.title, ("sans-serif", 18))?;
    let (bars, skipped) = steps(chart);
    let expected = chart.expected_value;
    // Row 0 is E[f(X)], rows 1..=bars the steps, the last row f(x).
    let mut ends = vec![expected];
    for bar in &bars {
        ends.push(ends[ends.len() - 1] + bar.value);
    }
    let output = ends[ends.len() - 1];
    let (lo, hi) = ends.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let span = if hi > lo { hi - lo } else { lo.abs().max(1.0) };
    let (lo, hi) = (lo - span * 0.15, hi + span * 0.15);
    let top_row = bars.len() as f64 + 1.0;
    let mut labels = vec![format!("E[f(X)] = {}", short_number(expected))];
    labels.extend(bars.iter().map(|b| b.label.clone()));
    labels.push(format!("f(x) = {}", short_number(output)));
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let x_desc = match skipped {
        0 => chart.output_label.clone(),
        1 => format!("{}  (1 feature without a contribution left out)", chart.output_label),
        _ => format!("{}  ({skipped} features without a contribution left out)", chart.output_label),
    };
    let mut plot = ChartBuilder::on(&body)
        .margin(10)
        .x_label_area_size(45)
        .y_label_area_size(u32::try_from(longest * 7 + 14).unwrap_or(240))
        .build_cartesian_2d(lo..hi, -0.6..top_row + 0.6)?;
    let label_of = |y: &f64| -> String {
        if (y - y.round()).abs() > 1e-9 || *y < -1e-9 {
            return String::new();
        }
        labels.get(y.round() as usize).cloned().unwrap_or_default()
    };
    plot.configure_mesh()
        .disable_y_mesh()
        .x_max_light_lines(0)
        .y_labels(labels.len())
        .y_label_formatter(&label_of)
        .x_label_formatter(&|x| tick_label(*x, hi - lo))
        .x_desc(x_desc)
        .draw()?;
    // The expected and the final output: a dashed vertical line through all rows, and a dot on their own row.
    let guide = BLACK.mix(0.35);
    for (value, row) in [(expected, 0.0), (output, top_row)] {
        plot.draw_series(DashedLineSeries::new([(value, -0.5), (value, top_row + 0.5)], 4, 4, guide.stroke_width(1)))?;
        plot.draw_series(std::iter::once(Circle::new((value, row), 4, BLACK.filled())))?;
    }
    let text = |h: HPos| ("sans-serif", 11).into_font().color(&BLACK.mix(0.85)).pos(Pos::new(h, VPos::Center));
    let gap = (hi - lo) * 0.008;
    for (k, bar) in bars.iter().enumerate() {
        let row = k as f64 + 1.0;
        let (from, to) = (ends[k], ends[k + 1]);
        let colour = if bar.value < 0.0 { NEGATIVE } else { POSITIVE };
        plot.draw_series(std::iter::once(Rectangle::new(
            [(from, row - HALF_BAR), (to, row + HALF_BAR)],
            colour.filled(),
        )))?;
        // Connector from this bar's end to the next row.
        plot.draw_series(std::iter::once(PathElement::new(
            [(to, row + HALF_BAR), (to, row + 1.0 - HALF_BAR)],
            BLACK.mix(0.5),
        )))?;
        let signed = if bar.value < 0.0 {
            format!("−{}", short_number(-bar.value))
        } else {
            format!("+{}", short_number(bar.value))
        };
        let (x, h) = if bar.value < 0.0 { (from.min(to) - gap, HPos::Right) } else { (from.max(to) + gap, HPos::Left) };
        plot.draw_series(std::iter::once(Text::new(signed, (x, row), text(h))))?;
    }
    area.present()
}

/// The chart as an SVG document (`width` × `height` pixels).
///
/// # Errors
/// Drawing errors, as text.
pub fn waterfall_svg(chart: &WaterfallChart, width: u32, height: u32) -> Result<String, String> {
    render_svg(width, height, |area| draw_waterfall(area, chart))
}
