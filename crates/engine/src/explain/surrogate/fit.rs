//! Fitting a surrogate: pick the rows with a target, hold some back by a
//! seeded draw, bin the rest, boost, and measure fidelity on the held-back
//! rows.

use super::super::link::Link;
use super::super::matrix::FeatureMatrix;
use super::super::tree::Ensemble;
use super::binning::{Binned, MAX_PRESENT_BINS};
use super::boosting::{boost, BoostData, BoostParams, Loss};
use super::error::SurrogateError;
use super::fidelity::{agreement, r_squared, Fidelity, FidelityMetric};
use super::grow::TreeParams;
use super::histogram::SplitRules;
use super::options::{SurrogateOptions, SurrogateTarget};
use crate::math::splitmix64::SplitMix64;
use crate::progress::Flow;

/// Fewest rows with a target a surrogate is fitted on.
const MIN_ROWS: usize = 20;

/// Fewest rows held back.
const MIN_HOLDOUT_ROWS: usize = 5;

/// Where a fit stands, for the progress hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurrogateProgress {
    /// Trees fitted so far.
    pub trees_done: usize,
    /// Most trees (early stopping may end sooner).
    pub trees_max: usize,
}

/// A fitted surrogate.
#[derive(Debug, Clone, PartialEq)]
pub struct Surrogate {
    /// The tree ensemble (objective `surrogate:squarederror` or `surrogate:logistic`).
    pub model: Ensemble,
    /// How faithfully it reproduces the target.
    pub fidelity: Fidelity,
    /// Rows skipped because their target is missing (NaN).
    pub skipped_rows: usize,
    /// Rows fitted on (indices into the matrix, ascending).
    pub train_rows: Vec<usize>,
    /// Rows held back (indices into the matrix, ascending).
    pub holdout_rows: Vec<usize>,
    /// The booster's own margin for each training row, as it stood when the
    /// kept trees were added (the model gives the same).
    pub train_margins: Vec<f64>,
}

/// Fits a gradient-boosted tree surrogate of `target` (one value per row of
/// `x`, NaN where none was captured) from the features of `x`. Categorical
/// features must already be numbers; they are split as ordered values.
///
/// # Errors
/// A target of the wrong length or with values the kind cannot take, too few
/// rows with a target, a constant target, options out of range, or
/// cancellation by `progress`.
pub fn fit_surrogate(
    x: &FeatureMatrix,
    target: &[f64],
    kind: SurrogateTarget,
    options: &SurrogateOptions,
    progress: &mut dyn FnMut(SurrogateProgress) -> Flow,
) -> Result<Surrogate, SurrogateError> {
    check_options(options)?;
    if target.len() != x.n_rows {
        return Err(SurrogateError::Length { target: target.len(), rows: x.n_rows });
    }
    if x.n_features() == 0 {
        return Err(SurrogateError::NoFeatures);
    }
    let rows = rows_with_target(target, kind)?;
    let skipped = target.len() - rows.len();
    if rows.len() < MIN_ROWS {
        return Err(SurrogateError::TooFewRows { rows: rows.len(), skipped, needed: MIN_ROWS });
    }
    check_varies(&rows, target, "rows with a target")?;
    let (train_rows, holdout_rows) = hold_back(rows, options);
    check_varies(&train_rows, target, "training rows")?;
    let y_train: Vec<f64> = train_rows.iter().map(|&r| target[r]).collect();
    let y_holdout: Vec<f64> = holdout_rows.iter().map(|&r| target[r]).collect();
    let binned = Binned::new(x, &train_rows, options.max_bins);
    let loss = match kind {
        SurrogateTarget::Score => Loss::Squared,
        SurrogateTarget::Label => Loss::Logistic,
    };
    let rules = SplitRules {
        lambda: options.lambda,
        min_child_weight: options.min_child_weight,
        min_split_gain: options.min_split_gain,
    };
    let params = BoostParams {
        n_trees: options.n_trees,
        early_stopping_rounds: options.early_stopping_rounds,
        tree: TreeParams { max_depth: options.max_depth, learning_rate: options.learning_rate, rules },
    };
    let data = BoostData { binned: &binned, y_train: &y_train, x, holdout: &holdout_rows, y_holdout: &y_holdout };
    let mut hook = |trees_done, trees_max| progress(SurrogateProgress { trees_done, trees_max });
    let boosted = boost(&data, loss, &params, &mut hook)?;
    let (metric, link, objective) = match kind {
        SurrogateTarget::Score => (FidelityMetric::RSquared, Link::Identity, "surrogate:squarederror"),
        SurrogateTarget::Label => (FidelityMetric::Agreement, Link::Logistic, "surrogate:logistic"),
    };
    let measure = |y: &[f64], margins: &[f64]| match metric {
        FidelityMetric::RSquared => r_squared(y, margins),
        FidelityMetric::Agreement => agreement(y, margins),
    };
    let fidelity = Fidelity {
        metric,
        holdout: measure(&y_holdout, &boosted.holdout_margins),
        train: measure(&y_train, &boosted.train_margins),
        holdout_rows: holdout_rows.len(),
        train_rows: train_rows.len(),
    };
    let n_trees = boosted.trees.len();
    let model = Ensemble {
        features: x.features.clone(),
        trees: boosted.trees,
        tree_output: vec![0; n_trees],
        base_margin: vec![boosted.base_margin],
        link,
        objective: objective.into(),
    };
    Ok(Surrogate {
        model,
        fidelity,
        skipped_rows: skipped,
        train_rows,
        holdout_rows,
        train_margins: boosted.train_margins,
    })
}

