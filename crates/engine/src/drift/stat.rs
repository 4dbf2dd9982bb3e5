//! The registry of drift tests: names, the kinds each applies to, default
//! thresholds and the direction of the drift decision, as Evidently 0.7.23
//! declares them (`legacy/calculations/stattests/*.py`), plus Tideline's
//! `chi2`, `linf` and `psi_quantile`.

use serde::{Deserialize, Serialize};

use crate::types::Kind;

/// One drift test; serialized by its name (`"ks"`, `"TVD"`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stat {
    /// Two-sample Kolmogorov–Smirnov (`ks`).
    Ks,
    /// Wasserstein-1 distance over the reference std (`wasserstein`).
    Wasserstein,
    /// k-sample Anderson–Darling (`anderson`).
    Anderson,
    /// Two-sample Cramér–von Mises (`cramer_von_mises`).
    CramerVonMises,
    /// Mann–Whitney U (`mannw`).
    MannWhitney,
    /// Two-sample t-test (`t_test`).
    TTest,
    /// Epps–Singleton (`es`).
    EppsSingleton,
    /// Energy distance (`ed`).
    Energy,
    /// RBF-kernel MMD with a permutation p-value (`empirical_mmd`).
    EmpiricalMmd,
    /// Chi-square goodness of fit against reference shares (`chisquare`).
    ChiSquare,
    /// Two-proportion z-test (`z`).
    Z,
    /// Fisher's exact test on a 2×2 table (`fisher_exact`).
    FisherExact,
    /// G-test (`g_test`).
    GTest,
    /// Total variation distance with a permutation p-value (`TVD`).
    Tvd,
    /// Population Stability Index (`psi`).
    Psi,
    /// Jensen–Shannon distance (`jensenshannon`).
    JensenShannon,
    /// Kullback–Leibler divergence (`kl_div`).
    KlDiv,
    /// Hellinger distance (`hellinger`).
    Hellinger,
    /// Chi-square test of homogeneity, no continuity correction (`chi2`).
    Chi2,
    /// L∞ distance of the category shares, TFDV / Model Monitor (`linf`).
    Linf,
    /// PSI over 10 bins cut at the baseline deciles (`psi_quantile`).
    PsiQuantile,
}

/// Which kinds of column a test applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Numerical columns only.
    Numerical,
    /// Categorical columns only.
    Categorical,
    /// Both.
    Both,
}

/// How a test's result decides drift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Drift when the p-value is below the threshold.
    PBelow,
    /// Drift when the p-value is at or below the threshold (Evidently's `ks`, `cramer_von_mises`).
    PAtOrBelow,
    /// Drift when the distance is at or above the threshold.
    DAtOrAbove,
    /// Drift when the distance is above the threshold (Evidently's `ed`, Model Monitor's L∞).
    DAbove,
}

impl Decision {
    /// True when the decision uses a p-value.
    #[must_use]
    pub fn uses_p_value(self) -> bool {
        matches!(self, Self::PBelow | Self::PAtOrBelow)
    }

    /// Whether `value` (a p-value or a distance) means drift at `threshold`.
    #[must_use]
    pub fn drifted(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::PBelow => value < threshold,
            Self::PAtOrBelow => value <= threshold,
            Self::DAtOrAbove => value >= threshold,
            Self::DAbove => value > threshold,
        }
    }
}

impl Stat {
    /// Every test, in the order reports list them.
    pub const ALL: [Self; 21] = [
        Self::Ks,
        Self::Wasserstein,
        Self::Anderson,
        Self::CramerVonMises,
        Self::MannWhitney,
        Self::TTest,
        Self::EppsSingleton,
        Self::Energy,
        Self::EmpiricalMmd,
        Self::ChiSquare,
        Self::Z,
        Self::FisherExact,
        Self::GTest,
        Self::Tvd,
        Self::Psi,
        Self::JensenShannon,
        Self::KlDiv,
        Self::Hellinger,
        Self::Chi2,
        Self::Linf,
        Self::PsiQuantile,
    ];

