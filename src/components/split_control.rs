//! One file holding both periods (UCI Adult's `dataset` = train/test, a
//! `period` column): split the baseline's rows into baseline and current.

use leptos::prelude::*;
use tideline_engine::summary::{ColumnSummary, TOP_VALUES};
use tideline_engine::types::Kind;

use crate::bridge;
use crate::protocol::Request;
use crate::section::Section;
use crate::state::AppState;

/// Values that name the earlier period.
const BASELINE_NAMES: [&str; 8] = ["train", "training", "reference", "baseline", "before", "old", "past", "dev"];

/// Shown while only the baseline holds data and it has a column with a few values.
#[component]
pub fn SplitControl() -> impl IntoView {
    let state = expect_context::<AppState>();
    let candidates = move || -> Vec<ColumnSummary> {
        let current_rows = state.sides[1].summary.with(|s| s.as_ref().map_or(0, |s| s.rows));
        if current_rows > 0 {
            return Vec::new();
        }
        state.sides[0].summary.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.columns
                        .iter()
                        .filter(|c| c.kind == Kind::Categorical && (2..=TOP_VALUES as u64).contains(&c.distinct))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let column = RwSignal::new(String::new());
    let baseline_value = RwSignal::new(String::new());
    let current_value = RwSignal::new(String::new());
    // Pick a column, then its first and second values, so one click splits.
    let choose = move |name: String, columns: &[ColumnSummary]| {
        let values: Vec<String> = columns
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.top_values.iter().map(|v| v.value.clone()).collect())
            .unwrap_or_default();
        // A value named like a baseline (train, reference, ...) goes first; else the most frequent.
        let base = values.iter().position(|v| BASELINE_NAMES.contains(&v.to_lowercase().as_str())).unwrap_or(0);
        column.set(name);
        baseline_value.set(values.get(base).cloned().unwrap_or_default());
        current_value
            .set(values.iter().enumerate().find(|(i, _)| *i != base).map(|(_, v)| v.clone()).unwrap_or_default());
    };
    Effect::new(move |_| {
        let columns = candidates();
        if !columns.iter().any(|c| c.name == column.get_untracked()) {
            if let Some(first) = columns.iter().find(|c| c.name == "dataset").or(columns.first()) {
                choose(first.name.clone(), &columns);
            }
        }
    });
    let values = move || {
        candidates()
            .into_iter()
            .find(|c| c.name == column.get())
            .map(|c| c.top_values.into_iter().map(|v| v.value).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let options = move |selected: RwSignal<String>| {
        values()
            .into_iter()
            .map(|v| view! { <option value=v.clone() selected=v == selected.get_untracked()>{v.clone()}</option> })
            .collect_view()
    };
    let split = move |_| {
        bridge::send(
            &Request::Split {
                column: column.get_untracked(),
                baseline_value: baseline_value.get_untracked(),
                current_value: current_value.get_untracked(),
            },
            &[],
        );
        // The two parts are a pair: show what they give.
        state.section.set(Section::Overview);
    };
    view! {
        <Show when=move || !candidates().is_empty()>
            <section class="split" data-testid="split-control" aria-labelledby="split-title">
                <h2 id="split-title">"One file with both periods?"</h2>
                <p class="help">"Split the baseline's rows by a column: one value becomes the baseline, another the current data."</p>
                <div class="drift-controls">
                    <label>
                        "Column "
                        <select data-testid="split-column" prop:value=move || column.get() on:change=move |ev| choose(event_target_value(&ev), &candidates())>
                            {move || candidates().into_iter().map(|c| view! { <option value=c.name.clone()>{c.name.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Baseline rows where it is "
                        <select data-testid="split-baseline" prop:value=move || baseline_value.get() on:change=move |ev| baseline_value.set(event_target_value(&ev))>
                            {move || options(baseline_value)}
                        </select>
                    </label>
                    <label>
                        "Current rows where it is "
                        <select data-testid="split-current" prop:value=move || current_value.get() on:change=move |ev| current_value.set(event_target_value(&ev))>
                            {move || options(current_value)}
                        </select>
                    </label>
                    <button class="primary" data-testid="split-apply" on:click=split>"Split"</button>
                </div>
            </section>
        </Show>
    }
}
