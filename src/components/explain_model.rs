//! Where the model comes from: a dropped file (XGBoost JSON, LightGBM text,
//! linear JSON, or a Clarify `analysis.json` per side), the demo's XGBoost
//! model, or a surrogate fitted to the captured scores; then what it is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::bridge;
use crate::protocol::explain::ModelInfo;
use crate::protocol::Request;
use crate::state::AppState;

/// The demo's baseline file: when it is loaded, the demo model is offered.
const DEMO_BASELINE: &str = "car_loan_reference.csv";

fn summary_view(info: &ModelInfo) -> impl IntoView {
    let s = &info.summary;
    let surrogate = info.surrogate.as_ref().map(|g| {
        let metric = match g.fidelity.metric {
            tideline_engine::explain::FidelityMetric::RSquared => "R²",
            tideline_engine::explain::FidelityMetric::Agreement => "agreement",
        };
        let holdout = g.fidelity.holdout.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"));
        let skipped = if g.skipped_features.is_empty() {
            String::new()
        } else {
            format!(" Left out (not numbers): {}.", g.skipped_features.join(", "))
        };
        view! {
            <p class="surrogate-note" data-testid="explain-surrogate" data-fidelity=holdout.clone() data-metric=metric>
                <strong>"Surrogate attributions: "</strong>
                {format!("a gradient-boosted tree model fitted to {} on the baseline; fidelity on {} held-back rows: {metric} {holdout}. The attributions explain this surrogate, not your model.{skipped}", g.target, g.fidelity.holdout_rows)}
            </p>
        }
    });
    view! {
        <table class="model-summary" data-testid="explain-summary" data-kind=s.kind.clone() data-trees=s.n_trees
            data-features=s.n_features data-objective=s.objective.clone()>
            <thead>
                <tr>
                    <th scope="col">"Model"</th><th scope="col">"Type"</th><th scope="col">"Objective"</th>
                    <th scope="col">"Trees"</th><th scope="col">"Depth"</th><th scope="col">"Outputs"</th>
                    <th scope="col">"Link"</th><th scope="col">"Features"</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <td data-testid="explain-model-name">{info.name.clone()}</td><td>{s.kind.clone()}</td>
                    <td>{s.objective.clone()}</td><td class="num">{s.n_trees}</td><td class="num">{s.max_depth}</td>
                    <td class="num">{s.n_outputs}</td><td>{format!("{:?}", s.link).to_lowercase()}</td>
                    <td>{format!("{}: {}", s.n_features, s.features.join(", "))}</td>
                </tr>
            </tbody>
        </table>
        {surrogate}
    }
}

/// Model drop, demo model, surrogate, and the loaded model's summary.
#[component]
pub fn ExplainModel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        bridge::send(&Request::LoadModel, &[file]);
        // The same file chosen again must load again.
        input.set_value("");
    };
    let demo_loaded =
        move || state.sides[0].files.with(|f| f.iter().any(|f| f.name == DEMO_BASELINE && f.error.is_none()));
    let has_score = move || {
        state.sides[0].summary.with(|s| {
            s.as_ref().is_some_and(|s| {
                s.columns.iter().any(|c| {
                    matches!(
                        c.role,
                        tideline_engine::roles::Role::PredictedScore | tideline_engine::roles::Role::PredictedLabel
                    )
                })
            })
        })
    };
    let precomputed = move || {
        explain
            .precomputed
            .iter()
            .filter_map(|p| p.get())
            .map(|p| {
                view! {
                    <li data-testid=format!("explain-precomputed-{}", p.side.as_str())>
                        {format!("{} attributions: {} ({} features, {})", p.side.as_str(), p.name, p.features, p.labels.join(", "))}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="explain-model">
            <label class="file-button">
                "Model file (XGBoost .json, LightGBM .txt, linear .json), or per side a Clarify analysis.json or explanations_shap/out.csv: "
                <input type="file" accept=".json,.txt,.model,.csv,application/json,text/plain,text/csv" data-testid="explain-model-input" on:change=choose/>
            </label>
            <Show when=demo_loaded>
                <button class="primary" data-testid="explain-demo-model" on:click=move |_| bridge::send(&Request::LoadDemoModel, &[])>
                    "Explain with the demo XGBoost model"
                </button>
            </Show>
            <Show when=has_score>
                <button data-testid="explain-surrogate-fit" on:click=move |_| bridge::send(&Request::FitSurrogate { target: None }, &[])
                    title="No model file? Fit a tree model to the captured scores or predictions and explain that (surrogate attributions).">
                    "No model file: fit a surrogate to the captured predictions"
                </button>
            </Show>
            {move || explain.model.get().map(|m| summary_view(&m))}
            <ul class="precomputed">{precomputed}</ul>
        </div>
    }
}
