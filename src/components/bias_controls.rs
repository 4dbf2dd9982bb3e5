//! The Bias view's controls: label and positive values, facet and sensitive
//! values (or a threshold), a second facet for intersections, predicted
//! label or score with a live threshold slider, the group variable, strict
//! mode, and importing Clarify's `analysis_config.json`.

use leptos::prelude::*;
use tideline_engine::bias::{AnalysisConfig, ColumnRef, FacetConfig, PyValue};
use tideline_engine::summary::ColumnSummary;
use wasm_bindgen_futures::JsFuture;

use crate::bridge;
use crate::state::AppState;
use tideline_engine::guess::{guess_value, set_all_methods};

fn name_of(reference: Option<&ColumnRef>) -> String {
    match reference {
        Some(ColumnRef::Name(n)) => n.clone(),
        Some(ColumnRef::Index(i)) => i.to_string(),
        None => String::new(),
    }
}

fn values_text(values: &[PyValue]) -> String {
    values.iter().map(PyValue::py_str).collect::<Vec<_>>().join(",")
}

fn parse_values(text: &str) -> Vec<PyValue> {
    text.split(',').map(str::trim).filter(|v| !v.is_empty()).map(PyValue::from_text).collect()
}

/// Keeps the analysis as the user's choice and, once it names a label and a
/// facet, sends it to the worker.
pub fn run_config(state: AppState, mut config: AnalysisConfig) {
    set_all_methods(&mut config);
    let ready = config.label.is_some() && !config.facet.is_empty();
    state.bias.config.set(Some(config));
    if !ready {
        return;
    }
    if let Some(request) = state.bias_request() {
        bridge::send(&request, &[]);
    }
}

