//! The boosting loop: start from the best constant margin, add one tree per
//! round fitted to the loss's gradients and hessians, track the held-back
//! loss, and keep the trees up to the round where it was lowest (early
//! stopping).

use super::super::link::logistic;
use super::super::matrix::FeatureMatrix;
use super::super::tree::Tree;
use super::binning::Binned;
use super::error::SurrogateError;
use super::grow::{grow, TreeParams};
use super::histogram::GradPair;
use crate::progress::Flow;

/// The loss the trees descend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Loss {
    /// ½(margin − y)²: scores and regression.
    Squared,
    /// Log loss of logistic(margin) against a 0/1 label.
    Logistic,
}

impl Loss {
    /// The best constant margin: the mean, or the log-odds of the mean.
    pub(super) fn base_margin(self, y: &[f64]) -> f64 {
        // row counts are far below 2^52
        let mean = y.iter().sum::<f64>() / y.len() as f64;
        match self {
            Self::Squared => mean,
            Self::Logistic => (mean / (1.0 - mean)).ln(),
        }
    }

    fn grad(self, margin: f64, y: f64) -> GradPair {
        match self {
            Self::Squared => GradPair { g: margin - y, h: 1.0 },
            Self::Logistic => {
                let p = logistic(margin);
                GradPair { g: p - y, h: (p * (1.0 - p)).max(1e-16) }
            }
        }
    }

    fn loss(self, margin: f64, y: f64) -> f64 {
        match self {
            Self::Squared => 0.5 * (margin - y) * (margin - y),
            // log(1 + e^m) − y·m, written to stay finite for large |m|.
            Self::Logistic => margin.max(0.0) + (-margin.abs()).exp().ln_1p() - y * margin,
        }
    }
}

/// How the loop runs.
#[derive(Debug, Clone, Copy)]
pub(super) struct BoostParams {
    pub n_trees: usize,
    pub early_stopping_rounds: Option<usize>,
    pub tree: TreeParams,
}

/// Rows of the fit: the binned training rows with their targets, and the
/// held-back rows of the raw matrix with theirs.
pub(super) struct BoostData<'a> {
    pub binned: &'a Binned,
    pub y_train: &'a [f64],
    pub x: &'a FeatureMatrix,
    pub holdout: &'a [usize],
    pub y_holdout: &'a [f64],
}

/// The kept trees and the margins they give.
#[derive(Debug, Clone)]
pub(super) struct Boosted {
    pub base_margin: f64,
    pub trees: Vec<Tree>,
    /// Margins of the training rows, in their order, after the kept trees.
    pub train_margins: Vec<f64>,
    /// Margins of the held-back rows, in their order, after the kept trees.
    pub holdout_margins: Vec<f64>,
}

/// Boosts; `progress` hears `(trees fitted, most trees)` after each round.
pub(super) fn boost(
    data: &BoostData<'_>,
    loss: Loss,
    params: &BoostParams,
    progress: &mut dyn FnMut(usize, usize) -> Flow,
) -> Result<Boosted, SurrogateError> {
    let base_margin = loss.base_margin(data.y_train);
    let n = data.y_train.len();
    let mut train = vec![base_margin; n];
    let mut holdout = vec![base_margin; data.holdout.len()];
    let mut best =
        Boosted { base_margin, trees: Vec::new(), train_margins: train.clone(), holdout_margins: holdout.clone() };
    let mut best_count = 0;
    let mut best_loss = holdout_loss(loss, &holdout, data.y_holdout);
    let mut trees = Vec::with_capacity(params.n_trees);
    // training rows are counted in u32
    let mut rows: Vec<u32> = (0..n as u32).collect();
    let mut grads = vec![GradPair::default(); n];
    for round in 0..params.n_trees {
        for ((g, &m), &y) in grads.iter_mut().zip(&train).zip(data.y_train) {
            *g = loss.grad(m, y);
        }
        let grown = grow(data.binned, &grads, &mut rows, &params.tree);
        for (value, range) in &grown.leaves {
            for &r in &rows[range.clone()] {
                train[r as usize] += value;
            }
        }
        for (m, &r) in holdout.iter_mut().zip(data.holdout) {
            *m += grown.tree.value_of(data.x.row(r));
        }
        let single_leaf = grown.tree.nodes.len() == 1;
        trees.push(grown.tree);
        let current = holdout_loss(loss, &holdout, data.y_holdout);
        if current < best_loss {
            best_loss = current;
            best_count = trees.len();
            best.train_margins.clone_from(&train);
            best.holdout_margins.clone_from(&holdout);
        }
        if progress(round + 1, params.n_trees) == Flow::Stop {
            return Err(SurrogateError::Cancelled { trees: round + 1 });
        }
        let stalled = params.early_stopping_rounds.is_some_and(|k| trees.len() - best_count >= k);
        // A lone leaf means no split gains any more: later trees would be alike.
        if stalled || single_leaf {
            break;
        }
    }
    trees.truncate(best_count);
    best.trees = trees;
    Ok(best)
}

fn holdout_loss(loss: Loss, margins: &[f64], y: &[f64]) -> f64 {
    margins.iter().zip(y).map(|(&m, &y)| loss.loss(m, y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn losses_have_the_textbook_gradients() {
        let g = Loss::Squared.grad(3.0, 1.0);
        assert_eq!((g.g, g.h), (2.0, 1.0));
        let g = Loss::Logistic.grad(0.0, 1.0);
        assert_eq!((g.g, g.h), (-0.5, 0.25));
        assert!((Loss::Logistic.loss(0.0, 1.0) - std::f64::consts::LN_2).abs() < 1e-15);
        assert!(Loss::Logistic.loss(800.0, 1.0).abs() < 1e-300);
        assert!((Loss::Logistic.base_margin(&[1.0, 0.0, 0.0, 0.0]) - (1.0f64 / 3.0).ln()).abs() < 1e-15);
        assert_eq!(Loss::Squared.base_margin(&[1.0, 2.0, 6.0]), 3.0);
    }
}
