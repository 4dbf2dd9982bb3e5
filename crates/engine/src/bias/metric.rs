//! The registry of Clarify's bias metrics: names, descriptions (smclarify's
//! docstring first lines, as analysis.json carries them), stage, range and
//! ideal value, and a plain-language reading of a value.

use serde::{Deserialize, Serialize};

/// Pre-training (data) or post-training (predictions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Metrics of the labels.
    PreTraining,
    /// Metrics of the predicted labels.
    PostTraining,
}

/// One Clarify bias metric.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Metric {
    /// Class imbalance.
    CI,
    /// Difference in positive proportions in labels.
    DPL,
    /// Kullback-Leibler divergence.
    KL,
    /// Jensen-Shannon divergence.
    JS,
    /// L2 norm.
    LP,
    /// Total variation distance.
    TVD,
    /// Kolmogorov-Smirnov distance (of the label shares).
    KS,
    /// Conditional demographic disparity in labels.
    CDDL,
    /// Difference in positive proportions in predicted labels.
    DPPL,
    /// Disparate impact.
    DI,
    /// Difference in conditional acceptance.
    DCA,
    /// Difference in conditional rejection.
    DCR,
    /// Recall difference.
    RD,
    /// Specificity difference.
    SD,
    /// Difference in acceptance rates.
    DAR,
    /// Difference in rejection rates.
    DRR,
    /// Accuracy difference.
    AD,
    /// Treatment equality.
    TE,
    /// Flip test.
    FT,
    /// Generalized entropy.
    GE,
    /// Conditional demographic disparity in predicted labels.
    CDDPL,
}

/// Range, ideal value and what a value means, for the UI and reports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricInfo {
    /// Range of values, as text.
    pub range: &'static str,
    /// The value that means no bias.
    pub ideal: f64,
    /// Magnitude from which the UI colours a value as a concern (|v − ideal|).
    pub concern: f64,
}

impl Metric {
    /// Every metric, pre-training first, each stage sorted by name as Clarify reports them.
    pub const ALL: [Self; 21] = [
        Self::CDDL,
        Self::CI,
        Self::DPL,
        Self::JS,
        Self::KL,
        Self::KS,
        Self::LP,
        Self::TVD,
        Self::AD,
        Self::CDDPL,
        Self::DAR,
        Self::DCA,
        Self::DCR,
        Self::DI,
        Self::DPPL,
        Self::DRR,
        Self::FT,
        Self::GE,
        Self::RD,
        Self::SD,
        Self::TE,
    ];