/// The controls; every change re-runs the analysis.
#[component]
pub fn BiasControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let config = move || {
        state
            .bias
            .result
            .with(|b| b.as_ref().map(|b| b.config.clone()))
            .or_else(|| state.bias.config.get())
            .unwrap_or_default()
    };
    let columns = move || -> Vec<ColumnSummary> {
        let side = state.bias_side();
        state.side(side).summary.with(|s| s.as_ref().map(|s| s.columns.clone()).unwrap_or_default())
    };
    let column = move |name: &str| columns().into_iter().find(|c| c.name == name);
    let edit = move |change: &dyn Fn(&mut AnalysisConfig)| {
        let mut c = config();
        change(&mut c);
        run_config(state, c);
    };
    let options = move |selected: String, blank: Option<&'static str>| {
        let mut views = Vec::new();
        if let Some(text) = blank {
            views.push(view! { <option value="" selected=selected.is_empty()>{text}</option> }.into_any());
        }
        // Ids, times and split markers are never a label or a facet.
        for c in columns().into_iter().filter(|c| c.role.not_checked().is_none() || c.name == selected) {
            let is = c.name == selected;
            views.push(view! { <option value=c.name.clone() selected=is>{c.name.clone()}</option> }.into_any());
        }
        views
    };
    let top_values = move |name: String| -> Vec<String> {
        column(&name).map(|c| c.top_values.into_iter().map(|v| v.value).collect()).unwrap_or_default()
    };
    let label = move || name_of(config().label.as_ref());
    let facet = move || config().facet.first().map(|f| name_of(Some(&f.name_or_index))).unwrap_or_default();
    let second = move || config().facet.get(1).map(|f| name_of(Some(&f.name_or_index))).unwrap_or_default();
    let prediction = move || {
        let c = config();
        match (&c.predicted_label, &c.predicted_score) {
            (Some(p), _) => format!("label:{}", name_of(Some(p))),
            (None, Some(s)) => format!("score:{}", name_of(Some(s))),
            _ => String::new(),
        }
    };
    let prediction_options = move || {
        let selected = prediction();
        let mut views = vec![
            view! { <option value="" selected=selected.is_empty()>"none (pre-training only)"</option> }.into_any(),
        ];
        for c in columns() {
            for (kind, text) in [("label", "predicted label"), ("score", "score")] {
                let value = format!("{kind}:{}", c.name);
                let is = value == selected;
                views.push(
                    view! { <option value=value.clone() selected=is>{format!("{} ({text})", c.name)}</option> }
                        .into_any(),
                );
            }
        }
        views
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match AnalysisConfig::from_json(&text) {
                Ok(c) => run_config(state, c),
                Err(e) => state.bias.error.set(Some(format!("{}: {e}", file.name()))),
            }
        });
    };
    view! {
        <div class="bias-controls" data-testid="bias-controls">
            <label>"Label "
                <select data-testid="bias-label" on:change=move |ev| {
                    let name = event_target_value(&ev);
                    if name.is_empty() { return; }
                    let value = column(&name).and_then(|c| guess_value(&c, true));
                    edit(&|c| { c.label = Some(ColumnRef::Name(name.clone())); c.label_values_or_threshold = value.iter().map(|v| PyValue::from_text(v)).collect(); });
                }>{move || options(label(), Some("— choose the label —"))}</select>
            </label>
            <label>"positive value(s) or threshold "
                <input data-testid="bias-label-values" list="bias-label-list" prop:value=move || values_text(&config().label_values_or_threshold)
                    on:change=move |ev| { let v = parse_values(&event_target_value(&ev)); edit(&|c| c.label_values_or_threshold = v.clone()); }/>
                <datalist id="bias-label-list">{move || top_values(label()).into_iter().map(|v| view! { <option value=v/> }).collect_view()}</datalist>
            </label>
            <label>"Facet "
                <select data-testid="bias-facet" on:change=move |ev| {
                    let name = event_target_value(&ev);
                    if name.is_empty() { return; }
                    let value = column(&name).and_then(|c| guess_value(&c, false));
                    edit(&|c| {
                        let facet = FacetConfig { name_or_index: ColumnRef::Name(name.clone()), value_or_threshold: value.as_ref().map(|v| vec![PyValue::from_text(v)]) };
                        if c.facet.is_empty() { c.facet.push(facet); } else { c.facet[0] = facet; }
                    });
                }>{move || options(facet(), Some("— choose a facet —"))}</select>
            </label>
            <label>"sensitive value(s) or threshold (empty: each value vs the rest) "
                <input data-testid="bias-facet-values" list="bias-facet-list"
                    prop:value=move || config().facet.first().and_then(|f| f.value_or_threshold.clone()).map(|v| values_text(&v)).unwrap_or_default()
                    on:change=move |ev| {
                        let v = parse_values(&event_target_value(&ev));
                        edit(&|c| if let Some(f) = c.facet.first_mut() { f.value_or_threshold = (!v.is_empty()).then(|| v.clone()); });
                    }/>
                <datalist id="bias-facet-list">{move || top_values(facet()).into_iter().map(|v| view! { <option value=v/> }).collect_view()}</datalist>
            </label>
            <label>"Second facet (intersections) "
                <select data-testid="bias-facet2" on:change=move |ev| {
                    let name = event_target_value(&ev);
                    edit(&|c| {
                        c.facet.truncate(1);
                        if !name.is_empty() { c.facet.push(FacetConfig { name_or_index: ColumnRef::Name(name.clone()), value_or_threshold: None }); }
                    });
                }>{move || options(second(), Some("none"))}</select>
            </label>
            <label>"Predictions "
                <select data-testid="bias-prediction" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit(&|c| {
                        c.predicted_label = v.strip_prefix("label:").map(|n| ColumnRef::Name(n.into()));
                        c.predicted_score = v.strip_prefix("score:").map(|n| ColumnRef::Name(n.into()));
                    });
                }>{prediction_options}</select>
            </label>
            <Show when=move || config().predicted_score.is_some()>
                <label>{move || format!("score threshold {:.2} ", config().threshold())}
                    <input type="range" min="0" max="1" step="0.01" data-testid="bias-threshold" prop:value=move || config().threshold().to_string()
                        on:input=move |ev| { let t = event_target_value(&ev).parse().ok(); edit(&|c| c.probability_threshold = t); }/>
                </label>
            </Show>
            <label>"Group variable (CDDL) "
                <select data-testid="bias-group" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit(&|c| c.group_variable = (!v.is_empty()).then(|| ColumnRef::Name(v.clone())));
                }>{move || options(name_of(config().group_variable.as_ref()), Some("none"))}</select>
            </label>
            <label title="Compare the given values literally instead of smclarify's data-type rule">
                <input type="checkbox" data-testid="bias-strict" prop:checked=move || config().strict on:change=move |ev| { let on = event_target_checked(&ev); edit(&|c| c.strict = on); }/>
                " strict values"
            </label>
            <label>"Import analysis_config.json "
                <input type="file" accept=".json,application/json" data-testid="bias-import" on:change=import/>
            </label>
        </div>
    }
}
