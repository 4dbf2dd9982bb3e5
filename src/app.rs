//! The page: the title, the section bar and one section at a time (the
//! data, the Overview, each analysis, teaching and exports).

use leptos::prelude::*;

use crate::bridge;
use crate::components::compare_inline;
use crate::components::{
    Announcer, BiasView, ColumnCompare, DataQualityView, DatasetPanel, DriftView, ExplainView, ExportPanel,
    FocusBanner, Intro, ModelQualityView, MonitoringView, OverviewPanel, PiiPanel, SchemaTable, SectionBar,
    SectionPane, SplitControl, TeachPanel,
};
use crate::format::bytes;
use crate::navigate;
use crate::protocol::Side;
use crate::section::Section;
use crate::state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    bridge::start(state);
    let notice = move || state.notice.get();
    navigate::sync_with_hash(state.section);
    view! {
        <header class="top">
            <h1>"Tideline"</h1>
            <p class="tagline">"Drift, bias and attribution explorer: everything runs in this tab, no data leaves your device."</p>
        </header>
        <SectionBar/>
        <Announcer/>
        <main>
            <Show when=move || notice().is_some()>
                <p class="notice" role="alert" data-testid="notice">{notice}</p>
            </Show>
            <FocusBanner/>
            <SectionPane section=Section::Data>
                <Intro/>
                <div class="datasets">
                    <DatasetPanel side=Side::Baseline/>
                    <DatasetPanel side=Side::Current/>
                </div>
                <SchemaTable/>
                <SplitControl/>
            </SectionPane>
            <SectionPane section=Section::Overview><OverviewPanel/></SectionPane>
            <SectionPane section=Section::Drift>
                <DriftView/>
                <Show when=move || !compare_inline(state)>
                    <ColumnCompare/>
                </Show>
            </SectionPane>
            <SectionPane section=Section::DataQuality><DataQualityView/></SectionPane>
            <SectionPane section=Section::ModelQuality><ModelQualityView/></SectionPane>
            <SectionPane section=Section::Bias><BiasView/></SectionPane>
            <SectionPane section=Section::Attributions><ExplainView/></SectionPane>
            <SectionPane section=Section::Timeline><MonitoringView/></SectionPane>
            <SectionPane section=Section::PersonalData><PiiPanel/></SectionPane>
            <SectionPane section=Section::Teach><TeachPanel/></SectionPane>
            <SectionPane section=Section::Export><ExportPanel/></SectionPane>
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
