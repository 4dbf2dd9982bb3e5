//! Says which part of the current data the drift, quality and bias views
//! compare when a timeline window is open, and closes it.

use leptos::prelude::*;

use crate::bridge;
use crate::protocol::Request;
use crate::state::AppState;

/// The banner over the analyses while a window is open.
#[component]
pub fn FocusBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let close = move |_| bridge::send(&Request::Focus { window: None }, &[]);
    move || {
        state.focus.get().map(|f| {
            view! {
                <div class="focus-banner" role="status" data-testid="focus-banner" data-window=f.index data-rows=f.rows>
                    <p>
                        <strong>{format!("Window {}", f.label)}</strong>
                        {format!(" ({} rows) of the current data is open: drift, data quality and bias below compare it with the baseline.", f.rows)}
                    </p>
                    <button data-testid="focus-close" on:click=close>"Back to all current data"</button>
                </div>
            }
        })
    }
}
