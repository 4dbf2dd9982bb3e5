//! The attribution-drift chart above the windows table: the top features'
//! global attributions across the windows with the baseline marked, and
//! each window's NDCG against the threshold, violations highlighted. A
//! click on a window's column opens it, as the table's button does (the
//! table stays: it is the keyboard's way in).

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{attribution_drift_svg, draw_attribution_drift, AttributionDriftChart, WindowColumns};

use super::canvas_draw::draw_on_canvas;
use super::explain_export::ExplainExport;
use super::explain_importance::{agg_label, surrogate_caption, CHART_SIZE};
use super::monitoring_view::short_label;
use crate::bridge;
use crate::protocol::explain::ExplainResult;
use crate::protocol::Request;
use crate::state::AppState;

/// Canvas size of the chart (two panels: taller than the other explain charts).
const SIZE: (u32, u32) = (CHART_SIZE.0, 540);

/// The chart of `result`'s windows for output `label` (`None` without windows).
#[must_use]
pub fn attribution_drift_chart(
    result: &ExplainResult,
    label: usize,
    value_label: &str,
) -> Option<AttributionDriftChart> {
    let drift = result.drift.as_ref()?;
    let name = result.labels.get(label).cloned().unwrap_or_default();
    let values = drift
        .windows
        .iter()
        .map(|w| {
            let global = w.global_shap_values.get(&name).or_else(|| w.global_shap_values.get_index(label).map(|e| e.1));
            let of = |f: &String| global.and_then(|g| g.get(f)).copied().unwrap_or(f64::NAN);
            result.features.iter().map(of).collect()
        })
        .collect();
    let lowest = if result.labels.len() > 1 { ", NDCG: the lowest over outputs" } else { "" };
    Some(AttributionDriftChart {
        title: format!("Attribution drift over time ({}, {name}{lowest})", result.method),
        features: result.features.clone(),
        baseline: result.baseline.global.get(label).cloned().unwrap_or_default(),
        windows: drift.windows.iter().map(|w| short_label(&w.start)).collect(),
        values,
        ndcg: drift.windows.iter().map(|w| w.ndcg.values().copied().fold(f64::INFINITY, f64::min)).collect(),
        violations: drift.windows.iter().map(|w| w.violation).collect(),
        threshold: drift.threshold,
        value_label: value_label.to_owned(),
        surrogate_caption: surrogate_caption(result),
        ..AttributionDriftChart::default()
    })
}

