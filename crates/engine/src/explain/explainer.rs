//! One explainer for any loaded model and method: it prepares the right
//! algorithm once (TreeSHAP plan, interventional background, Kernel SHAP
//! baseline, linear means) and explains any range of rows.
//!
//! Everything is fixed by the model, the settings and the background: the
//! background sample and k-means centres are drawn from `seed`, and Kernel
//! SHAP draws each row's coalitions from a stream fixed by the seed and the
//! row's index in the whole matrix. So several workers that each build an
//! `Explainer` from the same inputs and explain disjoint ranges produce
//! exactly the rows one explainer would; [`concat_attributions`] joins
//! their results.

use std::ops::Range;

use super::attributions::Attributions;
use super::explain_config::{ExplainConfig, ExplainMethod, DEFAULT_NUM_CLUSTERS};
use super::explain_config_error::ExplainConfigError;
use super::explain_error::ExplainError;
use super::kernel_baseline::Baseline;
use super::kernel_shap::{KernelShap, KernelShapConfig};
use super::kmeans::kmeans_baseline;
use super::linear::LinearModel;
use super::linear_shap::linear_shap;
use super::loaded_model::LoadedModel;
use super::matrix::FeatureMatrix;
use super::model::Model;
use super::shap_error::check_features;
use super::tree_shap::{InterventionalShap, PathDependentShap};
use crate::math::splitmix64::SplitMix64;
use crate::progress::{Flow, Progress, ProgressUpdate};

/// Rows between progress reports of Kernel SHAP.
const KERNEL_PROGRESS_ROWS: usize = 8;

/// Mixes the seed for the background sample, so it differs from the
/// coalition streams drawn from the same seed.
const SAMPLE_STREAM: u64 = 0x5851_F42D_4C95_7F2D;

/// An algorithm ready to explain rows of one model.
pub struct Explainer<'a> {
    method: ExplainMethod,
    algorithm: Algorithm<'a>,
    expected_value: Vec<f64>,
}

