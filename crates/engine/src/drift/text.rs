//! A column's drift result in words: its p-values, its rule and its
//! verdict, written once so the app's table, the HTML report and the CLI
//! say the same thing.

use super::report::{ColumnDrift, DriftReport};
use crate::roles::Role;

/// A statistic or effect size: four decimals, scientific when tiny, "–" for NaN.
#[must_use]
pub fn number_text(x: f64) -> String {
    if x.is_nan() {
        "–".to_owned()
    } else if x != 0.0 && x.abs() < 1e-3 {
        format!("{x:.2e}")
    } else {
        format!("{x:.4}")
    }
}

/// A p-value: four decimals, scientific below 1e-4, "< 1e-300" where it
/// underflows to 0, "–" for NaN.
#[must_use]
pub fn p_text(p: f64) -> String {
    if p.is_nan() {
        "–".to_owned()
    } else if p == 0.0 {
        "< 1e-300".to_owned()
    } else if p < 1e-4 {
        format!("{p:.2e}")
    } else {
        format!("{p:.4}")
    }
}

impl ColumnDrift {
    /// The p-value judged (adjusted when a correction changed it) with the
    /// raw one beside it; "–" for distances.
    #[must_use]
    pub fn p_values_text(&self) -> String {
        match (self.p_value, self.p_value_adjusted) {
            (Some(raw), Some(adjusted)) if raw != adjusted => {
                format!("{} (raw {})", p_text(adjusted), p_text(raw))
            }
            (Some(raw), _) => p_text(raw),
            _ => "–".to_owned(),
        }
    }

    /// The rule the verdict applied: "p < 0.05 and (effect ≥ 0.1 or PSI ≥ 0.1)".
    #[must_use]
    pub fn rule_text(&self) -> String {
        let effect = match (self.min_effect, self.min_psi) {
            (Some(min), Some(psi)) => format!(" and (effect ≥ {min} or PSI ≥ {psi})"),
            (Some(min), None) => format!(" and effect ≥ {min}"),
            (None, _) => String::new(),
        };
        if self.test.decision().uses_p_value() {
            format!("p < {}{effect}", self.threshold)
        } else {
            format!("≥ {}{effect}", self.threshold)
        }
    }

    /// "drift" (or "label drift", "prediction drift") or "stable".
    #[must_use]
    pub fn verdict_text(&self) -> &'static str {
        match (self.drifted, self.role) {
            (false, _) => "stable",
            (true, Role::Label) => "label drift",
            (true, Role::PredictedLabel | Role::PredictedScore) => "prediction drift",
            (true, _) => "drift",
        }
    }
}

impl DriftReport {
    /// "2 of 7 features drifted (share 0.29; the dataset drifts at 0.50)":
    /// columns under the `evidently` preset, which counts the model's.
    #[must_use]
    pub fn share_text(&self) -> String {
        let noun = if self.preset.counts_outputs_as_features() { "columns" } else { "features" };
        format!(
            "{} of {} {noun} drifted (share {:.2}; the dataset drifts at {:.2})",
            self.n_drifted, self.n_tested, self.drift_share, self.drift_share_threshold
        )
    }

    /// The label and model outputs that drifted, when the share leaves them
    /// out: "label drift: repaid; prediction drift: y_pred_proba".
    #[must_use]
    pub fn output_drift_text(&self) -> Option<String> {
        if self.preset.counts_outputs_as_features() {
            return None;
        }
        let names = |label: bool| {
            let picked: Vec<&str> = self
                .columns
                .iter()
                .filter(|c| c.drifted && c.role.is_model_output() && (c.role == Role::Label) == label)
                .map(|c| c.name.as_str())
                .collect();
            (!picked.is_empty()).then(|| picked.join(", "))
        };
        let parts: Vec<String> = [(true, "label drift"), (false, "prediction drift")]
            .into_iter()
            .filter_map(|(label, what)| names(label).map(|n| format!("{what}: {n}")))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_values_go_scientific_and_zero_does_not() {
        assert_eq!(p_text(1.5e-52), "1.50e-52");
        assert_eq!(p_text(0.0), "< 1e-300");
        assert_eq!(p_text(0.0312), "0.0312");
        assert_eq!(number_text(0.0), "0.0000");
        assert_eq!(number_text(f64::NAN), "–");
    }
}
