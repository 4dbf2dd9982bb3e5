//! The data-quality view: Model Monitor's six checks of the current data
//! against constraints suggested from the baseline (or edited here), the
//! violations, and the SageMaker-compatible files to download.

use leptos::prelude::*;

use tideline_engine::data_quality::TypeRule;

use crate::bridge;
use crate::download::download_text;
use crate::state::AppState;

/// Violations, counts per check, the constraints editor and downloads.
#[component]
pub fn DataQualityView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(String::new());
    // The editor shows the constraints in force whenever a new result arrives.
    Effect::new(move |_| {
        if let Some(q) = state.data_quality.result.get() {
            draft.set(q.section.constraints);
        }
    });
    let recheck = move |constraints: Option<String>| {
        state.data_quality.constraints.set(constraints);
        if let Some(request) = state.data_quality_request() {
            bridge::send(&request, &[]);
        }
    };
    let summary = move || {
        state.data_quality.result.get().map(|q| {
            let failed: usize = q.counts.iter().map(|c| c.2).sum();
            let checked: usize = q.counts.iter().map(|c| c.1).sum();
            let text = if failed == 0 {
                format!("Completed: no violations in {checked} checks ({:.0} ms).", q.millis)
            } else {
                format!("CompletedWithViolations: {failed} violations in {checked} checks ({:.0} ms).", q.millis)
            };
            let source = if q.section.edited { "your edited constraints" } else { "constraints suggested from the baseline" };
            let types = match q.section.types {
                TypeRule::Strict => " Data types are Model Monitor's: 1 in a column written 1.0 is a violation (the sagemaker preset).",
                TypeRule::Widening => " Data types widen: whole numbers fit a fractional column and any value a text one (Model Monitor's strict rule under the sagemaker preset).",
            };
            view! {
                <p class=if failed == 0 { "verdict stable" } else { "verdict drifted" } data-testid="quality-verdict" data-violations=failed data-checks=checked data-millis=q.millis>
                    {text}" Checked against "{source}"."{types}
                </p>
            }
        })
    };
    let counts = move || {
        state.data_quality.result.get().map(|q| {
            q.counts
                .into_iter()
                .map(|(check, n, failed)| {
                    let testid = format!("quality-count-{check}");
                    view! {
                        <tr data-testid=testid data-failed=failed>
                            <th scope="row">{check}</th>
                            <td class="num">{n}</td>
                            <td class="num">{failed}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let violations = move || {
        state.data_quality.result.get().map(|q| {
            q.section
                .checks
                .into_iter()
                .filter(|c| !c.passed)
                .map(|c| {
                    let testid = format!("violation-{}-{}", c.check.as_str(), c.feature_name);
                    view! {
                        <tr data-testid=testid>
                            <td>{c.check.as_str()}</td>
                            <th scope="row">{c.feature_name}</th>
                            <td>{c.description}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let not_checked = move || {
        state.data_quality.result.get().map(|q| q.section.not_checked).filter(|n| !n.is_empty()).map(|columns| {
            let items = columns
                .into_iter()
                .map(|(name, note)| view! { <li data-testid=format!("quality-not-checked-{name}")><strong>{name.clone()}</strong>": "{note}</li> })
                .collect_view();
            view! {
                <div class="not-checked" data-testid="quality-not-checked">
                    <p class="help">"Left out of the checks by their role (change a role under Columns & roles):"</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    let save = move |name: &'static str, pick: fn(&crate::protocol::DataQualityResult) -> String| {
        move |_| {
            if let Some(q) = state.data_quality.result.get_untracked() {
                download_text(name, "application/json", &pick(&q));
            }
        }
    };
    view! {
        <Show when=move || state.data_quality.result.with(Option::is_some) || state.data_quality.running.get()>
            <section class="quality" aria-labelledby="quality-title" data-testid="quality-view">
                <h2 id="quality-title">"Data quality (Model Monitor checks)"</h2>
                {summary}
                <Show when=move || state.data_quality.running.get()>
                    <p class="running" role="status">"Profiling both datasets and checking constraints…"</p>
                </Show>
                <div class="quality-grid">
                    <table data-testid="quality-counts" class="counts">
                        <thead><tr><th scope="col">"Check"</th><th scope="col">"Evaluated"</th><th scope="col">"Violations"</th></tr></thead>
                        <tbody>{counts}</tbody>
                    </table>
                    <div class="table-scroll">
                        <table data-testid="quality-violations">
                            <thead><tr><th scope="col">"Check"</th><th scope="col">"Feature"</th><th scope="col">"Description"</th></tr></thead>
                            <tbody>{violations}</tbody>
                        </table>
                    </div>
                </div>
                {not_checked}
                <div class="chart-actions">
                    <button data-testid="download-statistics" on:click=save("statistics.json", |q| q.section.baseline_statistics.clone())>"Baseline statistics.json"</button>
                    <button data-testid="download-current-statistics" on:click=save("current_statistics.json", |q| q.section.current_statistics.clone())>"Current statistics.json"</button>
                    <button data-testid="download-constraints" on:click=save("constraints.json", |q| q.section.constraints.clone())>"constraints.json"</button>
                    <button data-testid="download-violations" on:click=save("constraint_violations.json", |q| q.section.violations.clone())>"constraint_violations.json"</button>
                </div>
                <details class="constraints-editor">
                    <summary>"Edit constraints"</summary>
                    <p class="help">"Change thresholds, completeness, domains or "<code>"monitoring_config"</code>" (e.g. "<code>"comparison_method"</code>": Simple or Robust, "<code>"categorical_drift_method"</code>": LInfinity or ChiSquared), then check again."</p>
                    <label class="visually-hidden" for="constraints-text">"constraints.json"</label>
                    <textarea id="constraints-text" data-testid="constraints-text" rows="18" spellcheck="false" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                    <div class="chart-actions">
                        <button class="primary" data-testid="constraints-apply" on:click=move |_| recheck(Some(draft.get_untracked()))>"Check again with these constraints"</button>
                        <button data-testid="constraints-reset" on:click=move |_| recheck(None)>"Back to the suggested constraints"</button>
                    </div>
                </details>
            </section>
        </Show>
    }
}
