//! `tideline bias` and `tideline bias-drift` as subprocesses on the Adult
//! slice with a logistic model's predictions: analysis.json equals
//! smclarify's (tools/reference/bias.py, case adult_sex_female_pre_post), and
//! the bias drift check fires when women's predictions turn negative.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{engine_fixture, json, scratch, tideline};

fn reference(name: &str) -> PathBuf {
    engine_fixture("reference", name)
}

fn case(name: &str) -> serde_json::Value {
    let cases = json(&reference("bias_cases.json"));
    cases["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap().clone()
}

/// Every metric of `got` equals `expected`'s (numbers to 1e-9, errors exactly).
fn assert_same_analysis(got: &serde_json::Value, expected: &serde_json::Value) {
    let mut compared = 0;
    for stage in ["pre_training_bias_metrics", "post_training_bias_metrics"] {
        let (g, e) = (&got[stage], &expected[stage]);
        assert_eq!(g["label_value_or_threshold"], e["label_value_or_threshold"]);
        for (facet, values) in e["facets"].as_object().unwrap() {
            let (got_values, values) = (g["facets"][facet].as_array().unwrap(), values.as_array().unwrap());
            assert_eq!(got_values.len(), values.len(), "{stage} {facet}");
            for (gv, ev) in got_values.iter().zip(values) {
                assert_eq!(gv["value_or_threshold"], ev["value_or_threshold"]);
                for em in ev["metrics"].as_array().unwrap() {
                    let gm = gv["metrics"].as_array().unwrap().iter().find(|m| m["name"] == em["name"]).unwrap();
                    match (gm["value"].as_f64(), em["value"].as_f64()) {
                        (Some(a), Some(b)) => {
                            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{}: {a} vs {b}", em["name"])
                        }
                        _ => assert_eq!(gm, em),
                    }
                    compared += 1;
                }
            }
        }
    }
    // adult_sex_female_pre_post (bias_cases.json) has 8 pre-training and 12
    // post-training metrics: both callers compare that case (the flags may
    // add metrics of their own, which are not compared).
    let listed: usize = ["pre_training_bias_metrics", "post_training_bias_metrics"]
        .iter()
        .flat_map(|stage| expected[stage]["facets"].as_object().unwrap().values())
        .flat_map(|values| values.as_array().unwrap())
        .map(|v| v["metrics"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, 20, "metrics in the expected analysis");
    assert_eq!(compared, 20, "metrics compared");
}

/// `tideline bias --config C --data D --out O`, which must succeed.
fn bias_with_config(config: &Path, data: &Path, out_dir: &Path) -> Output {
    let out = tideline(&[
        "bias",
        "--config",
        config.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn bias_writes_smclarifys_analysis_and_fairness() {
    let dir = scratch("bias", "analysis");
    let case = case("adult_sex_female_pre_post");
    let config = dir.join("analysis_config.json");
    std::fs::write(&config, case["config"].to_string()).unwrap();
    let out_dir = dir.join("out");
    let data = reference("bias_adult_slice.csv");
    let out = bias_with_config(&config, &data, &out_dir);
    assert_same_analysis(&json(&out_dir.join("analysis.json")), &case["expected"]);
    let fairness = json(&out_dir.join("fairness.json"));
    let sex = &fairness["facets"][0];
    assert_eq!(sex["facet"], "sex");
    assert_eq!(sex["unprivileged"], serde_json::json!(["Female"]));
    assert!(sex["fairlearn"].as_array().unwrap().iter().any(|m| m["interval"].is_object()));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("DI"), "{printed}");
}

#[test]
fn flags_give_the_same_analysis_as_the_config() {
    let dir = scratch("bias", "flags");
    let data = reference("bias_adult_slice.csv");
    let out = tideline(&[
        "bias",
        "--data",
        data.to_str().unwrap(),
        "--label",
        "income_per_year",
        "--label-values",
        ">50K",
        "--facet",
        "sex",
        "--facet-values",
        "Female",
        "--predicted-label",
        "prediction",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_same_analysis(&json(&dir.join("analysis.json")), &case("adult_sex_female_pre_post")["expected"]);
}

#[test]
fn missing_facet_is_a_clear_error() {
    let data = reference("bias_adult_slice.csv");
    let out = tideline(&[
        "bias",
        "--data",
        data.to_str().unwrap(),
        "--label",
        "income_per_year",
        "--label-values",
        ">50K",
        "--facet",
        "gender",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Facet column gender is not present in the dataset"));
}

/// The slice with every woman's prediction turned negative.
fn drifted(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(reference("bias_adult_slice.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let sex = header.iter().position(|h| *h == "sex").unwrap();
    let prediction = header.iter().position(|h| *h == "prediction").unwrap();
    let mut out = vec![header.join(",")];
    for line in lines {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        if cells[sex] == "Female" {
            cells[prediction] = "<=50K".into();
        }
        out.push(cells.join(","));
    }
    let path = dir.join("drifted.csv");
    std::fs::write(&path, out.join("\n") + "\n").unwrap();
    path
}

#[test]
fn bias_drift_flags_metrics_farther_from_no_bias() {
    let dir = scratch("bias", "drift");
    let case = case("adult_sex_female_pre_post");
    let config = dir.join("analysis_config.json");
    std::fs::write(&config, case["config"].to_string()).unwrap();
    let baseline = dir.join("baseline_analysis.json");
    std::fs::write(&baseline, case["expected"].to_string()).unwrap();
    let data = drifted(&dir);
    let out_dir = dir.join("out");
    let run = |data: &Path| {
        tideline(&[
            "bias-drift",
            "--baseline",
            baseline.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ])
    };
    let out = run(&data);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let violations = json(&out_dir.join("constraint_violations.json"));
    let names: Vec<&str> =
        violations["violations"].as_array().unwrap().iter().map(|v| v["metric_name"].as_str().unwrap()).collect();
    assert!(names.contains(&"DI") && names.contains(&"DPPL"), "{names:?}");
    assert!(!names.contains(&"CI") && !names.contains(&"DPL"), "labels did not change: {names:?}");
    let first = &violations["violations"][0];
    assert_eq!(first["constraint_check_type"], "bias_drift_check");
    assert_eq!(first["facet"], "sex");
    assert_eq!(first["facet_value"], "Female");
    assert!(first["description"].as_str().unwrap().ends_with("does not meet the constraint requirement"));
    // The baseline's own data: no violation.
    let same = run(&reference("bias_adult_slice.csv"));
    assert!(same.status.success());
    assert_eq!(json(&out_dir.join("constraint_violations.json"))["violations"], serde_json::json!([]));
}

/// Two facets: fairness.json holds each sex × race group's Clarify metrics
/// against all other rows, equal to `bias` run on a crossed column.
#[test]
fn intersections_equal_a_crossed_facet() {
    let dir = scratch("bias", "intersections");
    let data = reference("bias_adult_slice.csv");
    // `tideline bias` with the Adult label and predictions, these data and facet arguments.
    let bias = |data: &Path, facet: &[&str], out_dir: &Path| {
        let mut args = vec!["bias", "--data", data.to_str().unwrap(), "--out", out_dir.to_str().unwrap()];
        args.extend(["--label", "income_per_year", "--label-values", ">50K", "--predicted-label", "prediction"]);
        args.extend(facet);
        let out = tideline(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let out_dir = dir.join("two");
    bias(&data, &["--facet", "sex", "--facet", "race"], &out_dir);
    let fairness = json(&out_dir.join("fairness.json"));
    let group = fairness["intersections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["value_or_threshold"] == "Female × Black")
        .unwrap()
        .clone();
    let metric = |report: &serde_json::Value, name: &str| {
        report["metrics"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap()["value"].as_f64().unwrap()
    };

    // The same rows as one crossed column.
    let text = std::fs::read_to_string(&data).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (sex, race) =
        (header.iter().position(|h| *h == "sex").unwrap(), header.iter().position(|h| *h == "race").unwrap());
    let mut crossed = vec![format!("{},sex_race", header.join(","))];
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        crossed.push(format!("{line},{} × {}", cells[sex], cells[race]));
    }
    let crossed_path = dir.join("crossed.csv");
    std::fs::write(&crossed_path, crossed.join("\n") + "\n").unwrap();
    let one_dir = dir.join("one");
    bias(&crossed_path, &["--facet", "sex_race", "--facet-values", "Female × Black"], &one_dir);
    let analysis = json(&one_dir.join("analysis.json"));
    let post = &analysis["post_training_bias_metrics"]["facets"]["sex_race"][0];
    let pre = &analysis["pre_training_bias_metrics"]["facets"]["sex_race"][0];
    for name in ["DI", "DPPL", "AD", "RD"] {
        assert!((metric(&group, name) - metric(post, name)).abs() < 1e-12, "{name}");
    }
    for name in ["CI", "DPL", "KL"] {
        assert!((metric(&group, name) - metric(pre, name)).abs() < 1e-12, "{name}");
    }
}

/// A header-less CSV named by the config's `headers` (Clarify's convention).
#[test]
fn config_headers_name_a_headerless_file() {
    let dir = scratch("bias", "headers");
    let data = dir.join("no_header.csv");
    std::fs::write(&data, "F,1,1\nM,0,1\nF,1,0\nM,1,1\nF,0,0\nM,0,0\n").unwrap();
    let config = dir.join("analysis_config.json");
    std::fs::write(
        &config,
        r#"{"dataset_type":"text/csv","headers":["sex","y","yhat"],"label":"y","label_values_or_threshold":[1,1],
            "facet":[{"name_or_index":"sex","value_or_threshold":["F"]}],"methods":{"pre_training_bias":{"methods":["CI"]}}}"#,
    )
    .unwrap();
    let out_dir = dir.join("out");
    bias_with_config(&config, &data, &out_dir);
    let analysis = json(&out_dir.join("analysis.json"));
    // Six rows, three of them F: no class imbalance (a header row read as data would make it 7 rows).
    assert_eq!(analysis["pre_training_bias_metrics"]["facets"]["sex"][0]["metrics"][0]["value"], 0.0);
}
