//! The files of one side: size, rows, format, warnings, and errors in plain
//! words next to the file that caused them.

use leptos::prelude::*;

use crate::bridge;
use crate::format::{bytes, thousands};
use crate::protocol::{Request, Side};
use crate::state::AppState;

/// List of a side's files.
#[component]
pub fn FileList(
    /// Which dataset.
    side: Side,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = state.side(side);
    let id = side.as_str();
    view! {
        <ul class="files" data-testid=format!("{id}-files")>
            {move || {
                s.files
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, f)| {
                        let failed = f.error.is_some();
                        let warnings = f.warnings.clone();
                        let n_warnings = warnings.len();
                        view! {
                            <li class:failed=failed data-testid=format!("{id}-file-{index}")>
                                <span class="file-name">{f.name.clone()}</span>
                                <span class="file-meta">
                                    {if failed {
                                        format!("{} · not loaded", bytes(f.bytes))
                                    } else {
                                        format!("{} · {} · {} rows", bytes(f.bytes), f.format, thousands(f.rows))
                                    }}
                                </span>
                                <button
                                    class="link"
                                    aria-label=format!("Remove {}", f.name)
                                    on:click=move |_| bridge::send(&Request::RemoveFile { side, index }, &[])
                                >
                                    "Remove"
                                </button>
                                {f.error.map(|e| view! { <p class="error" role="alert" data-testid=format!("{id}-file-error")>{e}</p> })}
                                <Show when=move || n_warnings != 0>
                                    <details class="warnings" data-testid=format!("{id}-file-warnings")>
                                        <summary>{format!("{n_warnings} warning{}", if n_warnings == 1 { "" } else { "s" })}</summary>
                                        <ul>
                                            {warnings.iter().map(|w| view! { <li>{w.message.clone()}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
