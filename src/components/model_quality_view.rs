//! The Model quality view: the model the roles describe, the followed
//! metrics of baseline and current with bootstrap intervals and the
//! Overview's rule per metric, the confusion matrices and per-class
//! quality, the ROC, precision-recall and reliability curves (or a
//! regression's predicted against actual values), and the metrics across
//! the timeline's windows, realised beside CBPE-estimated.

use leptos::prelude::*;
use tideline_engine::model_quality::{MetricEstimate, ProblemType, QualityDetail};
use tideline_report::{higher_is_better, metric_light, model_quality_light, Light, METRIC_RULE};

use super::model_quality_charts::{QualityCurves, QualityOverTime};
use super::model_quality_tables::{ConfusionMatrices, PerClassTable};
use super::overview_panel::light_key;
use crate::bridge;
use crate::protocol::ModelQualityReply;
use crate::state::AppState;

/// `value` with 4 decimals, "—" when undefined.
pub(super) fn metric_text(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        "—".to_owned()
    }
}

fn interval_text(m: &MetricEstimate) -> String {
    match (m.lower, m.upper) {
        (Some(lo), Some(hi)) => format!("{} – {}", metric_text(lo), metric_text(hi)),
        _ => "—".to_owned(),
    }
}

fn problem_text(problem: ProblemType) -> &'static str {
    match problem {
        ProblemType::BinaryClassification => "Binary classifier",
        ProblemType::MulticlassClassification => "Multiclass classifier",
        ProblemType::Regression => "Regression model",
    }
}

/// The sentence naming the model's columns.
fn model_sentence(reply: &ModelQualityReply) -> Option<String> {
    let c = reply.result.columns.as_ref()?;
    let mut parts = vec![format!("label {}", c.label)];
    parts.extend(c.prediction.as_ref().map(|p| format!("prediction {p}")));
    parts.extend(c.score.as_ref().map(|s| format!("score {s}")));
    Some(format!("{}: {}.", problem_text(c.problem), parts.join(", ")))
}

/// One metric's row: both sides with intervals, the change and its light.
fn metric_row(name: String, baseline: Option<MetricEstimate>, current: Option<MetricEstimate>) -> impl IntoView {
    let (b, c) = (baseline.as_ref().map_or(f64::NAN, |m| m.value), current.as_ref().map_or(f64::NAN, |m| m.value));
    let light = metric_light(&name, b, c);
    let change = if b.is_finite() && c.is_finite() { format!("{:+.4}", c - b) } else { "—".to_owned() };
    // Beyond noise: the current interval leaves out the baseline's value.
    let beyond = current.as_ref().and_then(|m| Some(b < m.lower? || b > m.upper?)).unwrap_or(false);
    let better = if higher_is_better(&name) { c > b } else { c < b };
    let interval = |m: &Option<MetricEstimate>| m.as_ref().map_or_else(|| "—".to_owned(), interval_text);
    let bound = |m: &Option<MetricEstimate>, upper: bool| {
        m.as_ref().and_then(|m| if upper { m.upper } else { m.lower }).map_or(f64::NAN, |v| v)
    };
    let (b_lo, b_hi, c_lo, c_hi) =
        (bound(&baseline, false), bound(&baseline, true), bound(&current, false), bound(&current, true));
    view! {
        <tr data-testid=format!("quality-metric-{name}") data-light=light_key(light) data-baseline=b data-current=c data-beyond-noise=beyond.to_string() data-baseline-lower=b_lo data-baseline-upper=b_hi data-current-lower=c_lo data-current-upper=c_hi>
            <th scope="row">{name.clone()}</th>
            <td class="num">{metric_text(b)}</td>
            <td class="num interval">{interval(&baseline)}</td>
            <td class="num">{metric_text(c)}</td>
            <td class="num interval">{interval(&current)}</td>
            <td class="num">{change}</td>
            <td class=format!("light-word {}", light_key(light))>{match (light, beyond) {
                (Light::Red, true) => "worse, beyond noise",
                (Light::Red, false) => "worse (within noise)",
                (Light::Amber, true) => "slightly worse, beyond noise",
                (Light::Amber, false) => "slightly worse (within noise)",
                (Light::Green, true) if better => "better, beyond noise",
                (Light::Green, true) => "ok (a small change beyond noise)",
                (Light::Green, false) => "ok",
                (Light::Grey, _) => "—",
            }}</td>
        </tr>
    }
}

