//! Number and value flags that would switch a check off or make it
//! meaningless (NaN, infinities, probabilities outside 0..1, absurd row
//! counts): refused before anything runs, naming the flag.

use super::case::{refused, Case};

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let drift = ["drift", "--baseline", "good.csv", "--current", "good.csv", "--out", "out.json"];
    let quality = [
        "model-quality",
        "--data",
        "good.csv",
        "--problem",
        "binary",
        "--label",
        "repaid",
        "--probability",
        "y_pred_proba",
        "--out",
        "out",
    ];
    let bias = ["bias", "--data", "good.csv", "--label", "repaid", "--facet", "salary_range", "--out", "out"];
    let timeline = ["timeline", "--baseline", "good.csv", "--current", "good.csv", "--out", "out.json"];
    let runs: Vec<(&[&str], [&str; 2])> = vec![
        (&drift, ["--threshold", "NaN"]),
        (&drift, ["--threshold", "inf"]),
        (&drift, ["--threshold", "-Infinity"]),
        (&drift, ["--threshold", "ten"]),
        (&drift, ["--drift-share", "1.5"]),
        (&drift, ["--drift-share", "NaN"]),
        (&quality, ["--threshold", "2"]),
        (&quality, ["--threshold", "NaN"]),
        (&quality, ["--threshold", "-0.1"]),
        (&bias, ["--label-values", "NaN"]),
        (&bias, ["--label-values", "1,inf"]),
        (&bias, ["--threshold", "1.5"]),
        (&timeline, ["--threshold-probability", "NaN"]),
        (&timeline, ["--ndcg-threshold", "7"]),
        (&["scenario", "covariate-shift", "--out", "out"], ["--strength", "NaN"]),
        (&["scenario", "covariate-shift", "--out", "out"], ["--rows", "100000000000"]),
        (&["scenario", "covariate-shift", "--out", "out"], ["--rows", "-5"]),
        (
            &["attribution-drift", "--baseline", "good.csv", "--current", "good.csv", "--out", "out"],
            ["--threshold", "NaN"],
        ),
    ];
    runs.into_iter()
        .map(|(base, [flag, value])| {
            let mut args: Vec<String> = base.iter().map(|a| (*a).to_owned()).collect();
            // `--flag=-1`: clap reads a lone `-1` as a flag of its own.
            args.push(format!("{flag}={value}"));
            if base[0] == "bias" && flag != "--label-values" {
                args.extend(["--label-values".to_owned(), "1".to_owned()]);
            }
            let name = format!("{} {flag} {value}", base[0]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            Case::new("flags", name, &args, refused(&[flag])).good()
        })
        .collect()
}
