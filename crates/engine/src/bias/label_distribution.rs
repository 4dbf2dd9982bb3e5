//! The label-distribution metrics (KL, JS, LP, TVD, KS) compare the positive
//! label's distribution in group a and group d over the values both groups
//! have (smclarify's `pdfs_aligned_nonzero`: no renormalisation, so KL can
//! be negative).

use super::confusion::Confusion;
use super::error::BiasError;

/// `(P_a, P_d)` over the label values {negative, positive} that have a
/// non-zero share in both groups; an error when none is left.
pub fn aligned_nonzero(a: &Confusion, d: &Confusion) -> Result<(Vec<f64>, Vec<f64>), BiasError> {
    let share = |part: u64, group: &Confusion| if group.n() == 0 { 0.0 } else { part as f64 / group.n() as f64 };
    let mut pa = Vec::with_capacity(2);
    let mut pd = Vec::with_capacity(2);
    // pdf keys sort as False < True.
    for (xa, xd) in [(a.negatives(), d.negatives()), (a.positives(), d.positives())] {
        let (sa, sd) = (share(xa, a), share(xd, d));
        if sa != 0.0 && sd != 0.0 {
            pa.push(sa);
            pd.push(sd);
        }
    }
    if pa.is_empty() {
        return Err(BiasError::NoCommonFacet);
    }
    Ok((pa, pd))
}

/// Σ P_a ln(P_a / P_d).
#[must_use]
pub fn kl(pa: &[f64], pd: &[f64]) -> f64 {
    pa.iter().zip(pd).map(|(a, d)| a * (a / d).ln()).sum()
}

/// ½ [Σ P_a ln(P_a / P) + Σ P_d ln(P_d / P)], P = (P_a + P_d) / 2.
#[must_use]
pub fn js(pa: &[f64], pd: &[f64]) -> f64 {
    let p: Vec<f64> = pa.iter().zip(pd).map(|(a, d)| 0.5 * (a + d)).collect();
    0.5 * (kl(pa, &p) + kl(pd, &p))
}

/// ‖P_a − P_d‖₂ (`np.linalg.norm`: the square root of the dot product).
#[must_use]
pub fn lp(pa: &[f64], pd: &[f64]) -> f64 {
    pa.iter().zip(pd).map(|(a, d)| (a - d) * (a - d)).sum::<f64>().sqrt()
}

/// ½ ‖P_a − P_d‖₁.
#[must_use]
pub fn tvd(pa: &[f64], pd: &[f64]) -> f64 {
    0.5 * pa.iter().zip(pd).map(|(a, d)| (a - d).abs()).sum::<f64>()
}

/// ‖P_a − P_d‖∞ (a largest share gap, not a CDF distance).
#[must_use]
pub fn ks(pa: &[f64], pd: &[f64]) -> f64 {
    pa.iter().zip(pd).map(|(a, d)| (a - d).abs()).fold(0.0, f64::max)
}
