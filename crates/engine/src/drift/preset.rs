//! Presets: which test judges a column, at which threshold.
//!
//! - `evidently`: Evidently 0.7.23's `_get_default_stattest` exactly. With a
//!   reference of at most 1000 rows: numerical → `ks` (more than 5 distinct
//!   values over both sides), `chisquare` (3–5), `z` (at most 2); categorical
//!   → `chisquare` (more than 2) or `z`. Larger references: numerical →
//!   `wasserstein` (more than 5 distinct) or `jensenshannon`; categorical →
//!   `jensenshannon`. No multiple-testing correction.
//! - `sagemaker`: Model Monitor's `baseline_drift_check` with the baseline
//!   job's defaults: L∞ (numeric: CDF gap; categorical: share change), the
//!   Robust variant, drift when above 0.1.
//! - `tideline`: a shift is reported when it is both real and large enough
//!   to matter. Real: the `ks` (numeric, more than 5 distinct values) or
//!   `chi2` homogeneity (otherwise) p-value, Benjamini–Hochberg adjusted
//!   over the columns, below 0.05. Large enough: the effect size (largest
//!   CDF gap or share change) at least 0.1, Model Monitor's default
//!   distance threshold, or the PSI at least 0.1, where practice starts to
//!   call a shift moderate (the PSI counts a small category's collapse that
//!   the largest share change dilutes). At small n the p-value decides (a
//!   large observed gap can be noise); at large n the effect size does, so
//!   a million rows do not flag every column on a negligible shift
//!   (Evidently #20, #50). The calibration behind it is in the README.

use serde::{Deserialize, Serialize};

use super::correction::Correction;
use super::stat::Stat;
use super::values::ColumnValues;
use crate::types::Kind;

/// Evidently's cut between small and large references (rows).
pub const EVIDENTLY_SMALL_REFERENCE: u64 = 1000;
/// Model Monitor's default comparison threshold, also Tideline's minimum effect.
pub const DEFAULT_DISTANCE_THRESHOLD: f64 = 0.1;
/// The PSI from which practice calls a shift moderate: Tideline's other minimum effect.
pub const MATERIAL_PSI: f64 = 0.1;
/// Deequ 2.0.2's hard-coded c_α of the Robust L∞ (spec §2.6).
pub const ROBUST_C_ALPHA: f64 = 1.8;

/// A named default selection of tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Evidently's default selection.
    Evidently,
    /// Model Monitor's baseline drift check.
    Sagemaker,
    /// Tideline's default: significant after BH, and an effect or a PSI of at least 0.1.
    #[default]
    Tideline,
}

/// The test chosen for a column and how its result is judged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Choice {
    /// The test.
    pub stat: Stat,
    /// Its threshold (p-value or distance).
    pub threshold: f64,
    /// Subtract Model Monitor's small-sample allowance from an L∞ distance.
    pub robust: bool,
    /// Drift also needs the effect size to reach this (or the PSI `min_psi`).
    pub min_effect: Option<f64>,
    /// A PSI at least this large is also a large enough effect.
    pub min_psi: Option<f64>,
}

impl Choice {
    /// The test at its default threshold, with no effect rule.
    #[must_use]
    pub fn plain(stat: Stat) -> Self {
        Self { stat, threshold: stat.default_threshold(), robust: false, min_effect: None, min_psi: None }
    }
}

impl Preset {
    /// Every preset.
    pub const ALL: [Self; 3] = [Self::Evidently, Self::Sagemaker, Self::Tideline];

    /// The name used by the CLI, the UI and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Evidently => "evidently",
            Self::Sagemaker => "sagemaker",
            Self::Tideline => "tideline",
        }
    }

    /// A preset by name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// True when the dataset's drift share counts the label and the model's
    /// outputs as columns, as Evidently's preset does; the others count
    /// features only and report label and prediction drift on their own.
    #[must_use]
    pub fn counts_outputs_as_features(self) -> bool {
        self == Self::Evidently
    }

    /// The correction the preset applies unless told otherwise.
    #[must_use]
    pub fn default_correction(self) -> Correction {
        match self {
            Self::Tideline => Correction::Bh,
            Self::Evidently | Self::Sagemaker => Correction::None,
        }
    }

    /// The test for a column of `kind` with these values.
    #[must_use]
    pub fn choose(self, kind: Kind, values: &ColumnValues) -> Choice {
        let plain = |stat: Stat| Choice::plain(stat);
        let numeric = kind == Kind::Numerical && values.is_numeric();
        match self {
            Self::Evidently => {
                let n_unique = values.n_unique();
                let small = values.sizes().0 <= EVIDENTLY_SMALL_REFERENCE;
                plain(match (small, numeric) {
                    (true, true) if n_unique > 5 => Stat::Ks,
                    (true, _) if n_unique > 2 => Stat::ChiSquare,
                    (true, _) => Stat::Z,
                    (false, true) if n_unique > 5 => Stat::Wasserstein,
                    (false, _) => Stat::JensenShannon,
                })
            }
            Self::Sagemaker => {
                Choice { threshold: DEFAULT_DISTANCE_THRESHOLD, robust: true, ..Choice::plain(Stat::Linf) }
            }
            Self::Tideline => {
                let stat = if numeric && values.n_unique() > 5 { Stat::Ks } else { Stat::Chi2 };
                Choice {
                    threshold: 0.05,
                    min_effect: Some(DEFAULT_DISTANCE_THRESHOLD),
                    min_psi: Some(MATERIAL_PSI),
                    ..Choice::plain(stat)
                }
            }
        }
    }
}

/// Model Monitor's Robust L∞: `max(0, d − c_α·sqrt((n+m)/(n·m)))`.
#[must_use]
pub fn robust_linf(distance: f64, n: u64, m: u64) -> f64 {
    let (n, m) = (n as f64, m as f64);
    (distance - ROBUST_C_ALPHA * ((n + m) / (n * m)).sqrt()).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric(n: usize, distinct: usize) -> ColumnValues {
        let v: Vec<f64> = (0..n).map(|i| (i % distinct) as f64).collect();
        let mut sorted = v.clone();
        sorted.sort_unstable_by(f64::total_cmp);
        ColumnValues::numeric_sorted(sorted.clone(), sorted)
    }

    #[test]
    fn evidently_selection_follows_size_and_distinct_values() {
        let pick = |n, d| Preset::Evidently.choose(Kind::Numerical, &numeric(n, d)).stat;
        assert_eq!(pick(1000, 6), Stat::Ks);
        assert_eq!(pick(1000, 5), Stat::ChiSquare);
        assert_eq!(pick(1000, 2), Stat::Z);
        assert_eq!(pick(1001, 6), Stat::Wasserstein);
        assert_eq!(pick(1001, 5), Stat::JensenShannon);
        assert_eq!(Preset::Evidently.choose(Kind::Categorical, &numeric(10, 3)).stat, Stat::ChiSquare);
        assert_eq!(Preset::Evidently.choose(Kind::Categorical, &numeric(2000, 2)).stat, Stat::JensenShannon);
    }

    #[test]
    fn robust_linf_matches_the_spec_example() {
        // Spec §2.6: n = m = 1000, simple 0.1 → 0.1 − 1.8·0.04472 = 0.0195.
        assert!((robust_linf(0.1, 1000, 1000) - 0.0195).abs() < 5e-5);
        assert_eq!(robust_linf(0.01, 1000, 1000), 0.0);
    }
}