    /// The name used by Evidently, the CLI and JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Ks => "ks",
            Self::Wasserstein => "wasserstein",
            Self::Anderson => "anderson",
            Self::CramerVonMises => "cramer_von_mises",
            Self::MannWhitney => "mannw",
            Self::TTest => "t_test",
            Self::EppsSingleton => "es",
            Self::Energy => "ed",
            Self::EmpiricalMmd => "empirical_mmd",
            Self::ChiSquare => "chisquare",
            Self::Z => "z",
            Self::FisherExact => "fisher_exact",
            Self::GTest => "g_test",
            Self::Tvd => "TVD",
            Self::Psi => "psi",
            Self::JensenShannon => "jensenshannon",
            Self::KlDiv => "kl_div",
            Self::Hellinger => "hellinger",
            Self::Chi2 => "chi2",
            Self::Linf => "linf",
            Self::PsiQuantile => "psi_quantile",
        }
    }

    /// A test by its name (case-insensitive).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// The kinds of column the test takes.
    #[must_use]
    pub fn applies(self) -> Applies {
        match self {
            Self::Ks
            | Self::Wasserstein
            | Self::Anderson
            | Self::CramerVonMises
            | Self::MannWhitney
            | Self::TTest
            | Self::EppsSingleton
            | Self::Energy
            | Self::EmpiricalMmd
            | Self::PsiQuantile => Applies::Numerical,
            Self::ChiSquare | Self::Z | Self::FisherExact | Self::GTest | Self::Tvd | Self::Chi2 => {
                Applies::Categorical
            }
            Self::Psi | Self::JensenShannon | Self::KlDiv | Self::Hellinger | Self::Linf => Applies::Both,
        }
    }

    /// True when the test can judge a column of this kind.
    #[must_use]
    pub fn applies_to(self, kind: Kind) -> bool {
        matches!(
            (self.applies(), kind),
            (Applies::Both, Kind::Numerical | Kind::Categorical)
                | (Applies::Numerical, Kind::Numerical)
                | (Applies::Categorical, Kind::Categorical)
        )
    }

    /// Evidently's default threshold (Tideline's for its own tests).
    #[must_use]
    pub fn default_threshold(self) -> f64 {
        match self {
            Self::Ks | Self::MannWhitney | Self::TTest | Self::EppsSingleton | Self::ChiSquare | Self::Z => 0.05,
            Self::Chi2 => 0.05,
            _ => 0.1,
        }
    }

    /// How the result decides drift (Evidently's comparison operators).
    #[must_use]
    pub fn decision(self) -> Decision {
        match self {
            Self::Ks | Self::CramerVonMises => Decision::PAtOrBelow,
            Self::Anderson
            | Self::MannWhitney
            | Self::TTest
            | Self::EppsSingleton
            | Self::EmpiricalMmd
            | Self::ChiSquare
            | Self::Z
            | Self::FisherExact
            | Self::GTest
            | Self::Tvd
            | Self::Chi2 => Decision::PBelow,
            Self::Energy | Self::Linf => Decision::DAbove,
            Self::Wasserstein | Self::Psi | Self::JensenShannon | Self::KlDiv | Self::Hellinger | Self::PsiQuantile => {
                Decision::DAtOrAbove
            }
        }
    }
}

impl Serialize for Stat {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Stat {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Self::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown drift test '{name}'")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for stat in Stat::ALL {
            assert_eq!(Stat::parse(stat.name()), Some(stat));
        }
        let mut names: Vec<_> = Stat::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Stat::ALL.len());
        assert_eq!(Stat::parse("tvd"), Some(Stat::Tvd));
        assert_eq!(Stat::parse("nope"), None);
    }

    #[test]
    fn decisions_follow_the_comparison() {
        assert!(Decision::PAtOrBelow.drifted(0.05, 0.05));
        assert!(!Decision::PBelow.drifted(0.05, 0.05));
        assert!(Decision::DAtOrAbove.drifted(0.1, 0.1));
        assert!(!Decision::DAbove.drifted(0.1, 0.1));
    }
}
