//! The Monitoring grid: one row per series (grouped by check), one column per
//! window; each cell shows its status by colour AND a symbol. Clicking a row
//! picks the chart's series, clicking a cell also picks the window.

use leptos::prelude::*;
use tideline_engine::timeline::{AlertState, CheckStatus, CheckTimeline, Timeline};

use super::monitoring_view::{short_label, Selection};

/// Readable names of the check kinds, by series prefix.
const KINDS: [(&str, &str); 6] = [
    ("data_quality", "Data quality (Model Monitor)"),
    ("drift", "Drift (NannyML univariate)"),
    ("model_quality", "Model quality (realised)"),
    ("estimated_performance", "Estimated performance (CBPE)"),
    ("bias", "Bias (Clarify)"),
    ("attribution", "Feature attribution (NDCG, Model Monitor)"),
];

/// The series' check kind and the rest of its name.
pub fn split_name(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or((name, ""))
}

/// Class, symbol and words of a cell.
fn look(status: CheckStatus, alert: AlertState) -> (&'static str, &'static str, &'static str) {
    match (status, alert) {
        (CheckStatus::Missing, _) => ("missing", "–", "no value"),
        (CheckStatus::Violation, AlertState::InAlert) => ("alert", "✕!", "violation, in alert"),
        (CheckStatus::Violation, AlertState::Ok) => ("violation", "✕", "violation"),
        (CheckStatus::Ok, AlertState::InAlert) => ("ok-alert", "!", "within bounds, still in alert"),
        (CheckStatus::Ok, AlertState::Ok) => ("ok", "✓", "within bounds"),
    }
}

fn row(check: &CheckTimeline, timeline: &Timeline, selection: Selection) -> impl IntoView {
    let name = check.name.clone();
    let (_, detail) = split_name(&name);
    let detail = if detail.is_empty() { name.clone() } else { detail.to_owned() };
    let pick = {
        let name = name.clone();
        move |_| {
            selection.series.set(Some(name.clone()));
        }
    };
    let selected = {
        let name = name.clone();
        move || selection.series.with(|s| s.as_deref() == Some(name.as_str()))
    };
    let cells = check
        .cells
        .iter()
        .zip(&check.alert_states)
        .enumerate()
        .map(|(i, (cell, alert))| {
            let (class, symbol, words) = look(cell.status, *alert);
            let value = cell.value.map(|v| format!("{v:.4}")).unwrap_or_else(|| "none".into());
            let window = timeline.windows.get(i).map(|w| short_label(&w.label)).unwrap_or_default();
            let label = format!("{name}, window {window}: {value}, {words}");
            let status = serde_json::to_value(cell.status).ok().and_then(|v| v.as_str().map(str::to_owned));
            let alert_text = if *alert == AlertState::InAlert { "in_alert" } else { "ok" };
            let series = name.clone();
            let is_selected = {
                let series = name.clone();
                move || selection.window.get() == Some(i) && selection.series.with(|s| s.as_deref() == Some(series.as_str()))
            };
            view! {
                <td class=format!("cell {class}") data-testid=format!("monitoring-cell-{name}-{i}") data-status=status data-alert=alert_text data-value=cell.value>
                    <button title=label.clone() aria-label=label aria-pressed=move || is_selected().to_string()
                        on:click=move |_| { selection.series.set(Some(series.clone())); selection.window.set(Some(i)); }>{symbol}</button>
                </td>
            }
        })
        .collect_view();
    view! {
        <tr data-testid=format!("monitoring-row-{name}") class:selected=selected>
            <th scope="row"><button class="link" on:click=pick title=format!("Chart {name}")>{detail}</button></th>
            {cells}
        </tr>
    }
}

/// The grid of `timeline`.
#[component]
pub fn MonitoringGrid(
    /// The timeline shown (alert states under the current rule).
    timeline: Memo<Option<Timeline>>,
    /// The picked series and window.
    selection: Selection,
) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let t = t.as_ref()?;
            let n = t.windows.len();
            let heads = t
                .windows
                .iter()
                .map(|w| view! { <th scope="col" class="window" title=format!("{} ({} rows)", w.label, w.n_rows)><span>{short_label(&w.label)}</span></th> })
                .collect_view();
            // Known kinds in their order, then any other kind under its own
            // name, so a new check never goes missing from the grid.
            let mut kinds: Vec<(String, String)> = KINDS.iter().map(|&(k, title)| (k.to_owned(), title.to_owned())).collect();
            for c in &t.checks {
                let kind = split_name(&c.name).0;
                if !kinds.iter().any(|(k, _)| k == kind) {
                    kinds.push((kind.to_owned(), kind.replace('_', " ")));
                }
            }
            let groups = kinds
                .into_iter()
                .filter_map(|(kind, title)| {
                    let checks: Vec<&CheckTimeline> = t.checks.iter().filter(|c| split_name(&c.name).0 == kind).collect();
                    (!checks.is_empty()).then(|| {
                        let rows = checks.into_iter().map(|c| row(c, t, selection)).collect_view();
                        view! {
                            <tr class="group"><th scope="rowgroup">{title}</th><td colspan=n></td></tr>
                            {rows}
                        }
                    })
                })
                .collect_view();
            Some(view! {
                <p class="legend" aria-hidden="true">
                    <span class="cell ok">"✓"</span>" within bounds "
                    <span class="cell violation">"✕"</span>" violation "
                    <span class="cell alert">"✕!"</span>" in alert "
                    <span class="cell ok-alert">"!"</span>" within bounds, still in alert "
                    <span class="cell missing">"–"</span>" no value"
                </p>
                <div class="table-scroll monitoring-grid">
                    <table data-testid="monitoring-grid">
                        <thead><tr><th scope="col">"Series"</th>{heads}</tr></thead>
                        <tbody>{groups}</tbody>
                    </table>
                </div>
            })
        })
    }
}
