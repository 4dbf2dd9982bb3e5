//! Global attributions: Clarify's aggregate of local SHAP values per
//! feature and output (sagemaker spec §7), with the expected value beside.

use serde::{Deserialize, Serialize};

use super::attributions::Attributions;
use super::shap_error::ShapError;

/// Clarify's `agg_method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AggMethod {
    /// (1/N) Σ |φ| (Clarify's default).
    #[default]
    MeanAbs,
    /// The median of φ, signed (NumPy's: the mean of the middle two for even N).
    Median,
    /// (1/N) Σ φ², without a square root.
    MeanSq,
}

/// Global values per output and feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlobalAttributions {
    /// Feature names.
    pub features: Vec<String>,
    /// The aggregate used.
    pub method: AggMethod,
    /// One vector per output, one value per feature.
    pub values: Vec<Vec<f64>>,
    /// The expected value per output.
    pub expected_value: Vec<f64>,
}

/// Aggregates `attr` over its rows.
///
/// # Errors
/// No rows to aggregate.
pub fn aggregate(attr: &Attributions, method: AggMethod) -> Result<GlobalAttributions, ShapError> {
    if attr.n_rows == 0 {
        return Err(ShapError::Setting("no rows to aggregate attributions over".into()));
    }
    let m = attr.features.len();
    let n = attr.n_rows as f64;
    let mut values = Vec::with_capacity(attr.n_outputs);
    let mut column = Vec::with_capacity(attr.n_rows);
    for o in 0..attr.n_outputs {
        let mut out = vec![0.0; m];
        for (j, g) in out.iter_mut().enumerate() {
            column.clear();
            column.extend((0..attr.n_rows).map(|r| attr.of(r, o)[j]));
            *g = match method {
                AggMethod::MeanAbs => column.iter().map(|v| v.abs()).sum::<f64>() / n,
                AggMethod::MeanSq => column.iter().map(|v| v * v).sum::<f64>() / n,
                AggMethod::Median => median(&mut column),
            };
        }
        values.push(out);
    }
    Ok(GlobalAttributions {
        features: attr.features.clone(),
        method,
        values,
        expected_value: attr.expected_value.clone(),
    })
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let h = v.len() / 2;
    if v.len() % 2 == 1 {
        v[h]
    } else {
        // NumPy's mean of the middle pair.
        (v[h - 1] + v[h]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_aggregates() {
        let mut a = Attributions::zeros(vec!["x".into(), "y".into()], 1, 4);
        a.values = vec![1.0, 0.0, -3.0, 0.0, 2.0, 0.0, -4.0, 1.0];
        let g = |m| aggregate(&a, m).unwrap().values[0].clone();
        assert_eq!(g(AggMethod::MeanAbs), [2.5, 0.25]);
        assert_eq!(g(AggMethod::MeanSq), [7.5, 0.25]);
        assert_eq!(g(AggMethod::Median), [-1.0, 0.0]);
        assert!(aggregate(&Attributions::zeros(vec!["x".into()], 1, 0), AggMethod::Median).is_err());
    }
}