enum Algorithm<'a> {
    PathDependent(PathDependentShap<'a>),
    Interventional(InterventionalShap<'a>),
    Kernel { model: &'a dyn Model, baseline: Baseline, config: KernelShapConfig },
    Linear { model: &'a LinearModel, background: FeatureMatrix },
}

impl<'a> Explainer<'a> {
    /// Prepares `config`'s method for `model` against `background` (rows
    /// with the model's features, in its order). Path-dependent TreeSHAP
    /// needs no background; the other methods do. A background larger than
    /// `max_background` is reduced to a seeded sample; for Kernel SHAP with
    /// `num_clusters` it is summarised by k-means instead.
    ///
    /// # Errors
    /// Settings that do not fit the model ([`ExplainConfig::validate`]), a
    /// missing or empty background, background features that are not the
    /// model's, or the algorithm's own refusal (a tree it cannot walk, a
    /// prediction `use_logit` cannot take).
    pub fn new(
        model: &'a LoadedModel,
        config: &ExplainConfig,
        background: Option<&FeatureMatrix>,
    ) -> Result<Self, ExplainError> {
        let method = config.validate(model)?;
        let needs = || {
            background.ok_or_else(|| ExplainError::from(ExplainConfigError::NeedsBackground { method: method.name() }))
        };
        let checked = |bg: &FeatureMatrix| -> Result<FeatureMatrix, ExplainError> {
            check_features("the baseline", &bg.features, model.feature_names())?;
            Ok(sample_rows(bg, config.max_background, config.seed))
        };
        match (method, model) {
            (ExplainMethod::Tree, LoadedModel::Trees { ensemble, .. }) => {
                let plan = PathDependentShap::new(ensemble)?;
                let expected_value = plan.expected_value().to_vec();
                Ok(Self { method, algorithm: Algorithm::PathDependent(plan), expected_value })
            }
            (ExplainMethod::TreeInterventional, LoadedModel::Trees { ensemble, .. }) => {
                let plan = InterventionalShap::new(ensemble, &checked(needs()?)?)?;
                let expected_value = plan.expected_value().to_vec();
                Ok(Self { method, algorithm: Algorithm::Interventional(plan), expected_value })
            }
            (ExplainMethod::Linear, LoadedModel::Linear(linear)) => {
                let background = checked(needs()?)?;
                let empty = FeatureMatrix { features: background.features.clone(), n_rows: 0, values: Vec::new() };
                let expected_value = linear_shap(linear, &empty, &background)?.expected_value;
                Ok(Self { method, algorithm: Algorithm::Linear { model: linear, background }, expected_value })
            }
            (ExplainMethod::Kernel, _) => {
                let bg = needs()?;
                check_features("the baseline", &bg.features, model.feature_names())?;
                let baseline = match config.num_clusters {
                    Some(k) => kmeans_baseline(bg, k, config.seed)?,
                    None => Baseline::uniform(sample_rows(bg, config.max_background, config.seed))?,
                };
                Self::with_kernel_baseline(model, config, baseline)
            }
            // validate() refuses the other pairs; say so rather than panic.
            (method, _) => Err(ExplainConfigError::DoesNotFit { method: method.name() }.into()),
        }
    }

    /// As [`Self::new`], Clarify's way when no baseline may be given: the
    /// data itself is the background, and Kernel SHAP summarises it into
    /// `num_clusters` k-means centres ([`DEFAULT_NUM_CLUSTERS`] when unset,
    /// at most the data's rows).
    ///
    /// # Errors
    /// As [`Self::new`].
    pub fn for_data(
        model: &'a LoadedModel,
        config: &ExplainConfig,
        baseline: Option<&FeatureMatrix>,
        data: &FeatureMatrix,
    ) -> Result<Self, ExplainError> {
        if baseline.is_some() {
            return Self::new(model, config, baseline);
        }
        let mut config = config.clone();
        if config.method_for(model) == ExplainMethod::Kernel && config.num_clusters.is_none() {
            config.num_clusters = Some(DEFAULT_NUM_CLUSTERS.min(data.n_rows).max(1));
        }
        Self::new(model, &config, Some(data))
    }

    /// Kernel SHAP against a ready baseline (given weights, or centres a
    /// page computed once and sent to its workers).
    ///
    /// # Errors
    /// Settings that do not fit, baseline features that are not the
    /// model's, or a baseline prediction `use_logit` cannot take.
    pub fn with_kernel_baseline(
        model: &'a LoadedModel,
        config: &ExplainConfig,
        baseline: Baseline,
    ) -> Result<Self, ExplainError> {
        let kernel = ExplainConfig { method: Some(ExplainMethod::Kernel), ..config.clone() };
        kernel.validate(model)?;
        let config =
            KernelShapConfig { num_samples: config.num_samples, seed: config.seed, use_logit: config.use_logit };
        let model = model.as_model();
        let expected_value = KernelShap::new(model, &baseline, config)?.expected_value().to_vec();
        Ok(Self {
            method: ExplainMethod::Kernel,
            algorithm: Algorithm::Kernel { model, baseline, config },
            expected_value,
        })
    }

    /// The method used.
    #[must_use]
    pub fn method(&self) -> ExplainMethod {
        self.method
    }

    /// The key under `explanations` in `analysis.json` (`tree_shap`,
    /// `kernel_shap`, `linear_shap`).
    #[must_use]
    pub fn method_key(&self) -> &'static str {
        self.method.analysis_key()
    }

    /// The expected value per output (shap's `expected_value`): in margin
    /// space for tree and linear SHAP, in prediction space (or log-odds with
    /// `use_logit`) for Kernel SHAP.
    #[must_use]
    pub fn expected_value(&self) -> &[f64] {
        &self.expected_value
    }

    /// Kernel SHAP's baseline (weighted rows or centres), to reuse.
    #[must_use]
    pub fn kernel_baseline(&self) -> Option<&Baseline> {
        match &self.algorithm {
            Algorithm::Kernel { baseline, .. } => Some(baseline),
            _ => None,
        }
    }

    /// Explains rows `rows` of `x` (the result's row 0 is `rows.start`).
    /// `progress` hears the rows done within the range and may cancel.
    ///
    /// # Errors
    /// Features of `x` that are not the model's, a range beyond `x`, a row
    /// the method refuses (NaN for linear SHAP, a singular Kernel SHAP
    /// regression), or [`ExplainError::Cancelled`].
    pub fn explain_rows(
        &self,
        x: &FeatureMatrix,
        rows: Range<usize>,
        progress: &mut dyn Progress,
    ) -> Result<Attributions, ExplainError> {
        match &self.algorithm {
            Algorithm::PathDependent(plan) => Ok(plan.explain_rows(x, rows, progress)?),
            Algorithm::Interventional(plan) => Ok(plan.explain_rows(x, rows, progress)?),
            Algorithm::Linear { model, background } => {
                check_rows(model.features(), x, &rows)?;
                let picked: Vec<usize> = rows.clone().collect();
                let out = linear_shap(model, &x.take(&picked), background)?;
                report(progress, rows.len())?;
                Ok(out)
            }
            Algorithm::Kernel { model, baseline, config } => {
                check_rows(model.features(), x, &rows)?;
                let kernel = KernelShap::new(*model, baseline, *config)?;
                let (d, m) = (model.n_outputs(), x.n_features());
                let mut out = Attributions::zeros(x.features.clone(), d, rows.len());
                out.expected_value.clone_from(&self.expected_value);
                if d * m == 0 {
                    return Ok(out);
                }
                for (r, chunk) in out.values.chunks_exact_mut(d * m).enumerate() {
                    let index = rows.start + r;
                    kernel.explain_row(index, x.row(index), chunk)?;
                    if (r + 1) % KERNEL_PROGRESS_ROWS == 0 || r + 1 == rows.len() {
                        report(progress, r + 1)?;
                    }
                }
                Ok(out)
            }
        }
    }
}

/// The attributions of consecutive row ranges as one, in the order given.
///
/// # Errors
/// No parts, or parts with other features, outputs or expected values (not
/// from the same explainer inputs).
pub fn concat_attributions(parts: Vec<Attributions>) -> Result<Attributions, ExplainError> {
    let mut parts = parts.into_iter();
    let mut out = parts.next().ok_or_else(|| ExplainError::Join("no parts".into()))?;
    for (i, part) in parts.enumerate() {
        if part.features != out.features || part.n_outputs != out.n_outputs {
            return Err(ExplainError::Join(format!("part {} has other features or outputs than part 0", i + 1)));
        }
        if part.expected_value != out.expected_value {
            return Err(ExplainError::Join(format!(
                "part {} has expected value {:?}, part 0 {:?} (explainers built from other inputs?)",
                i + 1,
                part.expected_value,
                out.expected_value
            )));
        }
        out.n_rows += part.n_rows;
        out.values.extend_from_slice(&part.values);
    }
    Ok(out)
}

/// Checks `x`'s features and that `rows` lies within it.
fn check_rows(features: &[String], x: &FeatureMatrix, rows: &Range<usize>) -> Result<(), ExplainError> {
    check_features("the data", &x.features, features)?;
    if rows.start > rows.end || rows.end > x.n_rows {
        return Err(ExplainError::Rows { start: rows.start, end: rows.end, n_rows: x.n_rows });
    }
    Ok(())
}

/// Tells `progress` that `rows_done` rows are finished.
fn report(progress: &mut dyn Progress, rows_done: usize) -> Result<(), ExplainError> {
    let update = ProgressUpdate { bytes_done: 0, bytes_total: None, rows_done: rows_done as u64 };
    match progress.update(update) {
        Flow::Continue => Ok(()),
        Flow::Stop => Err(ExplainError::Cancelled { rows_done }),
    }
}

/// All rows of `x` when there are at most `max` of them, else a seeded
/// sample of `max` rows without replacement, in their original order.
fn sample_rows(x: &FeatureMatrix, max: usize, seed: u64) -> FeatureMatrix {
    if x.n_rows <= max {
        return x.clone();
    }
    let mut picked: Vec<usize> = (0..x.n_rows).collect();
    SplitMix64::new(seed ^ SAMPLE_STREAM).shuffle(&mut picked);
    picked.truncate(max);
    picked.sort_unstable();
    x.take(&picked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;

    fn linear() -> LoadedModel {
        super::super::loaded_model::load_model(
            "m.json",
            br#"{"type":"linear","link":"identity","intercept":1,"coefficients":{"a":2,"b":-1}}"#,
        )
        .unwrap()
    }

    fn matrix(values: Vec<f64>) -> FeatureMatrix {
        FeatureMatrix { features: vec!["a".into(), "b".into()], n_rows: values.len() / 2, values }
    }

    #[test]
    fn large_backgrounds_are_sampled_reproducibly() {
        let x = matrix((0..400).map(f64::from).collect());
        let a = sample_rows(&x, 50, 3);
        assert_eq!((a.n_rows, a.values.len()), (50, 100));
        assert_eq!(a, sample_rows(&x, 50, 3));
        assert_ne!(a, sample_rows(&x, 50, 4));
        assert!(a.values.chunks(2).all(|r| r[1] == r[0] + 1.0), "rows stay whole");
        assert_eq!(sample_rows(&x, 500, 3), x);
    }

    #[test]
    fn linear_ranges_join_into_the_whole_and_cancel_stops() {
        let model = linear();
        let bg = matrix(vec![0.0, 0.0, 2.0, 4.0]);
        let e = Explainer::new(&model, &ExplainConfig::default(), Some(&bg)).unwrap();
        assert_eq!((e.method_key(), e.expected_value()), ("linear_shap", &[1.0 + 2.0 - 2.0][..]));
        let x = matrix(vec![1.0, 1.0, 3.0, 0.0, -1.0, 5.0]);
        let whole = e.explain_rows(&x, 0..3, &mut NoProgress).unwrap();
        let parts = vec![
            e.explain_rows(&x, 0..1, &mut NoProgress).unwrap(),
            e.explain_rows(&x, 1..3, &mut NoProgress).unwrap(),
        ];
        assert_eq!(concat_attributions(parts).unwrap(), whole);
        assert_eq!(whole.of(1, 0), [4.0, 2.0]);
        let mut stop = |_: ProgressUpdate| Flow::Stop;
        assert_eq!(e.explain_rows(&x, 0..3, &mut stop), Err(ExplainError::Cancelled { rows_done: 3 }));
        assert!(matches!(e.explain_rows(&x, 2..4, &mut NoProgress), Err(ExplainError::Rows { .. })));
        let none = Explainer::new(&model, &ExplainConfig::default(), None).err().unwrap();
        assert_eq!(none.to_string(), "method linear needs background (baseline) rows");
    }
}
