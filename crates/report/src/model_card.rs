//! The SageMaker Model Card (its content JSON schema): the user's words in
//! `model_overview` and `intended_uses`, and `evaluation_details` filled
//! from this analysis, one evaluation per area that ran, each with its
//! Overview finding as the observation and its numbers as metric groups.

use serde_json::{json, Map, Value};

use crate::inputs::ReportInputs;
use crate::model_card_info::ModelCardInfo;
use crate::overview::{overview, Area};

/// The schema's limit on an evaluation's name.
const NAME_MAX: usize = 63;
/// The schema's limit on an evaluation's datasets.
const DATASETS_MAX: usize = 10;
/// The schema's limit on a metric's name.
const METRIC_NAME_MAX: usize = 255;
/// The schema's limit on `training_observations`.
const OBSERVATIONS_MAX: usize = 1024;
/// The schema's limit on a dataset's name.
const TEXT_MAX: usize = 1024;
/// The schema's limit on `training_job_details.training_datasets`.
const TRAINING_DATASETS_MAX: usize = 15;

/// Inserts `value` under `key` when it is not empty.
fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.to_owned(), Value::String(value.trim().to_owned()));
    }
}

/// A `metric_data` item of type number; `None` for a non-finite value
/// (the schema has no NaN).
fn number(name: &str, value: f64) -> Option<Value> {
    let name: String = name.chars().take(METRIC_NAME_MAX).collect();
    value.is_finite().then(|| json!({ "name": name, "type": "number", "value": value }))
}

fn group(name: &str, metrics: Vec<Option<Value>>) -> Option<Value> {
    let data: Vec<Value> = metrics.into_iter().flatten().collect();
    (!data.is_empty()).then(|| json!({ "name": name, "metric_data": data }))
}

