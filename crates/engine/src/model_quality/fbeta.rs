//! Ratios with scikit-learn's zero-division rule and the F-beta score.

/// `numerator / denominator`, or 0.0 when the denominator is 0, as
/// scikit-learn's default `zero_division="warn"` (which returns 0).
pub fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}

/// F-beta from counts, as scikit-learn ≥ 1.3: `(1+β²)·tp / ((1+β²)·tp + β²·fn + fp)`,
/// which equals `(1+β²)PR/(β²P+R)` (spec §4) where that is defined and is 0
/// when there are no true positives.
pub fn f_beta(beta: f64, tp: f64, fp: f64, fn_: f64) -> f64 {
    let b2 = beta * beta;
    ratio((1.0 + b2) * tp, (1.0 + b2) * tp + b2 * fn_ + fp)
}

/// The three F-scores Model Monitor reports, with their metric-name suffixes.
pub const BETAS: [(&str, f64); 3] = [("f0_5", 0.5), ("f1", 1.0), ("f2", 2.0)];
