//! Kernel SHAP (Lundberg & Lee 2017, arXiv:1705.07874) as Clarify runs it
//! and shap's `KernelExplainer` computes it (sagemaker spec §7).
//!
//! The value of a coalition is the model's prediction (after its link:
//! probabilities for classifiers) with the absent features taken from each
//! baseline row, averaged over the rows with their weights; with
//! `use_logit` the average then goes through the logit, so attributions are
//! in log-odds. `expected_value` is that value for the empty coalition.
//! Features whose value equals every baseline row's (within NumPy's
//! `allclose`) cannot matter and get 0, as in shap; the others are the
//! players. Coalitions and kernel weights come from
//! [`kernel_coalitions`](fn@super::kernel_coalitions); the weighted least
//! squares is solved with the efficiency constraint (Σφ = f(x) − φ₀)
//! substituted for the last player, as shap does, without shap's optional
//! L1 feature selection (shap's `l1_reg=False`). With a budget covering all
//! 2^M − 2 coalitions the result is the exact Shapley value of that game.
//!
//! Each row draws from its own SplitMix64 stream, fixed by the seed and the
//! row's index, so rows can be split across workers without changing any
//! value.

use super::attributions::Attributions;
use super::kernel_baseline::Baseline;
use super::kernel_coalitions::{plan, sample_budget, Coalitions};
use super::matrix::FeatureMatrix;
use super::model::Model;
use super::shap_error::{check_features, ShapError};
use crate::math::splitmix64::SplitMix64;

/// Clarify's `shap` settings that shape the computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KernelShapConfig {
    /// Coalitions per row; `None` is Clarify's default min(2M + 2048, 2^M − 2).
    pub num_samples: Option<usize>,
    /// Seed of the coalition sampling.
    pub seed: u64,
    /// Explain the logit of the predictions (which must be probabilities).
    pub use_logit: bool,
}

/// A Kernel SHAP explainer over one model and baseline.
pub struct KernelShap<'a> {
    model: &'a dyn Model,
    baseline: &'a Baseline,
    config: KernelShapConfig,
    /// E_b[f(b)] per output, before the logit.
    fnull: Vec<f64>,
    /// `fnull` through the explanation link.
    expected: Vec<f64>,
}

/// Mixes the seed and the row index into the row's own stream.
const ROW_STREAM: u64 = 0xD1B5_4A32_D192_ED03;

impl<'a> KernelShap<'a> {
    /// Evaluates the baseline once.
    ///
    /// # Errors
    /// Baseline features that are not the model's, a budget below 2, or a
    /// baseline prediction the logit cannot take.
    pub fn new(model: &'a dyn Model, baseline: &'a Baseline, config: KernelShapConfig) -> Result<Self, ShapError> {
        check_features("the baseline", &baseline.rows.features, model.features())?;
        if config.num_samples.is_some_and(|n| n < 2) {
            return Err(ShapError::Setting("num_samples must be at least 2".into()));
        }
        let d = model.n_outputs();
        let mut fnull = vec![0.0; d];
        let mut pred = vec![0.0; d];
        for (b, w) in baseline.weights.iter().enumerate() {
            predict(model, baseline.rows.row(b), &mut pred);
            fnull.iter_mut().zip(&pred).for_each(|(s, p)| *s += w * p);
        }
        let mut expected = fnull.clone();
        link(config.use_logit, &mut expected, usize::MAX)?;
        Ok(Self { model, baseline, config, fnull, expected })
    }

    /// The expected value per output (φ₀).
    #[must_use]
    pub fn expected_value(&self) -> &[f64] {
        &self.expected
    }

    /// Attributions of every row of `x`; row `i` uses stream `i`.
    ///
    /// # Errors
    /// Data features that are not the model's, or a row [`explain_row`](Self::explain_row) refuses.
    pub fn explain(&self, x: &FeatureMatrix) -> Result<Attributions, ShapError> {
        check_features("the data", &x.features, self.model.features())?;
        let d = self.model.n_outputs();
        let mut out = Attributions::zeros(x.features.clone(), d, x.n_rows);
        out.expected_value.clone_from(&self.expected);
        let m = x.n_features();
        for (i, chunk) in out.values.chunks_exact_mut(d * m).enumerate() {
            self.explain_row(i, x.row(i), chunk)?;
        }
        Ok(out)
    }