fn check_options(o: &SurrogateOptions) -> Result<(), SurrogateError> {
    let bad = |name, value: String, rule| Err(SurrogateError::Option { name, value, rule });
    if o.n_trees == 0 {
        return bad("n_trees", o.n_trees.to_string(), "must be at least 1");
    }
    if !(o.learning_rate > 0.0 && o.learning_rate.is_finite()) {
        return bad("learning_rate", o.learning_rate.to_string(), "must be a positive number");
    }
    if !(o.lambda >= 0.0 && o.lambda.is_finite()) {
        return bad("lambda", o.lambda.to_string(), "must be zero or more");
    }
    if !(o.min_child_weight >= 0.0 && o.min_child_weight.is_finite()) {
        return bad("min_child_weight", o.min_child_weight.to_string(), "must be zero or more");
    }
    if !(o.min_split_gain >= 0.0 && o.min_split_gain.is_finite()) {
        return bad("min_split_gain", o.min_split_gain.to_string(), "must be zero or more");
    }
    if !(2..=MAX_PRESENT_BINS).contains(&o.max_bins) {
        return bad("max_bins", o.max_bins.to_string(), "must be between 2 and 255");
    }
    if !(o.holdout_share > 0.0 && o.holdout_share < 1.0) {
        return bad("holdout_share", o.holdout_share.to_string(), "must be between 0 and 1 (exclusive)");
    }
    if o.early_stopping_rounds == Some(0) {
        return bad("early_stopping_rounds", "0".into(), "must be at least 1 (or unset)");
    }
    Ok(())
}

/// Rows whose target is present, checking each against `kind`.
fn rows_with_target(target: &[f64], kind: SurrogateTarget) -> Result<Vec<usize>, SurrogateError> {
    let mut rows = Vec::with_capacity(target.len());
    for (row, &y) in target.iter().enumerate() {
        if y.is_nan() {
            continue;
        }
        let expected = match kind {
            SurrogateTarget::Score if !y.is_finite() => "a finite number",
            SurrogateTarget::Label if y != 0.0 && y != 1.0 => "a 0/1 label",
            _ => {
                rows.push(row);
                continue;
            }
        };
        return Err(SurrogateError::BadTarget { row, value: y.to_string(), expected });
    }
    Ok(rows)
}

