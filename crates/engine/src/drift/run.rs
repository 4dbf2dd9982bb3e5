//! Runs one named test on a column's prepared values.

use super::evidently::binned;
use super::evidently::categorical;
use super::evidently::numeric;
use super::outcome::TestOutcome;
use super::stat::Stat;
use super::values::ColumnValues;
use super::weighted;

/// The outcome of `stat` on the column, or `None` when the test does not
/// take this kind of column.
///
/// Categorical tests on a numeric column count its distinct values, as
/// Evidently does when its default picks `chisquare` or `z` for a numeric
/// column with at most five values. `seed` drives the permutation tests.
#[must_use]
pub fn run_test(stat: Stat, values: &ColumnValues, seed: u64) -> Option<TestOutcome> {
    if let ColumnValues::Weighted { reference_std, n_unique, .. } = values {
        return run_weighted(stat, values, *reference_std, *n_unique, seed);
    }
    let samples = values.samples();
    let outcome = match (stat, samples) {
        (Stat::Ks, Some(s)) => numeric::ks(s),
        (Stat::Wasserstein, Some(s)) => numeric::wasserstein_normed(s),
        (Stat::Anderson, Some(s)) => numeric::anderson(s),
        (Stat::CramerVonMises, Some(s)) => numeric::cramer_von_mises(s),
        (Stat::MannWhitney, Some(s)) => numeric::mann_whitney(s),
        (Stat::TTest, Some(s)) => numeric::t_test(s),
        (Stat::EppsSingleton, Some(s)) => numeric::epps_singleton(s),
        (Stat::Energy, Some(s)) => numeric::energy(s),
        (Stat::EmpiricalMmd, Some(s)) => numeric::empirical_mmd(s, seed),
        (Stat::PsiQuantile, Some(s)) => super::psi_quantile(s),
        (Stat::Psi, Some(s)) => binned::psi(&binned::numeric_bins(s)),
        (Stat::JensenShannon, Some(s)) => binned::jensen_shannon(&binned::numeric_bins(s)),
        (Stat::KlDiv, Some(s)) => binned::kl_div(&binned::numeric_bins(s)),
        (Stat::Hellinger, Some(s)) => binned::hellinger_numeric(s),
        // Model Monitor's numeric L∞ is the largest CDF gap.
        (Stat::Linf, Some(s)) => TestOutcome::distance(super::effect::max_cdf_gap(s)),
        (
            Stat::Ks
            | Stat::Wasserstein
            | Stat::Anderson
            | Stat::CramerVonMises
            | Stat::MannWhitney
            | Stat::TTest
            | Stat::EppsSingleton
            | Stat::Energy
            | Stat::EmpiricalMmd
            | Stat::PsiQuantile,
            None,
        ) => return None,
        (Stat::Psi, None) => binned::psi(&values.counts()),
        (Stat::JensenShannon, None) => binned::jensen_shannon(&values.counts()),
        (Stat::KlDiv, None) => binned::kl_div(&values.counts()),
        (Stat::Hellinger, None) => binned::hellinger(&values.counts()),
        (Stat::Linf, None) => super::linf(&values.counts()),
        (Stat::ChiSquare, _) => categorical::chisquare(&values.counts()),
        (Stat::Z, _) => categorical::z_test(&values.counts()),
        (Stat::FisherExact, _) => categorical::fisher_exact(&values.counts()),
        (Stat::GTest, _) => categorical::g_test(&values.counts()),
        (Stat::Tvd, _) => categorical::tvd(&values.counts(), seed),
        (Stat::Chi2, _) => super::chi2_contingency(&values.counts()),
    };
    Some(outcome)
}

/// The tests that sketch mode can run from weighted values; `None` for the
/// tests that need every value (Anderson–Darling, Cramér–von Mises,
/// Mann–Whitney, t, Epps–Singleton, energy, MMD).
fn run_weighted(
    stat: Stat,
    values: &ColumnValues,
    reference_std: f64,
    n_unique: u64,
    seed: u64,
) -> Option<TestOutcome> {
    let w = values.weighted()?;
    let outcome = match stat {
        Stat::Ks => weighted::ks(w),
        Stat::Wasserstein => weighted::wasserstein_normed(w, reference_std),
        Stat::PsiQuantile => weighted::psi_quantile(w),
        Stat::Psi => binned::psi(&weighted::numeric_bins(w)),
        Stat::JensenShannon => binned::jensen_shannon(&weighted::numeric_bins(w)),
        Stat::KlDiv => binned::kl_div(&weighted::numeric_bins(w)),
        Stat::Hellinger => weighted::hellinger_numeric(w, n_unique),
        Stat::Linf => TestOutcome::distance(weighted::max_cdf_gap(w)),
        Stat::Anderson
        | Stat::CramerVonMises
        | Stat::MannWhitney
        | Stat::TTest
        | Stat::EppsSingleton
        | Stat::Energy
        | Stat::EmpiricalMmd => return None,
        Stat::ChiSquare => categorical::chisquare(&values.counts()),
        Stat::Z => categorical::z_test(&values.counts()),
        Stat::FisherExact => categorical::fisher_exact(&values.counts()),
        Stat::GTest => categorical::g_test(&values.counts()),
        Stat::Tvd => categorical::tvd(&values.counts(), seed),
        Stat::Chi2 => super::chi2_contingency(&values.counts()),
    };
    Some(outcome)
}
