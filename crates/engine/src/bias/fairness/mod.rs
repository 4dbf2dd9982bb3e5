//! The fairness metrics Clarify lacks: AIF360's equal opportunity, average
//! odds and Theil index for the unprivileged group against the rest;
//! Fairlearn's demographic parity, equalized odds and equal opportunity
//! over all groups of a sensitive feature, or of several crossed
//! (intersectional groups such as "Female × Black"); the four-fifths rule;
//! small-group warnings; and `fairness.json`.
//!
//! Everything is a function of per-group [`Confusion`](crate::bias::Confusion)
//! counts, so [`crate::bias::bootstrap_groups_ci`] gives any of them a
//! confidence interval.

pub mod aif360;
mod catalog;
mod error;
pub mod fairlearn;
mod groups;
mod metric;
mod rates;
mod report;
mod table_groups;

pub use error::FairnessError;
pub use fairlearn::{
    demographic_parity_difference, demographic_parity_ratio, equal_opportunity_difference, equal_opportunity_ratio,
    equalized_odds_difference, equalized_odds_ratio, Aggregation,
};
pub use groups::{confusion_by_group, cross_groups, named_confusions, GroupColumn, Groups, CROSS, MAX_GROUPS};
pub use metric::{FairnessMetric, FairnessWarning, Flag};
pub use rates::{group_rates, rate, GroupRates};
pub use report::{
    facet_fairness, fairness_report, FacetFairness, FacetGroups, FairnessOptions, FairnessReport, FIVE_FOURTHS,
    FOUR_FIFTHS,
};
pub use table_groups::group_column;
