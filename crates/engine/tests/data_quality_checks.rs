//! Suggestion rules (spec §2.4) and the six checks (spec §2.5) on small tables.

use tideline_engine::data_quality::{
    evaluate, evaluate_with, profile_table, suggest_constraints, CategoricalDriftMethod, CheckType, ComparisonMethod,
    DataQualityReport, TypeRule,
};
use tideline_engine::io::{load_bytes, LoadOptions};

fn profile(csv: &str) -> tideline_engine::data_quality::DatasetProfile {
    let options = LoadOptions { has_header: Some(true), ..LoadOptions::default() };
    profile_table(&load_bytes("t.csv", csv.as_bytes(), options).unwrap().table)
}

fn csv_of(header: &str, rows: impl IntoIterator<Item = String>) -> String {
    let mut csv = format!("{header}\n");
    for row in rows {
        csv.push_str(&row);
        csv.push('\n');
    }
    csv
}

fn failed(report: &DataQualityReport, feature: &str, check: CheckType) -> bool {
    report.checks.iter().any(|c| c.feature_name == feature && c.check == check && !c.passed)
}

#[test]
fn suggestion_rules() {
    // 100 rows: `full` complete, `most` 90 % present, `rare` 10 % present; `cat` has 3 values.
    let rows = (0..100).map(|i| {
        let most = if i % 10 == 0 { String::new() } else { format!("{}", i as i64 - 50) };
        let rare = if i % 10 == 0 { "1".to_owned() } else { String::new() };
        let cat = ["a", "b", "c"][i % 3];
        format!("{i},{most},{rare},{cat},u{i}")
    });
    let statistics = profile(&csv_of("full,most,rare,cat,id", rows)).to_statistics();
    let constraints = suggest_constraints(&statistics);
    let feature = |name: &str| constraints.feature(name).unwrap();
    assert_eq!(feature("full").completeness, Some(1.0));
    // RetainCompleteness: 0.9 - 1.96*sqrt(0.9*0.1/100) = 0.8412, truncated to 0.84.
    assert_eq!(feature("most").completeness, Some(0.84));
    assert_eq!(feature("rare").completeness, None);
    assert_eq!(feature("full").num_constraints.unwrap().is_non_negative, Some(true));
    assert_eq!(feature("most").num_constraints.unwrap().is_non_negative, Some(false));
    let domains = feature("cat").string_constraints.as_ref().unwrap().domains.clone().unwrap();
    assert_eq!(domains, vec!["a", "b", "c"]);
    // Every value seen once: no categorical range.
    assert!(feature("id").string_constraints.is_none());
    assert_eq!(constraints.monitoring_config.datatype_check_threshold, 1.0);
    assert_eq!(constraints.monitoring_config.distribution_constraints.comparison_method, ComparisonMethod::Robust);
}

#[test]
fn type_completeness_and_domain_checks() {
    let base = profile(&csv_of("n,c", (0..50).map(|i| format!("{i},{}", ["a", "b"][i % 2]))));
    let statistics = base.to_statistics();
    let constraints = suggest_constraints(&statistics);
    // 5 of 50 `n` values are text, 5 are missing; 5 `c` values are outside the domain.
    let rows = (0..50).map(|i| {
        let n = match i % 10 {
            0 => "oops".to_owned(),
            1 => String::new(),
            _ => i.to_string(),
        };
        let c = if i % 10 == 2 { "z" } else { ["a", "b"][i % 2] };
        format!("{n},{c}")
    });
    let current = profile(&csv_of("n,c", rows));
    let report = evaluate(&constraints, &statistics, &current).unwrap();
    let check = |feature: &str, kind: CheckType| {
        report.checks.iter().find(|c| c.feature_name == feature && c.check == kind).cloned().unwrap()
    };
    let data_type = check("n", CheckType::DataTypeCheck);
    // Over present values: 40 integers of 45.
    assert_eq!(data_type.value, Some(40.0 / 45.0));
    assert!(!data_type.passed);
    assert_eq!(
        data_type.description,
        "Data type match requirement is not met. Expected data type: Integral, Expected match: 100.0%. Observed: Only 88.9% of data is Integral."
    );
    let completeness = check("n", CheckType::CompletenessCheck);
    assert_eq!(completeness.value, Some(45.0 / 50.0));
    assert!(!completeness.passed);
    let domain = check("c", CheckType::CategoricalValuesCheck);
    assert_eq!(domain.value, Some(45.0 / 50.0));
    assert!(!domain.passed);
    // A lower domain threshold lets it pass.
    let mut relaxed = constraints.clone();
    relaxed.monitoring_config.domain_content_threshold = 0.9;
    let report = evaluate(&relaxed, &statistics, &current).unwrap();
    assert!(!failed(&report, "c", CheckType::CategoricalValuesCheck));
}

