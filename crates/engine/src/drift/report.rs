//! A drift report over two tables: per column the chosen test, its result,
//! an effect size and the counts; for the dataset the share of drifted
//! columns and the verdict.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::column::{judge_column, Prepared};
use super::correction::Correction;
use super::effect::EffectMeasure;
use super::outcome::TestOutcome;
use super::preset::Preset;
use super::skip_reason::SkipReason;
use super::stat::Stat;
use crate::roles::Role;
use crate::table::{Column, ColumnsByName, Table};
use crate::types::Kind;

/// Evidently's default share of drifted columns that makes the dataset drift.
pub const DEFAULT_DRIFT_SHARE: f64 = 0.5;

/// What to run and how to judge it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriftOptions {
    /// The default selection of tests.
    pub preset: Preset,
    /// Tests to use instead of the preset's, each on the columns it applies to (the first that applies wins).
    pub tests: Vec<Stat>,
    /// A threshold replacing every chosen test's default.
    pub threshold: Option<f64>,
    /// Multiple-testing correction; `None` keeps the preset's.
    pub correction: Option<Correction>,
    /// Share of drifted columns at or above which the dataset drifts.
    pub drift_share: f64,
    /// Also run every applicable test on every column.
    pub all_tests: bool,
    /// Seed of the permutation tests.
    pub seed: u64,
}

impl Default for DriftOptions {
    fn default() -> Self {
        Self {
            preset: Preset::default(),
            tests: Vec::new(),
            threshold: None,
            correction: None,
            drift_share: DEFAULT_DRIFT_SHARE,
            all_tests: false,
            seed: 0,
        }
    }
}

/// Rows behind a column's result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnCounts {
    /// Present baseline values.
    pub baseline_present: u64,
    /// Present current values.
    pub current_present: u64,
    /// Missing baseline values.
    pub baseline_missing: u64,
    /// Missing current values.
    pub current_missing: u64,
    /// Distinct values over both sides.
    pub n_unique: u64,
    /// Categories present in the current data but never in the baseline, with their current counts (most frequent first).
    pub unseen_categories: Vec<(String, u64)>,
    /// Current rows whose category the baseline never had.
    pub unseen_rows: u64,
}

/// One column's drift result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnDrift {
    /// Column name.
    pub name: String,
    /// Its role: a feature, or the label or a model output (label and
    /// prediction drift, which the dataset's share leaves out but under
    /// the `evidently` preset).
    #[serde(default)]
    pub role: Role,
    /// How it was treated.
    pub kind: Kind,
    /// The test that decided.
    pub test: Stat,
    /// Model Monitor's Robust L∞ was applied to the statistic.
    pub robust: bool,
    /// The test's statistic or distance.
    #[serde(deserialize_with = "super::nan_as_null::deserialize")]
    pub statistic: f64,
    /// The raw p-value, for p-value tests.
    pub p_value: Option<f64>,
    /// The p-value after the report's correction.
    pub p_value_adjusted: Option<f64>,
    /// The threshold it was compared with.
    #[serde(deserialize_with = "super::nan_as_null::deserialize")]
    pub threshold: f64,
    /// Whether the column drifted.
    pub drifted: bool,
    /// The effect size (see [`super::effect`]).
    #[serde(deserialize_with = "super::nan_as_null::deserialize")]
    pub effect_size: f64,
    /// What the effect size measures.
    pub effect_size_measure: EffectMeasure,
    /// The effect size drift also needed, if any.
    pub min_effect: Option<f64>,
    /// The PSI (see [`super::effect::psi_effect`]).
    #[serde(default, deserialize_with = "super::nan_as_null::deserialize")]
    pub psi: f64,
    /// A PSI at least this large also makes the effect large enough.
    #[serde(default)]
    pub min_psi: Option<f64>,
    /// The rows behind it.
    pub counts: ColumnCounts,
    /// Every applicable test, when asked for.
    pub tests: Option<BTreeMap<String, TestOutcome>>,
    /// In sketch mode, how far these numbers may be from exact mode's
    /// (absent when they are exact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximation: Option<Approximation>,
}

/// How a report's numbers were computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// From every value.
    #[default]
    Exact,
    /// From mergeable sketches, in bounded memory.
    Sketch,
}

impl Mode {
    /// The name used by the CLI, the UI and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Sketch => "sketch",
        }
    }
}

/// How far a sketch-mode column result may be from exact mode's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Approximation {
    /// Each side's bound on its CDF's error (share of rows; 0 where exact).
    pub rank_error: [f64; 2],
    /// Each side's bound on how far below its true count a kept
    /// category's count may be (rows; 0 where exact).
    pub count_error: [u64; 2],
    /// Values beyond the kept categories, counted together as `(other values)`.
    pub other_rows: [u64; 2],
    /// The distinct count is an estimate (HyperLogLog, about 0.8 % standard error).
    pub distinct_estimated: bool,
    /// The statistic lies within this of exact mode's, where the test has a bound.
    pub statistic_within: Option<f64>,
    /// The effect size lies within this of exact mode's.
    pub effect_within: Option<f64>,
}

/// A column left out, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SkippedColumn {
    /// Column name.
    pub name: String,
    /// Why it was not tested.
    pub reason: String,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriftReport {
    /// Exact, or from sketches (then columns carry their approximation).
    #[serde(default)]
    pub mode: Mode,
    /// The preset used.
    pub preset: Preset,
    /// The correction applied.
    pub correction: Correction,
    /// Baseline rows.
    pub n_baseline: u64,
    /// Current rows.
    pub n_current: u64,
    /// Share of tested features that drifted (every tested column under the
    /// `evidently` preset).
    pub drift_share: f64,
    /// The share at or above which the dataset drifts.
    pub drift_share_threshold: f64,
    /// Drifted features (columns under `evidently`).
    pub n_drifted: usize,
    /// Tested features (columns under `evidently`).
    pub n_tested: usize,
    /// The dataset verdict.
    pub dataset_drift: bool,
    /// Tested columns, in baseline order.
    pub columns: Vec<ColumnDrift>,
    /// Columns not tested.
    pub skipped: Vec<SkippedColumn>,
}

