//! The section bar: every section one click (or one Tab stop each) away,
//! the one shown marked, and beside each analysis its Overview light, so
//! where to look next is visible from anywhere.

use leptos::prelude::*;

use super::overview_panel::light_key;
use crate::section::Section;
use crate::state::AppState;

/// One link of the bar.
fn link(state: AppState, section: Section) -> impl IntoView {
    let light = move || {
        let area = section.area()?;
        state.overview.with(|o| o.as_ref().and_then(|o| o.get(area)).map(|a| light_key(a.light)))
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        // The page switches the section and writes the hash itself (a history entry, no jump).
        ev.prevent_default();
        state.section.set(section);
    };
    view! {
        <li>
            <a href=format!("#{}", section.key()) data-testid=format!("nav-{}", section.key())
                aria-current=move || (state.section.get() == section).then_some("page")
                data-light=light on:click=open>
                {move || light().map(|l| view! { <span class="dot" data-light=l aria-hidden="true"></span> })}
                {section.title()}
            </a>
        </li>
    }
}

/// The bar, fixed under the title.
#[component]
pub fn SectionBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav class="section-bar" aria-label="Sections" data-testid="section-bar">
            <ul>{Section::ALL.into_iter().map(|s| link(state, s)).collect_view()}</ul>
        </nav>
    }
}

/// A section's page: shown only while it is the section picked. Analyses
/// with nothing loaded say where to start.
#[component]
pub fn SectionPane(section: Section, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let empty = move || section.needs_data() && !state.any_loaded();
    let start = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        state.section.set(Section::Data);
    };
    view! {
        <div class="section-pane" id=format!("section-{}", section.key()) data-testid=format!("section-{}", section.key())
            hidden=move || state.section.get() != section>
            <Show when=empty>
                <section class="panel empty-section">
                    <h2>{section.title()}</h2>
                    <p>"Nothing is loaded yet. "<a href="#data" on:click=start>"Open Data"</a>" to drop a baseline and current data, open a demo or generate drift to teach."</p>
                </section>
            </Show>
            {children()}
        </div>
    }
}