/// The SageMaker Model Card content for `inputs`, with `card`'s words.
#[must_use]
pub fn model_card(inputs: &ReportInputs, card: &ModelCardInfo) -> Value {
    let lights = overview(inputs);
    let observation = |area: Area| lights.get(area).map(|s| s.headline.clone()).unwrap_or_default();
    // The data files only (not the model or configurations).
    let datasets: Vec<String> = inputs
        .files
        .iter()
        .filter(|f| f.role == "baseline" || f.role == "current")
        .take(DATASETS_MAX)
        .map(|f| f.name.chars().take(TEXT_MAX).collect())
        .collect();
    let evaluation = |name: &str, area: Area, groups: Vec<Option<Value>>| -> Option<Value> {
        let groups: Vec<Value> = groups.into_iter().flatten().collect();
        let name: String = name.chars().take(NAME_MAX).collect();
        (!groups.is_empty()).then(|| {
            json!({ "name": name, "evaluation_observation": observation(area), "datasets": datasets, "metric_groups": groups })
        })
    };
    let mut evaluations: Vec<Option<Value>> = Vec::new();
    if let Some(m) = &inputs.model_quality {
        let metrics = |side: &[(String, f64)]| side.iter().map(|(n, v)| number(n, *v)).collect();
        evaluations.push(evaluation(
            "Model quality",
            Area::ModelQuality,
            vec![group("Baseline", metrics(&m.baseline)), group("Current", metrics(&m.current))],
        ));
    }
    if let Some(d) = &inputs.drift {
        let r = &d.report;
        let dataset = group(
            "Dataset drift",
            vec![
                number("drift_share", r.drift_share),
                number("drifted_columns", r.n_drifted as f64),
                number("tested_columns", r.n_tested as f64),
            ],
        );
        let columns = group(
            "Drift per column (statistic)",
            r.columns.iter().map(|c| number(&format!("{} ({})", c.name, c.test.name()), c.statistic)).collect(),
        );
        evaluations.push(evaluation("Data drift", Area::Drift, vec![dataset, columns]));
    }
    if let Some(q) = &inputs.data_quality {
        let failed = q.checks.iter().filter(|c| !c.passed).count();
        let counts = group(
            "Model Monitor checks",
            vec![number("checks", q.checks.len() as f64), number("violations", failed as f64)],
        );
        evaluations.push(evaluation("Data quality", Area::DataQuality, vec![counts]));
    }
    if let Some(b) = &inputs.bias {
        let mut groups = Vec::new();
        for (side, run) in [("Baseline", &b.baseline), ("Current", &b.current)] {
            let Some(run) = run else { continue };
            let stages = [&run.analysis.pre_training_bias_metrics, &run.analysis.post_training_bias_metrics];
            let mut metrics = Vec::new();
            for stage in stages.into_iter().flatten() {
                for (facet, reports) in &stage.facets {
                    for report in reports {
                        for metric in &report.metrics {
                            if let Some(v) = metric.value {
                                let name = format!("{} {facet}={}", metric.name, report.value_or_threshold);
                                metrics.push(number(&name, v));
                            }
                        }
                    }
                }
            }
            groups.push(group(&format!("{side} bias metrics"), metrics));
        }
        evaluations.push(evaluation("Bias", Area::Bias, groups));
    }
    if let Some(a) = &inputs.attributions {
        let ndcg = a.labels.iter().zip(&a.ndcg).map(|(label, v)| number(&format!("ndcg {label}"), *v)).collect();
        evaluations.push(evaluation("Feature attribution drift", Area::Attributions, vec![group("NDCG", ndcg)]));
    }

    let mut model_overview = Map::new();
    let name = if card.model_name.trim().is_empty() {
        inputs.meta.model.clone().unwrap_or_default()
    } else {
        card.model_name.clone()
    };
    put(&mut model_overview, "model_name", &name);
    put(&mut model_overview, "model_description", &card.model_description);
    put(&mut model_overview, "model_owner", &card.model_owner);
    put(&mut model_overview, "model_creator", &card.model_creator);
    let problem = if card.problem_type.trim().is_empty() {
        inputs.model_quality.as_ref().map(|m| problem_words(&m.problem).to_owned()).unwrap_or_default()
    } else {
        card.problem_type.clone()
    };
    put(&mut model_overview, "problem_type", &problem);
    put(&mut model_overview, "algorithm_type", &card.algorithm_type);

    let mut intended_uses = Map::new();
    put(&mut intended_uses, "purpose_of_model", &card.purpose_of_model);
    put(&mut intended_uses, "intended_uses", &card.intended_uses);
    put(&mut intended_uses, "factors_affecting_model_efficiency", &card.factors_affecting_model_efficiency);
    intended_uses.insert("risk_rating".into(), Value::String(card.risk_rating.as_str().to_owned()));
    put(&mut intended_uses, "explanations_for_risk_rating", &card.explanations_for_risk_rating);

    let mut business_details = Map::new();
    put(&mut business_details, "business_problem", &card.business_problem);
    put(&mut business_details, "business_stakeholders", &card.business_stakeholders);
    put(&mut business_details, "line_of_business", &card.line_of_business);

    let training_details = training_details(inputs, card);

    let findings: Vec<String> = lights
        .areas
        .iter()
        .filter(|a| a.light >= crate::overview::Light::Amber)
        .map(|a| format!("{}: {}", a.area.title(), a.headline))
        .collect();
    let mut additional = Map::new();
    put(&mut additional, "caveats_and_recommendations", &findings.join(" "));
    additional.insert(
        "custom_details".into(),
        json!({ "generated_by": format!("tideline {}", inputs.meta.tool_version), "generated_at": inputs.meta.generated_at }),
    );
    json!({
        "model_overview": model_overview,
        "intended_uses": intended_uses,
        "business_details": business_details,
        "training_details": training_details,
        "evaluation_details": evaluations.into_iter().flatten().collect::<Vec<_>>(),
        "additional_information": additional,
    })
}

/// `training_details`: the user's observations, or else what the baseline
/// the monitoring compared with was, and the baseline's files as its
/// datasets (Model Monitor's baseline is usually the training data).
fn training_details(inputs: &ReportInputs, card: &ModelCardInfo) -> Map<String, Value> {
    let baseline_files: Vec<String> = inputs
        .files
        .iter()
        .filter(|f| f.role == "baseline")
        .take(TRAINING_DATASETS_MAX)
        .map(|f| f.name.chars().take(TEXT_MAX).collect())
        .collect();
    let observations = if card.training_observations.trim().is_empty() {
        inputs.baseline.as_ref().map_or_else(String::new, |b| {
            format!(
                "Monitored against a baseline of {} rows and {} columns ({}).",
                b.rows,
                b.columns.len(),
                baseline_files.join(", ")
            )
        })
    } else {
        card.training_observations.clone()
    };
    let mut details = Map::new();
    put(&mut details, "training_observations", &observations.chars().take(OBSERVATIONS_MAX).collect::<String>());
    if !baseline_files.is_empty() {
        details.insert("training_job_details".into(), json!({ "training_datasets": baseline_files }));
    }
    details
}

/// The card's words for a Model Monitor problem type.
fn problem_words(problem: &str) -> &str {
    match problem {
        "binary_classification" => "Binary Classification",
        "multiclass_classification" => "Multiclass Classification",
        "regression" => "Regression",
        other => other,
    }
}
