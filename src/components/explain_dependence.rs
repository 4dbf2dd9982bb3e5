//! One feature's attributions against its values, baseline beside current
//! (the charts crate's dependence scatter), for the feature and label
//! picked. The points are the worker's sampled rows of each side; the page
//! only picks the chosen feature's column out of them.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{dependence_counts, dependence_svg, draw_dependence, DependenceChart, DependenceSide};

use super::canvas_draw::draw_on_canvas;
use super::explain_export::ExplainExport;
use super::explain_importance::{surrogate_caption, CHART_SIZE};
use crate::protocol::explain::{ExplainResult, SideAttributions};
use crate::state::AppState;

/// Feature indices from the largest global attribution of output `label`
/// down (the current side's, or the baseline's when the current side has none).
#[must_use]
pub fn ranked_features(result: &ExplainResult, label: usize) -> Vec<usize> {
    let pick = |side: &SideAttributions| side.global.get(label).filter(|g| g.iter().any(|v| v.is_finite())).cloned();
    let key = pick(&result.current).or_else(|| pick(&result.baseline)).unwrap_or_default();
    let of = |i: usize| key.get(i).copied().filter(|v| v.is_finite()).unwrap_or(f64::NEG_INFINITY);
    let mut order: Vec<usize> = (0..result.features.len()).collect();
    order.sort_by(|&a, &b| of(b).total_cmp(&of(a)).then(a.cmp(&b)));
    order
}

/// The index of the feature named `chosen`, or the top-ranked one.
#[must_use]
pub fn chosen_feature(result: &ExplainResult, label: usize, chosen: Option<&str>) -> Option<usize> {
    chosen
        .and_then(|name| result.features.iter().position(|f| f == name))
        .or_else(|| ranked_features(result, label).first().copied())
}

/// `side`'s sampled rows of `feature` for output `label`: values and attributions.
fn column(side: &SideAttributions, n_labels: usize, n_features: usize, label: usize, feature: usize) -> DependenceSide {
    let rows = side.sample.rows.len();
    let at = |r: usize| side.sample.values.get((r * n_labels + label) * n_features + feature).copied();
    let value = |r: usize| side.sample.feature_values.get(r * n_features + feature).copied().flatten();
    DependenceSide {
        feature_values: (0..rows).map(|r| value(r).unwrap_or(f64::NAN)).collect(),
        attributions: (0..rows).map(|r| at(r).unwrap_or(f64::NAN)).collect(),
    }
}

/// The dependence chart of `feature` in `result`'s samples, for output `label`.
#[must_use]
pub fn dependence_chart(result: &ExplainResult, feature: usize, label: usize) -> DependenceChart {
    let (n_labels, n_features) = (result.labels.len(), result.features.len());
    let name = result.features.get(feature).cloned().unwrap_or_default();
    let output = result.labels.get(label).map_or_else(String::new, |l| format!(", {l}"));
    DependenceChart {
        title: format!("Dependence of {name} ({}{output})", result.method),
        feature: name,
        baseline: column(&result.baseline, n_labels, n_features, label, feature),
        current: column(&result.current, n_labels, n_features, label, feature),
        value_label: "SHAP value".to_owned(),
        surrogate_caption: surrogate_caption(result),
    }
}

