//! `tideline report` on a generated bias-drift scenario (data, model and
//! Clarify config): the report is one self-contained file with every
//! section, the audit record names each input by the SHA-256 of its bytes,
//! the zip holds the SageMaker-format files and the model card follows the
//! Model Card schema's enumerations.

mod common;

use std::io::Read;

use common::{json, scratch, tideline};

#[test]
fn a_scenario_gives_a_full_report_with_hashes_and_files() {
    let dir = scratch("report", "full");
    let d = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let out = tideline(&["scenario", "bias-drift", "--rows", "2000", "--strength", "1", "--out", &d("")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = tideline(&[
        "report",
        "--baseline",
        &d("baseline.csv"),
        "--current",
        &d("current.csv"),
        "--config",
        &d("analysis_config.json"),
        "--model",
        &d("model.json"),
        "--out",
        &d("report.html"),
        "--zip",
        &d("files.zip"),
        "--audit",
        &d("audit.json"),
        "--model-card-out",
        &d("card.json"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("Bias           fails"), "bias drift is caught:\n{printed}");

    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    for id in [
        "overview",
        "drift",
        "data-quality",
        "model-quality",
        "bias",
        "attributions",
        "timeline",
        "model-card",
        "audit",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "section {id}");
    }
    assert!(!html.contains("Not run: needs a model"), "attributions ran");
    assert!(html.matches("<svg").count() >= 2, "histograms and the attribution chart are inline SVG");
    for external in ["src=\"http", "href=\"http", "<script", "<link", "url(http"] {
        assert!(!html.contains(external), "{external}");
    }

    // Every input by the SHA-256 of its bytes, in the record and in the report.
    let audit = json(&dir.join("audit.json"));
    let inputs = audit["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 4, "baseline, current, analysis config, model");
    for input in inputs {
        let name = input["name"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(input["sha256"], tideline_report::sha256_hex(&bytes), "{name}");
        assert_eq!(input["bytes"], bytes.len(), "{name}");
        assert!(html.contains(input["sha256"].as_str().unwrap()), "{name}'s hash in the report");
    }
    let results = audit["results_sha256"].as_str().unwrap();
    assert_eq!(results.len(), 64);
    assert!(html.contains(results));

    let card = json(&dir.join("card.json"));
    assert_eq!(card["intended_uses"]["risk_rating"], "Unknown");
    assert_eq!(card["model_overview"]["model_name"], "model.json");
    let names: Vec<&str> =
        card["evaluation_details"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Model quality", "Data drift", "Data quality", "Bias", "Feature attribution drift"]);

    let mut paths = Vec::new();
    for (name, text) in unzip(&dir.join("files.zip")) {
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        paths.push(name);
    }
    for expected in [
        "data_quality/constraint_violations.json",
        "bias/current/analysis.json",
        "bias/constraint_violations.json",
        "explainability/current/analysis.json",
        "model_card.json",
        "audit.json",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{expected} in {paths:?}");
    }
}

/// Unzips `path`: every entry's name and text.
fn unzip(path: &std::path::Path) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            (name, text)
        })
        .collect()
}

/// `tideline report` on the car-loan files with the card's words in
/// `dir/words.json`, writing the report, zip and audit record into `dir`.
fn car_loans(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let (base, cur) = (common::fixture("car_loan_reference_300.csv"), common::fixture("car_loan_analysis_300.csv"));
    let d = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let mut args = vec!["report".to_owned(), "--baseline".into(), base.to_str().unwrap().into()];
    args.extend(["--current".into(), cur.to_str().unwrap().into(), "--model-card".into(), d("words.json")]);
    args.extend(["--out".into(), d("report.html"), "--zip".into(), d("files.zip"), "--audit".into(), d("audit.json")]);
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    tideline(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn the_car_loan_files_give_a_report_whose_audit_names_their_bytes() {
    let dir = scratch("report", "car-loan");
    let (base, cur) = (common::fixture("car_loan_reference_300.csv"), common::fixture("car_loan_analysis_300.csv"));
    let model = common::engine_fixture("models", "xgb_car_loan.json");
    std::fs::write(dir.join("words.json"), r#"{"model_name":"car loans","risk_rating":"High"}"#).unwrap();
    let out = car_loans(&dir, &["--model", model.to_str().unwrap(), "--title", "Car <loans>"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("<h1>Car &lt;loans&gt;</h1>"), "the title is escaped");
    assert!(html.contains("Not run: needs a label column and a facet"), "no --config, no bias");
    assert!(!html.contains("Not run: needs a model"), "attributions ran");
    assert!(!html.contains("Not run: needs a timestamp"), "the timeline ran from the timestamp role");
    assert!(html.contains("<td>High</td>"), "the card's risk rating is shown");

    let audit = json(&dir.join("audit.json"));
    assert_eq!(audit["tool"], "tideline");
    let generated = audit["generated_at"].as_str().unwrap();
    assert!(generated.len() == 20 && generated.ends_with('Z') && generated.as_bytes()[10] == b'T', "{generated}");
    let inputs = audit["inputs"].as_array().unwrap();
    let roles: Vec<&str> = inputs.iter().map(|i| i["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["baseline", "current", "model"]);
    for (input, path) in inputs.iter().zip([&base, &cur, &model]) {
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(input["sha256"], tideline_report::sha256_hex(&bytes), "{}", path.display());
        assert_eq!(input["bytes"], bytes.len());
    }

    let files = unzip(&dir.join("files.zip"));
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data_quality/baseline_statistics.json",
            "data_quality/statistics.json",
            "data_quality/constraints.json",
            "data_quality/constraint_violations.json",
            "drift/drift.json",
            "explainability/baseline/analysis.json",
            "explainability/current/analysis.json",
            "timeline/timeline.json",
            "model_card.json",
            "audit.json",
        ]
    );
    for (path, text) in &files {
        serde_json::from_str::<serde_json::Value>(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let zipped_audit: serde_json::Value = serde_json::from_str(&files[9].1).unwrap();
    assert_eq!(zipped_audit, audit, "the zip's audit record is the one written beside it");
    let card: serde_json::Value = serde_json::from_str(&files[8].1).unwrap();
    assert_eq!(card["intended_uses"]["risk_rating"], "High");
    assert_eq!(card["model_overview"]["model_name"], "car loans");
}

#[test]
fn a_risk_rating_outside_the_schema_is_refused() {
    let dir = scratch("report", "risk");
    std::fs::write(dir.join("words.json"), r#"{"risk_rating":"Severe"}"#).unwrap();
    let out = car_loans(&dir, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Severe") && err.contains("words.json"), "{err}");
    assert!(!dir.join("report.html").exists(), "nothing is written");
}
