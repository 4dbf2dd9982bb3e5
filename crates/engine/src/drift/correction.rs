//! Multiple-testing control over the columns of one drift report.
//!
//! Evidently applies none (its #238 declined Bonferroni as a default); with
//! twenty columns at α = 0.05 a stable dataset still shows a "drifted" column
//! most of the time, so Tideline offers Bonferroni (family-wise error) and
//! Benjamini–Hochberg (false discovery rate) on the p-value tests.

use serde::{Deserialize, Serialize};

/// How p-values of a report are adjusted before they are compared with thresholds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Correction {
    /// Raw p-values (Evidently's behaviour).
    #[default]
    None,
    /// Multiply by the number of tests, capped at 1.
    Bonferroni,
    /// Benjamini–Hochberg step-up adjusted p-values.
    Bh,
}

impl Correction {
    /// The name used by the CLI and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Bonferroni => "bonferroni",
            Self::Bh => "bh",
        }
    }

    /// Parses `none`, `bonferroni` or `bh` (also `fdr`, `benjamini-hochberg`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "none" => Some(Self::None),
            "bonferroni" => Some(Self::Bonferroni),
            "bh" | "fdr" | "benjamini-hochberg" | "benjamini_hochberg" => Some(Self::Bh),
            _ => None,
        }
    }

    /// Adjusted p-values, in the order given. NaN p-values stay NaN and do
    /// not count as tests.
    #[must_use]
    pub fn adjust(self, p_values: &[f64]) -> Vec<f64> {
        let m = p_values.iter().filter(|p| !p.is_nan()).count();
        match self {
            Self::None => p_values.to_vec(),
            Self::Bonferroni => {
                p_values.iter().map(|&p| if p.is_nan() { p } else { (p * m as f64).min(1.0) }).collect()
            }
            Self::Bh => benjamini_hochberg(p_values, m),
        }
    }
}

/// q_(i) = min over j ≥ i of p_(j)·m/j, in ascending p order, capped at 1.
fn benjamini_hochberg(p_values: &[f64], m: usize) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p_values.len()).filter(|&i| !p_values[i].is_nan()).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut adjusted = p_values.to_vec();
    let mut running = 1.0_f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running.min(p_values[i] * m as f64 / (rank + 1) as f64);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bonferroni_multiplies_by_the_number_of_tests_and_caps() {
        let adjusted = Correction::Bonferroni.adjust(&[0.01, 0.6, f64::NAN]);
        assert_eq!(adjusted[..2], [0.02, 1.0]);
        assert!(adjusted[2].is_nan());
    }

    #[test]
    fn none_keeps_p_values() {
        assert_eq!(Correction::None.adjust(&[0.3, 0.01]), vec![0.3, 0.01]);
    }

    #[test]
    fn names_parse() {
        for c in [Correction::None, Correction::Bonferroni, Correction::Bh] {
            assert_eq!(Correction::parse(c.name()), Some(c));
        }
    }
}