/// The feature picker and the dependence canvas.
#[component]
pub fn ExplainDependence() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explain = state.explain;
    let canvas = NodeRef::<html::Canvas>::new();
    let chart = Memo::new(move |_| {
        let label = explain.label.get();
        let chosen = explain.feature.get();
        explain.result.with(|r| {
            let r = r.as_ref()?;
            let feature = chosen_feature(r, label, chosen.as_deref())?;
            Some(dependence_chart(r, feature, label))
        })
    });
    Effect::new(move |_| {
        chart.with(|c| {
            if let Some(c) = c {
                draw_on_canvas(canvas, |area| draw_dependence(area, c));
            }
        });
    });
    let rows = move || {
        explain.result.with(|r| r.as_ref().map_or(0, |r| r.baseline.sample.rows.len() + r.current.sample.rows.len()))
    };
    let counts = move || chart.with(|c| c.as_ref().map(dependence_counts).unwrap_or_default());
    let options = move || {
        let label = explain.label.get();
        let shown = chart.with(|c| c.as_ref().map(|c| c.feature.clone()));
        explain.result.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let names = ranked_features(r, label).into_iter().filter_map(|i| r.features.get(i).cloned());
            names
                .map(|name| {
                    let selected = shown.as_deref() == Some(name.as_str());
                    view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                })
                .collect::<Vec<_>>()
        })
    };
    let pick = move |ev: leptos::ev::Event| explain.feature.set(Some(event_target_value(&ev)));
    let svg = Callback::new(move |()| {
        chart.with_untracked(|c| c.as_ref().map(|c| dependence_svg(c, CHART_SIZE.0, CHART_SIZE.1)))
    });
    view! {
        <Show when=move || { rows() > 0 }>
            <h3>"Dependence on one feature"</h3>
            <label>"Feature (by global attribution) "
                <select data-testid="explain-dependence-feature" on:change=pick>{options}</select>
            </label>
            <canvas node_ref=canvas width=CHART_SIZE.0 height=CHART_SIZE.1 data-testid="explain-dependence" role="img"
                data-feature=move || chart.with(|c| c.as_ref().map(|c| c.feature.clone()))
                data-rows=rows
                data-baseline-points=move || counts().baseline
                data-current-points=move || counts().current
                data-missing=move || counts().missing
                aria-label="Each sampled row's value of the feature against its attribution, baseline blue and current orange; rows without a value grey at the left"></canvas>
            <ExplainExport name="dependence" canvas=canvas svg=svg/>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::explain::LocalSample;

    /// Two outputs, three features (`a`, `b`, `c`), two sampled rows per side.
    fn result() -> ExplainResult {
        // Row r, output o, feature f holds 100 r + 10 o + f.
        let values = |base: f64| -> Vec<f64> {
            (0..2)
                .flat_map(|r| (0..2).flat_map(move |o| (0..3).map(move |f| base + f64::from(100 * r + 10 * o + f))))
                .collect()
        };
        let side = |base: f64, global: Vec<Vec<f64>>| SideAttributions {
            rows: 2,
            global,
            expected_value: vec![0.0, 0.0],
            sample: LocalSample {
                rows: vec![0, 1],
                values: values(base),
                feature_values: vec![Some(1.0), None, Some(3.0), Some(4.0), Some(5.0), None],
            },
        };
        ExplainResult {
            job: 1,
            method: "tree_shap".into(),
            surrogate: false,
            labels: vec!["label0".into(), "label1".into()],
            features: vec!["a".into(), "b".into(), "c".into()],
            baseline: side(0.0, vec![vec![0.3, 0.2, 0.1], vec![0.1, 0.2, 0.3]]),
            current: side(1000.0, vec![vec![0.1, 0.5, 0.2], vec![f64::NAN; 3]]),
            ndcg: vec![1.0, 1.0],
            violation: false,
            drift: None,
            drift_note: None,
            workers: 1,
            millis: 1.0,
        }
    }

    #[test]
    fn features_rank_by_current_global_else_baseline() {
        let r = result();
        assert_eq!(ranked_features(&r, 0), [1, 2, 0]);
        // The current side has no finite value for label1: the baseline's order.
        assert_eq!(ranked_features(&r, 1), [2, 1, 0]);
        assert_eq!(chosen_feature(&r, 0, None), Some(1));
        assert_eq!(chosen_feature(&r, 0, Some("c")), Some(2));
        assert_eq!(chosen_feature(&r, 0, Some("gone")), Some(1), "an unknown name falls back to the top");
    }

    #[test]
    fn the_chart_picks_one_feature_and_output_from_the_samples() {
        let chart = dependence_chart(&result(), 2, 1);
        assert_eq!(chart.feature, "c");
        assert_eq!(chart.baseline.attributions, [12.0, 112.0]);
        assert_eq!(chart.current.attributions, [1012.0, 1112.0]);
        assert_eq!(chart.baseline.feature_values[0], 3.0);
        assert!(chart.baseline.feature_values[1].is_nan(), "a missing value stays missing");
    }
}