/// The chart's canvas; a click on a window opens it.
#[component]
pub fn ExplainDriftChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let canvas = NodeRef::<html::Canvas>::new();
    let columns = RwSignal::new(WindowColumns::default());
    let chart = Memo::new(move |_| {
        let label = explain.label.get();
        let value_label = agg_label(explain.config.with(|c| c.agg));
        explain.result.with(|r| r.as_ref().and_then(|r| attribution_drift_chart(r, label, value_label)))
    });
    Effect::new(move |_| {
        chart.with(|c| {
            let Some(c) = c else { return };
            draw_on_canvas(canvas, |area| draw_attribution_drift(area, c).map(|drawn| columns.set(drawn)));
        });
    });
    let open = move |ev: leptos::ev::MouseEvent| {
        let Some(element) = canvas.get_untracked() else { return };
        // The canvas may be drawn smaller than its pixels: scale the click back.
        let scale = f64::from(element.width()) / f64::from(element.client_width().max(1));
        let Some(i) = columns.with_untracked(|c| c.window_at(f64::from(ev.offset_x()) * scale)) else { return };
        let index = explain.result.with_untracked(|r| r.as_ref()?.drift.as_ref()?.indices.get(i).copied());
        if let Some(index) = index {
            bridge::send(&Request::Focus { window: Some(index) }, &[]);
        }
    };
    let windows = move || chart.with(|c| c.as_ref().map_or(0, |c| c.windows.len()));
    let violations = move || chart.with(|c| c.as_ref().map_or(0, |c| c.violations.iter().filter(|v| **v).count()));
    let centres = move || columns.with(|c| serde_json::to_string(&c.centres).unwrap_or_default());
    let svg =
        Callback::new(move |()| chart.with_untracked(|c| c.as_ref().map(|c| attribution_drift_svg(c, SIZE.0, SIZE.1))));
    view! {
        <canvas node_ref=canvas width=SIZE.0 height=SIZE.1 data-testid="explain-drift-chart" role="img" style:cursor="pointer"
            data-windows=windows data-violations=violations data-centres=centres on:click=open
            aria-label="Each top feature's global attribution per window, its baseline value marked; below, each window's NDCG against the 0.90 threshold, windows in violation shaded. Click a window to open it, or use the table below."></canvas>
        <ExplainExport name="drift" canvas=canvas svg=svg/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::explain::{AttributionDrift, SideAttributions};

    fn result(windows: serde_json::Value) -> ExplainResult {
        let windows = serde_json::from_value(windows).unwrap();
        let side = |global: Vec<Vec<f64>>| SideAttributions { global, ..SideAttributions::default() };
        ExplainResult {
            job: 1,
            method: "tree_shap".into(),
            surrogate: true,
            labels: vec!["label0".into(), "label1".into()],
            features: vec!["a".into(), "b".into()],
            baseline: side(vec![vec![0.5, 0.25], vec![0.1, 0.2]]),
            current: side(Vec::new()),
            ndcg: vec![1.0, 1.0],
            violation: false,
            drift: Some(AttributionDrift {
                window: "1d".into(),
                time_column: None,
                threshold: 0.9,
                windows,
                indices: vec![3, 4],
            }),
            drift_note: None,
            workers: 1,
            millis: 1.0,
        }
    }

    #[test]
    fn windows_give_the_chosen_outputs_values_and_their_lowest_ndcg() {
        let windows = serde_json::json!([
            { "start": "2019-08-11T00:00:00Z", "end": "2019-08-12T00:00:00Z", "rows": 10,
              "global_shap_values": { "label0": { "b": 0.3, "a": 0.4 }, "label1": { "a": 0.7, "b": 0.8 } },
              "expected_value": { "label0": 0.0, "label1": 0.0 },
              "ndcg": { "label0": 0.95, "label1": 0.85 }, "violation": true },
            { "start": "2019-08-12T00:00:00Z", "end": "2019-08-13T00:00:00Z", "rows": 12,
              "global_shap_values": { "label0": { "a": 0.5 }, "label1": { "a": 0.1, "b": 0.2 } },
              "expected_value": { "label0": 0.0, "label1": 0.0 },
              "ndcg": { "label0": 1.0, "label1": 1.0 }, "violation": false },
        ]);
        let chart = attribution_drift_chart(&result(windows), 1, "mean |SHAP|").unwrap();
        assert_eq!(chart.windows, ["2019-08-11", "2019-08-12"]);
        assert_eq!(chart.values, [vec![0.7, 0.8], vec![0.1, 0.2]]);
        assert_eq!(chart.baseline, [0.1, 0.2]);
        assert_eq!(chart.ndcg, [0.85, 1.0]);
        assert_eq!(chart.violations, [true, false]);
        assert!(chart.surrogate_caption.is_some());
        let first = attribution_drift_chart(&result(serde_json::json!([])), 0, "x").unwrap();
        assert!(first.windows.is_empty(), "no windows: the chart says no data");
        // A feature a window lacks is a gap in its line.
        let windows0 = attribution_drift_chart(&result(windows_with_gap()), 0, "x").unwrap();
        assert!(windows0.values[0][1].is_nan());
    }

    fn windows_with_gap() -> serde_json::Value {
        serde_json::json!([{ "start": "0", "end": "10", "rows": 10,
            "global_shap_values": { "label0": { "a": 0.5 } }, "expected_value": { "label0": 0.0 },
            "ndcg": { "label0": 1.0 }, "violation": false }])
    }
}
