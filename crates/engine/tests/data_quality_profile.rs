//! Profiles written as statistics.json, and the JSON files read back.

use tideline_engine::data_quality::{
    profile_table, ConstraintViolations, Constraints, InferredType, Statistics, Toggle,
};
use tideline_engine::io::{load_bytes, LoadOptions};

fn table(csv: &str) -> tideline_engine::table::Table {
    load_bytes("t.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table
}

/// The spec's worked column (§2.1 [EX]): {1×24, 2×21, 3×55}.
fn spec_column() -> String {
    let mut csv = String::from("_c0\n");
    for (value, times) in [("1.0", 24), ("2.0", 21), ("3.0", 55)] {
        for _ in 0..times {
            csv.push_str(value);
            csv.push('\n');
        }
    }
    csv
}

#[test]
fn spec_example_profile() {
    let statistics = profile_table(&table(&spec_column())).to_statistics();
    assert_eq!(statistics.dataset.item_count, 100);
    let feature = &statistics.features[0];
    assert_eq!(feature.inferred_type, InferredType::Fractional);
    let n = feature.numerical_statistics.as_ref().unwrap();
    // spec §2.1: mean 2.31, sum 231.0, std_dev 0.8330066026148891 (population), min 1, max 3.
    assert_eq!((n.mean, n.sum, n.min, n.max), (2.31, 231.0, 1.0, 3.0));
    assert!((n.std_dev - 0.8330066026148891).abs() < 1e-15);
    // spec §3: buckets 24/21/55 over [1, 3], in buckets 0, 5 and 9.
    let counts: Vec<f64> = n.distribution.as_ref().unwrap().kll.buckets.iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![24.0, 0.0, 0.0, 0.0, 0.0, 21.0, 0.0, 0.0, 0.0, 55.0]);
    let text = statistics.to_json();
    assert!(text.contains("\"version\": 0.0") && text.contains("\"count\": 24.0") && text.contains("\"k\": 2048.0"));
    assert!(text.contains("\"c\": 0.64"));
}

#[test]
fn statistics_round_trip() {
    let csv = "a,b,c,d\n1,x,true,\n2,y,false,\n3,x,true,\n,z,true,\n";
    let statistics = profile_table(&table(csv)).to_statistics();
    let back = Statistics::from_json(&statistics.to_json()).unwrap();
    assert_eq!(back, statistics);
    let types: Vec<InferredType> = statistics.features.iter().map(|f| f.inferred_type).collect();
    // Deequ Boolean is written as String; the all-null column is Unknown.
    assert_eq!(types, vec![InferredType::Integral, InferredType::String, InferredType::String, InferredType::Unknown]);
    let b = statistics.features[1].string_statistics.as_ref().unwrap();
    assert_eq!(b.distinct_count, 3.0);
    let buckets = statistics.features[1].categorical_buckets().unwrap();
    assert_eq!((buckets[0].value.as_str(), buckets[0].count), ("x", 2));
    assert_eq!(statistics.features[0].numerical_statistics.as_ref().unwrap().common.num_missing, 1);
}

/// A statistics.json as the service writes it (spec §2.1), with a key Tideline does not know.
const SAGEMAKER_STATISTICS: &str = r#"{"version":0.0,"dataset":{"item_count":4},
 "features":[
  {"name":"_c0","inferred_type":"Fractional",
   "numerical_statistics":{"common":{"num_present":4,"num_missing":0},
     "mean":2.25,"sum":9.0,"std_dev":0.82915619758885,"min":1.0,"max":3.0,
     "distribution":{"kll":{
        "buckets":[{"lower_bound":1.0,"upper_bound":1.2,"count":1.0}],
        "sketch":{"parameters":{"c":0.64,"k":2048.0},"data":[[3.0,1.0,2.0,3.0]]}}}}},
  {"name":"message","inferred_type":"String","future_key":1,
   "string_statistics":{"common":{"num_present":418.0,"num_missing":0},"distinct_count":1.0,
     "distribution":{"categorical":{"buckets":[{"value":"preproc","count":418}]}}}}]}"#;

#[test]
fn sagemaker_statistics_load_and_their_sketch_restores() {
    let statistics = Statistics::from_json(SAGEMAKER_STATISTICS).unwrap();
    let sketch = statistics.features[0].sketch().unwrap().unwrap();
    assert_eq!(sketch.total_weight(), 4);
    assert_eq!(sketch.rank(2.0), 2);
    assert_eq!(statistics.features[1].common().unwrap().num_present, 418);
    // Used as a baseline: the current data equal to the sketch has no drift.
    let current = profile_table(&table("_c0,message\n3.0,preproc\n1.0,preproc\n2.0,preproc\n3.0,preproc\n"));
    let constraints = tideline_engine::data_quality::suggest_constraints(&statistics);
    let report = tideline_engine::data_quality::evaluate(&constraints, &statistics, &current).unwrap();
    let drift = report.checks.iter().find(|c| c.feature_name == "_c0" && c.metric == "linf_robust").unwrap();
    assert_eq!(drift.value, Some(0.0));
    assert!(report.violations().violations.is_empty(), "{:?}", report.violations());
}

#[test]
fn constraints_accept_both_override_spellings_and_unknown_keys() {
    let text = r#"{"version":0.0,"features":[
        {"name":"a","inferred_type":"Integral","completeness":1.0,"monitoringConfigOverrides":{"evaluate_constraints":"Disabled"}},
        {"name":"b","inferred_type":"String","string_constraints":{"domains":["x"],
            "monitoring_config_overrides":{"evaluate_constraints":"Disabled","emit_metrics":"Enabled"}}}],
      "monitoring_config":{"evaluate_constraints":"Enabled","emit_metrics":"Enabled",
        "distribution_constraints":{"perform_comparison":"Enabled","comparison_threshold":0.2,
          "comparison_method":"Simple","enable_comparisons":true,"min_domain_mass":1.0}}}"#;
    let constraints = Constraints::from_json(text).unwrap();
    assert_eq!(constraints.features[0].overrides().evaluate_constraints, Some(Toggle::Disabled));
    assert_eq!(constraints.features[1].overrides().evaluate_constraints, Some(Toggle::Disabled));
    // Absent thresholds take the documented defaults; absent categorical threshold follows comparison_threshold.
    assert_eq!(constraints.monitoring_config.datatype_check_threshold, 0.1);
    assert_eq!(constraints.monitoring_config.distribution_constraints.categorical_threshold(), 0.2);
    let back = Constraints::from_json(&constraints.to_json()).unwrap();
    assert_eq!(back, constraints);
    // Both features are disabled: nothing is checked, even though both would fail.
    let current = profile_table(&table("a,b\nq,y\n"));
    let statistics = profile_table(&table("a,b\n1,x\n")).to_statistics();
    let report = tideline_engine::data_quality::evaluate(&constraints, &statistics, &current).unwrap();
    assert!(report.checks.is_empty(), "{:?}", report.checks);
}

#[test]
fn violations_round_trip() {
    let text = r#"{"violations":[{"feature_name":"Churn","constraint_check_type":"data_type_check",
      "description":"Data type match requirement is not met. Expected data type: Integral, Expected match: 100.0%. Observed: Only 0.0% of data is Integral."}]}"#;
    let violations = ConstraintViolations::from_json(text).unwrap();
    assert_eq!(ConstraintViolations::from_json(&violations.to_json()).unwrap(), violations);
}