fn check_varies(rows: &[usize], target: &[f64], which: &'static str) -> Result<(), SurrogateError> {
    let first = target[rows[0]];
    if rows.iter().all(|&r| target[r] == first) {
        return Err(SurrogateError::ConstantTarget { rows: rows.len(), which, value: first.to_string() });
    }
    Ok(())
}

/// Splits `rows` into training and held-back rows by a seeded shuffle; both ascending.
fn hold_back(mut rows: Vec<usize>, options: &SurrogateOptions) -> (Vec<usize>, Vec<usize>) {
    SplitMix64::new(options.seed).shuffle(&mut rows);
    // share in (0, 1)
    let wanted = (rows.len() as f64 * options.holdout_share).round() as usize;
    let n_holdout = wanted.clamp(MIN_HOLDOUT_ROWS, rows.len() - MIN_ROWS + MIN_HOLDOUT_ROWS);
    let mut train = rows.split_off(n_holdout);
    rows.sort_unstable();
    train.sort_unstable();
    (train, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize) -> FeatureMatrix {
        let values = (0..n).map(|i| i as f64).collect();
        FeatureMatrix { features: vec!["x".into()], n_rows: n, values }
    }

    fn fit(x: &FeatureMatrix, y: &[f64], kind: SurrogateTarget) -> Result<Surrogate, SurrogateError> {
        fit_surrogate(x, y, kind, &SurrogateOptions::default(), &mut |_| Flow::Continue)
    }

    #[test]
    fn refuses_what_it_cannot_fit() {
        let x = matrix(30);
        assert!(matches!(fit(&x, &[1.0; 29], SurrogateTarget::Score), Err(SurrogateError::Length { .. })));
        let mut y = vec![f64::NAN; 30];
        y[..19].iter_mut().enumerate().for_each(|(i, v)| *v = f64::from(u8::try_from(i).unwrap()));
        let err = fit(&x, &y, SurrogateTarget::Score).unwrap_err();
        assert_eq!(err, SurrogateError::TooFewRows { rows: 19, skipped: 11, needed: 20 });
        let err = fit(&x, &[0.5; 30], SurrogateTarget::Score).unwrap_err();
        assert!(err.to_string().contains("every one of the 30 rows with a target has the target 0.5"), "{err}");
        let mut labels = vec![0.0; 30];
        labels[3] = 2.0;
        let err = fit(&x, &labels, SurrogateTarget::Label).unwrap_err();
        assert_eq!(err.to_string(), "target row 3: 2 is not a 0/1 label");
        let bad = SurrogateOptions { holdout_share: 1.0, ..SurrogateOptions::default() };
        let err = fit_surrogate(&x, &labels, SurrogateTarget::Score, &bad, &mut |_| Flow::Continue).unwrap_err();
        assert!(matches!(err, SurrogateError::Option { name: "holdout_share", .. }));
    }

    #[test]
    fn holds_back_a_seeded_share() {
        let opts = SurrogateOptions { seed: 3, ..SurrogateOptions::default() };
        let (train, hold) = hold_back((0..100).collect(), &opts);
        assert_eq!((train.len(), hold.len()), (80, 20));
        assert_eq!(hold_back((0..100).collect(), &opts), (train.clone(), hold.clone()));
        let mut all: Vec<usize> = train.into_iter().chain(hold).collect();
        all.sort_unstable();
        assert_eq!(all, (0..100).collect::<Vec<_>>());
        let (train, hold) = hold_back((0..20).collect(), &opts);
        assert_eq!((train.len(), hold.len()), (15, 5));
    }

    #[test]
    fn can_be_cancelled() {
        let x = matrix(100);
        let y: Vec<f64> = x.values.iter().map(|v| v * v).collect();
        let err = fit_surrogate(&x, &y, SurrogateTarget::Score, &SurrogateOptions::default(), &mut |p| {
            if p.trees_done == 3 {
                Flow::Stop
            } else {
                Flow::Continue
            }
        })
        .unwrap_err();
        assert_eq!(err, SurrogateError::Cancelled { trees: 3 });
    }
}
