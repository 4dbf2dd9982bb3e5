//! A bias configuration built from the model's columns and some facets, for
//! a timeline started without a Clarify `analysis_config.json`.

use crate::bias::quantile;
use crate::bias::{
    AnalysisConfig, ColumnRef, FacetConfig, MethodSelection, Methods, Metric, PyValue, Stage, StageMethods,
};
use crate::model_quality::ModelColumns;
use crate::table::{ColumnData, Table};

/// Most groups a facet is split into (each value against the rest): a
/// numeric facet with more distinct values is split at its median instead,
/// and a categorical one keeps its largest groups (see the bias check).
pub const MAX_FACET_GROUPS: usize = 8;

/// How `facet` is split: each value against the rest (`None`), or, for a
/// numeric facet with more than [`MAX_FACET_GROUPS`] values, a threshold
/// halfway between the reference's median and the next value up (values
/// above it are the group), so that age gives two groups, not seventy. The
/// threshold equals no cell, so strict mode reads it as a threshold even
/// where smclarify's rule would take an integer column as categories.
fn facet_split(reference: &Table, facet: &str) -> Option<Vec<PyValue>> {
    let column = reference.column(facet)?;
    let ColumnData::Numeric(values) = &column.data else { return None };
    let mut present: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    present.sort_by(f64::total_cmp);
    let mut distinct = present.clone();
    distinct.dedup();
    if distinct.len() <= MAX_FACET_GROUPS {
        return None;
    }
    let median = quantile(&present, 0.5);
    let above = distinct.partition_point(|&v| v <= median);
    let (&low, &high) = (distinct.get(above.checked_sub(1)?)?, distinct.get(above)?);
    Some(vec![PyValue::Float((low + high) / 2.0)])
}

/// Every pre-training metric and every post-training metric but FT (a
/// nearest-neighbour search per window is too slow to repeat by default;
/// a configuration file can ask for it).
#[must_use]
pub fn bias_config_for(model: &ModelColumns, positive: &str, facets: &[String], reference: &Table) -> AnalysisConfig {
    let facet: Vec<FacetConfig> = facets
        .iter()
        .map(|f| FacetConfig {
            name_or_index: ColumnRef::Name(f.clone()),
            value_or_threshold: facet_split(reference, f),
        })
        .collect();
    let strict = facet.iter().any(|f| f.value_or_threshold.is_some());
    let post: Vec<String> = Metric::ALL
        .into_iter()
        .filter(|m| m.stage() == Stage::PostTraining && *m != Metric::FT)
        .map(|m| m.name().to_owned())
        .collect();
    let has_prediction = model.prediction.is_some() || model.score.is_some();
    AnalysisConfig {
        label: Some(ColumnRef::Name(model.label.clone())),
        label_values_or_threshold: vec![PyValue::from_text(positive)],
        facet,
        strict,
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
