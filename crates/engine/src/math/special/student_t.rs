//! Student's t tails, `2 * scipy.special.stdtr(df, -|t|)`.

use super::incomplete_beta::incomplete_beta;

/// Two-sided tail Pr(|T| >= |t|) with `df` degrees of freedom:
/// I_{df/(df+t²)}(df/2, 1/2), formed without 1 - cdf.
pub(crate) fn student_t_two_sided(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if t.is_infinite() {
        return 0.0;
    }
    let t2 = t * t;
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    incomplete_beta(df / 2.0, 0.5, x, y).clamp(0.0, 1.0)
}
