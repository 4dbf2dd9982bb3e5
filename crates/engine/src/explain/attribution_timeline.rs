//! Feature-attribution drift over time: each window's global attributions
//! compared with the baseline's by Model Monitor's NDCG rule, one entry per
//! window (the issue's `attribution_timeline.json`). Windows are cut by the
//! caller (the timeline's windows); this file only judges them.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::aggregate::{aggregate, AggMethod, GlobalAttributions};
use super::analysis_json::{label_names, LabelAttributions};
use super::attribution_drift::check_attribution_drift;
use super::attribution_error::AttributionError;
use super::attributions::Attributions;

/// One window's attributions and verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionWindow {
    /// The window's first instant or row, as the caller names it.
    pub start: String,
    /// The window's end, as the caller names it.
    pub end: String,
    /// Rows explained.
    pub rows: usize,
    /// Global values per label, then feature.
    pub global_shap_values: LabelAttributions,
    /// Expected value per label.
    pub expected_value: IndexMap<String, f64>,
    /// NDCG against the baseline, per label.
    pub ndcg: IndexMap<String, f64>,
    /// True when some label's NDCG is below the threshold.
    pub violation: bool,
}

/// Global values by label, as `analysis.json` holds them.
///
/// # Errors
/// Label headers whose count is not the output count.
pub fn by_label(
    global: &GlobalAttributions,
    headers: Option<&[String]>,
) -> Result<LabelAttributions, AttributionError> {
    let labels = label_names(global.values.len(), headers)?;
    Ok(labels
        .into_iter()
        .zip(&global.values)
        .map(|(label, values)| (label, global.features.iter().cloned().zip(values.iter().copied()).collect()))
        .collect())
}

/// Judges one window's local attributions against `baseline` (global values by label).
///
/// # Errors
/// No rows in the window, label headers that do not fit, or attributions
/// NDCG cannot compare (the message names the window and label).
pub fn attribution_window(
    start: &str,
    end: &str,
    local: &Attributions,
    baseline: &LabelAttributions,
    method: AggMethod,
    threshold: f64,
    headers: Option<&[String]>,
) -> Result<AttributionWindow, AttributionError> {
    let in_window = |e: AttributionError| AttributionError::Window {
        start: start.to_owned(),
        end: end.to_owned(),
        source: Box::new(e),
    };
    let global = aggregate(local, method).map_err(|e| in_window(e.into()))?;
    let current = by_label(&global, headers)?;
    let checks = check_attribution_drift(baseline, &current, threshold).map_err(in_window)?;
    Ok(AttributionWindow {
        start: start.to_owned(),
        end: end.to_owned(),
        rows: local.n_rows,
        expected_value: current.keys().cloned().zip(global.expected_value.iter().copied()).collect(),
        ndcg: checks.iter().map(|c| (c.label.clone(), c.ndcg)).collect(),
        violation: checks.iter().any(|c| c.violated),
        global_shap_values: current,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(rows: &[[f64; 3]]) -> Attributions {
        let mut a = Attributions::zeros(vec!["SAT".into(), "GPA".into(), "Rank".into()], 1, rows.len());
        a.values = rows.iter().flatten().copied().collect();
        a.expected_value = vec![0.4];
        a
    }

    #[test]
    fn a_window_with_the_baseline_order_passes_and_a_reversed_one_fails() {
        let base = by_label(&aggregate(&local(&[[0.7, 0.5, 0.05]]), AggMethod::MeanAbs).unwrap(), None).unwrap();
        let same = attribution_window(
            "0",
            "2",
            &local(&[[0.6, -0.4, 0.1], [0.8, 0.5, 0.0]]),
            &base,
            AggMethod::MeanAbs,
            0.9,
            None,
        )
        .unwrap();
        assert_eq!(same.ndcg["label0"], 1.0);
        assert!(!same.violation);
        assert_eq!(same.rows, 2);
        let moved =
            attribution_window("2", "3", &local(&[[0.1, 0.2, 0.3]]), &base, AggMethod::MeanAbs, 0.9, None).unwrap();
        assert!(moved.violation);
        assert!((moved.ndcg["label0"] - 0.6876).abs() < 5e-5);
        let empty = attribution_window("3", "3", &local(&[]), &base, AggMethod::MeanAbs, 0.9, None);
        assert!(empty.unwrap_err().to_string().starts_with("window 3..3: "));
    }
}
