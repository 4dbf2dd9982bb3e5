//! One current row's attributions: from the expected value, each feature's
//! push up or down to the row's margin (a waterfall), with the values
//! listed beside. The row is picked by its index in the current data.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{draw_waterfall, waterfall_svg, WaterfallChart};

use super::canvas_draw::draw_on_canvas;
use super::explain_export::ExplainExport;
use super::explain_importance::CHART_SIZE;
use crate::bridge;
use crate::protocol::explain::ExplainedRow;
use crate::protocol::Request;
use crate::state::AppState;

fn values_table(row: &ExplainedRow, label: usize) -> impl IntoView {
    let values = row.values.get(label).cloned().unwrap_or_default();
    let expected = row.expected_value.get(label).copied().unwrap_or(0.0);
    let margin = expected + values.iter().sum::<f64>();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].abs().total_cmp(&values[a].abs()));
    let lines = order
        .into_iter()
        .map(|j| {
            let feature = row.features.get(j).cloned().unwrap_or_default();
            let x =
                row.feature_values.get(j).copied().flatten().map_or_else(|| "missing".to_owned(), |v| format!("{v}"));
            let v = values[j];
            let class = if v.is_sign_negative() { "num down" } else { "num up" };
            view! {
                <tr data-testid=format!("explain-waterfall-{feature}") data-value=v>
                    <th scope="row">{feature.clone()}</th><td class="num">{x}</td>
                    <td class=class>{format!("{v:+.4}")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="waterfall-values">
            <thead><tr><th scope="col">"Feature"</th><th scope="col">"Value"</th><th scope="col">"SHAP"</th></tr></thead>
            <tbody>
                <tr><th scope="row">"Expected value"</th><td></td><td class="num">{format!("{expected:.4}")}</td></tr>
                {lines}
                <tr><th scope="row">"Row's margin"</th><td></td><td class="num" data-testid="explain-waterfall-margin">{format!("{margin:.4}")}</td></tr>
            </tbody>
        </table>
    }
}

/// The waterfall of `row`'s output `label`.
fn waterfall_chart(row: &ExplainedRow, label: usize, surrogate: bool) -> WaterfallChart {
    let text = |v: &Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
    WaterfallChart {
        title: format!("Current row {}{}", row.row, if surrogate { " (surrogate attributions)" } else { "" }),
        expected_value: row.expected_value.get(label).copied().unwrap_or(f64::NAN),
        features: row.features.clone(),
        feature_values: row.feature_values.iter().map(text).collect(),
        contributions: row.values.get(label).cloned().unwrap_or_default(),
        top_n: 12,
        output_label: "model output (margin)".to_owned(),
    }
}

/// The row picker and the row's attributions.
#[component]
pub fn ExplainWaterfall() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let rows = move || explain.result.with(|r| r.as_ref().map_or(0, |r| r.current.rows));
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let label = explain.label.get();
        let surrogate = explain.result.with(|r| r.as_ref().is_some_and(|r| r.surrogate));
        explain.waterfall.with(|w| {
            let Some(w) = w else { return };
            let chart = waterfall_chart(w, label, surrogate);
            draw_on_canvas(canvas, |area| draw_waterfall(area, &chart));
        });
    });
    let svg = Callback::new(move |()| {
        let label = explain.label.get_untracked();
        let surrogate = explain.result.with_untracked(|r| r.as_ref().is_some_and(|r| r.surrogate));
        explain.waterfall.with_untracked(|w| {
            w.as_ref().map(|w| waterfall_svg(&waterfall_chart(w, label, surrogate), CHART_SIZE.0, CHART_SIZE.1))
        })
    });
    let pick = move |ev: leptos::ev::Event| {
        let Ok(row) = event_target_value(&ev).trim().parse::<usize>() else { return };
        let row = row.min(rows().saturating_sub(1));
        explain.row.set(row);
        bridge::send(&Request::ExplainRow { row }, &[]);
    };
    let shown = move || {
        let label = explain.label.get();
        explain.waterfall.with(|w| {
            w.as_ref().map(|w| {
                let values = serde_json::to_string(&w.values).unwrap_or_default();
                let expected = serde_json::to_string(&w.expected_value).unwrap_or_default();
                view! {
                    <div class="waterfall" data-testid="explain-waterfall" data-row=w.row data-values=values
                        data-expected=expected data-features=w.features.join(",")>
                        {values_table(w, label)}
                    </div>
                }
            })
        })
    };
    view! {
        <Show when=move || { rows() > 0 }>
            <h3>"One row of the current data"</h3>
            <label>"Row (0 is the first current row) "
                <input type="number" min="0" max=move || rows().saturating_sub(1) step="1" data-testid="explain-row"
                    prop:value=move || explain.row.get().to_string() on:change=pick/>
            </label>
            <canvas node_ref=canvas width=CHART_SIZE.0 height=CHART_SIZE.1 data-testid="explain-waterfall-chart" role="img"
                aria-label="From the expected value, each feature's push up or down to this row's output"></canvas>
            <ExplainExport name="waterfall" canvas=canvas svg=svg/>
            {shown}
        </Show>
    }
}
