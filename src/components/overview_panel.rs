//! The Overview: one traffic light per area (data quality, drift, model
//! quality, bias, attributions, timeline, personal data) with its finding
//! in a sentence and a link into the view that holds the detail. The
//! lights are the worker's (the same rules as the report's).

use leptos::prelude::*;
use tideline_report::{Area, AreaStatus, Light};

use crate::section::Section;
use crate::state::AppState;

/// True while the area's analysis is computing.
pub(crate) fn running(state: AppState, area: Area) -> bool {
    match area {
        Area::DataQuality => state.data_quality.running.get(),
        Area::Drift => state.drift.running.get(),
        Area::ModelQuality => state.model_quality.running.get(),
        Area::Bias => state.bias.running.get(),
        Area::Attributions => state.explain.job.with(Option::is_some),
        Area::Timeline => state.timeline.running.get(),
        Area::PersonalData => false,
    }
}

/// One area's card.
fn card(state: AppState, status: AreaStatus) -> impl IntoView {
    let AreaStatus { area, light, headline } = status;
    let key = area.key();
    let busy = move || running(state, area);
    let word = move || if busy() { "computing" } else { light.word() };
    let open = move |_| state.section.set(Section::of_area(area));
    view! {
        <li class="area" data-testid=format!("overview-{key}") data-light=move || if busy() { "busy" } else { light_key(light) }>
            <span class="light" aria-hidden="true"></span>
            <div class="area-text">
                <h3>{area.title()}" "<span class="word">{word}</span></h3>
                <p data-testid=format!("overview-{key}-headline")>{headline}</p>
                <button class="link" data-testid=format!("overview-open-{key}") on:click=open>
                    {format!("Open {}", area.title().to_lowercase())}
                </button>
            </div>
        </li>
    }
}

pub(crate) fn light_key(light: Light) -> &'static str {
    match light {
        Light::Grey => "grey",
        Light::Green => "green",
        Light::Amber => "amber",
        Light::Red => "red",
    }
}

/// The Overview, once data is loaded.
#[component]
pub fn OverviewPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let areas = move || state.overview.get().map(|o| o.areas).unwrap_or_default();
    view! {
        <Show when=move || state.any_loaded()>
            <section class="panel overview" id="overview" tabindex="-1" data-testid="overview" aria-labelledby="overview-title">
                <h2 id="overview-title">"Overview"</h2>
                <p class="help">"Every check that applies to the loaded data. Each light says what it found; open its view for the detail."</p>
                <ul class="areas">
                    <For each=areas key=|a| (a.area.key(), a.light, a.headline.clone()) children=move |a| card(state, a)/>
                </ul>
                <p class="help">"Reports, the model card, the audit record and SageMaker's files are under "<a href="#export" data-testid="overview-open-export" on:click=move |ev: leptos::ev::MouseEvent| { ev.prevent_default(); state.section.set(Section::Export); }>"Export"</a>"."</p>
            </section>
        </Show>
    }
}
