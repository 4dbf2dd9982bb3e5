//! The model card from engine results against the SageMaker Model Card
//! content schema: only the schema's sections and fields, the required
//! fields of every evaluation, metric group and metric, the risk rating's
//! enumeration, and the schema's length limits.

mod common;

use common::full_inputs;
use serde_json::Value;
use tideline_report::{model_card, ModelCardInfo, RiskRating};

const SECTIONS: [&str; 7] = [
    "model_overview",
    "intended_uses",
    "business_details",
    "training_details",
    "evaluation_details",
    "additional_information",
    "model_package_details",
];
const OVERVIEW: [&str; 10] = [
    "model_description",
    "model_owner",
    "model_creator",
    "problem_type",
    "algorithm_type",
    "model_artifact",
    "inference_environment",
    "model_id",
    "model_name",
    "model_version",
];
const INTENDED_USES: [&str; 5] = [
    "purpose_of_model",
    "intended_uses",
    "factors_affecting_model_efficiency",
    "risk_rating",
    "explanations_for_risk_rating",
];
const BUSINESS: [&str; 3] = ["business_problem", "business_stakeholders", "line_of_business"];
const TRAINING: [&str; 3] = ["objective_function", "training_observations", "training_job_details"];
const METRIC_TYPES: [&str; 6] = ["number", "string", "boolean", "linear_graph", "bar_chart", "matrix"];

fn keys_within(value: &Value, allowed: &[&str], what: &str) {
    for key in value.as_object().unwrap_or_else(|| panic!("{what} is an object")).keys() {
        assert!(allowed.contains(&key.as_str()), "{what}.{key} is not in the schema");
    }
}

#[test]
fn the_card_follows_the_schema() {
    let inputs = full_inputs();
    let words = ModelCardInfo {
        model_name: "car loans".into(),
        risk_rating: RiskRating::Medium,
        business_problem: "Who repays".into(),
        ..ModelCardInfo::default()
    };
    let card = model_card(&inputs, &words);
    keys_within(&card, &SECTIONS, "card");
    keys_within(&card["model_overview"], &OVERVIEW, "model_overview");
    keys_within(&card["intended_uses"], &INTENDED_USES, "intended_uses");
    keys_within(&card["business_details"], &BUSINESS, "business_details");
    keys_within(&card["training_details"], &TRAINING, "training_details");
    assert_eq!(card["model_overview"]["model_name"], "car loans");
    assert_eq!(card["intended_uses"]["risk_rating"], "Medium");
    assert_eq!(card["business_details"]["business_problem"], "Who repays");
    assert!(card["intended_uses"].get("purpose_of_model").is_none(), "empty words are left out");
    assert_eq!(card["training_details"]["training_job_details"]["training_datasets"][0], "reference.csv");
    assert!(card["training_details"]["training_observations"].as_str().unwrap().contains("300 rows"));

    let evaluations = card["evaluation_details"].as_array().unwrap();
    let names: Vec<&str> = evaluations.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Model quality", "Data drift", "Data quality", "Bias", "Feature attribution drift"]);
    for evaluation in evaluations {
        let name = evaluation["name"].as_str().unwrap();
        assert!((1..=63).contains(&name.chars().count()), "{name}");
        let datasets: Vec<&str> =
            evaluation["datasets"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
        assert_eq!(datasets, ["reference.csv", "<script>alert(1)</script>.csv"], "the data files, not the model");
        let groups = evaluation["metric_groups"].as_array().unwrap();
        assert!(!groups.is_empty(), "{name} has metrics");
        for group in groups {
            let group_name = group["name"].as_str().unwrap();
            assert!((1..=63).contains(&group_name.chars().count()), "{group_name}");
            for metric in group["metric_data"].as_array().unwrap() {
                let metric_name = metric["name"].as_str().unwrap();
                assert!((1..=255).contains(&metric_name.chars().count()), "{metric_name}");
                assert!(METRIC_TYPES.contains(&metric["type"].as_str().unwrap()));
                assert!(metric["value"].as_f64().is_some_and(f64::is_finite), "{metric_name}");
            }
        }
    }
    // The metrics are this analysis' numbers.
    let drift = &evaluations[1]["metric_groups"][0]["metric_data"];
    let share = drift.as_array().unwrap().iter().find(|m| m["name"] == "drift_share").unwrap();
    assert_eq!(share["value"].as_f64(), Some(inputs.drift.as_ref().unwrap().report.drift_share));
    let ndcg = &evaluations[4]["metric_groups"][0]["metric_data"][0]["value"];
    assert_eq!(ndcg.as_f64(), Some(inputs.attributions.as_ref().unwrap().ndcg[0]));
    for value in card["additional_information"]["custom_details"].as_object().unwrap().values() {
        assert!(value.as_str().is_some_and(|s| s.len() <= 1024), "custom details are strings");
    }
}

#[test]
fn the_risk_rating_is_the_schemas_enumeration() {
    let card: ModelCardInfo = serde_json::from_str("{}").unwrap();
    assert_eq!(card.risk_rating, RiskRating::Unknown);
    let card: ModelCardInfo = serde_json::from_str(r#"{"risk_rating":"High"}"#).unwrap();
    assert_eq!(card.risk_rating, RiskRating::High);
    assert!(serde_json::from_str::<ModelCardInfo>(r#"{"risk_rating":"Severe"}"#).is_err());
    assert!(serde_json::from_str::<ModelCardInfo>(r#"{"risk_rating":"high"}"#).is_err());
    let spelled: Vec<&str> = RiskRating::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(spelled, ["High", "Medium", "Low", "Unknown"]);
    assert_eq!(RiskRating::parse("Low"), Some(RiskRating::Low));
    assert_eq!(RiskRating::parse("Extreme"), None);
}
