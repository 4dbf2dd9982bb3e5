//! An explain run's local values turned into what the page shows: global
//! attributions per side and label, NDCG of the current ranking against the
//! baseline's, a seeded sample of local values for the beeswarm and
//! dependence plots, attributions per window of the current data, and any
//! current row's values for the waterfall.

use tideline_engine::explain::{
    aggregate, attribution_window, by_label, check_attribution_drift, label_names, AggMethod, Attributions,
    FeatureMatrix, LabelAttributions, DEFAULT_NDCG_THRESHOLD,
};
use tideline_engine::table::Table;
use tideline_engine::timeline::{current_windows, TimelineConfig};

use crate::protocol::explain::{AttributionDrift, ExplainedRow, LocalSample, SideAttributions, SAMPLE_ROWS};

/// The current side's values of the last run, kept for waterfalls.
pub(super) struct LastRun {
    pub attributions: Attributions,
    pub x: FeatureMatrix,
}

impl LastRun {
    /// Row `row`'s values, or why not.
    pub(super) fn row(&self, row: usize) -> Result<ExplainedRow, String> {
        let a = &self.attributions;
        if row >= a.n_rows {
            return Err(format!("the current data has {} rows; there is no row {row}", a.n_rows));
        }
        Ok(ExplainedRow {
            row,
            features: a.features.clone(),
            feature_values: self.x.row(row).iter().map(|&v| finite(v)).collect(),
            values: (0..a.n_outputs).map(|o| a.of(row, o).to_vec()).collect(),
            expected_value: a.expected_value.clone(),
        })
    }
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Global values per label and a sample of one side's local values.
pub(super) fn side_attributions(
    a: &Attributions,
    x: &FeatureMatrix,
    agg: AggMethod,
    seed: u64,
) -> Result<(SideAttributions, LabelAttributions), String> {
    let global = aggregate(a, agg).map_err(|e| e.to_string())?;
    let labels = by_label(&global, None).map_err(|e| e.to_string())?;
    let rows = sample_rows(a.n_rows, SAMPLE_ROWS, seed);
    let mut sample = LocalSample { rows: rows.clone(), ..LocalSample::default() };
    for &r in &rows {
        for o in 0..a.n_outputs {
            sample.values.extend_from_slice(a.of(r, o));
        }
        sample.feature_values.extend(x.row(r).iter().map(|&v| finite(v)));
    }
    let side =
        SideAttributions { rows: a.n_rows, global: global.values, expected_value: global.expected_value, sample };
    Ok((side, labels))
}

/// NDCG per label of `current` against `baseline`, and whether any is below the threshold.
pub(super) fn ndcg(baseline: &LabelAttributions, current: &LabelAttributions) -> Result<(Vec<f64>, bool), String> {
    let checks = check_attribution_drift(baseline, current, DEFAULT_NDCG_THRESHOLD).map_err(|e| e.to_string())?;
    Ok((checks.iter().map(|c| c.ndcg).collect(), checks.iter().any(|c| c.violated)))
}

/// `k` of `n` rows, ascending, drawn with a seeded generator (all rows when `n ≤ k`).
#[must_use]
pub fn sample_rows(n: usize, k: usize, seed: u64) -> Vec<usize> {
    if n <= k {
        return (0..n).collect();
    }
    // Floyd's algorithm: k distinct draws, each O(1) expected.
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: usize| {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z % bound as u64) as usize
    };
    let mut chosen = std::collections::BTreeSet::new();
    for j in n - k..n {
        let t = next(j + 1);
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen.into_iter().collect()
}

/// Attributions per window of the current data, cut as the timeline cuts them.
pub(super) fn attribution_drift(
    current: &Table,
    config: &TimelineConfig,
    local: &Attributions,
    baseline: &LabelAttributions,
    agg: AggMethod,
) -> Result<AttributionDrift, String> {
    let windows = current_windows(current, config).map_err(|e| format!("the windows cannot be cut: {e}"))?.windows;
    let (mut out, mut indices) = (Vec::with_capacity(windows.len()), Vec::with_capacity(windows.len()));
    for (index, w) in windows.iter().enumerate().filter(|(_, w)| !w.rows.is_empty()) {
        indices.push(index);
        let (start, end) = w.label.split_once('/').unwrap_or((w.label.as_str(), w.label.as_str()));
        let part = take_rows(local, &w.rows);
        out.push(
            attribution_window(start, end, &part, baseline, agg, DEFAULT_NDCG_THRESHOLD, None)
                .map_err(|e| e.to_string())?,
        );
    }
    Ok(AttributionDrift {
        window: config.window.to_string(),
        time_column: config.time_column.clone(),
        threshold: DEFAULT_NDCG_THRESHOLD,
        windows: out,
        indices,
    })
}

fn take_rows(a: &Attributions, rows: &[usize]) -> Attributions {
    let mut out = Attributions::zeros(a.features.clone(), a.n_outputs, 0);
    out.expected_value.clone_from(&a.expected_value);
    for &r in rows.iter().filter(|&&r| r < a.n_rows) {
        for o in 0..a.n_outputs {
            out.values.extend_from_slice(a.of(r, o));
        }
        out.n_rows += 1;
    }
    out
}

/// The names of `n_outputs` outputs: a single output is named after the
/// label column of `table` ("repaid", not Clarify's "label0"), several keep
/// Clarify's `label0`, `label1`, … (their order is the model's, not the
/// data's).
pub(super) fn labels(n_outputs: usize, table: &tideline_engine::table::Table) -> Vec<String> {
    let label = table.columns.iter().find(|c| c.role == tideline_engine::roles::Role::Label);
    match label {
        Some(column) if n_outputs == 1 => vec![column.name.clone()],
        _ => label_names(n_outputs, None).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_distinct_sorted_seeded_and_capped() {
        let a = sample_rows(10_000, 2_000, 7);
        assert_eq!(a.len(), 2_000);
        assert!(a.windows(2).all(|w| w[0] < w[1]) && a.last() < Some(&10_000));
        assert_eq!(a, sample_rows(10_000, 2_000, 7));
        assert_ne!(a, sample_rows(10_000, 2_000, 8));
        assert_eq!(sample_rows(5, 2_000, 7), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_row_past_the_end_is_refused_by_number() {
        let run = LastRun {
            attributions: Attributions::zeros(vec!["x".into()], 1, 2),
            x: FeatureMatrix { features: vec!["x".into()], n_rows: 2, values: vec![1.0, f64::NAN] },
        };
        assert_eq!(run.row(1).unwrap().feature_values, vec![None]);
        assert!(run.row(2).unwrap_err().contains("no row 2"));
    }
}
