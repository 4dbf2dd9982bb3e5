//! Linear and logistic models from a small JSON file, so that a model
//! trained anywhere (scikit-learn, R, a spreadsheet) can be explained by
//! writing down its coefficients.
//!
//! One output (regression with `"identity"`, binary with `"logistic"`):
//!
//! ```json
//! {"type": "linear", "link": "logistic", "intercept": 0.3,
//!  "coefficients": {"age": 0.01, "income": -0.2}}
//! ```
//!
//! Several outputs (multiclass with `"softmax"`, or several regressions
//! with `"identity"`): `intercept` is an array with one value per output and
//! `coefficients` an array of maps, one per output, each naming the same
//! features.
//!
//! The features are the keys of the (first) coefficient map, in file order.
//! The margin of output k is `intercept[k] + Σ_j coefficients[k][j] · x_j`; a
//! missing value (NaN) makes the margin NaN, and linear SHAP refuses it
//! ([`linear_shap`](fn@super::linear_shap) names the row and feature).

use indexmap::IndexMap;
use serde::Deserialize;
use thiserror::Error;

use super::link::Link;
use super::model::Model;

/// What is wrong with a linear model file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LinearModelError {
    /// Not JSON, or not the documented shape.
    #[error("linear model JSON: {0}")]
    Json(String),
    /// `type` is not `"linear"`.
    #[error("linear model JSON: \"type\" is \"{0}\", expected \"linear\"")]
    WrongType(String),
    /// `link` is not one of the three known links.
    #[error("linear model JSON: unknown link \"{0}\" (expected \"identity\", \"logistic\" or \"softmax\")")]
    UnknownLink(String),
    /// No coefficients at all.
    #[error("linear model JSON: \"coefficients\" is empty")]
    NoCoefficients,
    /// The intercept and coefficient arrays disagree on the output count.
    #[error("linear model JSON: {intercepts} intercepts but {coefficient_sets} coefficient maps")]
    OutputCount {
        /// Intercepts given.
        intercepts: usize,
        /// Coefficient maps given.
        coefficient_sets: usize,
    },
    /// An output's coefficients name other features than the first output's.
    #[error("linear model JSON: coefficients of output {output} do not name the same features as output 0 ({detail})")]
    FeatureMismatch {
        /// The output concerned.
        output: usize,
        /// Which names differ.
        detail: String,
    },
    /// A coefficient or intercept is not a finite number.
    #[error("linear model JSON: {what} is not a finite number")]
    NotFinite {
        /// Which value.
        what: String,
    },
    /// The link does not fit the output count.
    #[error("linear model JSON: link \"{link}\" cannot have {outputs} output(s)")]
    LinkOutputs {
        /// The link named.
        link: String,
        /// Outputs given.
        outputs: usize,
    },
}

/// A linear model: `intercept[k] + coefficients[k] · x` per output, then the link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    features: Vec<String>,
    link: Link,
    /// One per output.
    intercepts: Vec<f64>,
    /// `n_outputs × features`, row-major.
    coefficients: Vec<f64>,
}

/// `intercept`: one number, or one per output. `expecting` words the
/// error (serde's default named this Rust type).
#[derive(Deserialize)]
#[serde(untagged, expecting = "expected intercept to be a number or a list of numbers (one per output)")]
enum Intercepts {
    One(f64),
    Many(Vec<f64>),
}

