//! The drift view: the dataset verdict, preset and correction, and a
//! sortable, filterable table of columns (drifted first) whose rows open the
//! column's charts.

use leptos::prelude::*;
use tideline_engine::drift::text::number_text as number;
use tideline_engine::drift::{ColumnDrift, Correction, Preset};

use super::{ColumnCompare, SparklineCanvas};
use crate::bridge::{self, COMPARE_BINS};
use crate::download::download_text;
use crate::format::{count, thousands};
use crate::protocol::Request;
use crate::state::AppState;

/// Orders of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    /// Drifted first, then by effect size (largest first).
    Verdict,
    /// By name.
    Name,
    /// By effect size, largest first.
    Effect,
    /// By p-value, smallest first (distances last).
    PValue,
}

/// Drift of every shared column.
#[component]
pub fn DriftView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sort = RwSignal::new(SortBy::Verdict);
    let filter = RwSignal::new(String::new());
    let drifted_only = RwSignal::new(false);
    let rerun = move || {
        if let Some(request) = state.drift_request() {
            bridge::send(&request, &[]);
        }
    };
    let on_preset = move |ev| {
        if let Some(preset) = Preset::parse(&event_target_value(&ev)) {
            state.drift.options.update(|o| {
                o.preset = preset;
                o.correction = None;
            });
            rerun();
            // Data types are Model Monitor's under `sagemaker` only.
            if let Some(request) = state.data_quality_request() {
                bridge::send(&request, &[]);
            }
        }
    };
    let on_correction = move |ev| {
        let value = event_target_value(&ev);
        state.drift.options.update(|o| o.correction = if value == "preset" { None } else { Correction::parse(&value) });
        rerun();
    };
    let open = move |column: String| {
        state.compare_column.set(Some(column.clone()));
        bridge::send(&Request::Compare { column, bins: COMPARE_BINS }, &[]);
        // The charts open under the row on the next frame: bring them into view.
        request_animation_frame(|| {
            if let Some(target) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("compare-title"))
            {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    };
    let verdict = move || {
        state.drift.result.get().map(|d| {
            let r = &d.report;
            let outputs = r.output_drift_text().map(|o| format!(" Also {o}.")).unwrap_or_default();
            let text = format!(
                "{}: {}.{outputs} Preset {}, correction {}, {} vs {} rows, {:.0} ms.",
                r.share_text(),
                if r.dataset_drift { "the dataset drifted" } else { "no dataset drift" },
                r.preset.name(),
                r.correction.name(),
                thousands(r.n_baseline),
                thousands(r.n_current),
                d.millis
            );
            view! {
                <p class=if r.dataset_drift { "verdict drifted" } else { "verdict stable" } data-testid="drift-verdict" data-dataset-drift=r.dataset_drift.to_string() data-drifted=r.n_drifted data-tested=r.n_tested data-preset=r.preset.name() data-millis=d.millis data-workers=d.workers>
                    {text}
                </p>
            }
        })
    };
    let rows = move || {
        let Some(d) = state.drift.result.get() else { return Vec::new() };
        let needle = filter.get().to_lowercase();
        let mut columns: Vec<ColumnDrift> = d
            .report
            .columns
            .into_iter()
            .filter(|c| !drifted_only.get() || c.drifted)
            .filter(|c| {
                needle.is_empty()
                    || c.name.to_lowercase().contains(&needle)
                    || c.test.name().to_lowercase().contains(&needle)
            })
            .collect();
        let effect = |c: &ColumnDrift| if c.effect_size.is_nan() { -1.0 } else { c.effect_size };
        match sort.get() {
            SortBy::Verdict => columns.sort_by(|a, b| b.drifted.cmp(&a.drifted).then(effect(b).total_cmp(&effect(a)))),
            SortBy::Name => columns.sort_by(|a, b| a.name.cmp(&b.name)),
            SortBy::Effect => columns.sort_by(|a, b| effect(b).total_cmp(&effect(a))),
            SortBy::PValue => columns.sort_by(|a, b| {
                let p = |c: &ColumnDrift| c.p_value_adjusted.unwrap_or(f64::INFINITY);
                p(a).total_cmp(&p(b))
            }),
        }
        columns
            .into_iter()
            .map(|c| {
                let sparkline = d.sparklines.iter().find(|h| h.column == c.name).cloned();
                drift_row(c, sparkline, open)
            })
            .collect::<Vec<_>>()
    };
    let skipped = move || {
        state.drift.result.get().filter(|d| !d.report.skipped.is_empty()).map(|d| {
            view! {
                <details data-testid="drift-skipped">
                    <summary>{format!("{} not tested", count(d.report.skipped.len(), "column"))}</summary>
                    <ul>{d.report.skipped.into_iter().map(|s| view! { <li><strong>{s.name}</strong>": "{s.reason}</li> }).collect_view()}</ul>
                </details>
            }
        })
    };
    let download = move |_| {
        if let Some(d) = state.drift.result.get_untracked() {
            if let Ok(json) = serde_json::to_string_pretty(&d.report) {
                download_text("drift.json", "application/json", &json);
            }
        }
    };
    let sort_button = move |by: SortBy, label: &'static str| {
        view! {
            <button class="link" aria-pressed=move || (sort.get() == by).to_string() on:click=move |_| sort.set(by)>{label}</button>
        }
    };
    view! {
        <Show when=move || state.drift.result.with(Option::is_some) || state.drift.running.get() || state.any_loaded()>
            <section class="drift" aria-labelledby="drift-title" data-testid="drift-view">
                <h2 id="drift-title">"Drift"</h2>
                {verdict}
                <Show when=move || state.drift.result.with(Option::is_none) && !state.drift.running.get()>
                    <p class="help" data-testid="drift-waiting">"Drift is tested as soon as both sides hold data. Choose a preset now if you like."</p>
                </Show>
                <Show when=move || state.drift.running.get()>
                    <p class="running" role="status" data-testid="drift-running">"Testing every column…"</p>
                </Show>
                <div class="drift-controls">
                    <label>
                        "Preset "
                        <select data-testid="drift-preset" on:change=on_preset prop:value=move || state.drift.options.get().preset.name().to_owned()>
                            <option value="tideline">"Tideline: significant after BH, and an effect or PSI ≥ 0.1"</option>
                            <option value="evidently">"Evidently: its default tests"</option>
                            <option value="sagemaker">"SageMaker: Model Monitor's robust L∞ > 0.1"</option>
                        </select>
                    </label>
                    <label>
                        "Correction "
                        <select data-testid="drift-correction" on:change=on_correction prop:value=move || state.drift.options.get().correction.map_or("preset", Correction::name).to_owned()>
                            <option value="preset">"the preset's"</option>
                            <option value="none">"none"</option>
                            <option value="bonferroni">"Bonferroni"</option>
                            <option value="bh">"Benjamini–Hochberg"</option>
                        </select>
                    </label>
                    <label>
                        "Filter "
                        <input type="search" data-testid="drift-filter" placeholder="column or test" on:input=move |ev| filter.set(event_target_value(&ev))/>
                    </label>
                    <label>
                        <input type="checkbox" data-testid="drift-only" on:change=move |ev| drifted_only.set(event_target_checked(&ev))/>
                        " drifted only"
                    </label>
                    <button data-testid="drift-download" on:click=download>"Download drift.json"</button>
                </div>
                <p class="help sort-by">"Sort by "{sort_button(SortBy::Verdict, "verdict")}", "{sort_button(SortBy::Effect, "effect size")}", "{sort_button(SortBy::PValue, "p-value")}" or "{sort_button(SortBy::Name, "name")}". Click a row for its charts."</p>
                <div class="table-scroll drift-table">
                    <table data-testid="drift-table">
                        <thead>
                            <tr>
                                <th scope="col">"Column"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Test"</th>
                                <th scope="col">"Statistic"</th>
                                <th scope="col">"p-value"</th>
                                <th scope="col">"Effect size"</th>
                                <th scope="col" title="Population stability index: below 0.1 stable, 0.1–0.25 moderate, above 0.25 major">"PSI"</th>
                                <th scope="col">"Threshold"</th>
                                <th scope="col">"Verdict"</th>
                                <th scope="col">"Distribution"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {skipped}
            </section>
        </Show>
    }
}

