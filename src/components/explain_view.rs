//! The Explainability view: load a model (or attributions, or fit a
//! surrogate), see what it is, and how each feature drives its predictions
//! on the baseline and on the current data, row by row and window by
//! window. Every computation runs in the engine worker and its helpers.

use leptos::prelude::*;

use super::explain_beeswarm::ExplainBeeswarm;
use super::explain_controls::ExplainControls;
use super::explain_dependence::ExplainDependence;
use super::explain_drift::ExplainDrift;
use super::explain_importance::ExplainImportance;
use super::explain_model::ExplainModel;
use super::explain_waterfall::ExplainWaterfall;
use crate::bridge;
use crate::format::thousands;
use crate::protocol::explain::ExplainResult;
use crate::protocol::Request;
use crate::state::AppState;

fn verdict(r: &ExplainResult) -> impl IntoView {
    let ndcg_min = r.ndcg.iter().copied().fold(f64::INFINITY, f64::min);
    let windows = r.drift.as_ref().map_or(0, |d| d.windows.len());
    let violations = r.drift.as_ref().map_or(0, |d| d.windows.iter().filter(|w| w.violation).count());
    let rows = r.baseline.rows + r.current.rows;
    let kind = if r.surrogate { "Surrogate attributions" } else { "Attributions" };
    let ranking = if r.violation {
        format!("the current ranking of features moved (NDCG {ndcg_min:.3} < 0.90)")
    } else {
        format!("the current ranking of features matches the baseline's (NDCG {ndcg_min:.3} ≥ 0.90)")
    };
    let over_time = if windows > 0 { format!(" {violations} of {windows} windows below 0.90.") } else { String::new() };
    let text = format!(
        "{kind} ({}) of {} rows in {:.2} s with {} worker{}: {ranking}.{over_time}",
        r.method,
        thousands(rows as u64),
        r.millis / 1000.0,
        r.workers,
        if r.workers == 1 { "" } else { "s" },
    );
    view! {
        <p class=if r.violation { "verdict drifted" } else { "verdict" } data-testid="explain-verdict"
            data-millis=r.millis data-rows=rows data-method=r.method.clone() data-ndcg-min=ndcg_min
            data-workers=r.workers data-windows=windows data-violations=violations data-surrogate=r.surrogate.to_string()
            data-job=r.job>
            {text}
        </p>
    }
}

/// The whole Explainability section.
#[component]
pub fn ExplainView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let cancel = move |_| {
        let Some(job) = explain.job.get_untracked() else { return };
        explain.job.update(|j| {
            if let Some(j) = j {
                j.cancelling = true;
            }
        });
        bridge::send(&Request::Cancel { job: job.id }, &[]);
    };
    let progress = move || {
        explain.job.get().map(|j| {
            let fraction = if j.total == 0 { 0.0 } else { j.done as f64 / j.total as f64 };
            view! {
                <div class="progress" role="status" data-testid="explain-progress" data-done=j.done data-total=j.total>
                    <progress max="1" value=fraction aria-label="explaining"></progress>
                    <span>{format!("Explaining: {} of {} rows · {} worker(s)", thousands(j.done as u64), thousands(j.total as u64), j.workers)}</span>
                    <button data-testid="explain-cancel" on:click=cancel disabled=j.cancelling>
                        {if j.cancelling { "Cancelling…" } else { "Cancel" }}
                    </button>
                </div>
            }
        })
    };
    let labels = move || explain.result.with(|r| r.as_ref().map(|r| r.labels.clone()).unwrap_or_default());
    view! {
        <Show when=move || state.any_loaded() || explain.model.with(Option::is_some)>
            <section class="explain" aria-labelledby="explain-title" data-testid="explain-view">
                <h2 id="explain-title">"Explainability (SHAP attributions)"</h2>
                <p class="help">"Load the model that made the predictions (it never leaves this tab): each feature's contribution to each prediction is computed for the baseline and the current data, and compared over time (Model Monitor's NDCG rule, 0.90)."</p>
                <ExplainModel/>
                <ExplainControls/>
                <Show when=move || explain.error.with(Option::is_some)>
                    <p class="notice" role="alert" data-testid="explain-error">{move || explain.error.get()}</p>
                </Show>
                <Show when=move || explain.cancelled.get()>
                    <p class="notice" role="status" data-testid="explain-cancelled">"The explanation was cancelled; press Explain again to run it."</p>
                </Show>
                {progress}
                {move || explain.result.with(|r| r.as_ref().map(verdict))}
                <Show when=move || { labels().len() > 1 }>
                    <label>"Output "
                        <select data-testid="explain-label" on:change=move |ev| explain.label.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {move || labels().into_iter().enumerate().map(|(i, l)| view! { <option value=i.to_string()>{l}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <Show when=move || explain.result.with(Option::is_some)>
                    <ExplainImportance/>
                    <ExplainBeeswarm/>
                    <ExplainDependence/>
                    <ExplainDrift/>
                    <ExplainWaterfall/>
                </Show>
            </section>
        </Show>
    }
}
