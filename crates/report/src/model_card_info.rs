//! What only the user can say about the model, for its SageMaker Model
//! Card: the card's `model_overview` and `intended_uses` free-text fields
//! and its risk rating. The metrics come from the analysis.

use serde::{Deserialize, Serialize};

/// The Model Card's `intended_uses.risk_rating` enumeration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RiskRating {
    /// High risk.
    High,
    /// Medium risk.
    Medium,
    /// Low risk.
    Low,
    /// Not assessed.
    #[default]
    Unknown,
}

impl RiskRating {
    /// Every rating, in the schema's order.
    pub const ALL: [Self; 4] = [Self::High, Self::Medium, Self::Low, Self::Unknown];

    /// The schema's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
            Self::Unknown => "Unknown",
        }
    }

    /// The rating spelled `text` (as the schema spells it).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// The user's words for the model card (empty fields are left out of it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelCardInfo {
    /// `model_overview.model_name`.
    pub model_name: String,
    /// `model_overview.model_description`.
    pub model_description: String,
    /// `model_overview.model_owner`.
    pub model_owner: String,
    /// `model_overview.model_creator`.
    pub model_creator: String,
    /// `model_overview.problem_type`.
    pub problem_type: String,
    /// `model_overview.algorithm_type`.
    pub algorithm_type: String,
    /// `intended_uses.purpose_of_model`.
    pub purpose_of_model: String,
    /// `intended_uses.intended_uses`.
    pub intended_uses: String,
    /// `intended_uses.factors_affecting_model_efficiency`.
    pub factors_affecting_model_efficiency: String,
    /// `intended_uses.risk_rating`.
    pub risk_rating: RiskRating,
    /// `intended_uses.explanations_for_risk_rating`.
    pub explanations_for_risk_rating: String,
    /// `business_details.business_problem`.
    pub business_problem: String,
    /// `business_details.business_stakeholders`.
    pub business_stakeholders: String,
    /// `business_details.line_of_business`.
    pub line_of_business: String,
    /// `training_details.training_observations` (default: what the baseline was).
    pub training_observations: String,
}
