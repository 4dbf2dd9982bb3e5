//! Evidently's `fisher_exact` stattest: Fisher's exact test on the 2×2 table
//! of a binary column, with scipy's two-sided p-value.

use super::present::present_pairs;
use crate::drift::{Counts, TestOutcome};
use crate::math::double_double::DoubleDouble;

/// scipy's relative tolerance when deciding that a table is as extreme as
/// the observed one.
const AS_EXTREME: f64 = 1e-14;

/// `scipy.stats.fisher_exact([[cur_1, cur_0], [ref_1, ref_0]])`, the table
/// Evidently builds: category 0 is the first present category of `c`,
/// category 1 the second. The statistic is the odds ratio of that table
/// (infinite when an off-diagonal cell is 0); the p-value (two-sided) does
/// not depend on which category comes first.
///
/// The p-value is the probability, under the hypergeometric law of the
/// top-left cell given the margins, of the tables no more likely than the
/// observed one, up to scipy's relative tolerance 1e-14. It is computed from
/// probability ratios to the mode in double-double arithmetic, so ties
/// (symmetric tables) are recognised as scipy recognises them.
///
/// One category (Evidently adds a placeholder second one) or an empty table
/// gives a NaN statistic and p = 1, as scipy for a table with an empty row or
/// column. More than two categories give NaN for both (Evidently refuses
/// them). Evidently also refuses samples of unequal size; here the table is
/// tested whatever the sizes.
#[must_use]
pub fn fisher_exact(c: &Counts) -> TestOutcome {
    let (zero, one) = match present_pairs(c).as_slice() {
        [] => ((0, 0), (0, 0)),
        [only] => (*only, (0, 0)),
        [first, second] => (*first, *second),
        _ => return TestOutcome::test(f64::NAN, f64::NAN),
    };
    // (reference, current) pairs into [[one_cur, zero_cur], [one_ref, zero_ref]].
    table_2x2([one.1, zero.1, one.0, zero.0])
}

/// Odds ratio and two-sided p-value of `[[a, b], [c, d]]`.
fn table_2x2([a, b, c, d]: [u64; 4]) -> TestOutcome {
    if a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0 {
        return TestOutcome::test(f64::NAN, 1.0);
    }
    let odds_ratio = if c > 0 && b > 0 {
        (u128::from(a) * u128::from(d)) as f64 / (u128::from(c) * u128::from(b)) as f64
    } else {
        f64::INFINITY
    };
    TestOutcome::test(odds_ratio, two_sided(Margins { row0: a + b, row1: c + d, col0: a + c }, a))
}

/// The margins fixing the hypergeometric law of the top-left cell.
#[derive(Clone, Copy)]
struct Margins {
    row0: u64,
    row1: u64,
    col0: u64,
}

impl Margins {
    /// Smallest and largest possible top-left cell.
    fn support(self) -> (u64, u64) {
        (self.col0.saturating_sub(self.row1), self.col0.min(self.row0))
    }

    /// scipy's mode, `⌊(col0 + 1)(row0 + 1) / (N + 2)⌋`.
    fn mode(self) -> u64 {
        let wide = (u128::from(self.col0) + 1) * (u128::from(self.row0) + 1) / (u128::from(self.row0 + self.row1) + 2);
        let (lo, hi) = self.support();
        u64::try_from(wide).unwrap_or(hi).clamp(lo, hi)
    }

    /// `pmf(x + 1) / pmf(x)` applied to `s`.
    fn step_up(self, s: DoubleDouble, x: u64) -> DoubleDouble {
        s.mul((self.row0 - x) as f64)
            .mul((self.col0 - x) as f64)
            .div((x + 1) as f64)
            .div((self.row1 + x + 1 - self.col0) as f64)
    }

    /// `pmf(x − 1) / pmf(x)` applied to `s`.
    fn step_down(self, s: DoubleDouble, x: u64) -> DoubleDouble {
        s.mul(x as f64)
            .mul((self.row1 + x - self.col0) as f64)
            .div((self.row0 - x + 1) as f64)
            .div((self.col0 - x + 1) as f64)
    }

    /// Calls `visit(x, pmf(x) / pmf(mode))` for x from next to the mode
    /// outwards (upwards or downwards) until the support ends or the ratio
    /// underflows to 0.
    fn walk(self, upwards: bool, mut visit: impl FnMut(u64, f64)) {
        let (lo, hi) = self.support();
        let (mut x, mut s) = (self.mode(), DoubleDouble::ONE);
        while (upwards && x < hi) || (!upwards && x > lo) {
            if upwards {
                s = self.step_up(s, x);
                x += 1;
            } else {
                s = self.step_down(s, x);
                x -= 1;
            }
            if s.value() == 0.0 {
                break;
            }
            visit(x, s.value());
        }
    }
}

/// scipy's two-sided p-value for top-left cell `observed`: the observed tail
/// plus the tables on the other side of the mode that are less likely.
fn two_sided(margins: Margins, observed: u64) -> f64 {
    let mode = margins.mode();
    let observed_below = observed < mode;
    // The observed side first: its total, its tail beyond `observed`, and the
    // observed probability relative to the mode.
    let (mut total, mut tail, mut observed_ratio) = (1.0, 0.0, if observed == mode { 1.0 } else { 0.0 });
    margins.walk(!observed_below, |x, s| {
        total += s;
        if x == observed {
            observed_ratio = s;
        }
        if (observed_below && x <= observed) || (!observed_below && x >= observed) {
            tail += s;
        }
    });
    if (1.0 - observed_ratio).abs() / observed_ratio.max(1.0) <= AS_EXTREME {
        return 1.0;
    }
    let threshold = observed_ratio * (1.0 + AS_EXTREME);
    margins.walk(observed_below, |_, s| {
        total += s;
        // scipy's binary searches keep ties below the mode and, above it,
        // only strictly less likely tables.
        if (observed_below && s < threshold) || (!observed_below && s <= threshold) {
            tail += s;
        }
    });
    (tail / total).min(1.0)
}
