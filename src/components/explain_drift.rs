//! Attribution drift over time: each window of the current data's global
//! attributions ranked against the baseline's by NDCG (Model Monitor's
//! rule: a violation below 0.90), charted and tabled. Windows in violation
//! are highlighted, and any window opens in the other views as the
//! Monitoring view's windows do.

use leptos::prelude::*;

use super::explain_drift_chart::ExplainDriftChart;
use super::monitoring_view::short_label;
use crate::bridge;
use crate::protocol::explain::AttributionDrift;
use crate::protocol::Request;
use crate::state::AppState;

/// The lowest NDCG of a window over its labels.
fn min_ndcg<'a>(values: impl Iterator<Item = &'a f64>) -> f64 {
    values.copied().fold(f64::INFINITY, f64::min)
}

fn windows_table(drift: &AttributionDrift) -> impl IntoView {
    let rows = drift
        .windows
        .iter()
        .zip(&drift.indices)
        .map(|(w, &index)| {
            let ndcg = min_ndcg(w.ndcg.values());
            let open = move |_| bridge::send(&Request::Focus { window: Some(index) }, &[]);
            view! {
                <tr class:violation=w.violation style:background-color=if w.violation { "#fde2e1" } else { "transparent" } data-testid=format!("explain-drift-window-{index}") data-ndcg=ndcg data-violation=w.violation.to_string() data-rows=w.rows>
                    <th scope="row">{format!("{} – {}", short_label(&w.start), short_label(&w.end))}</th>
                    <td class="num">{w.rows}</td>
                    <td class="num">{format!("{ndcg:.3}")}</td>
                    <td>{if w.violation { "below 0.90" } else { "ok" }}</td>
                    <td><button class="link" data-testid=format!("explain-open-window-{index}") on:click=open>"Open this window"</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="attribution-windows">
            <thead><tr><th scope="col">"Window"</th><th scope="col">"Rows"</th><th scope="col">"NDCG"</th><th scope="col">"Verdict"</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The attribution-drift series of the last result.
#[component]
pub fn ExplainDrift() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let body = move || {
        explain.result.with(|r| {
            let r = r.as_ref()?;
            Some(match &r.drift {
                Some(d) => {
                    let violations = d.windows.iter().filter(|w| w.violation).count();
                    let time = d.time_column.as_deref().map_or_else(String::new, |t| format!(" by {t}"));
                    view! {
                        <div data-testid="explain-drift" data-points=d.windows.len() data-violations=violations data-window=d.window.clone()>
                            <p>{format!("Windows of {}{time}: {} of {} below NDCG {:.2}.", d.window, violations, d.windows.len(), d.threshold)}</p>
                            <ExplainDriftChart/>
                            {windows_table(d)}
                        </div>
                    }
                    .into_any()
                }
                None => view! { <p class="help" data-testid="explain-drift-note">{r.drift_note.clone()}</p> }.into_any(),
            })
        })
    };
    view! {
        <h3>"Attribution drift over time"</h3>
        {body}
    }
}
