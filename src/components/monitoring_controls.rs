//! The Monitoring view's controls: time column, window, checks, thresholds,
//! the model's columns and the drift exclusions (each change builds the
//! timeline again), and the alert rule's M and N (applied at once, without
//! the worker).

use leptos::prelude::*;
use tideline_engine::model_quality::{ModelColumns, ProblemType};
use tideline_engine::timeline::{AlertRule, WindowSpec, MAX_EVALUATION_PERIOD};
use tideline_engine::timeline::{CheckKind, ThresholdChoice, TimelineConfig};

use super::monitoring_view::shown_config;
use wasm_bindgen_futures::JsFuture;

use crate::bridge;
use crate::state::AppState;

const PROBLEMS: [(ProblemType, &str); 3] = [
    (ProblemType::BinaryClassification, "binary classification"),
    (ProblemType::MulticlassClassification, "multiclass classification"),
    (ProblemType::Regression, "regression"),
];

/// Keeps `config` as the user's choice and builds its timeline.
pub fn run_config(state: AppState, config: TimelineConfig) {
    state.timeline.config.set(Some(config));
    if let Some(request) = state.timeline_request() {
        bridge::send(&request, &[]);
    }
}

fn check_title(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::DataQuality => "data quality",
        CheckKind::Drift => "drift",
        CheckKind::ModelQuality => "model quality",
        CheckKind::EstimatedPerformance => "estimated performance",
        CheckKind::Bias => "bias",
        CheckKind::Attribution => "attribution (model from Explainability)",
    }
}

