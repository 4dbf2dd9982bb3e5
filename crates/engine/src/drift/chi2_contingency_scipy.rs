//! scipy's `chi2_contingency` without Yates' correction: Pearson's chi-square
//! test of homogeneity on the 2×k table of counts (the `tideline` preset's
//! `chi2`; NannyML's `chi2`, with the correction, is in [`super::nannyml`]).

use crate::drift::evidently::categorical::present_pairs;
use crate::drift::{Counts, TestOutcome};
use crate::math::pairwise_sum::numpy_sum;
use crate::math::tails::chi_squared_sf;

/// `scipy.stats.chi2_contingency([reference, current], correction=False)`,
/// over the categories present on either side: expected counts
/// `row total × column total / grand total`, k − 1 degrees of freedom.
///
/// One category gives statistic 0 and p-value 1 (scipy's degenerate case);
/// an empty side, or no category at all, gives NaN for both (scipy raises on
/// a zero expected count or an empty table).
#[must_use]
pub fn chi2_contingency(c: &Counts) -> TestOutcome {
    let pairs = present_pairs(c);
    let row_reference: u64 = pairs.iter().map(|(r, _)| r).sum();
    let row_current: u64 = pairs.iter().map(|(_, c)| c).sum();
    if pairs.is_empty() || row_reference == 0 || row_current == 0 {
        return TestOutcome::test(f64::NAN, f64::NAN);
    }
    if pairs.len() == 1 {
        return TestOutcome::test(0.0, 1.0);
    }
    let total = (row_reference + row_current) as f64;
    // scipy flattens the table row by row: all reference cells, then current.
    let cells = pairs.iter().map(|&(r, c)| (r, c, r + c));
    let reference_terms = cells.clone().map(|(r, _, column)| pearson_term(r, row_reference, column, total));
    let current_terms = cells.map(|(_, c, column)| pearson_term(c, row_current, column, total));
    let terms: Vec<f64> = reference_terms.chain(current_terms).collect();
    let statistic = numpy_sum(&terms);
    TestOutcome::test(statistic, chi_squared_sf(statistic, pairs.len() as f64 - 1.0))
}

/// `(observed − expected)² / expected` of one cell.
fn pearson_term(observed: u64, row: u64, column: u64, total: f64) -> f64 {
    let expected = row as f64 * column as f64 / total;
    let diff = observed as f64 - expected;
    diff * diff / expected
}
