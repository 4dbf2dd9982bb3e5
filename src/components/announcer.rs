//! A polite live region: when the analyses settle, screen readers hear
//! each area's verdict once (the Overview's words), without moving focus.

use leptos::prelude::*;
use tideline_report::{Area, Light};

use super::overview_panel::running;
use crate::state::AppState;

/// The sentence read out for the Overview as it is now; `None` while an
/// area still computes or nothing has run.
fn announcement(state: AppState) -> Option<String> {
    if Area::ALL.into_iter().any(|a| running(state, a)) {
        return None;
    }
    state.overview.with(|o| {
        let parts: Vec<String> = o
            .as_ref()?
            .areas
            .iter()
            .filter(|a| a.light != Light::Grey)
            .map(|a| format!("{} {}: {}", a.area.title(), a.light.word(), a.headline))
            .collect();
        (!parts.is_empty()).then(|| format!("Results ready. {}", parts.join(" ")))
    })
}

/// The region, visually hidden.
#[component]
pub fn Announcer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let said = RwSignal::new(String::new());
    // Only a new settled result is read; an unchanged one is not repeated.
    Effect::new(move |_| {
        if let Some(text) = announcement(state) {
            if said.get_untracked() != text {
                said.set(text);
            }
        }
    });
    view! { <p class="visually-hidden" aria-live="polite" role="status" data-testid="announcer">{move || said.get()}</p> }
}
