//! Drift from two sketch-mode states ([`DatasetState`]): every column the
//! tables would test, judged by the same presets and tests from its
//! mergeable profile, with each result's distance from exact mode stated.
//!
//! - Numerical columns: while a column has at most 1,024 distinct values
//!   its value counts are exact, so every test is exact; beyond, the tests
//!   run on its KLL sketch's weighted items. A CDF read from a sketch is
//!   within the sketch's rank error ε ([`KllSketch::rank_error_bound`]) of
//!   the data's, so the KS statistic, L∞ and the largest CDF gap are within
//!   ε_ref + ε_cur of exact mode's and the normed Wasserstein distance
//!   within (ε_ref + ε_cur)·range/std. Tests that need every value
//!   (Anderson–Darling, Cramér–von Mises, Mann–Whitney, t, Epps–Singleton,
//!   energy, MMD) are skipped with that reason.
//! - Categorical columns: counts are exact up to the state's category
//!   capacity; beyond, the kept categories are each at most the summary's
//!   error bound below their true counts and the rest is counted together.
//!
//! [`KllSketch::rank_error_bound`]: crate::data_quality::KllSketch::rank_error_bound

use super::column::{judge_values, Judged};
use super::report::{assemble_drift, Approximation, ColumnCounts, DriftOptions, DriftReport, Mode, SkippedColumn};
use super::skip_reason::SkipReason;
use super::stat::Stat;
use super::values::ColumnValues;
use super::weighted::normalise;
use super::Counts;
use crate::data_quality::FeatureProfile;
use crate::roles::Role;
use crate::sketch::{profile_kind, DatasetState, HyperLogLog};
use crate::types::Kind;

/// The label of the rows beyond a summarised column's kept categories.
pub const OTHER_VALUES: &str = "(other values)";

/// Compares every shared column of two states; `kinds` overrides the
/// inferred kind of named columns (`--numeric`, `--categorical`).
#[must_use]
pub fn run_drift_states(
    baseline: &DatasetState,
    current: &DatasetState,
    kinds: &[(String, Kind)],
    options: &DriftOptions,
) -> DriftReport {
    let mut judged = Vec::new();
    let mut skipped = Vec::new();
    let splits = split_columns(baseline, current);
    for f in &baseline.profile.features {
        let role = if splits.contains(&f.name.as_str()) { Role::Split } else { baseline.role(&f.name) };
        let kind = kinds.iter().find(|(n, _)| *n == f.name).map_or_else(|| profile_kind(f), |(_, k)| *k);
        let skip = |reason: String| SkippedColumn { name: f.name.clone(), reason };
        let Some(g) = current.feature(&f.name) else {
            skipped.push(skip(SkipReason::NotInCurrent.to_string()));
            continue;
        };
        if let Some(reason) = SkipReason::of(role, kind) {
            skipped.push(skip(reason.to_string()));
            continue;
        }
        let (values, approximation) = match kind {
            Kind::Numerical => numeric_values(f, g),
            _ => categorical_values(f, g),
        };
        let column = Judged { name: f.name.clone(), role, kind, values, missing: (f.num_missing(), g.num_missing()) };
        judged.push(judge_values(column, options).map(|mut c| {
            c.approximation = approximation.map(|a| with_bounds(a, c.test, &c.counts, [f, g]));
            c
        }));
    }
    for g in current.profile.features.iter().filter(|g| baseline.feature(&g.name).is_none()) {
        skipped.push(SkippedColumn { name: g.name.clone(), reason: SkipReason::NotInBaseline.to_string() });
    }
    let n = |s: &DatasetState| usize::try_from(s.rows()).unwrap_or(usize::MAX);
    let mut report = assemble_drift(n(baseline), n(current), judged, skipped, options);
    report.mode = Mode::Sketch;
    report
}

/// Columns holding one value on each side, a different one (a split
/// marker such as `dataset=train|test`), as [`crate::roles::guess_pair_roles`] finds them.
fn split_columns<'a>(baseline: &'a DatasetState, current: &DatasetState) -> Vec<&'a str> {
    let only = |f: &FeatureProfile| {
        let values = f.values.sorted();
        match values.as_slice() {
            [(value, _)] if f.num_missing() == 0 && f.values.is_complete() => Some(value.clone()),
            _ => None,
        }
    };
    baseline
        .profile
        .features
        .iter()
        .filter(|f| baseline.role(&f.name) == Role::Feature)
        .filter_map(|f| {
            let g = current.feature(&f.name)?;
            let (a, b) = (only(f)?, only(g)?);
            (a != b).then_some(f.name.as_str())
        })
        .collect()
}

