//! The timeline runner on small generated data: each window is judged as if
//! it were a file of its own (its data-quality violations and model quality
//! equal those of the window loaded alone), checks without inputs are
//! skipped with a warning, bad configurations fail with a clear error.

use tideline_engine::data_quality::{evaluate_with, profile_table, suggest_constraints, TypeRule};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::model_quality::{ModelColumns, ProblemType};
use tideline_engine::table::Table;
use tideline_engine::timeline::{run_timeline, CheckKind, ThresholdChoice, TimelineBuildError, TimelineConfig};
use tideline_engine::timeline::{AlertState, CheckStatus, CheckTimeline};

const HEADER: &str = "ts,x,c,y,p,s";

/// One row: day `d` (1-based, March 2024), a deterministic pattern of values.
fn row(d: usize, i: usize, missing_x: bool, category: &str) -> String {
    let x = if missing_x { String::new() } else { format!("{}", (i * 37 % 101) as f64 / 10.0) };
    let s = (i * 53 % 97) as f64 / 97.0;
    let y = usize::from(!(i * 29 % 89).is_multiple_of(3));
    let p = usize::from(s > 0.4);
    format!("2024-03-{d:02}T{:02}:00:00Z,{x},{category},{y},{p},{s:.4}", i % 24)
}

/// Rows per day; day 4 loses every `x`, day 5 brings a new category.
fn day_rows(d: usize, reference: bool) -> Vec<String> {
    (0..40)
        .map(|i| {
            let i = i + d * 40;
            let cat = if !reference && d == 5 && i.is_multiple_of(2) {
                "z"
            } else if i.is_multiple_of(3) {
                "a"
            } else {
                "b"
            };
            row(d, i, !reference && d == 4, cat)
        })
        .collect()
}

fn csv(days: &[usize], reference: bool) -> String {
    let mut lines = vec![HEADER.to_owned()];
    for &d in days {
        lines.extend(day_rows(d, reference));
    }
    lines.join("\n") + "\n"
}

fn table(text: &str) -> Table {
    load_bytes("t.csv", text.as_bytes(), LoadOptions::default()).expect("csv").table
}

fn model() -> ModelColumns {
    ModelColumns {
        problem: ProblemType::BinaryClassification,
        label: "y".into(),
        prediction: Some("p".into()),
        score: Some("s".into()),
        threshold: 0.5,
        positive: None,
    }
}

fn config(checks: &[CheckKind]) -> TimelineConfig {
    let mut config = TimelineConfig::new("1d".parse().expect("spec"));
    config.time_column = Some("ts".into());
    config.checks = checks.to_vec();
    config.model = Some(model());
    config
}

fn series<'t>(checks: &'t [CheckTimeline], name: &str) -> &'t CheckTimeline {
    checks.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no series {name}"))
}

#[test]
fn each_window_is_judged_as_its_own_file() {
    let reference = table(&csv(&[1, 2, 3], true));
    let current = table(&csv(&[1, 2, 3, 4, 5, 6], false));
    let run = run_timeline(
        &reference,
        &current,
        &config(&[CheckKind::DataQuality, CheckKind::ModelQuality]),
        &mut |_, _, _| {},
    )
    .expect("timeline");
    let timeline = run.timeline;
    assert_eq!(timeline.windows.len(), 6);
    assert_eq!(run.reference_chunk_rows, [40, 40, 40]);
    let statistics = profile_table(&reference).to_statistics();
    let constraints = suggest_constraints(&statistics);
    let quality = series(&timeline.checks, "data_quality:violations");
    let f1 = series(&timeline.checks, "model_quality:f1");
    for d in 1..=6 {
        let alone = table(&csv(&[d], false));
        // The timeline's rule: a representation change is not a type change.
        let violations = evaluate_with(&constraints, &statistics, &profile_table(&alone), TypeRule::Widening)
            .expect("evaluate")
            .violations();
        let cell = quality.cells[d - 1];
        assert_eq!(cell.value, Some(violations.violations.len() as f64), "day {d}");
        let expected = if violations.violations.is_empty() { CheckStatus::Ok } else { CheckStatus::Violation };
        assert_eq!(cell.status, expected, "day {d}");
        let outputs = model().outputs(&alone, "1").expect("outputs");
        let realised = outputs.realized(&(0..alone.n_rows).collect::<Vec<_>>()).expect("metrics");
        let expected_f1 = realised.iter().find(|(n, _)| *n == "f1").expect("f1").1;
        assert_eq!(f1.cells[d - 1].value, Some(expected_f1), "day {d} f1");
    }
    // Missing x on day 4 and a new category on day 5 are violations; day 1 is clean.
    assert_eq!(quality.cells[0].status, CheckStatus::Ok);
    assert_eq!((quality.cells[3].status, quality.cells[4].status), (CheckStatus::Violation, CheckStatus::Violation));
    // The default rule is 2 of the last 3 windows: day 4 alone is a
    // violation, day 5 makes it an alert.
    assert_eq!((quality.alert_states[3], quality.alert_states[4]), (AlertState::Ok, AlertState::InAlert));
}

