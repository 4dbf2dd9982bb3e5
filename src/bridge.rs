//! The page's side of the worker: spawns it, sends requests (with `File`
//! handles, never their bytes) and applies its replies to the state.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::download::{download_bytes, download_text};
use crate::protocol::{ExportKind, Reply, Request};
use crate::state::AppState;

pub use crate::state::COMPARE_BINS;

/// Where Trunk puts the worker's loader script.
const WORKER_SCRIPT: &str = "./worker_loader.js";

/// The engine worker's script: the single-file build's `blob:` URL when the
/// page has one (`cargo xtask single-file`), else Trunk's loader.
fn worker_script() -> String {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__tidelineWorkerUrl")).ok())
        .and_then(|url| url.as_string())
        .unwrap_or_else(|| WORKER_SCRIPT.to_owned())
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// Messages sent before the worker said it was ready. A worker loads
    /// its wasm before it listens, and a message posted meanwhile had no
    /// handler: a file dropped that early stayed at "0 B".
    static PENDING: RefCell<Option<Vec<js_sys::Object>>> = const { RefCell::new(Some(Vec::new())) };
}

/// Posts `message`, or keeps it until the worker is ready.
fn post(message: js_sys::Object) {
    let kept = PENDING.with(|p| match p.borrow_mut().as_mut() {
        Some(pending) => {
            pending.push(message.clone());
            true
        }
        None => false,
    });
    if kept {
        return;
    }
    WORKER.with(|w| {
        if let Some(worker) = w.borrow().as_ref() {
            if let Err(e) = worker.post_message(&message) {
                web_sys::console::error_2(&"tideline: cannot reach the worker".into(), &e);
            }
        }
    });
}

/// The worker listens: sends what waited, in order.
fn flush() {
    let Some(pending) = PENDING.with(|p| p.borrow_mut().take()) else { return };
    for message in pending {
        post(message);
    }
}

/// Spawns the engine worker and routes its replies into `state`.
pub fn start(state: AppState) {
    let worker = match Worker::new(&worker_script()) {
        Ok(w) => w,
        Err(e) => {
            state.notice.set(Some(format!("The engine worker could not start: {}", js_text(&e))));
            return;
        }
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        match serde_json::from_str::<Reply>(&text) {
            Ok(reply) => {
                if matches!(reply, Reply::Ready) {
                    flush();
                }
                if let Reply::Exported { kind, text, base64 } = &reply {
                    save_export(*kind, text.as_deref(), base64.as_deref());
                }
                for request in state.apply(reply) {
                    send(&request, &[]);
                }
            }
            Err(e) => state.notice.set(Some(format!("The engine sent a reply the page cannot read: {e}"))),
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        state
            .notice
            .set(Some(format!("The engine worker stopped: {}. Reload the page to start again.", event.message())));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker));
}

/// Sends a request, with files attached when it is a load.
pub fn send(request: &Request, files: &[web_sys::File]) {
    let Ok(text) = serde_json::to_string(request) else { return };
    let message = js_sys::Object::new();
    let attached: js_sys::Array = files.iter().collect();
    let set = js_sys::Reflect::set(&message, &"msg".into(), &text.into())
        .and_then(|_| js_sys::Reflect::set(&message, &"files".into(), &attached));
    if set.is_err() {
        return;
    }
    post(message);
}

/// Offers an export the worker made as a download.
fn save_export(kind: ExportKind, text: Option<&str>, encoded: Option<&str>) {
    use base64::Engine as _;
    if let Some(text) = text {
        download_text(kind.file_name(), kind.mime(), text);
    } else if let Some(bytes) = encoded.and_then(|e| base64::engine::general_purpose::STANDARD.decode(e).ok()) {
        download_bytes(kind.file_name(), kind.mime(), &bytes);
    }
}

fn js_text(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| js_sys::Reflect::get(value, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{value:?}"))
}
