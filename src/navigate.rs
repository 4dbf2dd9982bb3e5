//! Moving the reader to a part of the page: scroll it into view and put the
//! keyboard focus there, so a link works the same by mouse and by keyboard.

use wasm_bindgen::JsCast;

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
