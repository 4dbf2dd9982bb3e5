//! The page: what Tideline is, the demo, the two datasets and the comparison.

use leptos::prelude::*;

use crate::bridge;
use crate::components::{
    BiasView, ColumnCompare, DataQualityView, DatasetPanel, DriftView, ExplainView, FocusBanner, Intro,
    ModelQualityView, MonitoringView, OverviewPanel, PiiPanel, SchemaTable, SplitControl, TeachPanel,
};
use crate::format::bytes;
use crate::protocol::Side;
use crate::state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    bridge::start(state);
    let notice = move || state.notice.get();
    view! {
        <header class="top">
            // For keyboards: past the file panels' many controls, straight to the findings.
            <a class="skip-link" href="#overview" data-testid="skip-to-overview">"Skip to the Overview"</a>
            <h1>"Tideline"</h1>
            <p class="tagline">"Drift, bias and attribution explorer: everything runs in this tab, no data leaves your device."</p>
        </header>
        <main>
            <Intro/>
            <Show when=move || state.teach_open.get()>
                <TeachPanel/>
            </Show>
            <Show when=move || notice().is_some()>
                <p class="notice" role="alert" data-testid="notice">{notice}</p>
            </Show>
            <div class="datasets">
                <DatasetPanel side=Side::Baseline/>
                <DatasetPanel side=Side::Current/>
            </div>
            <SchemaTable/>
            <PiiPanel/>
            <SplitControl/>
            <FocusBanner/>
            <OverviewPanel/>
            <DriftView/>
            <DataQualityView/>
            <ModelQualityView/>
            <BiasView/>
            <ExplainView/>
            <MonitoringView/>
            <ColumnCompare/>
        </main>
        <footer class="bottom">
            {move || {
                let m = state.memory.get();
                let helpers = state.helpers_ready.get();
                view! {
                    <p data-testid="memory" data-wasm-bytes=m.wasm_bytes data-typed-bytes=m.typed_bytes data-helpers=helpers>
                        {format!("Engine worker memory: {} (typed columns: {}), with {} helper worker{}. Nothing is stored or sent anywhere.", bytes(m.wasm_bytes), bytes(m.typed_bytes), helpers, if helpers == 1 { "" } else { "s" })}
                    </p>
                }
            }}
        </footer>
    }
}
