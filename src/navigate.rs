//! Moving the reader to a part of the page: scroll it into view and put the
//! keyboard focus there, so a link works the same by mouse and by keyboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::section::Section;

/// Scrolls to the element `selector` and focuses `focus` inside it (or,
/// when it holds none, the element itself, made focusable for the moment).
pub fn go_to(selector: &str, focus: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(target)) = document.query_selector(selector) {
        target.scroll_into_view();
        let inner = target.query_selector(focus).ok().flatten().unwrap_or(target);
        if let Ok(element) = inner.dyn_into::<web_sys::HtmlElement>() {
            if element.get_attribute("tabindex").is_none() && !is_focusable(&element) {
                let _ = element.set_attribute("tabindex", "-1");
            }
            let _ = element.focus();
        }
    }
}

fn is_focusable(element: &web_sys::HtmlElement) -> bool {
    matches!(element.tag_name().as_str(), "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA" | "LABEL")
}

/// The section the page's URL hash names, if any.
fn hash_section() -> Option<Section> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Section::from_hash(&hash)
}

/// Writes `section` into the URL hash: a new history entry (so the back
/// button returns), or in place for the first section shown.
fn write_hash(section: Section, new_entry: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = format!("#{}", section.key());
    let _ = if new_entry {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Keeps `section` and the URL hash in step: the hash at start opens its
/// section, back and forward (or a typed hash) switch sections, and each
/// switch made in the page becomes a history entry. A switch shows the new
/// section from its top with the keyboard focus on its heading.
pub fn sync_with_hash(section: RwSignal<Section>) {
    if let Some(s) = hash_section() {
        section.set(s);
    }
    let follow = move || {
        if let Some(s) = hash_section() {
            if s != section.get_untracked() {
                section.set(s);
            }
        }
    };
    // The handles live as long as the page.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| follow());
    let _ = window_event_listener(leptos::ev::popstate, move |_| follow());
    Effect::new(move |previous: Option<Section>| {
        let now = section.get();
        if hash_section() != Some(now) {
            write_hash(now, previous.is_some());
        }
        if previous.is_some_and(|p| p != now) {
            request_animation_frame(move || {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
                go_to(&format!("#section-{}", now.key()), "h2");
            });
        }
        now
    });
}
