//! The first screen: what Tideline does in two sentences, and three ways
//! to start: drop your files, open a demo, or generate drift to teach.

use leptos::prelude::*;

use crate::bridge;
use crate::navigate::go_to;
use crate::protocol::{Demo, Request};
use crate::section::Section;
use crate::state::AppState;

/// The opening lines and the three starts.
#[component]
pub fn Intro() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open_demo = move |demo: Demo| {
        move |_| {
            let job = state.take_job_id();
            state.overview_after.set(Some(false));
            // A timeline chosen for other data would not fit the demo's columns.
            state.timeline.config.set(None);
            bridge::send(&Request::LoadDemo { job, demo }, &[]);
        }
    };
    let drop_files = move |_| go_to("[data-testid='baseline-drop']", "label.button");
    let teach = move |_| {
        state.section.set(Section::Teach);
        // The section shows on the next tick; focus its picker then.
        request_animation_frame(|| request_animation_frame(|| go_to("[data-testid='teach-panel']", "select")));
    };
    view! {
        <section class="intro" aria-labelledby="intro-title">
            <h2 id="intro-title">"Is your production data still like your training data?"</h2>
            <p>
                "Tideline compares a baseline with current data (drift, data quality, model quality, bias and feature attributions, over time) the way SageMaker Model Monitor, Clarify and the open-source monitors do. "
                "Everything runs inside this browser tab: no byte of your data leaves the device."
            </p>
            <div class="starts">
                <div class="start">
                    <h3>"Your files"</h3>
                    <button class="primary" data-testid="start-files" on:click=drop_files>"Drop your files"</button>
                    <p class="hint">"CSV, TSV, JSON, JSON Lines, SageMaker capture, Parquet or Arrow files, gzip or zstd compressed or not, or whole folders: a baseline and current data."</p>
                </div>
                <div class="start">
                    <h3>"A demo"</h3>
                    <button class="primary" data-testid="open-demo" on:click=open_demo(Demo::CarLoan) disabled=move || !state.worker_ready.get()>
                        "Open the demo: car loans, reference vs analysis"
                    </button>
                    <button class="primary" data-testid="open-demo-wfh" on:click=open_demo(Demo::Wfh) disabled=move || !state.worker_ready.get()>
                        "Open the monitoring demo: work from home (NannyML wfh), 2017–2021"
                    </button>
                </div>
                <div class="start">
                    <h3>"Teach"</h3>
                    <button class="primary" data-testid="start-teach" on:click=teach disabled=move || !state.worker_ready.get()>"Teach: generate drift"</button>
                    <p class="hint">"Make each kind of drift happen on purpose and watch which check catches it."</p>
                </div>
            </div>
        </section>
    }
}
