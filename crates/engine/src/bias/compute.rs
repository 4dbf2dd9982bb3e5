//! Each Clarify metric (FT aside) computed from a facet's counts: the
//! metric's own file in [`super::metrics`] (or the label-distribution and
//! conditional-disparity modules), with smclarify's error messages.

use super::conditional_disparity::{conditional_disparity, Outcome};
use super::confusion::FacetCounts;
use super::error::BiasError;
use super::label_distribution as ld;
use super::metric::Metric;
use super::metrics;

/// The value of `metric` for these counts; `Err` displays Clarify's message.
/// FT needs the rows, not counts: see [`super::flip_test()`].
///
/// # Errors
/// The [`BiasError`] smclarify raises for these counts (an empty group, no
/// common label value, ...), with its message.
pub fn compute(metric: Metric, c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    match metric {
        Metric::CI => metrics::class_imbalance::class_imbalance(c),
        Metric::DPL => metrics::proportion_difference::proportion_difference(c, super::Confusion::positives),
        Metric::DPPL => metrics::proportion_difference::proportion_difference(c, super::Confusion::predicted_positives),
        Metric::KL => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::kl(&pa, &pd)),
        Metric::JS => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::js(&pa, &pd)),
        Metric::LP => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::lp(&pa, &pd)),
        Metric::TVD => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::tvd(&pa, &pd)),
        Metric::KS => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::ks(&pa, &pd)),
        Metric::CDDL => conditional_disparity(c, Outcome::Label),
        Metric::CDDPL => conditional_disparity(c, Outcome::Predicted),
        Metric::DI => metrics::disparate_impact::disparate_impact(c),
        Metric::DCA => metrics::conditional_outcome_difference::difference_in_conditional_acceptance(c),
        Metric::DCR => metrics::conditional_outcome_difference::difference_in_conditional_rejection(c),
        Metric::RD => metrics::label_accuracy_difference::recall_difference(c),
        Metric::SD => metrics::label_accuracy_difference::specificity_difference(c),
        Metric::DAR => metrics::acceptance_rate_difference::difference_in_acceptance_rates(c),
        Metric::DRR => metrics::acceptance_rate_difference::difference_in_rejection_rates(c),
        Metric::AD => metrics::accuracy_difference::accuracy_difference(c),
        Metric::TE => metrics::treatment_equality::treatment_equality(c),
        Metric::GE => metrics::generalized_entropy::generalized_entropy(c),
        Metric::FT => Err(BiasError::FlipTestNeedsRows),
    }
}
