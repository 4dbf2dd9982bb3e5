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

    let mut archive = zip::ZipArchive::new(std::fs::File::open(dir.join("files.zip")).unwrap()).unwrap();
    let mut paths = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
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
