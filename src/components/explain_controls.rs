//! The explanation's settings (Clarify's `shap` block): method, global
//! aggregate, Kernel SHAP's samples and logit, the seed. A change runs the
//! explanation again; settings the method cannot take are refused by the
//! worker with a message.

use leptos::prelude::*;
use tideline_engine::explain::{AggMethod, ExplainConfig, ExplainMethod};

use crate::bridge;
use crate::state::AppState;

/// Runs the explanation again with the settings in force.
pub fn rerun(state: AppState) {
    for request in state.explain_requests() {
        bridge::send(&request, &[]);
    }
}

fn agg_name(agg: AggMethod) -> &'static str {
    match agg {
        AggMethod::MeanAbs => "mean_abs",
        AggMethod::Median => "median",
        AggMethod::MeanSq => "mean_sq",
    }
}

/// Method, aggregate, samples, seed and logit inputs, and a Run button.
#[component]
pub fn ExplainControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let config = state.explain.config;
    let edit = move |f: &dyn Fn(&mut ExplainConfig)| {
        config.update(|c| {
            f(c);
            // Kernel-only settings are dropped for the other methods.
            if c.method != Some(ExplainMethod::Kernel) {
                c.num_samples = None;
                c.num_clusters = None;
                c.use_logit = false;
            }
        });
        rerun(state);
    };
    let method = move || config.with(|c| c.method.map_or("auto", ExplainMethod::name));
    let kernel = move || config.with(|c| c.method == Some(ExplainMethod::Kernel));
    view! {
        <div class="explain-controls">
            <label>"Method "
                <select data-testid="explain-method" prop:value=method on:change=move |ev| {
                    let m = ExplainMethod::parse(&event_target_value(&ev)).ok();
                    edit(&|c| c.method = m);
                }>
                    <option value="auto">"auto (tree for trees, linear for linear)"</option>
                    <option value="tree">"TreeSHAP, path-dependent (pred_contribs)"</option>
                    <option value="tree-interventional">"TreeSHAP, interventional (baseline background)"</option>
                    <option value="kernel">"Kernel SHAP (Clarify)"</option>
                    <option value="linear">"Linear SHAP"</option>
                </select>
            </label>
            <label>"Aggregate "
                <select data-testid="explain-agg" prop:value=move || config.with(|c| agg_name(c.agg)) on:change=move |ev| {
                    let agg = match event_target_value(&ev).as_str() {
                        "median" => AggMethod::Median,
                        "mean_sq" => AggMethod::MeanSq,
                        _ => AggMethod::MeanAbs,
                    };
                    edit(&|c| c.agg = agg);
                }>
                    <option value="mean_abs">"mean |SHAP|"</option>
                    <option value="median">"median"</option>
                    <option value="mean_sq">"mean SHAP²"</option>
                </select>
            </label>
            <label>"Seed "
                <input type="number" min="0" step="1" data-testid="explain-seed" prop:value=move || config.with(|c| c.seed.to_string())
                    on:change=move |ev| { if let Ok(seed) = event_target_value(&ev).trim().parse::<u64>() { edit(&|c| c.seed = seed); } }/>
            </label>
            <Show when=kernel>
                <label>"num_samples "
                    <input type="number" min="2" step="1" placeholder="Clarify's default" data-testid="explain-num-samples"
                        prop:value=move || config.with(|c| c.num_samples.map(|n| n.to_string()).unwrap_or_default())
                        on:change=move |ev| { let n = event_target_value(&ev).trim().parse::<usize>().ok(); edit(&|c| c.num_samples = n); }/>
                </label>
                <label>
                    <input type="checkbox" data-testid="explain-use-logit" prop:checked=move || config.with(|c| c.use_logit)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(&|c| c.use_logit = on); }/>
                    " use_logit"
                </label>
            </Show>
            <button data-testid="explain-run" on:click=move |_| rerun(state) disabled=move || !state.explain.model.with(Option::is_some)>"Explain again"</button>
        </div>
    }
}
