//! Bin shares, and Evidently's rule for empty bins.

use crate::category_counts::Counts;

/// True when a side has no value at all (or there is no bin): every binned
/// distance is then NaN (Evidently divides by zero or takes the minimum of
/// nothing).
pub(crate) fn has_empty_side(c: &Counts) -> bool {
    c.reference_total() == 0 || c.current_total() == 0
}

/// Each count over the total (NaN for an empty side).
pub(crate) fn shares(counts: &[u64]) -> Vec<f64> {
    let total = counts.iter().sum::<u64>() as f64;
    counts.iter().map(|&c| c as f64 / total).collect()
}

/// Evidently's `feel_zeroes` (in `get_binned_data`): every zero share becomes
/// the smallest non-zero share / 10⁶ if that share is at most 0.0001, else
/// 0.0001, so that logarithms stay finite. Applied to each side on its own.
/// Without a non-zero share (Evidently raises) the shares become NaN.
pub(crate) fn fill_zero_shares(shares: &mut [f64]) {
    let smallest = shares.iter().copied().filter(|&s| s != 0.0).fold(f64::INFINITY, f64::min);
    let fill = if smallest == f64::INFINITY {
        f64::NAN
    } else if smallest <= 0.0001 {
        smallest / 1e6
    } else {
        0.0001
    };
    for share in shares.iter_mut().filter(|s| **s == 0.0) {
        *share = fill;
    }
    if fill.is_nan() {
        shares.fill(f64::NAN);
    }
}

/// `scipy.special.rel_entr(x, y)` as scipy 1.17 computes it: `x·ln(x/y)`,
/// through `log1p((x − y)/y)` when `x/y` lies in (0.5, 2) (where `ln` of the
/// rounded ratio loses digits that a near-zero divergence needs), through
/// `ln x − ln y` when the ratio underflows or overflows; 0 when `x` is 0,
/// infinite when only `y` is.
pub(crate) fn rel_entr(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        let ratio = x / y;
        if 0.5 < ratio && ratio < 2.0 {
            x * ((x - y) / y).ln_1p()
        } else if f64::MIN_POSITIVE < ratio && ratio < f64::INFINITY {
            x * ratio.ln()
        } else {
            x * (x.ln() - y.ln())
        }
    } else if x == 0.0 && y >= 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_zeroes_per_rule() {
        let mut a = [0.5, 0.0, 0.5];
        fill_zero_shares(&mut a);
        assert_eq!(a, [0.5, 0.0001, 0.5]);
        let mut b = [0.99995, 0.00005, 0.0];
        fill_zero_shares(&mut b);
        assert_eq!(b[2], 0.00005 / 1e6);
    }
}
