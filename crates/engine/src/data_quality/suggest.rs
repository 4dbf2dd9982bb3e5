//! Constraints suggested from a baseline's statistics with Deequ's default
//! rules (`Rules.DEFAULT`, spec §2.4), written as a baseline job writes them.
//!
//! - CompleteIfComplete: completeness 1 → `completeness: 1.0`.
//! - RetainCompleteness: 0.2 < p < 1 → `completeness` is Deequ 2.0.2's Wald
//!   lower bound `p − 1.96·sqrt(p(1−p)/n)`, truncated to two decimals (of its
//!   shortest decimal form, as Scala's `BigDecimal(double)` with
//!   `RoundingMode.DOWN`). Whether SageMaker writes this bound or `p` itself
//!   is unconfirmed; below 0.2 no completeness is written.
//! - RetainType: `inferred_type` is the baseline's.
//! - NonNegativeNumbers: numeric features get `is_non_negative` (`min ≥ 0`;
//!   `false` is written too, as SageMaker samples show for signed columns).
//! - CategoricalRange: a String feature with categorical buckets whose
//!   values seen once are at most 10 % of its distinct values gets
//!   `domains`, most frequent first. The rule also covers Integral columns in
//!   Deequ, but SageMaker's numeric constraints have no domain.
//! - FractionalCategoricalRange is not written: SageMaker's schema has no
//!   per-feature coverage ratio, and with the job's `domain_content_threshold`
//!   of 1.0 a domain covering 90 % of the data would fail every run.

use super::{
    Constraints, FeatureConstraints, FeatureStatistics, InferredType, MonitoringConfig, NumConstraints, Statistics,
    StringConstraints,
};

/// Wald z for 95 % (Deequ 2.0.2).
const Z: f64 = 1.96;
/// Completeness at or below which no completeness constraint is suggested.
const MIN_RETAINED_COMPLETENESS: f64 = 0.2;
/// Largest share of values seen once for a categorical range.
const MAX_UNIQUE_VALUE_RATIO: f64 = 0.1;

/// Deequ's RetainCompletenessRule bound for completeness `p` over `n` rows.
///
/// # Examples
/// ```
/// use tideline_engine::data_quality::completeness_lower_bound;
/// // 0.9 - 1.96 * sqrt(0.09 / 100) = 0.8412 -> 0.84
/// assert_eq!(completeness_lower_bound(0.9, 100), 0.84);
/// ```
#[must_use]
pub fn completeness_lower_bound(p: f64, n: u64) -> f64 {
    let bound = p - Z * (p * (1.0 - p) / n as f64).sqrt();
    truncate_two_decimals(bound)
}

/// Truncates toward zero at two decimals of the shortest decimal form.
fn truncate_two_decimals(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // Rust's `Display` is the shortest round-trip form, never in exponent notation.
    let text = format!("{x}");
    let truncated = match text.split_once('.') {
        Some((whole, fraction)) => format!("{whole}.{}", fraction.get(..2).unwrap_or(fraction)),
        None => text,
    };
    truncated.parse().unwrap_or(x)
}

/// Suggests `constraints.json` from a baseline's `statistics.json`.
#[must_use]
pub fn suggest_constraints(baseline: &Statistics) -> Constraints {
    let item_count = baseline.dataset.item_count;
    Constraints {
        version: 0.0,
        features: baseline.features.iter().map(|f| suggest_feature(f, item_count)).collect(),
        monitoring_config: MonitoringConfig::baseline_job(),
    }
}

fn suggest_feature(feature: &FeatureStatistics, item_count: u64) -> FeatureConstraints {
    let completeness = feature.common().filter(|_| item_count > 0).and_then(|common| {
        let p = common.num_present as f64 / item_count as f64;
        if p >= 1.0 {
            Some(1.0)
        } else if p > MIN_RETAINED_COMPLETENESS {
            Some(completeness_lower_bound(p, item_count))
        } else {
            None
        }
    });
    let num_constraints = feature
        .numerical_statistics
        .as_ref()
        .filter(|n| n.common.num_present > 0)
        .map(|n| NumConstraints { is_non_negative: Some(n.min >= 0.0), monitoring_config_overrides: None });
    let string_constraints = (feature.inferred_type == InferredType::String)
        .then(|| categorical_range(feature))
        .flatten()
        .map(|domains| StringConstraints { domains: Some(domains), monitoring_config_overrides: None });
    FeatureConstraints {
        name: feature.name.clone(),
        inferred_type: feature.inferred_type,
        completeness,
        num_constraints,
        string_constraints,
        monitoring_config_overrides: None,
    }
}

/// Deequ's CategoricalRangeRule: the values, most frequent first, when few are unique.
fn categorical_range(feature: &FeatureStatistics) -> Option<Vec<String>> {
    let buckets = feature.categorical_buckets().filter(|b| !b.is_empty())?;
    let seen_once = buckets.iter().filter(|b| b.count == 1).count();
    let unique_ratio = seen_once as f64 / buckets.len() as f64;
    if unique_ratio > MAX_UNIQUE_VALUE_RATIO {
        return None;
    }
    let mut sorted: Vec<_> = buckets.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(b.count));
    Some(sorted.into_iter().map(|b| b.value.clone()).collect())
}