fn metrics_table(baseline: Option<&QualityDetail>, current: Option<&QualityDetail>) -> impl IntoView {
    let names: Vec<String> =
        baseline.or(current).map(|d| d.metrics.iter().map(|m| m.name.clone()).collect()).unwrap_or_default();
    let find = |d: Option<&QualityDetail>, n: &str| d.and_then(|d| d.metrics.iter().find(|m| m.name == n).cloned());
    let rows = names.into_iter().map(|n| {
        let (b, c) = (find(baseline, &n), find(current, &n));
        metric_row(n, b, c)
    });
    let labelled = |d: Option<&QualityDetail>| {
        d.map_or_else(String::new, |d| format!("{} of {} rows labelled", d.labelled_rows, d.rows))
    };
    view! {
        <table class="quality-metrics" data-testid="quality-metrics">
            <caption>{format!("Realised metrics on the labelled rows ({}; {}). Intervals: 95 % percentile bootstrap, 400 seeded resamples. Light: {METRIC_RULE}.", labelled(baseline), labelled(current))}</caption>
            <thead><tr>
                <th scope="col">"metric"</th><th scope="col">"baseline"</th><th scope="col">"95 % interval"</th>
                <th scope="col">"current"</th><th scope="col">"95 % interval"</th><th scope="col">"change"</th><th scope="col">"verdict"</th>
            </tr></thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
    }
}

/// The positive-class select of a binary model: the classes seen, the one in use selected.
fn positive_select(state: AppState, reply: &ModelQualityReply) -> Option<impl IntoView> {
    let columns = reply.result.columns.as_ref()?;
    if columns.problem != ProblemType::BinaryClassification {
        return None;
    }
    let classes = reply.result.baseline.as_ref().map(|d| d.classes.clone()).unwrap_or_default();
    let used = reply.result.positive.clone().unwrap_or_default();
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        state.model_quality.positive.set(Some(value));
        if let Some(request) = state.model_quality_request() {
            bridge::send(&request, &[]);
        }
    };
    Some(view! {
        <label class="inline">"Positive class "
            <select data-testid="quality-positive" on:change=change>
                {classes.into_iter().filter(|c| !c.starts_with("not ")).map(|c| {
                    let selected = c == used;
                    view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                }).collect_view()}
            </select>
        </label>
    })
}

/// The view, once both sides are loaded.
#[component]
pub fn ModelQualityView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reply = move || state.model_quality.result.get();
    let verdict = move || {
        reply().map(|r| {
            let (light, text) = r.result.section.as_ref().map_or_else(
                || (Light::Grey, r.result.message.clone().unwrap_or_else(|| "Not computed.".to_owned())),
                model_quality_light,
            );
            view! {
                <p class=format!("verdict {}", if matches!(light, Light::Red | Light::Amber) { "drifted" } else { "stable" }) data-testid="quality-model-verdict" data-light=light_key(light) data-millis=r.millis>
                    {text}
                </p>
            }
        })
    };
    let model = move || {
        reply().map(|r| {
            let sentence = model_sentence(&r);
            let select = positive_select(state, &r);
            let note = r.result.section.is_some().then_some(()).and(r.result.message.clone());
            view! {
                <p class="model-line" data-testid="quality-model">{sentence}" "{select}
                    " Roles are set in Columns & roles."</p>
                {note.map(|n| view! { <p class="note" data-testid="quality-note">{n}</p> })}
            }
        })
    };
    let body = move || {
        reply().filter(|r| r.result.baseline.is_some() || r.result.current.is_some()).map(|r| {
            let (b, c) = (r.result.baseline.clone(), r.result.current.clone());
            view! {
                {metrics_table(b.as_ref(), c.as_ref())}
                <ConfusionMatrices baseline=b.clone() current=c.clone()/>
                <PerClassTable baseline=b.clone() current=c.clone()/>
                <QualityCurves baseline=b current=c/>
            }
        })
    };
    view! {
        <Show when=move || state.any_loaded()>
            <section class="panel model-quality-view" id="model-quality" data-testid="model-quality-view" aria-labelledby="model-quality-title">
                <h2 id="model-quality-title" tabindex="-1">"Model quality"</h2>
                <Show when=move || state.model_quality.running.get()>
                    <p class="busy" data-testid="quality-running">"Computing model quality…"</p>
                </Show>
                {verdict}
                {model}
                {body}
                <QualityOverTime/>
            </section>
        </Show>
    }
}