#[test]
fn widening_accepts_a_representation_but_not_a_type_change() {
    // car-loan's `repaid`: 1.0/0.0 in the reference, 1/0 in the analysis;
    // a ticket column of codes and numbers; an integer column gaining fractions.
    let base = profile(&csv_of("repaid,ticket,n", (0..40).map(|i| format!("{}.0,A/{i},{i}", i % 2))));
    let statistics = base.to_statistics();
    let constraints = suggest_constraints(&statistics);
    let current = profile(&csv_of("repaid,ticket,n", (0..40).map(|i| format!("{},{},{i}.5", i % 2, 3000 + i))));
    let strict = evaluate(&constraints, &statistics, &current).unwrap();
    let widening = evaluate_with(&constraints, &statistics, &current, TypeRule::Widening).unwrap();
    for feature in ["repaid", "ticket", "n"] {
        assert!(failed(&strict, feature, CheckType::DataTypeCheck), "Model Monitor flags {feature}");
    }
    assert!(!failed(&widening, "repaid", CheckType::DataTypeCheck), "1 fits a column written 1.0");
    assert!(!failed(&widening, "ticket", CheckType::DataTypeCheck), "a number is a valid text value");
    assert!(failed(&widening, "n", CheckType::DataTypeCheck), "3.5 does not fit an integer column");
}

#[test]
fn drift_methods() {
    let base = profile(&csv_of("x,c", (0..400).map(|i| format!("{},{}", i % 100, ["a", "b", "c", "d"][i % 4]))));
    let statistics = base.to_statistics();
    let mut constraints = suggest_constraints(&statistics);
    // Shifted by 30 and with category `a` twice as frequent.
    let current =
        profile(&csv_of("x,c", (0..400).map(|i| format!("{},{}", i % 100 + 30, ["a", "a", "b", "c", "d"][i % 5]))));
    let report = evaluate(&constraints, &statistics, &current).unwrap();
    let drift = |report: &DataQualityReport, feature: &str| {
        report
            .checks
            .iter()
            .find(|c| c.feature_name == feature && c.check == CheckType::BaselineDriftCheck)
            .cloned()
            .unwrap()
    };
    let x = drift(&report, "x");
    // Simple 0.3 (30 of 100 values moved); robust 0.3 - 1.8*sqrt(800/160000).
    assert_eq!(x.metric, "linf_robust");
    assert!((x.value.unwrap() - (0.3 - 1.8 * (800.0_f64 / 160_000.0).sqrt())).abs() < 1e-12);
    assert!(!x.passed);
    assert!(
        x.description.starts_with("Numerical distance: 0.1727 exceeds numerical threshold: 0.1"),
        "{}",
        x.description
    );
    // Categorical L∞: share of `a` 0.25 -> 0.4.
    let c = drift(&report, "c");
    assert_eq!(c.metric, "linf_robust");
    constraints.monitoring_config.distribution_constraints.comparison_method = ComparisonMethod::Simple;
    let simple = evaluate(&constraints, &statistics, &current).unwrap();
    assert!((drift(&simple, "c").value.unwrap() - 0.15).abs() < 1e-12);
    assert!((drift(&simple, "x").value.unwrap() - 0.3).abs() < 1e-12);
    // Chi-squared, Robust: the p-value, drift when below the threshold.
    constraints.monitoring_config.distribution_constraints.comparison_method = ComparisonMethod::Robust;
    constraints.monitoring_config.distribution_constraints.categorical_drift_method =
        Some(CategoricalDriftMethod::ChiSquared);
    let chi = evaluate(&constraints, &statistics, &current).unwrap();
    let c = drift(&chi, "c");
    assert_eq!(c.metric, "chi_squared_p_value");
    assert!(c.value.unwrap() < 0.1 && !c.passed, "{c:?}");
}
