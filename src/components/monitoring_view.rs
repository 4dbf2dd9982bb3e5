//! The Monitoring view (SageMaker's Model Dashboard for files on disk): every
//! check on every window of the current data, judged against the baseline,
//! with "M out of N" alerts, a grid of windows × series, a window's detail,
//! a chart of one series, and the files to download.
//!
//! Alert states follow the M and N inputs at once: they are recomputed here
//! from the cells' statuses (bookkeeping, not engine work), without asking
//! the worker again.

use leptos::prelude::*;
use tideline_engine::timeline::TimelineConfig;
use tideline_engine::timeline::{AlertRule, AlertState, CheckStatus, Timeline};

use super::monitoring_controls::MonitoringControls;
use super::monitoring_grid::MonitoringGrid;
use crate::download::download_text;
use crate::state::AppState;

/// The series and window the user picked.
#[derive(Debug, Clone, Copy)]
pub struct Selection {
    /// The series shown in the chart (`None`: the first one with a violation).
    pub series: RwSignal<Option<String>>,
    /// The window whose detail is shown.
    pub window: RwSignal<Option<usize>>,
}

/// The configuration in force: the user's, else the one the last result used.
pub fn shown_config(state: AppState) -> Option<TimelineConfig> {
    state
        .timeline
        .config
        .get()
        .or_else(|| state.timeline.result.with(|t| t.as_ref().map(|t| t.config.clone())))
        .or_else(|| state.timeline.tried.get())
}

/// The alert rule in force (the M and N inputs).
pub fn shown_rule(state: AppState) -> AlertRule {
    shown_config(state).map(|c| c.alert).unwrap_or_default()
}

/// The timeline with alert states under `rule`.
pub fn with_rule(timeline: &Timeline, rule: AlertRule) -> Timeline {
    let mut out = timeline.clone();
    out.alert_rule = rule;
    for check in &mut out.checks {
        let statuses: Vec<CheckStatus> = check.cells.iter().map(|c| c.status).collect();
        check.alert_states = rule.states(&statuses);
    }
    out
}

/// A window's label, short: the start date of a time window, the row range otherwise.
pub fn short_label(label: &str) -> String {
    let start = label.split('/').next().unwrap_or(label);
    start.strip_suffix("T00:00:00Z").unwrap_or(start).to_owned()
}

/// The shown timeline: the last result with alert states under the M and N inputs.
pub fn shown_timeline(state: AppState) -> Memo<Option<Timeline>> {
    Memo::new(move |_| {
        let rule = shown_rule(state);
        state.timeline.result.with(|t| t.as_ref().map(|t| with_rule(&t.timeline, rule)))
    })
}

fn verdict(timeline: &Timeline, millis: f64) -> impl IntoView {
    let in_alert: Vec<&str> = timeline
        .checks
        .iter()
        .filter(|c| c.alert_states.last() == Some(&AlertState::InAlert))
        .map(|c| c.name.as_str())
        .collect();
    let (windows, series, alerts) = (timeline.windows.len(), timeline.checks.len(), in_alert.len());
    let rule = timeline.alert_rule;
    let text = format!(
        "{windows} windows of {}, {series} series: {alerts} in alert now ({} of the last {} windows failed; {millis:.0} ms).",
        timeline.window,
        rule.datapoints_to_alert(),
        rule.evaluation_period(),
    );
    view! {
        <p class=if alerts == 0 { "verdict" } else { "verdict drifted" } data-testid="monitoring-verdict"
            data-millis=millis data-windows=windows data-series=series data-alerts=alerts data-in-alert=in_alert.join(",")>
            {text}
        </p>
    }
}

/// The whole Monitoring section.
#[component]
pub fn MonitoringView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selection = Selection { series: RwSignal::new(None), window: RwSignal::new(None) };
    let timeline = shown_timeline(state);
    let both = move || state.sides.iter().all(|s| s.summary.with(|x| x.as_ref().is_some_and(|x| x.rows > 0)));
    let save_timeline = move |_| {
        if let Some(t) = timeline.get_untracked() {
            if let Ok(text) = serde_json::to_string_pretty(&t) {
                download_text("timeline.json", "application/json", &text);
            }
        }
    };
    let save_config = move |_| {
        if let Some(text) = untrack(|| shown_config(state)).and_then(|c| serde_json::to_string_pretty(&c).ok()) {
            download_text("timeline_config.json", "application/json", &text);
        }
    };
    let progress = move || {
        state.timeline.progress.get().map(|(check, done, total)| format!(" {check} ({done} of {total} checks done)"))
    };
    let results = move || {
        let millis = state.timeline.result.with(|t| t.as_ref().map(|t| t.millis))?;
        timeline.with(|t| t.as_ref().map(|t| verdict(t, millis)))
    };
    let warnings = move || {
        timeline.with(|t| t.iter().flat_map(|t| &t.warnings).map(|w| view! { <li>{w.clone()}</li> }).collect_view())
    };
    view! {
        <Show when=both>
            <section class="monitoring" aria-labelledby="monitoring-title" data-testid="monitoring-view">
                <h2 id="monitoring-title">"Monitoring over time (Model Dashboard)"</h2>
                <p class="help">"Every check on every window of the current data, against bounds from the baseline; a series is in alert when M of its last N windows failed."</p>
                <MonitoringControls/>
                <Show when=move || state.timeline.error.with(Option::is_some)>
                    <p class="notice" role="alert" data-testid="monitoring-error">{move || state.timeline.error.get()}</p>
                </Show>
                <Show when=move || state.timeline.running.get()>
                    <p class="running" role="status" data-testid="monitoring-running">"Building the timeline…" {progress}</p>
                </Show>
                {results}
                <ul class="warnings" data-testid="monitoring-warnings">{warnings}</ul>
                <MonitoringGrid timeline=timeline selection=selection/>
                <div class="chart-actions">
                    <button data-testid="download-timeline" on:click=save_timeline>"timeline.json"</button>
                    <button data-testid="download-timeline-config" on:click=save_config>"timeline_config.json"</button>
                </div>
            </section>
        </Show>
    }
}