/// A side's numbers: exact value counts while counted, else the KLL
/// sketch's weighted items; and the side's rank error (0 when exact).
fn weighted_side(f: &FeatureProfile) -> (Vec<(f64, u64)>, f64) {
    if let Some(numbers) = f.values.numbers() {
        let items = normalise(numbers.collect());
        if items.iter().map(|i| i.1).sum::<u64>() == f.numeric.count {
            return (items, 0.0);
        }
    }
    (normalise(f.numeric.sketch.weighted_items()), f.numeric.sketch.rank_error_bound())
}

fn is_numeric(f: &FeatureProfile) -> bool {
    f.deequ.string + f.deequ.boolean == 0
}

fn numeric_values(f: &FeatureProfile, g: &FeatureProfile) -> (Option<ColumnValues>, Option<Approximation>) {
    if !is_numeric(g) || !is_numeric(f) {
        return (None, None);
    }
    let ((reference, e1), (current, e2)) = (weighted_side(f), weighted_side(g));
    let (n_unique, estimated) = match (f.values.numbers(), g.values.numbers()) {
        (Some(a), Some(b)) if e1 == 0.0 && e2 == 0.0 => {
            let keys: hashbrown::HashSet<u64> =
                a.chain(b).map(|(x, _)| if x == 0.0 { 0 } else { x.to_bits() }).collect();
            (keys.len() as u64, false)
        }
        _ => (union_estimate(f, g).unwrap_or((reference.len() + current.len()) as u64), true),
    };
    let approximation = (e1 > 0.0 || e2 > 0.0 || estimated).then(|| Approximation {
        rank_error: [e1, e2],
        distinct_estimated: estimated,
        ..Approximation::default()
    });
    let values = ColumnValues::Weighted { reference, current, reference_std: f.numeric.std_dev(), n_unique };
    (Some(values), approximation)
}

/// Distinct values of both sides together, from their distinct-count sketches.
fn union_estimate(f: &FeatureProfile, g: &FeatureProfile) -> Option<u64> {
    let (a, b) = (f.distinct.as_ref()?, g.distinct.as_ref()?);
    let mut union: HyperLogLog = a.clone();
    union.merge(b);
    Some(union.estimate().round() as u64)
}

fn categorical_values(f: &FeatureProfile, g: &FeatureProfile) -> (Option<ColumnValues>, Option<Approximation>) {
    let mut counts = Counts::union(f.values.sorted(), g.values.sorted());
    let other = |feature: &FeatureProfile, kept: u64| feature.num_present().saturating_sub(kept);
    let other_rows = [other(f, counts.reference_total()), other(g, counts.current_total())];
    if other_rows.iter().any(|&n| n > 0) {
        counts.labels.push(OTHER_VALUES.to_owned());
        counts.reference.push(other_rows[0]);
        counts.current.push(other_rows[1]);
    }
    let count_error = [f.values.strings().error_bound(), g.values.strings().error_bound()];
    let exact = other_rows == [0, 0] && count_error == [0, 0];
    let approximation = (!exact).then(|| Approximation {
        count_error,
        other_rows,
        distinct_estimated: true,
        ..Approximation::default()
    });
    (Some(ColumnValues::Categorical(counts)), approximation)
}

/// The bounds on the statistic and the effect size that the chosen test
/// and the sides' errors give.
fn with_bounds(mut a: Approximation, test: Stat, counts: &ColumnCounts, sides: [&FeatureProfile; 2]) -> Approximation {
    let rank = a.rank_error[0] + a.rank_error[1];
    let share = |e: u64, n: u64| if n == 0 { 0.0 } else { e as f64 / n as f64 };
    let shares = share(a.count_error[0] + a.other_rows[0], counts.baseline_present)
        + share(a.count_error[1] + a.other_rows[1], counts.current_present);
    if a.count_error == [0, 0] && a.other_rows == [0, 0] {
        // Numbers: CDF gaps within the rank errors.
        a.effect_within = Some(rank);
        a.statistic_within = match test {
            Stat::Ks | Stat::Linf => Some(rank),
            Stat::Wasserstein => {
                let [f, g] = sides;
                let range = f.numeric.max.max(g.numeric.max) - f.numeric.min.min(g.numeric.min);
                Some(rank * range / f.numeric.std_dev().max(0.001))
            }
            _ => None,
        };
    } else {
        a.effect_within = Some(shares);
    }
    a
}