    /// The attributions of one row (`n_outputs × features`, output-major)
    /// into `out`; `index` picks the row's random stream.
    ///
    /// # Errors
    /// A row or output slice of the wrong length, a prediction that is not
    /// a number or that the logit cannot take, or coalitions that leave the
    /// regression singular.
    pub fn explain_row(&self, index: usize, row: &[f64], out: &mut [f64]) -> Result<(), ShapError> {
        let d = self.model.n_outputs();
        let m = self.model.features().len();
        if row.len() != m || out.len() != d * m {
            return Err(ShapError::Setting(format!(
                "row {index}: {} values and room for {} attributions; the model has {m} features and {d} output(s)",
                row.len(),
                out.len()
            )));
        }
        out.fill(0.0);
        let varying: Vec<usize> = (0..m).filter(|&j| self.varies(j, row[j])).collect();
        let mut fx = vec![0.0; d];
        predict(self.model, row, &mut fx);
        if let Some(output) = fx.iter().position(|v| v.is_nan()) {
            return Err(ShapError::NanOutput { row: index, output });
        }
        link(self.config.use_logit, &mut fx, index)?;
        // φ_total per output: g(f(x)) − g(E f(b)).
        let total: Vec<f64> = fx.iter().zip(&self.expected).map(|(a, b)| a - b).collect();
        match varying.len() {
            0 => return Ok(()),
            1 => {
                for o in 0..d {
                    out[o * m + varying[0]] = total[o];
                }
                return Ok(());
            }
            _ => {}
        }
        let p = varying.len();
        let row_seed =
            SplitMix64::new(self.config.seed.wrapping_add((index as u64).wrapping_mul(ROW_STREAM))).next_u64();
        let coalitions = plan(p, sample_budget(p, self.config.num_samples), row_seed);
        let ey = self.coalition_values(row, &varying, &coalitions, index)?;
        let phi = solve(&coalitions, &ey, &total, d).ok_or(ShapError::Singular { row: index })?;
        for o in 0..d {
            for (k, &j) in varying.iter().enumerate() {
                let v = phi[o * p + k];
                // shap rounds |φ| < 1e-10 to 0.
                out[o * m + j] = if v.abs() < 1e-10 { 0.0 } else { v };
            }
        }
        Ok(())
    }

    /// Whether feature `j` at `value` differs from some baseline row
    /// (NumPy's `allclose`: |a − b| > 1e-8 + 1e-5·|b|, NaN equal to NaN).
    fn varies(&self, j: usize, value: f64) -> bool {
        let b = &self.baseline.rows;
        (0..b.n_rows).any(|r| {
            let v = b.row(r)[j];
            if value.is_nan() || v.is_nan() {
                return value.is_nan() != v.is_nan();
            }
            (value - v).abs() > 1e-8 + 1e-5 * v.abs()
        })
    }

    /// g(E_b f(hybrid)) − g(E_b f(b)) per coalition and output (`len × d`).
    fn coalition_values(
        &self,
        row: &[f64],
        varying: &[usize],
        coalitions: &Coalitions,
        index: usize,
    ) -> Result<Vec<f64>, ShapError> {
        let d = self.model.n_outputs();
        // The features each coalition takes from the row, flat with offsets.
        let mut present = Vec::new();
        let mut starts = Vec::with_capacity(coalitions.len() + 1);
        starts.push(0);
        for s in 0..coalitions.len() {
            present.extend(varying.iter().zip(coalitions.mask(s)).filter(|(_, on)| **on).map(|(j, _)| *j));
            starts.push(present.len());
        }
        let mut ey = vec![0.0; coalitions.len() * d];
        let mut pred = vec![0.0; d];
        // Baseline rows outside, so each hybrid only changes (and restores)
        // the features present; each coalition still sums rows in order.
        for (b, w) in self.baseline.weights.iter().enumerate() {
            let base = self.baseline.rows.row(b);
            let mut hybrid = base.to_vec();
            for (s, acc) in ey.chunks_exact_mut(d).enumerate() {
                let on = &present[starts[s]..starts[s + 1]];
                on.iter().for_each(|&j| hybrid[j] = row[j]);
                predict(self.model, &hybrid, &mut pred);
                on.iter().for_each(|&j| hybrid[j] = base[j]);
                acc.iter_mut().zip(&pred).for_each(|(a, p)| *a += w * p);
            }
        }
        for acc in ey.chunks_exact_mut(d) {
            link(self.config.use_logit, acc, index)?;
            acc.iter_mut().zip(&self.expected).for_each(|(a, e)| *a -= e);
        }
        Ok(ey)
    }

