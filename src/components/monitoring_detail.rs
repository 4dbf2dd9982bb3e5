//! One window of one series, in words: the window, its rows, the value, its
//! bounds and the reference value, the status and the alert state.

use leptos::prelude::*;
use tideline_engine::timeline::{AlertState, CheckStatus, Timeline};

use super::monitoring_groups::split_name;
use super::monitoring_view::Selection;
use crate::bridge;
use crate::protocol::Request;
use crate::section::Section;
use crate::state::AppState;

fn number(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.4}")).unwrap_or_else(|| "none".into())
}

/// What the series measures, for its kind.
fn meaning(name: &str) -> String {
    let (kind, rest) = split_name(name);
    match kind {
        "drift" => match rest.rsplit_once(':') {
            Some((column, method)) => format!("Drift of column {column} from the baseline, by {method}."),
            None => format!("Drift of {rest}."),
        },
        "data_quality" => "Model Monitor's data-quality violations in the window.".into(),
        "model_quality" => format!("The model's {rest}, from the labels of the window."),
        "estimated_performance" => format!("The model's {rest}, estimated without labels (CBPE)."),
        "bias" => format!("The Clarify metric {rest}."),
        _ => String::new(),
    }
}

/// Opens window `i` in the other views and goes to the Drift section.
fn open_window(state: AppState, i: usize) {
    bridge::send(&Request::Focus { window: Some(i) }, &[]);
    state.section.set(Section::Drift);
}

/// The detail of the picked cell.
#[component]
pub fn MonitoringDetail(
    /// The timeline shown.
    timeline: Memo<Option<Timeline>>,
    /// The picked series and window.
    selection: Selection,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let name = selection.series.get()?;
        let i = selection.window.get()?;
        timeline.with(|t| {
            let t = t.as_ref()?;
            let window = t.windows.get(i)?;
            let check = t.checks.iter().find(|c| c.name == name)?;
            let cell = check.cells.get(i)?;
            let status = match cell.status {
                CheckStatus::Ok => "within bounds",
                CheckStatus::Violation => "violation",
                CheckStatus::Missing => "no value",
            };
            let alert = match check.alert_states.get(i) {
                Some(AlertState::InAlert) => "in alert",
                _ => "no alert",
            };
            Some(view! {
                <div class="monitoring-detail" data-testid="monitoring-detail" data-status=status data-alert=alert>
                    <h3>{format!("{name}, window {}", window.label)}</h3>
                    <p>{meaning(&name)}</p>
                    <dl>
                        <dt>"Rows"</dt><dd>{window.n_rows}</dd>
                        <dt>"Value"</dt><dd data-testid="monitoring-detail-value">{number(cell.value)}</dd>
                        <dt>"Bounds"</dt><dd>{format!("{} to {}", number(cell.lower), number(cell.upper))}</dd>
                        <dt>"Reference value"</dt><dd>{number(check.reference_value)}</dd>
                        <dt>"Status"</dt><dd>{status}</dd>
                        <dt>"Alert"</dt><dd>{alert}</dd>
                    </dl>
                    <button data-testid="monitoring-open-window" on:click=move |_| open_window(state, i)>
                        "Open this window in the Drift, Data quality and Bias views"
                    </button>
                </div>
            })
        })
    }
}
