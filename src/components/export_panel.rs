//! The Export panel: the HTML report, the model card, the audit record and
//! the SageMaker files, each one click away; the model card's own words in
//! a fold-out form. The worker makes every file (the same code as
//! `tideline report`); the page only saves it.

use leptos::prelude::*;
use tideline_report::{ModelCardInfo, RiskRating};

use crate::bridge;
use crate::protocol::ExportKind;
use crate::state::AppState;

/// A labelled text field bound to one of the card's fields.
fn card_field(
    state: AppState,
    key: &'static str,
    label: &'static str,
    get: fn(&ModelCardInfo) -> String,
    set: fn(&mut ModelCardInfo, String),
) -> impl IntoView {
    let id = format!("card-{key}");
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id
            type="text"
            data-testid=format!("card-{key}")
            prop:value=move || state.export.model_card.with(get)
            on:change=move |ev| {
                let value = event_target_value(&ev);
                state.export.model_card.update(|c| set(c, value));
            }
        />
    }
}

/// The export buttons and the model card form.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |kind: ExportKind| move |_| bridge::send(&state.export_request(kind), &[]);
    let busy = move || state.export.exporting.get().is_some();
    view! {
        <div class="export" data-testid="export-panel">
            <h3>"Export"</h3>
            <p class="help">"Everything shown, as one self-contained file to send; the model card and the audit record (the SHA-256 of every input file and of the results) go inside the report too."</p>
            <div class="buttons">
                {ExportKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let primary = kind == ExportKind::Report;
                        view! {
                            <button
                                class:primary=primary
                                data-testid=format!("export-{}", kind.key())
                                on:click=export(kind)
                                disabled=busy
                            >
                                {kind.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="help" role="status" data-testid="export-status">
                {move || match state.export.exporting.get() {
                    Some(kind) => format!("Making {}…", kind.file_name()),
                    None => state.export.message.get().unwrap_or_default(),
                }}
            </p>
            <details class="card-form">
                <summary data-testid="card-form-toggle">"Model card details (optional)"</summary>
                <div class="fields">
                    {card_field(state, "model-name", "Model name", |c| c.model_name.clone(), |c, v| c.model_name = v)}
                    {card_field(state, "model-description", "Description", |c| c.model_description.clone(), |c, v| c.model_description = v)}
                    {card_field(state, "model-owner", "Owner", |c| c.model_owner.clone(), |c, v| c.model_owner = v)}
                    {card_field(state, "purpose", "Purpose of the model", |c| c.purpose_of_model.clone(), |c, v| c.purpose_of_model = v)}
                    {card_field(state, "intended-uses", "Intended uses", |c| c.intended_uses.clone(), |c, v| c.intended_uses = v)}
                    <label for="card-risk">"Risk rating"</label>
                    <select
                        id="card-risk"
                        data-testid="card-risk"
                        on:change=move |ev| {
                            if let Some(rating) = RiskRating::parse(&event_target_value(&ev)) {
                                state.export.model_card.update(|c| c.risk_rating = rating);
                            }
                        }
                    >
                        {RiskRating::ALL
                            .into_iter()
                            .map(|r| view! { <option value=r.as_str() selected=move || state.export.model_card.with(|c| c.risk_rating == r)>{r.as_str()}</option> })
                            .collect_view()}
                    </select>
                    {card_field(state, "risk-explanation", "Why this rating", |c| c.explanations_for_risk_rating.clone(), |c, v| c.explanations_for_risk_rating = v)}
                    {card_field(state, "business-problem", "Business problem", |c| c.business_problem.clone(), |c, v| c.business_problem = v)}
                    {card_field(state, "stakeholders", "Business stakeholders", |c| c.business_stakeholders.clone(), |c, v| c.business_stakeholders = v)}
                    {card_field(state, "line-of-business", "Line of business", |c| c.line_of_business.clone(), |c, v| c.line_of_business = v)}
                    {card_field(state, "training-observations", "Training observations", |c| c.training_observations.clone(), |c, v| c.training_observations = v)}
                </div>
            </details>
        </div>
    }
}
