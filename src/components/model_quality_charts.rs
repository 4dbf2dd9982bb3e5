//! The Model quality view's charts: ROC, precision-recall and reliability
//! curves of baseline and current for the class picked (a binary model's
//! positive class, or one class against the rest), a regression's predicted
//! against actual values, and the followed metrics across the timeline's
//! windows, realised beside CBPE-estimated.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{draw_curves, draw_series_chart, CurveChart, CurveSide, CurveStyle, Reference, SeriesChart};
use tideline_engine::model_quality::{ClassCurves, Curve, QualityDetail};

use super::canvas_draw::draw_on_canvas;
use super::monitoring_view::short_label;
use crate::state::AppState;

const CHART: (u32, u32) = (420, 340);

fn points(curve: &Curve) -> Vec<(f64, f64)> {
    curve.x.iter().copied().zip(curve.y.iter().copied()).collect()
}

/// One chart on its own canvas, redrawn when `chart` changes.
#[component]
fn CurveCanvas(chart: Signal<Option<CurveChart>>, testid: &'static str, label: &'static str) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        if let Some(c) = chart.get() {
            draw_on_canvas(canvas, |area| draw_curves(area, &c));
        }
    });
    view! {
        <Show when=move || chart.with(Option::is_some)>
            <canvas node_ref=canvas width=CHART.0 height=CHART.1 data-testid=testid role="img" aria-label=label></canvas>
        </Show>
    }
}

/// The curves of `class` on each side, labelled with `extra` (an AUC).
fn sides(
    baseline: &Option<QualityDetail>,
    current: &Option<QualityDetail>,
    class: &str,
    pick: fn(&ClassCurves) -> Vec<(f64, f64)>,
    extra: fn(&ClassCurves) -> String,
) -> (Option<CurveSide>, Option<CurveSide>) {
    let side = |d: &Option<QualityDetail>, name: &str| {
        let c = d.as_ref()?.curves.iter().find(|c| c.class == class)?;
        Some(CurveSide { label: format!("{name}{}", extra(c)), points: pick(c) })
    };
    (side(baseline, "baseline"), side(current, "current"))
}