    /// E_b[f(b)] per output, before the logit.
    #[must_use]
    pub fn mean_prediction(&self) -> &[f64] {
        &self.fnull
    }
}

fn predict(model: &dyn Model, row: &[f64], out: &mut [f64]) {
    model.margin_into(row, out);
    model.link().apply(out);
}

/// The logit in place when asked; `row` (or `usize::MAX` for the baseline) names the error.
fn link(use_logit: bool, values: &mut [f64], row: usize) -> Result<(), ShapError> {
    if !use_logit {
        return Ok(());
    }
    for (output, v) in values.iter_mut().enumerate() {
        if !(*v > 0.0 && *v < 1.0) {
            return Err(ShapError::NotProbability { row, output, value: v.to_string() });
        }
        *v = (*v / (1.0 - *v)).ln();
    }
    Ok(())
}

/// The constrained weighted least squares for every output: the last player
/// is eliminated by the efficiency constraint, the normal equations of the
/// other p − 1 solved by Gaussian elimination with partial pivoting.
/// Returns `d × p` values, or `None` when singular.
fn solve(c: &Coalitions, ey: &[f64], total: &[f64], d: usize) -> Option<Vec<f64>> {
    let p = c.m;
    let q = p - 1;
    // [XᵀWX | XᵀWy_0 … XᵀWy_{d−1}], q × (q + d).
    let width = q + d;
    let mut a = vec![0.0; q * width];
    let mut x = vec![0.0; q];
    for s in 0..c.len() {
        let mask = c.mask(s);
        let last = f64::from(u8::from(mask[q]));
        for (k, xk) in x.iter_mut().enumerate() {
            *xk = f64::from(u8::from(mask[k])) - last;
        }
        let w = c.weights[s];
        for i in 0..q {
            let wxi = w * x[i];
            if wxi == 0.0 {
                continue;
            }
            let row = &mut a[i * width..(i + 1) * width];
            for j in 0..q {
                row[j] += wxi * x[j];
            }
            for o in 0..d {
                row[q + o] += wxi * (ey[s * d + o] - last * total[o]);
            }
        }
    }
    let scale = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for col in 0..q {
        let pivot = (col..q).max_by(|&i, &j| a[i * width + col].abs().total_cmp(&a[j * width + col].abs()))?;
        if a[pivot * width + col].abs() <= f64::EPSILON * scale {
            return None;
        }
        if pivot != col {
            for k in 0..width {
                a.swap(pivot * width + k, col * width + k);
            }
        }
        for i in col + 1..q {
            let f = a[i * width + col] / a[col * width + col];
            if f != 0.0 {
                for k in col..width {
                    a[i * width + k] -= f * a[col * width + k];
                }
            }
        }
    }
    let mut phi = vec![0.0; d * p];
    for o in 0..d {
        for i in (0..q).rev() {
            let mut v = a[i * width + q + o];
            for k in i + 1..q {
                v -= a[i * width + k] * phi[o * p + k];
            }
            phi[o * p + i] = v / a[i * width + i];
        }
        phi[o * p + q] = total[o] - phi[o * p..o * p + q].iter().sum::<f64>();
    }
    Some(phi)
}
