//! What Tideline does, in two sentences, and the one-click demo.

use leptos::prelude::*;

use crate::bridge;
use crate::protocol::{Demo, Request};
use crate::state::AppState;

/// The opening lines and the demo button.
#[component]
pub fn Intro() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open_demo = move |demo: Demo| {
        move |_| {
            let job = state.take_job_id();
            // A timeline chosen for other data would not fit the demo's columns.
            state.timeline_config.set(None);
            bridge::send(&Request::LoadDemo { job, demo }, &[]);
        }
    };
    view! {
        <section class="intro" aria-labelledby="intro-title">
            <h2 id="intro-title">"Is your production data still like your training data?"</h2>
            <p>
                "Drop a baseline (training data) and current data (production: CSV, TSV, JSON, JSON Lines or SageMaker capture files). "
                "Tideline reads them into typed columns, infers types as SageMaker Model Monitor does and compares every column, all inside this browser tab."
            </p>
            <div class="demo-buttons">
                <button class="primary" data-testid="open-demo" on:click=open_demo(Demo::CarLoan) disabled=move || !state.worker_ready.get()>
                    "Open the demo: car loans, reference vs analysis"
                </button>
                <button class="primary" data-testid="open-demo-wfh" on:click=open_demo(Demo::Wfh) disabled=move || !state.worker_ready.get()>
                    "Open the monitoring demo: work from home (NannyML wfh), 2017–2021"
                </button>
            </div>
        </section>
    }
}
