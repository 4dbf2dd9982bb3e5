//! A bias configuration built from the model's columns and some facets, for
//! a timeline started without a Clarify `analysis_config.json`.

use crate::bias::{
    AnalysisConfig, ColumnRef, FacetConfig, MethodSelection, Methods, Metric, PyValue, Stage, StageMethods,
};
use crate::model_quality::ModelColumns;

/// Every pre-training metric and every post-training metric but FT (a
/// nearest-neighbour search per window is too slow to repeat by default;
/// a configuration file can ask for it).
#[must_use]
pub fn bias_config_for(model: &ModelColumns, positive: &str, facets: &[String]) -> AnalysisConfig {
    let post: Vec<String> = Metric::ALL
        .into_iter()
        .filter(|m| m.stage() == Stage::PostTraining && *m != Metric::FT)
        .map(|m| m.name().to_owned())
        .collect();
    let has_prediction = model.prediction.is_some() || model.score.is_some();
    AnalysisConfig {
        label: Some(ColumnRef::Name(model.label.clone())),
        label_values_or_threshold: vec![PyValue::from_text(positive)],
        facet: facets
            .iter()
            .map(|f| FacetConfig { name_or_index: ColumnRef::Name(f.clone()), value_or_threshold: None })
            .collect(),
        predicted_label: model.prediction.clone().map(ColumnRef::Name),
        predicted_score: model.prediction.is_none().then(|| model.score.clone().map(ColumnRef::Name)).flatten(),
        probability_threshold: model.score.as_ref().map(|_| model.threshold),
        methods: Methods {
            pre_training_bias: Some(StageMethods { methods: MethodSelection::All("all".into()) }),
            post_training_bias: has_prediction.then_some(StageMethods { methods: MethodSelection::List(post) }),
            other: serde_json::Map::new(),
        },
        ..AnalysisConfig::default()
    }
}