fn drift_row(
    c: ColumnDrift,
    sparkline: Option<tideline_engine::histogram::Histogram>,
    open: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let name = c.name.clone();
    let (p, threshold, verdict) = (c.p_values_text(), c.rule_text(), c.verdict_text());
    let (data_p, data_rule) = (p.clone(), threshold.clone());
    let unseen = (c.counts.unseen_rows > 0).then(|| {
        format!(" · {} rows in {} new categories", thousands(c.counts.unseen_rows), c.counts.unseen_categories.len())
    });
    let test = if c.robust { format!("{} (robust)", c.test.name()) } else { c.test.name().to_owned() };
    let state = expect_context::<AppState>();
    let here = name.clone();
    // The picked column's charts open under its own row.
    let inline = move || {
        (state.compare_column.get().as_deref() == Some(here.as_str())).then(|| {
            view! { <tr class="inline-compare" data-testid="inline-compare"><td colspan="10"><ColumnCompare/></td></tr> }
        })
    };
    view! {
        <tr data-testid=format!("drift-row-{}", c.name) data-drifted=c.drifted.to_string() data-test=c.test.name() class:drifted=c.drifted tabindex="0"
            data-p=data_p data-rule=data_rule data-verdict=verdict data-output=c.role.is_model_output().to_string() data-role=c.role.as_str()
            on:click={let name = name.clone(); move |_| open(name.clone())}
            on:keydown=move |ev| if ev.key() == "Enter" { open(name.clone()) }>
            <th scope="row">{c.name.clone()}<span class="unseen">{unseen}</span></th>
            <td>{c.kind.as_str()}</td>
            <td>{test}</td>
            <td class="num">{number(c.statistic)}</td>
            <td class="num">{p}</td>
            <td class="num" title=format!("{:?}; PSI {}", c.effect_size_measure, number(c.psi))>{number(c.effect_size)}</td>
            <td class="num">{number(c.psi)}</td>
            <td>{threshold}</td>
            <td><span class=if c.drifted { "badge bad" } else { "badge ok" }>{verdict}</span></td>
            <td>{sparkline.map(|h| view! { <SparklineCanvas histogram=h/> })}</td>
        </tr>
        {inline}
    }
}

/// True when the picked column has a row in the drift table (its charts
/// show there, else below the table).
pub fn compare_inline(state: AppState) -> bool {
    let Some(column) = state.compare_column.get() else { return false };
    state.drift.result.with(|r| r.as_ref().is_some_and(|r| r.report.columns.iter().any(|c| c.name == column)))
}