    /// The short name used in configs and reports (`"DPPL"`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::CI => "CI",
            Self::DPL => "DPL",
            Self::KL => "KL",
            Self::JS => "JS",
            Self::LP => "LP",
            Self::TVD => "TVD",
            Self::KS => "KS",
            Self::CDDL => "CDDL",
            Self::DPPL => "DPPL",
            Self::DI => "DI",
            Self::DCA => "DCA",
            Self::DCR => "DCR",
            Self::RD => "RD",
            Self::SD => "SD",
            Self::DAR => "DAR",
            Self::DRR => "DRR",
            Self::AD => "AD",
            Self::TE => "TE",
            Self::FT => "FT",
            Self::GE => "GE",
            Self::CDDPL => "CDDPL",
        }
    }

    /// The metric with this short name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Clarify's description (spelling included: "Kullback-Liebler").
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::CI => "Class Imbalance (CI)",
            Self::DPL => "Difference in Positive Proportions in Labels (DPL)",
            Self::KL => "Kullback-Liebler Divergence (KL)",
            Self::JS => "Jensen-Shannon Divergence (JS)",
            Self::LP => "L-p Norm (LP)",
            Self::TVD => "Total Variation Distance (TVD)",
            Self::KS => "Kolmogorov-Smirnov Distance (KS)",
            Self::CDDL => "Conditional Demographic Disparity in Labels (CDDL)",
            Self::DPPL => "Difference in Positive Proportions in Predicted Labels (DPPL)",
            Self::DI => "Disparate Impact (DI)",
            Self::DCA => "Difference in Conditional Acceptance (DCA)",
            Self::DCR => "Difference in Conditional Rejection (DCR)",
            Self::RD => "Recall Difference (RD)",
            Self::SD => "Specificity Difference (SD)",
            Self::DAR => "Difference in Acceptance Rates (DAR)",
            Self::DRR => "Difference in Rejection Rates (DRR)",
            Self::AD => "Accuracy Difference (AD)",
            Self::TE => "Treatment Equality (TE)",
            Self::FT => "Flip Test (FT)",
            Self::GE => "Generalized Entropy (GE)",
            Self::CDDPL => "Conditional Demographic Disparity in Predicted Labels (CDDPL)",
        }
    }

    /// The stage the metric belongs to.
    #[must_use]
    pub fn stage(self) -> Stage {
        match self {
            Self::CI | Self::DPL | Self::KL | Self::JS | Self::LP | Self::TVD | Self::KS | Self::CDDL => {
                Stage::PreTraining
            }
            _ => Stage::PostTraining,
        }
    }

    /// Range, ideal and concern level.
    #[must_use]
    pub fn info(self) -> MetricInfo {
        let info = |range, ideal, concern| MetricInfo { range, ideal, concern };
        match self {
            Self::CI | Self::DPL | Self::DPPL | Self::CDDL | Self::CDDPL | Self::FT => info("[-1, 1]", 0.0, 0.1),
            Self::KL => info("(-∞, ∞), usually [0, ∞)", 0.0, 0.1),
            Self::JS => info("[0, ln 2]", 0.0, 0.05),
            Self::LP => info("[0, √2]", 0.0, 0.1),
            Self::TVD | Self::KS => info("[0, 1]", 0.0, 0.1),
            Self::DI => info("[0, ∞)", 1.0, 0.2),
            Self::DCA | Self::DCR | Self::TE => info("(-∞, ∞)", 0.0, 0.1),
            Self::RD | Self::SD | Self::DAR | Self::DRR | Self::AD => info("[-1, 1]", 0.0, 0.1),
            Self::GE => info("[0, 0.5]", 0.0, 0.1),
        }
    }

    /// True when the value is far enough from the ideal to be a concern
    /// (DI: below 0.8 or above 1.25, the 4/5ths rule).
    #[must_use]
    pub fn is_concern(self, value: f64) -> bool {
        if self == Self::DI {
            return !(0.8..=1.25).contains(&value);
        }
        let info = self.info();
        (value - info.ideal).abs() >= info.concern
    }

    /// What a value says, in plain words.
    #[must_use]
    pub fn reading(self, value: f64) -> String {
        let pct = |x: f64| format!("{:.1} percentage points", x.abs() * 100.0);
        let more = |x: f64, a: &str, d: &str| if x > 0.0 { a.to_owned() } else { d.to_owned() };
        match self {
            Self::CI => format!(
                "group d is {} of the rows than group a ({})",
                more(value, "a smaller share", "a larger share"),
                if value == 0.0 { "balanced".to_owned() } else { format!("imbalance {value:.3}") }
            ),
            Self::DPL => format!("group a's labels are positive {} {} than group d's", pct(value), more(value, "more often", "less often")),
            Self::DPPL => format!("group a is predicted positive {} {} than group d", pct(value), more(value, "more often", "less often")),
            Self::DI => format!("group d receives positive predictions at {value:.2} of group a's rate"),
            Self::KL | Self::JS | Self::LP | Self::TVD | Self::KS => format!("the label distributions of groups a and d differ by {value:.3} (0 = identical)"),
            Self::CDDL => format!("within strata, group d's share of rejections exceeds its share of acceptances by {value:.3}"),
            Self::CDDPL => format!("within strata, group d's share of predicted rejections exceeds its share of predicted acceptances by {value:.3}"),
            Self::DCA => format!("observed positives per predicted positive: group a {} group d by {:.3}", more(value, "exceeds", "trails"), value.abs()),
            Self::DCR => format!("observed negatives per predicted negative: group d {} group a by {:.3}", more(value, "exceeds", "trails"), value.abs()),
            Self::RD => format!("the model finds group a's positives {} {} than group d's", pct(value), more(value, "more often", "less often")),
            Self::SD => format!("the model finds group d's negatives {} {} than group a's", pct(value), more(value, "more often", "less often")),
            Self::DAR => format!("positive predictions are right {} {} for group a than for group d", pct(value), more(value, "more often", "less often")),
            Self::DRR => format!("negative predictions are right {} {} for group d than for group a", pct(value), more(value, "more often", "less often")),
            Self::AD => format!("the model is {} {} accurate for group a than for group d", pct(value), more(value, "more", "less")),
            Self::TE => format!("false negatives per false positive: group d {} group a by {:.3}", more(value, "exceeds", "trails"), value.abs()),
            Self::FT => format!("{} of group d would get a {} prediction if treated like its nearest group-a neighbours", pct(value).replace(" percentage points", " %"), more(value, "less favourable", "more favourable")),
            Self::GE => format!("inequality of benefit across all rows is {value:.3} (0 = equal)"),
        }
    }
}
