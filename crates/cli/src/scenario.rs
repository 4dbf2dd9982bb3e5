//! `tideline scenario NAME`: a teaching scenario's files (baseline and
//! current CSV, the model, a Clarify configuration, each side's SHAP
//! explanation) and a README saying what to notice and which check
//! catches it first.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::explain::{analysis_json, explain_table, load_model, ExplainConfig};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::progress::NoProgress;
use tideline_engine::scenario::{generate, ScenarioConfig, ScenarioKind};

use crate::output::Outputs;

/// Arguments of `scenario`.
#[derive(Debug, Args)]
pub struct ScenarioArgs {
    /// covariate-shift, prior-shift, concept-drift, new-category, missing-values, bias-drift,
    /// attribution-drift, gradual-drift or sudden-drift.
    #[arg(value_name = "NAME")]
    name: String,
    /// Rows on each side.
    #[arg(long, default_value_t = 5000)]
    rows: usize,
    /// Seed (the same seed gives the same files).
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// From 0 (no drift) to 1 (strong drift).
    #[arg(long, default_value_t = 1.0, value_parser = crate::numbers::unit)]
    strength: f64,
    /// Directory to write into (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Each side explained by the scenario's model: Clarify's `analysis.json`.
fn explanation(model_json: &str, csv: &str, file: &str) -> Result<String, String> {
    let model = load_model("model.json", model_json.as_bytes()).map_err(|e| e.to_string())?;
    let table = load_bytes(file, csv.as_bytes(), LoadOptions::default()).map_err(|e| e.to_string())?.table;
    let outcome =
        explain_table(&model, None, &table, &ExplainConfig::default(), &mut NoProgress).map_err(|e| e.to_string())?;
    let analysis = analysis_json(outcome.method_key, &outcome.global, None).map_err(|e| e.to_string())?;
    Ok(serde_json::to_string_pretty(&analysis).map_err(|e| e.to_string())? + "\n")
}

pub fn run(args: &ScenarioArgs) -> Result<(), String> {
    let kind = ScenarioKind::parse(&args.name).ok_or_else(|| {
        let names: Vec<&str> = ScenarioKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("no scenario '{}': choose one of {}", args.name, names.join(", "))
    })?;
    if args.rows > tideline_engine::scenario::MAX_ROWS {
        return Err(format!(
            "--rows {}: a scenario has at most {} rows a side",
            args.rows,
            tideline_engine::scenario::MAX_ROWS
        ));
    }
    let s = generate(kind, &ScenarioConfig { rows: args.rows, seed: args.seed, strength: args.strength })
        .map_err(|e| e.to_string())?;
    let baseline_analysis = explanation(&s.model_json, &s.baseline_csv, "baseline.csv")?;
    let current_analysis = explanation(&s.model_json, &s.current_csv, "current.csv")?;
    let mut outputs = Outputs::new();
    let mut put = |name: &str, text: &str| outputs.bytes(&args.out.join(name), text.as_bytes());
    put("baseline.csv", &s.baseline_csv)?;
    put("current.csv", &s.current_csv)?;
    put("model.json", &s.model_json)?;
    put("analysis_config.json", &s.analysis_config_json)?;
    put("baseline_analysis.json", &baseline_analysis)?;
    put("current_analysis.json", &current_analysis)?;
    let readme = format!(
        "Tideline teaching scenario: {} (strength {}, seed {}, {} rows per side)\n\n\
         What to notice: {}\n\nCaught first by: {}\n\n\
         Files: baseline.csv and current.csv (timestamp, age, income, debt_ratio, tenure, region, sex,\n\
         visits, outcome, y_pred_proba, y_pred), model.json (the baseline's logistic law, linear JSON),\n\
         analysis_config.json (Clarify: label outcome = 1, facet sex = female, predicted label y_pred),\n\
         baseline_analysis.json and current_analysis.json (linear SHAP, mean |value|).\n",
        kind.as_str(),
        args.strength,
        args.seed,
        args.rows,
        kind.notice(),
        kind.caught_by()
    );
    put("README.txt", &readme)?;
    outputs.commit()?;
    say!("{}: {}\ncaught first by: {}\nwrote {}", kind.as_str(), kind.notice(), kind.caught_by(), args.out.display());
    Ok(())
}
