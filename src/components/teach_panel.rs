//! Teach: generate drift on purpose. Pick a scenario and a strength; the
//! worker regenerates both sides (and the scenario's model) each time the
//! slider is let go, every view follows, and the panel says what to notice
//! and which check catches it first.

use leptos::prelude::*;
use tideline_engine::scenario::ScenarioKind;

use crate::bridge;
use crate::protocol::Request;
use crate::state::AppState;

/// A label for the picker.
fn title(kind: ScenarioKind) -> &'static str {
    match kind {
        ScenarioKind::CovariateShift => "Covariate shift (income moves)",
        ScenarioKind::PriorShift => "Prior shift (more repayers)",
        ScenarioKind::ConceptDrift => "Concept drift (same inputs, new meaning)",
        ScenarioKind::NewCategory => "A new category appears",
        ScenarioKind::MissingValues => "Missing values creep in",
        ScenarioKind::BiasDrift => "Bias drift (one group's approvals fall)",
        ScenarioKind::AttributionDrift => "Attribution drift (the model leans on tenure)",
        ScenarioKind::GradualDrift => "Gradual drift over the weeks",
        ScenarioKind::SuddenDrift => "Sudden drift half-way",
    }
}

#[component]
pub fn TeachPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = RwSignal::new(ScenarioKind::CovariateShift);
    let strength = RwSignal::new(1.0_f64);
    let generated = RwSignal::new(None::<(ScenarioKind, f64)>);
    let regenerate = move || {
        let job = state.take_job_id();
        // A timeline chosen for other data would not fit the scenario's columns.
        state.timeline.config.set(None);
        let (k, s) = (kind.get_untracked(), strength.get_untracked());
        generated.set(Some((k, s)));
        bridge::send(&Request::LoadScenario { job, kind: k, strength: s }, &[]);
    };
    let options = ScenarioKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str() selected=move || kind.get() == *k>{title(*k)}</option> })
        .collect_view();
    view! {
        <section class="panel teach" data-testid="teach-panel" aria-labelledby="teach-title">
            <h2 id="teach-title">"Teach: generate drift"</h2>
            <p class="hint">"Loan applicants from one seeded world: at strength 0 the current data is a fresh draw of the baseline's world, at 1 the scenario's change is strong. Let go of the slider and every view recomputes."</p>
            <div class="teach-controls">
                <label>"Scenario "
                    <select data-testid="teach-scenario" disabled=move || !state.worker_ready.get()
                        on:change=move |ev| {
                            if let Some(k) = ScenarioKind::parse(&event_target_value(&ev)) {
                                kind.set(k);
                                regenerate();
                            }
                        }>
                        {options}
                    </select>
                </label>
                <label>"Strength "
                    <input type="range" min="0" max="1" step="0.1" data-testid="teach-strength"
                        disabled=move || !state.worker_ready.get()
                        prop:value=move || strength.get().to_string()
                        on:input=move |ev| strength.set(event_target_value(&ev).parse().unwrap_or(0.0))
                        on:change=move |_| regenerate()/>
                    <output data-testid="teach-strength-value">{move || format!("{:.1}", strength.get())}</output>
                </label>
                <button data-testid="teach-generate" disabled=move || !state.worker_ready.get() on:click=move |_| regenerate()>"Generate"</button>
            </div>
            <Show when=move || generated.get().is_some()>
                {move || generated.get().map(|(k, s)| view! {
                    <div class="teach-text" data-testid="teach-text" data-scenario=k.as_str() data-strength=s>
                        <p><strong>"What to notice: "</strong>{k.notice()}</p>
                        <p><strong>"Caught first by: "</strong>{k.caught_by()}</p>
                    </div>
                })}
            </Show>
        </section>
    }
}
