//! One column's drift: prepare its values, pick and run the test, measure
//! the effect, count unseen categories. The final verdict waits for the
//! report's multiple-testing correction ([`ColumnDrift::decide`]).

use std::collections::BTreeMap;

use super::effect::{effect_size, psi_effect};
use super::preset::{robust_linf, Choice};
use super::report::{ColumnCounts, ColumnDrift, DriftOptions, SkippedColumn};
use super::run::run_test;
use super::stat::Stat;
use super::values::ColumnValues;
use crate::table::Column;
use crate::types::Kind;

/// Unseen categories listed per column; the rest are only counted.
pub const MAX_UNSEEN_LISTED: usize = 20;

/// A column pair with its values prepared.
pub struct Prepared<'a> {
    baseline: &'a Column,
    current: &'a Column,
    kind: Kind,
    values: Option<ColumnValues>,
}

impl<'a> Prepared<'a> {
    /// Prepares numbers (numerical kind) or counts (categorical kind).
    #[must_use]
    pub fn new(baseline: &'a Column, current: &'a Column, kind: Kind) -> Self {
        let values = match kind {
            Kind::Numerical => ColumnValues::numeric(baseline, current),
            _ => Some(ColumnValues::categorical(baseline, current)),
        };
        Self { baseline, current, kind, values }
    }
}

/// Runs the chosen test (and all applicable ones when asked) on a column.
pub fn judge_column(prepared: Prepared, options: &DriftOptions) -> Result<ColumnDrift, SkippedColumn> {
    let missing = (prepared.baseline.data.missing_count() as u64, prepared.current.data.missing_count() as u64);
    let judged = Judged {
        name: prepared.baseline.name.clone(),
        role: prepared.baseline.role,
        kind: prepared.kind,
        values: prepared.values,
        missing,
    };
    judge_values(judged, options)
}

/// A column to judge from its prepared values (a table's, or sketch mode's).
pub struct Judged {
    /// Column name.
    pub name: String,
    /// Its role.
    pub role: crate::roles::Role,
    /// The kind it is judged as.
    pub kind: Kind,
    /// Its values on both sides; `None` when the current side holds no numbers for a numerical column.
    pub values: Option<ColumnValues>,
    /// Missing rows on each side.
    pub missing: (u64, u64),
}

/// Runs the chosen test (and all applicable ones when asked) on prepared values.
pub fn judge_values(judged: Judged, options: &DriftOptions) -> Result<ColumnDrift, SkippedColumn> {
    let Judged { name, role, kind, values, missing } = judged;
    let skip = |reason: &str| SkippedColumn { name: name.clone(), reason: reason.into() };
    let Some(values) = values else {
        return Err(skip("numerical in the baseline but not numbers in the current data"));
    };
    let (n_ref, n_cur) = values.sizes();
    if n_ref == 0 {
        return Err(skip("no values in the baseline"));
    }
    if n_cur == 0 {
        return Err(skip("no values in the current data"));
    }
    let choice = choose(kind, &values, options);
    let Some(outcome) = run_test(choice.stat, &values, options.seed) else {
        if values.weighted().is_some() {
            return Err(skip(&format!("{} needs every value, which sketch mode does not keep", choice.stat.name())));
        }
        return Err(skip(&format!("{} does not apply to a {} column", choice.stat.name(), kind.as_str())));
    };
    let statistic = if choice.robust { robust_linf(outcome.statistic, n_ref, n_cur) } else { outcome.statistic };
    let (effect, measure) = effect_size(&values);
    let psi = psi_effect(&values);
    let tests = options.all_tests.then(|| {
        Stat::ALL
            .into_iter()
            .filter(|s| s.applies_to(kind))
            .filter_map(|s| run_test(s, &values, options.seed).map(|o| (s.name().to_owned(), o)))
            .collect::<BTreeMap<_, _>>()
    });
    let counts = column_counts(missing, &values);
    Ok(ColumnDrift {
        name,
        role,
        kind,
        test: choice.stat,
        robust: choice.robust,
        statistic,
        p_value: outcome.p_value,
        p_value_adjusted: outcome.p_value,
        threshold: choice.threshold,
        drifted: false,
        effect_size: effect,
        effect_size_measure: measure,
        min_effect: choice.min_effect,
        psi,
        min_psi: choice.min_psi,
        counts,
        tests,
        approximation: None,
    })
}

/// The preset's choice, unless a forced test applies; the threshold option wins.
fn choose(kind: Kind, values: &ColumnValues, options: &DriftOptions) -> Choice {
    let mut choice = match options.tests.iter().find(|s| s.applies_to(kind)) {
        Some(&stat) => Choice::plain(stat),
        None => options.preset.choose(kind, values),
    };
    if let Some(threshold) = options.threshold {
        choice.threshold = threshold;
    }
    choice
}

impl ColumnDrift {
    /// Sets the verdict from the adjusted p-value (p-value tests) or the
    /// statistic (distances), and the minimum effect when there is one.
    pub fn decide(&mut self, adjusted: Option<f64>) {
        let decision = self.test.decision();
        self.p_value_adjusted = adjusted.or(self.p_value);
        let value = if decision.uses_p_value() { self.p_value_adjusted } else { Some(self.statistic) };
        let significant = value.is_some_and(|v| !v.is_nan() && decision.drifted(v, self.threshold));
        self.drifted = significant && self.large_enough();
    }

    /// True when the effect rule holds (or there is none): the effect size
    /// reaches `min_effect`, or the PSI reaches `min_psi`.
    #[must_use]
    pub fn large_enough(&self) -> bool {
        let psi = self.min_psi.is_some_and(|min| self.psi >= min);
        self.min_effect.is_none_or(|min| self.effect_size >= min || psi)
    }
}

/// Present and missing rows, distinct values and unseen categories.
fn column_counts(missing: (u64, u64), values: &ColumnValues) -> ColumnCounts {
    let (baseline_present, current_present) = values.sizes();
    let mut counts = ColumnCounts {
        baseline_present,
        current_present,
        baseline_missing: missing.0,
        current_missing: missing.1,
        n_unique: values.n_unique() as u64,
        ..ColumnCounts::default()
    };
    if let ColumnValues::Categorical(c) = values {
        let mut unseen: Vec<(String, u64)> = c
            .labels
            .iter()
            .zip(c.reference.iter().zip(&c.current))
            .filter(|(_, (r, n))| **r == 0 && **n > 0)
            .map(|(label, (_, n))| (label.clone(), *n))
            .collect();
        counts.unseen_rows = unseen.iter().map(|(_, n)| n).sum();
        unseen.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        unseen.truncate(MAX_UNSEEN_LISTED);
        counts.unseen_categories = unseen;
    }
    counts
}