#[test]
fn checks_without_inputs_are_skipped_with_a_warning() {
    let reference = table(&csv(&[1, 2], true));
    let current = table(&csv(&[1, 2], false));
    let mut config = config(&[CheckKind::ModelQuality, CheckKind::Bias]);
    config.model = None;
    let run = run_timeline(&reference, &current, &config, &mut |_, _, _| {}).expect("timeline");
    assert!(run.timeline.checks.is_empty());
    assert_eq!(run.timeline.warnings.len(), 2, "{:?}", run.timeline.warnings);
    assert!(run.timeline.warnings[0].starts_with("model_quality skipped"));
}

#[test]
fn constant_thresholds_apply_to_every_series_and_are_checked() {
    let reference = table(&csv(&[1, 2, 3], true));
    let current = table(&csv(&[1, 2], false));
    let mut config = config(&[CheckKind::ModelQuality]);
    config.thresholds.model_quality = ThresholdChoice::Constant { lower: Some(2.0), upper: None };
    let run = run_timeline(&reference, &current, &config, &mut |_, _, _| {}).expect("timeline");
    for check in &run.timeline.checks {
        assert!(check.cells.iter().all(|c| c.status == CheckStatus::Violation), "{}", check.name);
    }
    config.thresholds.model_quality = ThresholdChoice::Constant { lower: Some(0.9), upper: Some(0.1) };
    let error = run_timeline(&reference, &current, &config, &mut |_, _, _| {}).unwrap_err();
    assert!(error.to_string().contains("must be less than"), "{error}");
}

#[test]
fn a_current_file_without_the_time_column_is_an_error() {
    let reference = table(&csv(&[1, 2], true));
    let current = table("x,y\n1,1\n");
    let error = run_timeline(&reference, &current, &config(&[CheckKind::DataQuality]), &mut |_, _, _| {}).unwrap_err();
    assert_eq!(error, TimelineBuildError::MissingColumn { side: "current", column: "ts".into() });
    assert_eq!(error.to_string(), "the current data has no column ts");
}

#[test]
fn a_window_under_the_minimum_is_shown_but_not_judged() {
    let reference = table(&csv(&[1, 2, 3], true));
    // Days 4 and 5 (40 rows each, both with violations) and one row of day 6.
    let mut text = csv(&[4, 5], false);
    text.push_str(&day_rows(6, false)[0]);
    text.push('\n');
    let current = table(&text);
    let mut config = config(&[CheckKind::DataQuality]);
    let run = |config: &TimelineConfig| run_timeline(&reference, &current, config, &mut |_, _, _| {}).expect("run");

    // Without a minimum every window is judged, and the tiny one is named.
    let free = run(&config).timeline;
    assert_eq!(free.windows.iter().map(|w| w.n_rows).collect::<Vec<_>>(), [40, 40, 1]);
    assert!(free.warnings.iter().any(|w| w.contains("noisy") && w.contains("(1 rows)")), "{:?}", free.warnings);

    config.min_window_rows = 2;
    let kept = run(&config).timeline;
    let quality = series(&kept.checks, "data_quality:violations");
    let free_quality = series(&free.checks, "data_quality:violations");
    assert_eq!(quality.cells[2].status, CheckStatus::Missing);
    assert_eq!(quality.cells[2].value, free_quality.cells[2].value, "the value is still shown");
    assert_eq!(&quality.cells[..2], &free_quality.cells[..2]);
    assert!(kept.warnings.iter().any(|w| w.contains("fewer than 2 rows")), "{:?}", kept.warnings);
    // The minimum travels with the configuration's JSON.
    let json = serde_json::to_value(&config).expect("json");
    assert_eq!(json["min_window_rows"], 2);
    let back: TimelineConfig = serde_json::from_value(json).expect("back");
    assert_eq!(back.min_window_rows, 2);
}
