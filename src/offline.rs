//! Registers the service worker that keeps the app's own files, so after
//! the first visit the app opens and works with the network off. Not on
//! `file://` (the single-file build needs none) nor where the browser has
//! no service workers.

use wasm_bindgen::JsValue;

/// The service worker's script, beside `index.html`.
const SERVICE_WORKER: &str = "./sw.js";

/// Registers the service worker when the page is served over http(s).
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let navigator = window.navigator();
    let has_service_workers = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_service_workers {
        return;
    }
    let promise = navigator.service_worker().register(SERVICE_WORKER);
    // Awaited so a refusal is handled: it only costs the offline start.
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&"tideline: no offline copy of the app".into(), &e);
        }
    });
}
