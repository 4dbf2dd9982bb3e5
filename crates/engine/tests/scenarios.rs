//! Teaching scenarios: at strength 0 the check that should catch each one
//! stays quiet, at strength 1 it fires, and nothing else is meant to move
//! where the scenario says so (concept drift: accuracy falls, inputs do not
//! drift). The checks are the engine's own: drift (tideline preset),
//! completeness, unseen categories, disparate impact, NDCG of linear SHAP.

use indexmap::IndexMap;
use tideline_engine::bias::AnalysisConfig;
use tideline_engine::drift::{run_drift, DriftOptions, DriftReport};
use tideline_engine::explain::{explain_table, load_model, ndcg, ExplainConfig};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::progress::NoProgress;
use tideline_engine::scenario::{generate, Scenario, ScenarioConfig, ScenarioKind};
use tideline_engine::table::{take_rows, Table};

fn scenario(kind: ScenarioKind, strength: f64) -> Scenario {
    generate(kind, &ScenarioConfig { rows: 4000, seed: 7, strength }).unwrap()
}

fn table(csv: &str) -> Table {
    load_bytes("scenario.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table
}

fn tables(s: &Scenario) -> (Table, Table) {
    (table(&s.baseline_csv), table(&s.current_csv))
}

fn drift(baseline: &Table, current: &Table) -> DriftReport {
    run_drift(baseline, current, &DriftOptions::default())
}

fn drifted(report: &DriftReport, column: &str) -> bool {
    report.columns.iter().find(|c| c.name == column).unwrap_or_else(|| panic!("no {column}")).drifted
}

fn numbers(t: &Table, column: &str) -> Vec<f64> {
    (0..t.n_rows)
        .map(|i| t.column(column).unwrap().data.category_key(i).map_or(f64::NAN, |v| v.parse().unwrap()))
        .collect()
}

fn accuracy(t: &Table) -> f64 {
    let (y, p) = (numbers(t, "outcome"), numbers(t, "y_pred"));
    y.iter().zip(&p).filter(|(a, b)| a == b).count() as f64 / y.len() as f64
}

/// Disparate impact of the predicted label: female rate over male rate.
fn disparate_impact(t: &Table) -> f64 {
    let p = numbers(t, "y_pred");
    let sex = t.column("sex").unwrap();
    let rate = |who: &str| {
        let rows: Vec<usize> = (0..t.n_rows).filter(|&i| sex.data.category_key(i).as_deref() == Some(who)).collect();
        rows.iter().map(|&i| p[i]).sum::<f64>() / rows.len() as f64
    };
    rate("female") / rate("male")
}

fn global(model: &tideline_engine::explain::LoadedModel, t: &Table) -> IndexMap<String, f64> {
    let out = explain_table(model, None, t, &ExplainConfig::default(), &mut NoProgress).unwrap();
    out.global.features.iter().cloned().zip(out.global.values[0].iter().copied()).collect()
}

#[test]
fn covariate_shift_moves_income_only() {
    let (b, c) = tables(&scenario(ScenarioKind::CovariateShift, 0.0));
    assert!(!drift(&b, &c).dataset_drift);
    assert!(!drifted(&drift(&b, &c), "income"));
    let (b, c) = tables(&scenario(ScenarioKind::CovariateShift, 1.0));
    let report = drift(&b, &c);
    assert!(drifted(&report, "income"));
    for column in ["age", "debt_ratio", "tenure", "region", "sex", "visits"] {
        assert!(!drifted(&report, column), "{column}");
    }
}

#[test]
fn prior_shift_moves_the_outcome() {
    let (b, c) = tables(&scenario(ScenarioKind::PriorShift, 0.0));
    assert!(!drifted(&drift(&b, &c), "outcome"));
    let (b, c) = tables(&scenario(ScenarioKind::PriorShift, 1.0));
    assert!(drifted(&drift(&b, &c), "outcome"));
    let share = |t: &Table| numbers(t, "outcome").iter().sum::<f64>() / t.n_rows as f64;
    assert!(share(&c) > share(&b) + 0.1, "{} vs {}", share(&c), share(&b));
}

#[test]
fn concept_drift_costs_accuracy_without_input_drift() {
    let (b, c) = tables(&scenario(ScenarioKind::ConceptDrift, 0.0));
    assert!((accuracy(&b) - accuracy(&c)).abs() < 0.03, "{} vs {}", accuracy(&b), accuracy(&c));
    let (b, c) = tables(&scenario(ScenarioKind::ConceptDrift, 1.0));
    assert!(accuracy(&c) < accuracy(&b) - 0.2, "{} vs {}", accuracy(&c), accuracy(&b));
    let report = drift(&b, &c);
    for column in ["age", "income", "debt_ratio", "tenure", "region", "sex", "visits"] {
        assert!(!drifted(&report, column), "{column}");
    }
}

#[test]
fn a_new_category_is_unseen_in_the_baseline() {
    let unseen = |s: f64| {
        let (b, c) = tables(&scenario(ScenarioKind::NewCategory, s));
        let report = drift(&b, &c);
        report.columns.iter().find(|c| c.name == "region").unwrap().counts.unseen_rows
    };
    assert_eq!(unseen(0.0), 0);
    assert!(unseen(1.0) > 900, "{}", unseen(1.0));
}

#[test]
fn missing_values_creep_into_visits() {
    let missing = |s: f64| {
        table(&scenario(ScenarioKind::MissingValues, s).current_csv).column("visits").unwrap().data.missing_count()
    };
    assert_eq!(missing(0.0), 0);
    assert!(missing(1.0) > 1400, "{}", missing(1.0));
}

#[test]
fn bias_drift_widens_the_gap_between_groups() {
    let (b, c) = tables(&scenario(ScenarioKind::BiasDrift, 0.0));
    assert!(
        disparate_impact(&b) > 0.9 && disparate_impact(&c) > 0.9,
        "{} {}",
        disparate_impact(&b),
        disparate_impact(&c)
    );
    let (_, c) = tables(&scenario(ScenarioKind::BiasDrift, 1.0));
    assert!(disparate_impact(&c) < 0.8, "{}", disparate_impact(&c));
}

#[test]
fn attribution_drift_reorders_the_features() {
    // Seed 2026 is the one the Teach panel uses.
    for seed in [7, 2026] {
        let at = |strength| {
            generate(ScenarioKind::AttributionDrift, &ScenarioConfig { rows: 4000, seed, strength }).unwrap()
        };
        let s = at(0.0);
        let model = load_model("model.json", s.model_json.as_bytes()).unwrap();
        let (b, c) = tables(&s);
        assert!(ndcg(&global(&model, &b), &global(&model, &c)).unwrap() >= 0.9);
        let (b, c) = tables(&at(1.0));
        let current = global(&model, &c);
        assert!(ndcg(&global(&model, &b), &current).unwrap() < 0.85, "seed {seed}");
        assert_eq!(current.iter().max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0, "tenure");
    }
}

#[test]
fn gradual_and_sudden_drift_differ_over_time() {
    let windows = |kind| {
        let (b, c) = tables(&scenario(kind, 1.0));
        let quarter = c.n_rows / 4;
        (0..4)
            .map(|q| {
                let rows: Vec<usize> = (q * quarter..(q + 1) * quarter).collect();
                let report = drift(&b, &take_rows(&c, &rows));
                let income = report.columns.iter().find(|c| c.name == "income").unwrap();
                (income.drifted, income.effect_size)
            })
            .collect::<Vec<_>>()
    };
    let sudden = windows(ScenarioKind::SuddenDrift);
    assert_eq!(sudden.iter().map(|w| w.0).collect::<Vec<_>>(), [false, false, true, true], "{sudden:?}");
    let gradual = windows(ScenarioKind::GradualDrift);
    assert!(gradual.windows(2).all(|w| w[1].1 > w[0].1), "effect grows window by window: {gradual:?}");
    assert!(!gradual[0].0 && gradual[3].0, "{gradual:?}");
}

#[test]
fn files_are_reproducible_and_readable() {
    let a = scenario(ScenarioKind::CovariateShift, 0.5);
    assert_eq!(a, scenario(ScenarioKind::CovariateShift, 0.5));
    assert_ne!(a.current_csv, scenario(ScenarioKind::CovariateShift, 0.6).current_csv);
    AnalysisConfig::from_json(&a.analysis_config_json).unwrap();
    let model = load_model("model.json", a.model_json.as_bytes()).unwrap();
    assert_eq!(model.feature_names(), ["age", "income", "debt_ratio", "tenure"]);
    assert!(generate(ScenarioKind::CovariateShift, &ScenarioConfig { rows: 10, seed: 1, strength: 1.0 }).is_err());
    assert!(generate(ScenarioKind::CovariateShift, &ScenarioConfig { rows: 1000, seed: 1, strength: 1.5 }).is_err());
    for kind in ScenarioKind::ALL {
        assert_eq!(ScenarioKind::parse(kind.as_str()), Some(kind));
    }
}