/// `coefficients`: one object of feature → number, or one per output.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "expected coefficients to be an object of feature names to numbers, or a list of such objects (one per output)"
)]
enum Coefficients {
    One(IndexMap<String, f64>),
    Many(Vec<IndexMap<String, f64>>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinearJson {
    #[serde(rename = "type")]
    kind: String,
    link: String,
    intercept: Intercepts,
    coefficients: Coefficients,
}

impl LinearModel {
    /// Reads the documented JSON.
    ///
    /// # Errors
    /// Malformed JSON, a wrong `type`, an unknown link, no coefficients,
    /// outputs that disagree, or non-finite values.
    pub fn from_json(text: &str) -> Result<Self, LinearModelError> {
        let raw: LinearJson = serde_json::from_str(text).map_err(|e| LinearModelError::Json(e.to_string()))?;
        if raw.kind != "linear" {
            return Err(LinearModelError::WrongType(raw.kind));
        }
        let link = match raw.link.as_str() {
            "identity" => Link::Identity,
            "logistic" => Link::Logistic,
            "softmax" => Link::Softmax,
            _ => return Err(LinearModelError::UnknownLink(raw.link)),
        };
        let intercepts = match raw.intercept {
            Intercepts::One(v) => vec![v],
            Intercepts::Many(v) => v,
        };
        let maps = match raw.coefficients {
            Coefficients::One(m) => vec![m],
            Coefficients::Many(m) => m,
        };
        if intercepts.len() != maps.len() {
            return Err(LinearModelError::OutputCount { intercepts: intercepts.len(), coefficient_sets: maps.len() });
        }
        let Some(first) = maps.first() else { return Err(LinearModelError::NoCoefficients) };
        if first.is_empty() {
            return Err(LinearModelError::NoCoefficients);
        }
        let outputs = maps.len();
        let fits = match link {
            Link::Identity => true,
            Link::Logistic => outputs == 1,
            Link::Softmax => outputs >= 2,
        };
        if !fits {
            return Err(LinearModelError::LinkOutputs { link: raw.link, outputs });
        }
        let features: Vec<String> = first.keys().cloned().collect();
        let mut coefficients = Vec::with_capacity(outputs * features.len());
        for (k, map) in maps.iter().enumerate() {
            check_same_features(k, &features, map)?;
            for name in &features {
                let w = map[name.as_str()];
                if !w.is_finite() {
                    return Err(LinearModelError::NotFinite { what: format!("coefficient \"{name}\" of output {k}") });
                }
                coefficients.push(w);
            }
        }
        if let Some(k) = intercepts.iter().position(|b| !b.is_finite()) {
            return Err(LinearModelError::NotFinite { what: format!("intercept of output {k}") });
        }
        Ok(Self { features, link, intercepts, coefficients })
    }

    /// The intercept of each output.
    #[must_use]
    pub fn intercepts(&self) -> &[f64] {
        &self.intercepts
    }

    /// The coefficients of output `k`, one per feature.
    ///
    /// # Panics
    /// When `k >= n_outputs()` (a caller bug).
    #[must_use]
    pub fn coefficients(&self, k: usize) -> &[f64] {
        let m = self.features.len();
        &self.coefficients[k * m..(k + 1) * m]
    }
}

fn check_same_features(k: usize, features: &[String], map: &IndexMap<String, f64>) -> Result<(), LinearModelError> {
    let missing: Vec<&str> = features.iter().filter(|f| !map.contains_key(f.as_str())).map(String::as_str).collect();
    let extra: Vec<&str> = map.keys().filter(|f| !features.iter().any(|g| g == *f)).map(String::as_str).collect();
    if missing.is_empty() && extra.is_empty() {
        return Ok(());
    }
    Err(LinearModelError::FeatureMismatch {
        output: k,
        detail: format!("missing: [{}], extra: [{}]", missing.join(", "), extra.join(", ")),
    })
}

impl Model for LinearModel {
    fn features(&self) -> &[String] {
        &self.features
    }

    fn n_outputs(&self) -> usize {
        self.intercepts.len()
    }

    fn link(&self) -> Link {
        self.link
    }

    fn margin_into(&self, row: &[f64], out: &mut [f64]) {
        for (k, o) in out.iter_mut().enumerate() {
            *o = self.intercepts[k] + self.coefficients(k).iter().zip(row).map(|(w, x)| w * x).sum::<f64>();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_output_and_predicts() {
        let m = LinearModel::from_json(
            r#"{"type":"linear","link":"logistic","intercept":0.5,"coefficients":{"b":2.0,"a":-1.0}}"#,
        )
        .unwrap();
        assert_eq!(m.features(), ["b", "a"]);
        let mut out = [0.0];
        m.margin_into(&[1.0, 3.0], &mut out);
        assert_eq!(out, [0.5 + 2.0 - 3.0]);
    }

    #[test]
    fn reads_multiclass_with_features_in_any_order() {
        let m = LinearModel::from_json(
            r#"{"type":"linear","link":"softmax","intercept":[0,1],
                "coefficients":[{"x":1,"y":2},{"y":5,"x":3}]}"#,
        )
        .unwrap();
        assert_eq!(m.n_outputs(), 2);
        assert_eq!(m.coefficients(1), [3.0, 5.0]);
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let err = |t: &str| LinearModel::from_json(t).unwrap_err().to_string();
        assert!(err(r#"{"type":"linear","link":"probit","intercept":0,"coefficients":{"a":1}}"#)
            .contains("unknown link \"probit\""));
        assert!(err(r#"{"type":"linear","link":"identity","intercept":0,"coefficients":{}}"#).contains("empty"));
        assert!(err(r#"{"type":"linear","link":"identity","intercept":0,"coeff"#).starts_with("linear model JSON: "));
        assert!(err(r#"{"type":"tree","link":"identity","intercept":0,"coefficients":{"a":1}}"#).contains("\"tree\""));
        assert!(err(r#"{"type":"linear","link":"softmax","intercept":0,"coefficients":{"a":1}}"#)
            .contains("cannot have 1 output"));
        assert!(err(r#"{"type":"linear","link":"identity","intercept":[0,1],"coefficients":{"a":1}}"#)
            .contains("2 intercepts but 1 coefficient maps"));
        assert!(err(r#"{"type":"linear","link":"identity","intercept":[0,1],"coefficients":[{"a":1},{"b":1}]}"#)
            .contains("missing: [a], extra: [b]"));
    }
}