/// Compares every shared column of `baseline` and `current`.
#[must_use]
pub fn run_drift(baseline: &Table, current: &Table, options: &DriftOptions) -> DriftReport {
    let (pairs, skipped) = drift_pairs(baseline, current);
    let judged = prepare_all(&pairs, options);
    assemble_drift(baseline.n_rows, current.n_rows, judged, skipped, options)
}

/// A column pair to judge: baseline column, current column, the kind to judge it by.
pub type DriftPair<'a> = (&'a Column, &'a Column, Kind);

/// The column pairs a drift report judges (in baseline order), and the
/// columns it leaves out with why. [`run_drift`] is
/// `assemble_drift(judge_pair of each pair)`; the browser judges some pairs
/// in other workers.
#[must_use]
pub fn drift_pairs<'a>(baseline: &'a Table, current: &'a Table) -> (Vec<DriftPair<'a>>, Vec<SkippedColumn>) {
    let mut skipped = Vec::new();
    let mut pairs = Vec::new();
    let (in_baseline, in_current) = (ColumnsByName::new(baseline), ColumnsByName::new(current));
    for column in &baseline.columns {
        match pair_reason(column, in_current.get(&column.name)) {
            Ok((other, kind)) => pairs.push((column, other, kind)),
            Err(reason) => skipped.push(SkippedColumn { name: column.name.clone(), reason: reason.to_string() }),
        }
    }
    for column in current.columns.iter().filter(|c| !in_baseline.contains(&c.name)) {
        skipped.push(SkippedColumn { name: column.name.clone(), reason: SkipReason::NotInBaseline.to_string() });
    }
    (pairs, skipped)
}

/// One pair's test, effect size and counts (its verdict waits for the
/// report's correction).
///
/// # Errors
/// The pair cannot be tested (no values on a side, a test that does not apply).
pub fn judge_pair(pair: &DriftPair<'_>, options: &DriftOptions) -> Result<ColumnDrift, SkippedColumn> {
    let &(baseline, current, kind) = pair;
    judge_column(Prepared::new(baseline, current, kind), options)
}

/// The report from every pair's judgement, in the pairs' order: the
/// multiple-testing correction, each column's verdict and the dataset's.
#[must_use]
pub fn assemble_drift(
    n_baseline: usize,
    n_current: usize,
    judged: Vec<Result<ColumnDrift, SkippedColumn>>,
    mut skipped: Vec<SkippedColumn>,
    options: &DriftOptions,
) -> DriftReport {
    let correction = options.correction.unwrap_or(options.preset.default_correction());
    let mut columns = Vec::new();
    let mut p_values = Vec::new();
    for result in judged {
        match result {
            Ok(column) => {
                p_values.push(column.p_value.unwrap_or(f64::NAN));
                columns.push(column);
            }
            Err(skip) => skipped.push(skip),
        }
    }
    let adjusted = correction.adjust(&p_values);
    for (column, q) in columns.iter_mut().zip(adjusted) {
        column.decide(if q.is_nan() { None } else { Some(q) });
    }
    let counted = |c: &&ColumnDrift| options.preset.counts_outputs_as_features() || !c.role.is_model_output();
    let n_drifted = columns.iter().filter(counted).filter(|c| c.drifted).count();
    let n_tested = columns.iter().filter(counted).count();
    let drift_share = if n_tested == 0 { 0.0 } else { n_drifted as f64 / n_tested as f64 };
    DriftReport {
        mode: Mode::Exact,
        preset: options.preset,
        correction,
        n_baseline: n_baseline as u64,
        n_current: n_current as u64,
        drift_share,
        drift_share_threshold: options.drift_share,
        n_drifted,
        n_tested,
        dataset_drift: n_tested > 0 && drift_share >= options.drift_share,
        columns,
        skipped,
    }
}

/// The current column and the kind to judge it by, or why it is left out.
fn pair_reason<'a>(baseline: &Column, current: Option<&'a Column>) -> Result<(&'a Column, Kind), SkipReason> {
    let Some(current) = current else { return Err(SkipReason::NotInCurrent) };
    match SkipReason::of(baseline.role, baseline.kind) {
        Some(reason) => Err(reason),
        None => Ok((current, baseline.kind)),
    }
}

/// Prepares and tests every pair, on all cores natively.
fn prepare_all(pairs: &[DriftPair<'_>], options: &DriftOptions) -> Vec<Result<ColumnDrift, SkippedColumn>> {
    let one = |pair: &DriftPair<'_>| judge_pair(pair, options);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(pairs.len());
        if threads > 1 {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let mut results: Vec<Option<Result<ColumnDrift, SkippedColumn>>> = vec![None; pairs.len()];
            let chunks: Vec<Vec<(usize, Result<ColumnDrift, SkippedColumn>)>> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|_| {
                        scope.spawn(|| {
                            let mut done = Vec::new();
                            loop {
                                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                                let Some(pair) = pairs.get(i) else { break };
                                done.push((i, one(pair)));
                            }
                            done
                        })
                    })
                    .collect();
                handles.into_iter().filter_map(|h| h.join().ok()).collect()
            });
            for (i, result) in chunks.into_iter().flatten() {
                if let Some(slot) = results.get_mut(i) {
                    *slot = Some(result);
                }
            }
            return results.into_iter().flatten().collect();
        }
    }
    pairs.iter().map(one).collect()
}
