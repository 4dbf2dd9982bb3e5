//! Side-by-side comparison of one column: histogram and a table of shares.

use leptos::prelude::*;
use tideline_engine::roles::Role;
use tideline_engine::types::Kind;

use super::HistogramCanvas;
use crate::bridge::{self, COMPARE_BINS};
use crate::protocol::Request;
use crate::state::AppState;

/// Column picker, chart and share table.
#[component]
pub fn ColumnCompare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |column: String| {
        state.compare_column.set(Some(column.clone()));
        bridge::send(&Request::Compare { column, bins: COMPARE_BINS }, &[]);
    };
    // Once data is in, show the first numerical feature without a click.
    Effect::new(move |_| {
        let columns = state.sides[0].summary.get().or_else(|| state.sides[1].summary.get());
        if state.compare_column.get_untracked().is_some() {
            return;
        }
        let Some(summary) = columns else { return };
        let first = summary
            .columns
            .iter()
            .find(|c| c.kind == Kind::Numerical && c.role == Role::Feature)
            .or_else(|| summary.columns.first());
        if let Some(c) = first {
            choose(c.name.clone());
        }
    });
    let has_data =
        move || state.sides.iter().any(|s| s.summary.with(|x| x.as_ref().is_some_and(|x| !x.columns.is_empty())));
    let rows = move || {
        state.histogram.get().map(|h| {
            let share = |s: Option<&tideline_engine::histogram::Series>, i: usize| s.and_then(|s| s.shares.get(i)).map_or_else(|| "–".to_owned(), |x| format!("{:.1}%", x * 100.0));
            h.labels
                .iter()
                .enumerate()
                .map(|(i, label)| view! { <tr><th scope="row">{label.clone()}</th><td class="num">{share(h.baseline.as_ref(), i)}</td><td class="num">{share(h.current.as_ref(), i)}</td></tr> })
                .collect_view()
        })
    };
    view! {
        <Show when=has_data>
            <section class="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">"Compare a column"</h2>
                <label>
                    "Column "
                    <select data-testid="compare-select" on:change=move |ev| choose(event_target_value(&ev)) prop:value=move || state.compare_column.get().unwrap_or_default()>
                        {move || state.all_columns().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <HistogramCanvas histogram=Signal::derive(move || state.histogram.get())/>
                <details>
                    <summary>"Shares as a table"</summary>
                    <table data-testid="compare-table">
                        <thead><tr><th scope="col">"Bin"</th><th scope="col">"Baseline"</th><th scope="col">"Current"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            </section>
        </Show>
    }
}