/// ROC, precision-recall and reliability curves, or a regression's scatter.
#[component]
pub fn QualityCurves(baseline: Option<QualityDetail>, current: Option<QualityDetail>) -> impl IntoView {
    let classes: Vec<String> = baseline
        .as_ref()
        .or(current.as_ref())
        .map(|d| d.curves.iter().map(|c| c.class.clone()).collect())
        .unwrap_or_default();
    let picked = RwSignal::new(classes.first().cloned());
    let (b, c) = (StoredValue::new(baseline.clone()), StoredValue::new(current.clone()));
    let chart = move |kind: u8| {
        Signal::derive(move || {
            let class = picked.get()?;
            let (base, cur) = (b.get_value(), c.get_value());
            let (title, x, y, reference, style, (bs, cs)) = match kind {
                0 => (
                    "ROC curve",
                    "false-positive rate",
                    "true-positive rate",
                    Reference::Diagonal,
                    CurveStyle::Line,
                    sides(&base, &cur, &class, |c| points(&c.roc), |c| format!(" (AUC {:.3})", c.auc)),
                ),
                1 => (
                    "Precision-recall curve",
                    "recall",
                    "precision",
                    Reference::None,
                    CurveStyle::Line,
                    sides(&base, &cur, &class, |c| points(&c.precision_recall), |_| String::new()),
                ),
                _ => (
                    "Reliability (calibration)",
                    "mean score in bin",
                    "share positive in bin",
                    Reference::Diagonal,
                    CurveStyle::LineAndDots,
                    sides(
                        &base,
                        &cur,
                        &class,
                        |c| c.calibration.iter().map(|b| (b.mean_score, b.fraction_positive)).collect(),
                        |_| String::new(),
                    ),
                ),
            };
            (bs.is_some() || cs.is_some()).then(|| CurveChart {
                title: format!("{title}: {class}"),
                x_label: x.to_owned(),
                y_label: y.to_owned(),
                baseline: bs,
                current: cs,
                style,
                reference,
                unit_square: true,
            })
        })
    };
    let scatter = Signal::derive(move || {
        let side = |d: Option<QualityDetail>, name: &str| {
            d.and_then(|d| d.scatter)
                .map(|s| CurveSide { label: format!("{name} ({} rows shown)", s.x.len()), points: points(&s) })
        };
        let (bs, cs) = (side(b.get_value(), "baseline"), side(c.get_value(), "current"));
        (bs.is_some() || cs.is_some()).then(|| CurveChart {
            title: "Predicted against actual".to_owned(),
            x_label: "actual".to_owned(),
            y_label: "predicted".to_owned(),
            baseline: bs,
            current: cs,
            style: CurveStyle::Dots,
            reference: Reference::Diagonal,
            unit_square: false,
        })
    });
    let many = classes.len() > 1;
    let select = many.then(|| {
        view! {
            <label class="inline">"Class "
                <select data-testid="quality-curve-class" on:change=move |ev| picked.set(Some(event_target_value(&ev)))>
                    {classes.iter().map(|c| view! { <option value=c.clone()>{c.clone()}" against the rest"</option> }).collect_view()}
                </select>
            </label>
        }
    });
    let has_curves = !classes.is_empty();
    view! {
        {has_curves.then(|| view! { <h3>"Curves"</h3> })}
        {select}
        <div class="quality-charts">
            <CurveCanvas chart=chart(0) testid="quality-roc" label="ROC curves of baseline and current, with the diagonal of a random classifier"/>
            <CurveCanvas chart=chart(1) testid="quality-pr" label="Precision-recall curves of baseline and current"/>
            <CurveCanvas chart=chart(2) testid="quality-calibration" label="Reliability curves: share of positives against mean score per bin, with the diagonal of perfect calibration"/>
            <CurveCanvas chart=scatter testid="quality-scatter" label="Predicted against actual values of baseline and current, with the diagonal of perfect predictions"/>
        </div>
    }
}

/// The followed metrics across the timeline's windows (realised and
/// estimated), once the timeline is built.
#[component]
pub fn QualityOverTime() -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = move || {
        state.timeline.result.with(|r| {
            r.as_ref().map(|r| {
                let checks = &r.timeline.checks;
                checks
                    .iter()
                    .filter(|c| c.name.starts_with("model_quality:"))
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        {move || match names() {
            None => view! { <p class="note" data-testid="quality-over-time-missing">"Build the timeline in Monitoring to see each metric window by window, realised beside estimated (CBPE)."</p> }.into_any(),
            Some(names) if names.is_empty() => view! { <p class="note" data-testid="quality-over-time-missing">"The timeline follows no model-quality metric: set the model in Monitoring's form."</p> }.into_any(),
            Some(names) => view! {
                <h3>"Across the timeline's windows"</h3>
                <div class="quality-charts" data-testid="quality-over-time">
                    {names.into_iter().map(|n| view! { <WindowChart name=n/> }).collect_view()}
                </div>
            }.into_any(),
        }}
    }
}

/// One metric across windows, its estimated companion beside it.
#[component]
fn WindowChart(name: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let canvas = NodeRef::<html::Canvas>::new();
    let estimated = name.replacen("model_quality:", "estimated_performance:", 1);
    let testid = format!("quality-window-{}", name.trim_start_matches("model_quality:"));
    Effect::new(move |_| {
        state.timeline.result.with(|r| {
            let Some(t) = r.as_ref().map(|r| &r.timeline) else { return };
            let Some(series) = t.checks.iter().find(|c| c.name == name) else { return };
            let labels: Vec<String> = t.windows.iter().map(|w| short_label(&w.label)).collect();
            let companion = t.checks.iter().find(|c| c.name == estimated);
            let chart = SeriesChart { series, companion, labels: &labels, selected: None };
            draw_on_canvas(canvas, |area| draw_series_chart(area, &chart));
        });
    });
    view! { <canvas node_ref=canvas width="1240" height="300" data-testid=testid role="img" aria-label="A model-quality metric across the timeline's windows"></canvas> }
}
