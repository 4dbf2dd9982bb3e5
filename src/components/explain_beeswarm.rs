//! Local attributions of the current data's sampled rows, one dot per row
//! and feature, coloured by the feature's value (the charts crate's
//! beeswarm), for the label picked.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{beeswarm_svg, draw_beeswarm, BeeswarmChart};

use super::canvas_draw::draw_on_canvas;
use super::explain_export::ExplainExport;
use super::explain_importance::CHART_SIZE;
use crate::protocol::explain::{ExplainResult, SideAttributions};
use crate::state::AppState;

/// `side`'s sampled values of output `label`, by feature then row: (attributions, feature values).
#[must_use]
pub fn by_feature(
    side: &SideAttributions,
    n_labels: usize,
    n_features: usize,
    label: usize,
) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let s = &side.sample;
    let mut values = vec![Vec::with_capacity(s.rows.len()); n_features];
    let mut features = vec![Vec::with_capacity(s.rows.len()); n_features];
    for r in 0..s.rows.len() {
        let start = (r * n_labels + label) * n_features;
        for (j, column) in values.iter_mut().enumerate() {
            column.push(s.values.get(start + j).copied().unwrap_or(f64::NAN));
        }
        for (j, column) in features.iter_mut().enumerate() {
            column.push(s.feature_values.get(r * n_features + j).copied().flatten().unwrap_or(f64::NAN));
        }
    }
    (values, features)
}

/// The beeswarm of `result`'s current sample.
#[must_use]
pub fn beeswarm_chart(result: &ExplainResult, label: usize) -> BeeswarmChart {
    let (attributions, feature_values) = by_feature(&result.current, result.labels.len(), result.features.len(), label);
    let surrogate = if result.surrogate { " (surrogate attributions)" } else { "" };
    BeeswarmChart {
        title: format!("Local attributions, {} current rows{surrogate}", result.current.sample.rows.len()),
        features: result.features.clone(),
        attributions,
        feature_values,
        top_n: 12,
        ..BeeswarmChart::default()
    }
}

/// The beeswarm canvas.
#[component]
pub fn ExplainBeeswarm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let label = explain.label.get();
        explain.result.with(|r| {
            let Some(r) = r.as_ref().filter(|r| !r.current.sample.rows.is_empty()) else { return };
            let chart = beeswarm_chart(r, label);
            draw_on_canvas(canvas, |area| draw_beeswarm(area, &chart));
        });
    });
    let rows = move || explain.result.with(|r| r.as_ref().map_or(0, |r| r.current.sample.rows.len()));
    let svg = Callback::new(move |()| {
        let label = explain.label.get_untracked();
        explain
            .result
            .with_untracked(|r| r.as_ref().map(|r| beeswarm_svg(&beeswarm_chart(r, label), CHART_SIZE.0, CHART_SIZE.1)))
    });
    view! {
        <canvas node_ref=canvas width=CHART_SIZE.0 height=CHART_SIZE.1 data-testid="explain-beeswarm" data-rows=rows role="img"
            class:hidden=move || rows() == 0
            aria-label="Each sampled current row's attribution per feature, coloured from low (dark purple) to high (yellow) feature value"></canvas>
        <ExplainExport name="beeswarm" canvas=canvas svg=svg/>
    }
}
