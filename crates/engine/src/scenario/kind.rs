//! The teaching scenarios: each kind of drift, made on purpose.

use serde::{Deserialize, Serialize};

/// A kind of drift a scenario generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioKind {
    /// One feature's distribution moves (income rises).
    CovariateShift,
    /// The share of positive outcomes changes, inputs given the outcome do not.
    PriorShift,
    /// Same inputs, new relationship: accuracy falls while input drift is nil.
    ConceptDrift,
    /// A category never seen in the baseline appears.
    NewCategory,
    /// Missing values creep into a column.
    MissingValues,
    /// One group's positive rate falls (women's incomes fall, so do their approvals).
    BiasDrift,
    /// The model's decisions come to rest on another feature (tenure's spread grows).
    AttributionDrift,
    /// A shift that grows window by window.
    GradualDrift,
    /// A shift that arrives at once, half-way through.
    SuddenDrift,
}

impl ScenarioKind {
    /// Every scenario, in teaching order.
    pub const ALL: [Self; 9] = [
        Self::CovariateShift,
        Self::PriorShift,
        Self::ConceptDrift,
        Self::NewCategory,
        Self::MissingValues,
        Self::BiasDrift,
        Self::AttributionDrift,
        Self::GradualDrift,
        Self::SuddenDrift,
    ];

    /// The kebab-case name used on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CovariateShift => "covariate-shift",
            Self::PriorShift => "prior-shift",
            Self::ConceptDrift => "concept-drift",
            Self::NewCategory => "new-category",
            Self::MissingValues => "missing-values",
            Self::BiasDrift => "bias-drift",
            Self::AttributionDrift => "attribution-drift",
            Self::GradualDrift => "gradual-drift",
            Self::SuddenDrift => "sudden-drift",
        }
    }

    /// Parses the kebab-case name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// What the analyst should notice, in a sentence or two.
    #[must_use]
    pub fn notice(self) -> &'static str {
        match self {
            Self::CovariateShift => "Incomes in the current data are higher than in the baseline; nothing else moves. The income histogram slides right and the model approves more loans.",
            Self::PriorShift => "More current applicants repay: the outcome's share moves while each group of repayers looks as before. The label and the score drift; the input features move only through their link with the outcome.",
            Self::ConceptDrift => "The inputs look exactly as before, yet income and debt no longer mean what they did: accuracy falls while every input drift test stays quiet.",
            Self::NewCategory => "A region the baseline never saw ('central') appears in the current data.",
            Self::MissingValues => "The 'visits' column is empty in a growing share of current rows.",
            Self::BiasDrift => "Women's incomes fall in the current data, and with them their approval rate: the gap between groups widens.",
            Self::AttributionDrift => "Tenure varies far more than before, so the model's decisions now rest mostly on it: the ranking of feature attributions changes.",
            Self::GradualDrift => "Income rises a little more in each week of the current data.",
            Self::SuddenDrift => "Income jumps half-way through the current period and stays there.",
        }
    }

    /// The check that catches it first.
    #[must_use]
    pub fn caught_by(self) -> &'static str {
        match self {
            Self::CovariateShift => "the drift test on income (Wasserstein / KS), then Model Monitor's baseline_drift_check",
            Self::PriorShift => "drift on the outcome and the predicted score (a label-distribution test), and CBPE's estimated performance",
            Self::ConceptDrift => "model quality once labels arrive (accuracy, F1); no input drift test can see it",
            Self::NewCategory => "Model Monitor's categorical_values_check and the drift report's unseen categories",
            Self::MissingValues => "Model Monitor's completeness_check",
            Self::BiasDrift => "Clarify's bias drift: DPPL and disparate impact of the predicted label by sex",
            Self::AttributionDrift => "feature-attribution drift: the NDCG of the global SHAP ranking falls below 0.90",
            Self::GradualDrift => "the timeline's drift series on income, window after window",
            Self::SuddenDrift => "the timeline's drift series on income, from the window of the jump on",
        }
    }
}
