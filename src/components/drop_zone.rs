//! Drag-and-drop area and file pickers for one side, with reading options.

use leptos::prelude::*;
use tideline_engine::io::LoadOptions;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlInputElement};

use super::dropped_files;
use crate::bridge;
use crate::protocol::{Request, Side};
use crate::state::AppState;

/// Where files are dropped or picked.
#[component]
pub fn DropZone(
    /// Which dataset the files go to.
    side: Side,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let delimiter = RwSignal::new(String::from("auto"));
    let header = RwSignal::new(String::from("auto"));
    let names = RwSignal::new(String::new());
    let busy = move || state.side(side).job.get().is_some();
    let load = move |files: Vec<File>| {
        if files.is_empty() || busy() {
            return;
        }
        let options = LoadOptions {
            delimiter: match delimiter.get_untracked().as_str() {
                "tab" => Some(b'\t'),
                d if d.len() == 1 => d.bytes().next(),
                _ => None,
            },
            has_header: match header.get_untracked().as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            column_names: Some(names.get_untracked())
                .filter(|n| !n.trim().is_empty())
                .map(|n| n.split(',').map(|s| s.trim().to_owned()).collect()),
            ..LoadOptions::default()
        };
        let job = state.take_job_id();
        let total = files.iter().map(|f| f.size() as u64).sum();
        state.start_job(side, job, total);
        bridge::send(&Request::Load { job, side, options }, &files);
    };
    // Files for a side that already holds some wait for the user's answer: replace or add.
    let pending = RwSignal::new_local(None::<Vec<File>>);
    let held = move || state.side(side).files.with(Vec::len);
    let arrive = move |files: Vec<File>| {
        if files.is_empty() || busy() {
            return;
        }
        if held() > 0 {
            pending.set(Some(files));
        } else {
            load(files);
        }
    };
    let answer = move |replace: bool| {
        let Some(files) = pending.get_untracked() else { return };
        pending.set(None);
        if replace {
            // Last first, so each index still names the file it did.
            for index in (0..held()).rev() {
                bridge::send(&Request::RemoveFile { side, index }, &[]);
            }
        }
        load(files);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        arrive(dropped_files::picked(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(transfer) = ev.data_transfer() else { return };
        let entries = dropped_files::entries(&transfer);
        if entries.iter().any(|e| e.is_directory()) {
            // A folder: its files are listed as the browser hands them out.
            leptos::task::spawn_local(async move { arrive(dropped_files::files_under(entries).await) });
        } else {
            arrive(dropped_files::picked(transfer.files()));
        }
    };
    let prompt = move || {
        pending.with(|p| p.as_ref().map(|files| (files.len(), held()))).map(|(new, old)| {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            view! {
                <div class="replace-or-add" role="alertdialog" aria-label="Replace or add" data-testid=format!("{}-replace-or-add", side.as_str())>
                    <p>{format!("The {} already holds {old} file{}. Replace {} with the {new} new file{}, or add their rows?", match side { Side::Baseline => "baseline", Side::Current => "current data" }, plural(old), if old == 1 { "it" } else { "them" }, plural(new))}</p>
                    <button class="primary" data-testid=format!("{}-replace", side.as_str()) on:click=move |_| answer(true)>"Replace"</button>
                    <button data-testid=format!("{}-add", side.as_str()) on:click=move |_| answer(false)>"Add rows"</button>
                    <button class="link" data-testid=format!("{}-keep", side.as_str()) on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            }
        })
    };
    let id = side.as_str();
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            data-testid=format!("{id}-drop")
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            {prompt}
            <p>"Drop files here, or"</p>
            <label class="button">
                "Choose files"
                <input type="file" multiple class="visually-hidden" data-testid=format!("{id}-file-input") on:change=on_pick disabled=busy/>
            </label>
            <label class="button">
                "Choose a folder"
                <input type="file" prop:webkitdirectory=true class="visually-hidden" data-testid=format!("{id}-folder-input") on:change=on_pick disabled=busy/>
            </label>
            <details class="read-options">
                <summary>"Reading options"</summary>
                <label>"Delimiter "
                    <select on:change=move |ev| delimiter.set(event_target_value(&ev)) prop:value=move || delimiter.get()>
                        <option value="auto">"detect"</option>
                        <option value=",">"comma"</option>
                        <option value=";">"semicolon"</option>
                        <option value="tab">"tab"</option>
                        <option value="|">"pipe"</option>
                    </select>
                </label>
                <label>"First row is a header "
                    <select on:change=move |ev| header.set(event_target_value(&ev)) prop:value=move || header.get()>
                        <option value="auto">"detect"</option>
                        <option value="yes">"yes"</option>
                        <option value="no">"no"</option>
                    </select>
                </label>
                <label>"Column names (comma-separated; capture files: outputs first, then inputs) "
                    <input type="text" on:input=move |ev| names.set(event_target_value(&ev)) prop:value=move || names.get()/>
                </label>
            </details>
        </div>
    }
}
