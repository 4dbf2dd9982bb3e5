//! A first bias analysis from the columns' roles, so the Bias view shows
//! numbers as soon as a file with a label and a sensitive column is loaded:
//! the label's positive value and the facet's sensitive value are guessed
//! (the rarer value, or one that reads as positive), always editable.

use crate::bias::{AnalysisConfig, ColumnRef, FacetConfig, MethodSelection, Metric, PyValue, Stage, StageMethods};
use crate::roles::Role;
use crate::summary::{ColumnSummary, DatasetSummary};
use crate::types::Kind;

/// Above this many rows the guessed analysis leaves out FT (a k-nearest-
/// neighbour search over every row); the user can ask for it.
pub const FT_AUTO_ROWS: u64 = 50_000;

/// Values that read as the positive outcome.
const POSITIVE_WORDS: [&str; 8] = [">50K", "1", "yes", "true", "good", "approved", "positive", "1.0"];

/// The value of a column to select: one that reads as positive, else the
/// least frequent of its top values.
#[must_use]
pub fn guess_value(column: &ColumnSummary, prefer_positive: bool) -> Option<String> {
    let values = &column.top_values;
    if prefer_positive {
        if let Some(v) = values
            .iter()
            .find(|v| POSITIVE_WORDS.contains(&v.value.to_lowercase().as_str()) || v.value.starts_with('>'))
        {
            return Some(v.value.clone());
        }
    }
    values.iter().min_by_key(|v| v.count).map(|v| v.value.clone())
}

/// Metrics to compute: the config's own selection where it has one, else
/// every pre-training metric and, when predictions exist, every
/// post-training one (none without predictions).
pub fn set_all_methods(config: &mut AnalysisConfig) {
    let all = || Some(StageMethods { methods: MethodSelection::All("all".into()) });
    let predicted = config.predicted_label.is_some() || config.predicted_score.is_some();
    if config.methods.pre_training_bias.is_none() && (config.methods.post_training_bias.is_none() || !predicted) {
        config.methods.pre_training_bias = all();
    }
    if !predicted {
        config.methods.post_training_bias = None;
    } else if config.methods.post_training_bias.is_none() {
        config.methods.post_training_bias = all();
    }
}

/// The analysis the roles suggest, when there is a label and a facet.
#[must_use]
pub fn guess_bias_config(summary: &DatasetSummary) -> Option<AnalysisConfig> {
    let with_role = |role: Role| summary.columns.iter().find(|c| c.role == role);
    let label = with_role(Role::Label)?;
    // The categorical facet with the fewest values (sex before race before country).
    let facet = summary
        .columns
        .iter()
        .filter(|c| c.role == Role::Facet && c.kind == Kind::Categorical && c.distinct >= 2)
        .min_by_key(|c| c.distinct)
        .or_else(|| with_role(Role::Facet))?;
    let mut config = AnalysisConfig {
        label: Some(ColumnRef::Name(label.name.clone())),
        label_values_or_threshold: vec![PyValue::from_text(&guess_value(label, true)?)],
        facet: vec![FacetConfig {
            name_or_index: ColumnRef::Name(facet.name.clone()),
            value_or_threshold: guess_value(facet, false).map(|v| vec![PyValue::from_text(&v)]),
        }],
        predicted_label: with_role(Role::PredictedLabel).map(|c| ColumnRef::Name(c.name.clone())),
        predicted_score: None,
        ..AnalysisConfig::default()
    };
    if config.predicted_label.is_none() {
        config.predicted_score = with_role(Role::PredictedScore).map(|c| ColumnRef::Name(c.name.clone()));
    }
    set_all_methods(&mut config);
    if summary.rows > FT_AUTO_ROWS && config.methods.post_training_bias.is_some() {
        let without_ft = Metric::ALL.into_iter().filter(|m| m.stage() == Stage::PostTraining && *m != Metric::FT);
        config.methods.post_training_bias =
            Some(StageMethods { methods: MethodSelection::List(without_ft.map(|m| m.name().to_owned()).collect()) });
    }
    Some(config)
}
