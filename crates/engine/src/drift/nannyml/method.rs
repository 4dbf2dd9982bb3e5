//! The six methods, their names and NannyML's defaults for thresholds.

use serde::{Deserialize, Serialize};

use crate::thresholds::ThresholdRule;

/// chi2 raises an alert when its p-value is below this (NannyML's
/// `Chi2Statistic.alert`).
pub const P_VALUE_ALERT_BELOW: f64 = 0.05;

/// A NannyML univariate drift method, named as NannyML names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnivariateMethod {
    /// Jensen-Shannon distance (base 2), continuous or categorical.
    JensenShannon,
    /// Kolmogorov-Smirnov D statistic, continuous.
    KolmogorovSmirnov,
    /// Wasserstein (earth mover's) distance, continuous.
    Wasserstein,
    /// Hellinger distance, continuous or categorical.
    Hellinger,
    /// Chi-square contingency statistic, categorical; alerts on its p-value.
    Chi2,
    /// L-infinity distance between category shares, categorical.
    LInfinity,
}

impl UnivariateMethod {
    /// Every method, in NannyML's documentation order.
    pub const ALL: [Self; 6] =
        [Self::JensenShannon, Self::KolmogorovSmirnov, Self::Wasserstein, Self::Hellinger, Self::Chi2, Self::LInfinity];

    /// NannyML's key (`"jensen_shannon"`, `"kolmogorov_smirnov"`, `"chi2"`, ...).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::JensenShannon => "jensen_shannon",
            Self::KolmogorovSmirnov => "kolmogorov_smirnov",
            Self::Wasserstein => "wasserstein",
            Self::Hellinger => "hellinger",
            Self::Chi2 => "chi2",
            Self::LInfinity => "l_infinity",
        }
    }

    /// The method with NannyML's key `name`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// True when NannyML registers the method for continuous (`true`) or
    /// categorical (`false`) columns.
    #[must_use]
    pub fn supports(self, continuous: bool) -> bool {
        match self {
            Self::JensenShannon | Self::Hellinger => true,
            Self::KolmogorovSmirnov | Self::Wasserstein => continuous,
            Self::Chi2 | Self::LInfinity => !continuous,
        }
    }

    /// NannyML's default threshold (`DEFAULT_THRESHOLDS` in `calculator.py`):
    /// `StandardDeviationThreshold(std_lower_multiplier=None)`, i.e. an upper
    /// bound at mean + 3 std of the reference chunks' values and no lower
    /// bound. chi2 is listed with the same rule but `Chi2Statistic.fit`
    /// discards its bounds (it alerts on the p-value), so here it has none.
    #[must_use]
    pub fn default_threshold(self) -> ThresholdRule {
        match self {
            Self::Chi2 => ThresholdRule::Constant { lower: None, upper: None },
            _ => ThresholdRule::StandardDeviation { std_lower_multiplier: None, std_upper_multiplier: Some(3.0) },
        }
    }

    /// The `(lower, upper)` threshold value limits each NannyML method passes
    /// to `calculate_threshold_values` (apply with `override_using_none =
    /// false`): 0 below for all; 1 above for kolmogorov_smirnov and chi2.
    #[must_use]
    pub fn value_limits(self) -> (Option<f64>, Option<f64>) {
        match self {
            Self::KolmogorovSmirnov | Self::Chi2 => (Some(0.0), Some(1.0)),
            _ => (Some(0.0), None),
        }
    }

    /// True for chi2, whose alert is `p_value <` [`P_VALUE_ALERT_BELOW`]
    /// instead of its value leaving the threshold.
    #[must_use]
    pub fn alerts_on_p_value(self) -> bool {
        self == Self::Chi2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for m in UnivariateMethod::ALL {
            assert_eq!(UnivariateMethod::parse(m.name()), Some(m));
            assert_eq!(serde_json::to_value(m).unwrap(), serde_json::Value::String(m.name().to_owned()));
        }
        assert_eq!(UnivariateMethod::parse("ks"), None);
    }

    #[test]
    fn kinds_follow_nannyml_registry() {
        let continuous: Vec<_> = UnivariateMethod::ALL.into_iter().filter(|m| m.supports(true)).collect();
        let categorical: Vec<_> = UnivariateMethod::ALL.into_iter().filter(|m| m.supports(false)).collect();
        use UnivariateMethod::*;
        assert_eq!(continuous, [JensenShannon, KolmogorovSmirnov, Wasserstein, Hellinger]);
        assert_eq!(categorical, [JensenShannon, Hellinger, Chi2, LInfinity]);
    }
}
