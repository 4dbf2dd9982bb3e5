//! Global attributions, baseline beside current, as bars (the charts
//! crate's importance chart), for the label picked.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{draw_importance, importance_svg, ImportanceChart};
use tideline_engine::explain::AggMethod;

use super::canvas_draw::draw_on_canvas;
use super::explain_export::ExplainExport;
use crate::protocol::explain::ExplainResult;
use crate::state::AppState;

/// Canvas size of the explain charts.
pub const CHART_SIZE: (u32, u32) = (1100, 420);

/// The caption every chart of a surrogate's attributions carries.
pub fn surrogate_caption(result: &ExplainResult) -> Option<String> {
    result.surrogate.then(|| "surrogate attributions: a tree model fitted to the captured predictions".to_owned())
}

/// What a global attribution aggregated by `agg` is, for an axis.
pub fn agg_label(agg: AggMethod) -> &'static str {
    match agg {
        AggMethod::MeanAbs => "mean |SHAP|",
        AggMethod::Median => "median SHAP",
        AggMethod::MeanSq => "mean SHAP²",
    }
}

/// The importance chart of `result` for output `label`.
pub fn importance_chart(result: &ExplainResult, label: usize, agg: AggMethod) -> ImportanceChart {
    let pick = |g: &Vec<Vec<f64>>| g.get(label).cloned().unwrap_or_default();
    let value_label = agg_label(agg);
    let name = result.labels.get(label).cloned().unwrap_or_default();
    ImportanceChart {
        title: format!("Global feature attribution ({}, {name})", result.method),
        features: result.features.clone(),
        baseline: pick(&result.baseline.global),
        current: pick(&result.current.global),
        value_label: value_label.to_owned(),
        top_n: 15,
        surrogate_caption: surrogate_caption(result),
    }
}

/// The bars of the last result.
#[component]
pub fn ExplainImportance() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let label = explain.label.get();
        let agg = explain.config.with(|c| c.agg);
        explain.result.with(|r| {
            let Some(r) = r else { return };
            let chart = importance_chart(r, label, agg);
            draw_on_canvas(canvas, |area| draw_importance(area, &chart));
        });
    });
    let svg = Callback::new(move |()| {
        let (label, agg) = (explain.label.get_untracked(), explain.config.with_untracked(|c| c.agg));
        explain.result.with_untracked(|r| {
            r.as_ref().map(|r| importance_svg(&importance_chart(r, label, agg), CHART_SIZE.0, CHART_SIZE.1))
        })
    });
    view! {
        <canvas node_ref=canvas width=CHART_SIZE.0 height=CHART_SIZE.1 data-testid="explain-importance" role="img"
            aria-label="Global attribution per feature, baseline bar above current bar, largest first"></canvas>
        <ExplainExport name="importance" canvas=canvas svg=svg/>
    }
}
