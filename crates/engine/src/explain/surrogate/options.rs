//! What the surrogate learns and how hard it tries. Options travel as JSON
//! between the page and its worker; unset fields take the defaults.

use serde::{Deserialize, Serialize};

/// What the captured target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurrogateTarget {
    /// A score, probability or regression output: squared error, identity
    /// link, fidelity as R².
    Score,
    /// A 0/1 label: logistic loss, logistic link, fidelity as agreement.
    Label,
}

/// Boosting settings; the defaults suit a few thousand to a few hundred
/// thousand rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SurrogateOptions {
    /// Most trees (fewer when early stopping ends the fit).
    pub n_trees: usize,
    /// Most split levels per tree.
    pub max_depth: usize,
    /// Shrinkage of every leaf value.
    pub learning_rate: f64,
    /// L2 regularisation of leaf values (XGBoost's `lambda`).
    pub lambda: f64,
    /// Least hessian sum in a child (XGBoost's `min_child_weight`; rows for squared error).
    pub min_child_weight: f64,
    /// Least loss reduction for a split (XGBoost's `gamma`, without its factor ½).
    pub min_split_gain: f64,
    /// Most bins per feature for present values (2..=255); missing values have their own.
    pub max_bins: usize,
    /// Share of the rows held back to measure fidelity and stop early, in (0, 1).
    pub holdout_share: f64,
    /// Stop when the held-back loss has not improved for this many trees (`None`: never).
    pub early_stopping_rounds: Option<usize>,
    /// Seed of the held-back draw.
    pub seed: u64,
}

impl Default for SurrogateOptions {
    fn default() -> Self {
        Self {
            n_trees: 100,
            max_depth: 6,
            learning_rate: 0.1,
            lambda: 1.0,
            min_child_weight: 1.0,
            min_split_gain: 0.0,
            max_bins: 255,
            holdout_share: 0.2,
            early_stopping_rounds: Some(10),
            seed: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_read_from_json_fill_in_defaults() {
        let o: SurrogateOptions = serde_json::from_str(r#"{"n_trees": 50, "early_stopping_rounds": null}"#).unwrap();
        assert_eq!(o, SurrogateOptions { n_trees: 50, early_stopping_rounds: None, ..SurrogateOptions::default() });
        assert!(serde_json::from_str::<SurrogateOptions>(r#"{"trees": 50}"#).is_err());
        assert_eq!(serde_json::to_string(&SurrogateTarget::Label).unwrap(), r#""label""#);
    }
}