/// The controls.
#[component]
pub fn MonitoringControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let config = move || shown_config(state);
    let window_error = RwSignal::new(None::<String>);
    let alert_error = RwSignal::new(None::<String>);
    let edit = move |change: &dyn Fn(&mut TimelineConfig)| {
        let Some(mut c) = untrack(config) else { return };
        change(&mut c);
        run_config(state, c);
    };
    let columns = move || {
        state.sides[1].summary.with(|s| {
            s.as_ref().map(|s| s.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let options = move |selected: Option<String>, blank: &'static str| {
        let selected = selected.unwrap_or_default();
        let mut views = vec![view! { <option value="" selected=selected.is_empty()>{blank}</option> }.into_any()];
        for name in columns() {
            let is = name == selected;
            views.push(view! { <option value=name.clone() selected=is>{name.clone()}</option> }.into_any());
        }
        views
    };
    let model = move || config().and_then(|c| c.model);
    // The label's values as the current data's schema lists them.
    let label_values = move || -> (u64, Vec<String>) {
        let Some(label) = model().map(|m| m.label) else { return (0, Vec::new()) };
        state.sides[1].summary.with(|s| {
            s.as_ref()
                .and_then(|s| s.columns.iter().find(|c| c.name == label))
                .map(|c| (c.distinct, c.top_values.iter().map(|v| v.value.clone()).collect()))
                .unwrap_or_default()
        })
    };
    // What the model's columns still need, said beside the controls.
    let missing = move || -> Option<String> {
        let m = model()?;
        let (distinct, _) = label_values();
        match m.problem {
            ProblemType::BinaryClassification if distinct > 2 => Some(format!(
                "The label {} has {distinct} values: a binary classifier needs two. Choose multiclass classification (or regression for a number).",
                m.label
            )),
            ProblemType::BinaryClassification if m.prediction.is_none() && m.score.is_none() => {
                Some("A binary classifier needs a prediction or a score column.".to_owned())
            }
            ProblemType::MulticlassClassification | ProblemType::Regression if m.prediction.is_none() => {
                Some("Choose the prediction column (multiclass and regression metrics compare it with the label).".to_owned())
            }
            _ => None,
        }
    };
    let edit_model = move |change: &dyn Fn(&mut ModelColumns)| {
        edit(&|c| {
            let mut m = c.model.clone().unwrap_or_default();
            change(&mut m);
            c.model = (!m.label.is_empty()).then_some(m);
        });
    };
    let set_alert = move |m: Option<u32>, n: Option<u32>| {
        let Some(mut c) = untrack(config) else { return };
        let m = m.unwrap_or(c.alert.datapoints_to_alert());
        let n = n.unwrap_or(c.alert.evaluation_period());
        match AlertRule::new(m, n) {
            Ok(rule) => {
                alert_error.set(None);
                c.alert = rule;
                state.timeline.config.set(Some(c));
            }
            Err(_) => alert_error.set(Some(format!("M = {m} of N = {n}: need 1 ≤ M ≤ N ≤ {MAX_EVALUATION_PERIOD}"))),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match serde_json::from_str::<TimelineConfig>(&text) {
                Ok(c) => run_config(state, c),
                Err(e) => {
                    state.timeline.error.set(Some(format!("{} is not a timeline configuration: {e}", file.name())))
                }
            }
        });
    };
    let checks = CheckKind::ALL
        .into_iter()
        .map(|kind| {
            let on = move || config().is_some_and(|c| c.runs(kind));
            let reference =
                move || config().is_some_and(|c| matches!(c.thresholds.get(kind), ThresholdChoice::Reference { .. }));
            view! {
                <fieldset class="monitoring-check">
                    <legend>{check_title(kind)}</legend>
                    <label>
                        <input type="checkbox" data-testid=format!("monitoring-check-{}", kind.as_str()) prop:checked=on
                            on:change=move |ev| {
                                let wanted = event_target_checked(&ev);
                                edit(&|c| {
                                    c.checks.retain(|k| *k != kind);
                                    if wanted { c.checks.push(kind); }
                                    c.checks.sort_by_key(|k| CheckKind::ALL.iter().position(|x| x == k));
                                });
                            }/>
                        " run"
                    </label>
                    <label>"bounds "
                        <select data-testid=format!("monitoring-threshold-{}", kind.as_str()) on:change=move |ev| {
                            let choice = if event_target_value(&ev) == "reference" {
                                ThresholdChoice::Reference { std_lower_multiplier: None, std_upper_multiplier: None }
                            } else {
                                ThresholdChoice::Default
                            };
                            edit(&|c| c.thresholds.set(kind, choice));
                        }>
                            <option value="default" selected=move || !reference()>"default"</option>
                            <option value="reference" selected=reference>"reference variability (mean ± 3 sd)"</option>
                        </select>
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <div class="monitoring-controls" data-testid="monitoring-controls">
            <label>"Time column "
                <select data-testid="monitoring-time" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit(&|c| c.time_column = (!v.is_empty()).then(|| v.clone()));
                }>{move || options(config().and_then(|c| c.time_column), "none: windows of rows")}</select>
            </label>
            <label>"Window (1d, 1w, 1mo, 6h, 500rows) "
                <input type="text" data-testid="monitoring-window" prop:value=move || config().map(|c| c.window.to_string()).unwrap_or_default()
                    aria-invalid=move || window_error.with(Option::is_some).to_string() aria-describedby="monitoring-window-error"
                    on:change=move |ev| {
                        match WindowSpec::parse(&event_target_value(&ev)) {
                            Ok(spec) => { window_error.set(None); edit(&|c| c.window = spec); }
                            Err(e) => window_error.set(Some(e.to_string())),
                        }
                    }/>
                <span id="monitoring-window-error" class="error" role="alert" data-testid="monitoring-window-error">{move || window_error.get()}</span>
            </label>
            <label>"Judge windows of at least N rows "
                <input type="number" min="0" data-testid="monitoring-min-rows"
                    prop:value=move || config().map(|c| c.min_window_rows).unwrap_or(0).to_string()
                    on:change=move |ev| {
                        if let Ok(rows) = event_target_value(&ev).trim().parse::<usize>() { edit(&|c| c.min_window_rows = rows); }
                    }/>
            </label>
            <label>"Alert when M = "
                <input type="number" min="1" max=MAX_EVALUATION_PERIOD data-testid="monitoring-alert-m"
                    prop:value=move || config().map(|c| c.alert.datapoints_to_alert()).unwrap_or(1).to_string()
                    on:input=move |ev| set_alert(event_target_value(&ev).parse().ok().or(Some(0)), None)/>
            </label>
            <label>"of the last N = "
                <input type="number" min="1" max=MAX_EVALUATION_PERIOD data-testid="monitoring-alert-n"
                    prop:value=move || config().map(|c| c.alert.evaluation_period()).unwrap_or(1).to_string()
                    on:input=move |ev| set_alert(None, event_target_value(&ev).parse().ok().or(Some(0)))/>
                " windows failed"
                <span class="error" role="alert" data-testid="monitoring-alert-error">{move || alert_error.get()}</span>
            </label>
            <label>"Label "
                <select data-testid="monitoring-label" on:change=move |ev| { let v = event_target_value(&ev); edit_model(&|m| m.label = v.clone()); }>
                    {move || options(model().map(|m| m.label), "none (no model checks)")}
                </select>
            </label>
            <label>"Prediction "
                <select data-testid="monitoring-prediction" on:change=move |ev| { let v = event_target_value(&ev); edit_model(&|m| m.prediction = (!v.is_empty()).then(|| v.clone())); }>
                    {move || options(model().and_then(|m| m.prediction), "none")}
                </select>
            </label>
            <label>"Score "
                <select data-testid="monitoring-score" on:change=move |ev| { let v = event_target_value(&ev); edit_model(&|m| m.score = (!v.is_empty()).then(|| v.clone())); }>
                    {move || options(model().and_then(|m| m.score), "none")}
                </select>
            </label>
            <label>"Problem "
                <select data-testid="monitoring-problem" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((p, _)) = PROBLEMS.iter().find(|(_, t)| *t == v) {
                        let p = *p;
                        // A score and a positive class belong to a binary classifier only.
                        edit_model(&|m| { m.problem = p; if p != ProblemType::BinaryClassification { m.score = None; m.positive = None; } });
                    }
                }>
                    {move || { let shown = model().map(|m| m.problem); PROBLEMS.iter().map(|&(p, t)| view! { <option value=t selected=shown == Some(p)>{t}</option> }).collect_view() }}
                </select>
            </label>
            <Show when=move || model().is_some_and(|m| m.problem == ProblemType::BinaryClassification)>
                <label>"Positive class "
                    <select data-testid="monitoring-positive" on:change=move |ev| { let v = event_target_value(&ev); edit_model(&|m| m.positive = (!v.is_empty()).then(|| v.clone())); }>
                        {move || {
                            let chosen = model().and_then(|m| m.positive).unwrap_or_default();
                            let mut views = vec![view! { <option value="" selected=chosen.is_empty()>"1 or true"</option> }.into_any()];
                            for v in label_values().1 {
                                let is = v == chosen;
                                views.push(view! { <option value=v.clone() selected=is>{v.clone()}</option> }.into_any());
                            }
                            views
                        }}
                    </select>
                </label>
            </Show>
            <p class="error" role="status" data-testid="monitoring-model-missing">{missing}</p>
            <label>"Drift: leave out columns (comma-separated) "
                <input type="text" data-testid="monitoring-exclude" prop:value=move || config().map(|c| c.drift.exclude.join(", ")).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let names: Vec<String> = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
                        edit(&|c| c.drift.exclude = names.clone());
                    }/>
            </label>
            <div class="monitoring-checks">{checks}</div>
            <label>"Import timeline_config.json "
                <input type="file" accept=".json,application/json" data-testid="monitoring-import" on:change=import/>
            </label>
            <button class="primary" data-testid="monitoring-run" disabled=move || state.timeline.running.get()
                on:click=move |_| {
                    if let Some(request) = state.timeline_request() { bridge::send(&request, &[]); }
                }>"Run"</button>
        </div>
    }
}
