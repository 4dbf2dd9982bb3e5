//! Each Clarify metric (FT aside) computed from a facet's counts, with
//! smclarify's error messages and its rule that two infinite terms make 0.

use super::conditional_disparity::{conditional_disparity, Outcome};
use super::confusion::FacetCounts;
use super::divide;
use super::error::BiasError;
use super::label_distribution as ld;
use super::metric::Metric;

fn ratio(a: u64, b: u64) -> f64 {
    divide(a as f64, b as f64)
}

/// `x_a − x_d` (or `x_d − x_a`), 0 when both terms are +∞.
fn difference(first: f64, second: f64) -> f64 {
    if first == second && first == f64::INFINITY {
        0.0
    } else {
        first - second
    }
}

/// Empty-group check in smclarify's order (d first) with its wording.
fn groups(c: &FacetCounts, d_empty: &'static str, a_empty: &'static str) -> Result<(), BiasError> {
    if c.d.n() == 0 {
        return Err(BiasError::EmptyGroup(d_empty));
    }
    if c.a.n() == 0 {
        return Err(BiasError::EmptyGroup(a_empty));
    }
    Ok(())
}

/// q_a − q_d of an outcome (DPL, DPPL), a checked first.
fn proportion_difference(c: &FacetCounts, outcome: impl Fn(&super::Confusion) -> u64) -> Result<f64, BiasError> {
    if c.a.n() == 0 {
        return Err(BiasError::EmptyGroup("Negative facet set is empty."));
    }
    if c.d.n() == 0 {
        return Err(BiasError::EmptyGroup("Facet set is empty."));
    }
    Ok(outcome(&c.a) as f64 / c.a.n() as f64 - outcome(&c.d) as f64 / c.d.n() as f64)
}

/// The value of `metric` for these counts; `Err` displays Clarify's message.
/// FT needs the rows, not counts: see [`super::flip_test()`].
///
/// # Errors
/// The [`BiasError`] smclarify raises for these counts (an empty group, no
/// common label value, ...), with its message.
pub fn compute(metric: Metric, c: &FacetCounts) -> Result<f64, BiasError> {
    let (a, d) = (&c.a, &c.d);
    match metric {
        Metric::CI => {
            if a.n() == 0 {
                return Err(BiasError::EmptyGroup(
                    "CI: negated facet set is empty. Check that x[~facet] has non-zero length.",
                ));
            }
            if d.n() == 0 {
                return Err(BiasError::EmptyGroup("CI: facet set is empty. Check that x[facet] has non-zero length."));
            }
            Ok((a.n() as f64 - d.n() as f64) / (a.n() + d.n()) as f64)
        }
        Metric::DPL => proportion_difference(c, super::Confusion::positives),
        Metric::DPPL => proportion_difference(c, super::Confusion::predicted_positives),
        Metric::KL => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::kl(&pa, &pd)),
        Metric::JS => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::js(&pa, &pd)),
        Metric::LP => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::lp(&pa, &pd)),
        Metric::TVD => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::tvd(&pa, &pd)),
        Metric::KS => ld::aligned_nonzero(a, d).map(|(pa, pd)| ld::ks(&pa, &pd)),
        Metric::CDDL => conditional_disparity(c, Outcome::Label),
        Metric::CDDPL => conditional_disparity(c, Outcome::Predicted),
        Metric::DI => {
            if a.n() == 0 {
                return Err(BiasError::EmptyGroup("Negated facet set is empty"));
            }
            if d.n() == 0 {
                return Err(BiasError::EmptyGroup("Facet set is empty"));
            }
            let qa = a.predicted_positives() as f64 / a.n() as f64;
            let qd = d.predicted_positives() as f64 / d.n() as f64;
            Ok(divide(qd, qa))
        }
        Metric::DCA => {
            groups(c, "DCO: Facet set is empty", "DCO: Negated Facet set is empty")?;
            Ok(difference(ratio(a.positives(), a.predicted_positives()), ratio(d.positives(), d.predicted_positives())))
        }
        Metric::DCR => {
            groups(c, "DCO: Facet set is empty", "DCO: Negated Facet set is empty")?;
            let (rr_a, rr_d) =
                (ratio(a.negatives(), a.predicted_negatives()), ratio(d.negatives(), d.predicted_negatives()));
            Ok(if rr_a == rr_d && rr_a == f64::INFINITY { 0.0 } else { rr_d - rr_a })
        }
        Metric::RD => {
            groups(c, "DLA: Facet set is empty", "DLA: Negated Facet set is empty")?;
            Ok(difference(ratio(a.tp, a.tp + a.fn_), ratio(d.tp, d.tp + d.fn_)))
        }
        Metric::SD => {
            groups(c, "DLA: Facet set is empty", "DLA: Negated Facet set is empty")?;
            let (sp_a, sp_d) = (ratio(a.tn, a.tn + a.fp), ratio(d.tn, d.tn + d.fp));
            Ok(if sp_a == sp_d && sp_a == f64::INFINITY { 0.0 } else { sp_d - sp_a })
        }
        Metric::DAR => {
            groups(c, "DLR: Facet set is empty", "DLR: Negated Facet set is empty")?;
            Ok(difference(ratio(a.tp, a.predicted_positives()), ratio(d.tp, d.predicted_positives())))
        }
        Metric::DRR => {
            groups(c, "DLR: Facet set is empty", "DLR: Negated Facet set is empty")?;
            let (rr_a, rr_d) = (ratio(a.tn, a.predicted_negatives()), ratio(d.tn, d.predicted_negatives()));
            Ok(if rr_a == rr_d && rr_a == f64::INFINITY { 0.0 } else { rr_d - rr_a })
        }
        Metric::AD => {
            groups(c, "Facet set is empty", "Negated Facet set is empty")?;
            Ok(difference(ratio(a.tp + a.tn, a.n()), ratio(d.tp + d.tn, d.n())))
        }
        Metric::TE => {
            groups(c, "Facet set is empty", "Negated Facet set is empty")?;
            let (tau_a, tau_d) = (ratio(a.fn_, a.fp), ratio(d.fn_, d.fp));
            Ok(if tau_a == tau_d && tau_a == f64::INFINITY { 0.0 } else { tau_d - tau_a })
        }
        Metric::GE => generalized_entropy(c),
        Metric::FT => Err(BiasError::FlipTestNeedsRows),
    }
}

/// GE with α = 2 over the whole table: b = ŷ − y + 1, so false negatives
/// give 0, correct predictions 1 and false positives 2.
fn generalized_entropy(c: &FacetCounts) -> Result<f64, BiasError> {
    let all = c.overall();
    let n = all.n();
    if n == 0 {
        return Err(BiasError::EmptyDataset);
    }
    let correct = all.tp + all.tn;
    let mean = (correct + 2 * all.fp) as f64 / n as f64;
    if mean == 0.0 {
        return Err(BiasError::AllFalseNegatives);
    }
    let term = |b: f64| (b / mean).powi(2) - 1.0;
    let sum = all.fn_ as f64 * term(0.0) + correct as f64 * term(1.0) + all.fp as f64 * term(2.0);
    Ok(sum / (n as f64 * 2.0))
}
