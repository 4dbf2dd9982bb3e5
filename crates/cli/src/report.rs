//! `tideline report --baseline BASE --current CUR [--config analysis_config.json]
//! [--model MODEL] [--constraints C] [--timeline-config T] --out report.html`:
//! every analysis whose inputs are given (drift, data quality, model quality
//! from the roles, bias with a config, attributions with a model, the
//! timeline from a timestamp or a config, the personal-data scan) in one
//! self-contained HTML report, with the SHA-256 of each input file; the
//! model card, the audit record and the zip of SageMaker files on request.
//! The browser's Export panel writes the same files with the same code.

use crate::files::read_text;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use clap::Args;
use serde_json::json;
use tideline_engine::bias::{run_bias, AnalysisConfig};
use tideline_engine::drift::DriftOptions;
use tideline_engine::explain::ExplainConfig;
use tideline_engine::guess::{guess_bias_config, guess_timeline_config};
use tideline_engine::pii::scan_table;
use tideline_engine::summary::summarize;
use tideline_engine::timeline::{run_timeline, TimelineConfig};
use tideline_engine::types::format_timestamp_millis;
use tideline_report::{
    audit_record, gather, model_card, render_html, sagemaker_files, sha256_hex, zip, BiasSection, InputFile,
    ModelCardInfo, PiiSection, ReportInputs, ReportMeta,
};

use crate::explain::read_model;
use crate::load::{mark_split_columns, stacked, ReadArgs};
use crate::output::Outputs;
use crate::sides_args::SidesArgs;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    sides: SidesArgs,
    /// A Model Monitor constraints.json (default: suggested from the baseline).
    #[arg(long, value_name = "FILE")]
    constraints: Option<PathBuf>,
    /// A Clarify analysis_config.json: bias metrics of both sides and bias drift.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// A model (XGBoost JSON, LightGBM text, linear JSON): SHAP attributions and their drift.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// A timeline configuration (default: guessed from the timestamp role).
    #[arg(long, value_name = "FILE")]
    timeline_config: Option<PathBuf>,
    /// The model card's own words (a JSON object of its fields).
    #[arg(long, value_name = "FILE")]
    model_card: Option<PathBuf>,
    /// The report's title (default: from the current file's name).
    #[arg(long)]
    title: Option<String>,
    /// The HTML report.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Also write the SageMaker-format files, the model card and the audit record as a zip.
    #[arg(long, value_name = "FILE")]
    zip: Option<PathBuf>,
    /// Also write the audit record.
    #[arg(long, value_name = "FILE")]
    audit: Option<PathBuf>,
    /// Also write the model card JSON.
    #[arg(long, value_name = "FILE")]
    model_card_out: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// A file's bytes' SHA-256 as an input of `role`.
fn input(role: &str, path: &Path) -> Result<InputFile, String> {
    let bytes = crate::files::read_bytes(path)?;
    Ok(InputFile {
        role: role.to_owned(),
        name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
    })
}

/// Now, as RFC 3339 in UTC.
fn now_utc() -> String {
    rfc3339_utc(SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()))
}

/// `secs` after the Unix epoch as RFC 3339 in UTC (civil date from days
/// since the epoch; no leap seconds, as Unix time has none).
fn rfc3339_utc(secs: u64) -> String {
    // Whole seconds: the engine's formatter writes no fraction then.
    format_timestamp_millis(i64::try_from(secs).unwrap_or(i64::MAX / 1000).saturating_mul(1000))
}

pub fn run(args: &ReportArgs) -> Result<(), String> {
    let preset = args.sides.preset()?;
    let mut files = Vec::new();
    for (role, paths) in [("baseline", &args.sides.baseline), ("current", &args.sides.current)] {
        for path in paths.iter() {
            files.push(input(role, path)?);
        }
    }
    let optional = [
        ("constraints", &args.constraints),
        ("analysis_config", &args.config),
        ("model", &args.model),
        ("timeline_config", &args.timeline_config),
    ];
    for (role, path) in optional {
        if let Some(path) = path {
            files.push(input(role, path)?);
        }
    }
    let mut baseline = stacked(&args.sides.baseline, &args.read)?;
    let mut current = stacked(&args.sides.current, &args.read)?;
    mark_split_columns(&mut baseline, &mut current);

    let drift_options = DriftOptions { preset, ..DriftOptions::default() };
    let constraints = args.constraints.as_deref().map(read_text).transpose()?;
    let (data_quality, _) = gather::data_quality(&baseline, &current, constraints.as_deref(), preset)?;
    let bias_config = match &args.config {
        Some(path) => {
            Some(AnalysisConfig::from_json(&read_text(path)?).map_err(|e| format!("{e}: {}", path.display()))?)
        }
        // As the app: an analysis guessed from the roles (label, facet).
        None => guess_bias_config(&summarize(&current)),
    };
    let bias = match (&bias_config, &args.config) {
        (Some(c), Some(_)) => Some(gather::bias(&baseline, &current, c)?),
        // A guess that cannot run (the current data has no label yet) is a note, not an error.
        (Some(c), None) => gather::bias(&baseline, &current, c)
            .map_err(|e| eprintln!("note: no bias analysis from the guessed roles ({e})"))
            .ok(),
        (None, _) => None,
    };
    if let (Some(BiasSection { baseline: None, .. }), Some(config)) = (&bias, &bias_config) {
        if let Err(e) = run_bias(&baseline, config) {
            eprintln!("note: no bias drift, the baseline's bias metrics failed ({e})");
        }
    }
    let model = args.model.as_deref().map(read_model).transpose()?;
    let explain_config = ExplainConfig::default();
    let attributions =
        model.as_ref().map(|m| gather::attributions(m, &baseline, &current, &explain_config)).transpose()?;
    let mut timeline_config: TimelineConfig = match &args.timeline_config {
        Some(path) => serde_json::from_str(&read_text(path)?).map_err(|e| format!("{e}: {}", path.display()))?,
        None => guess_timeline_config(&baseline, &current),
    };
    timeline_config.attribution_model = model.clone().map(Box::new);
    let timeline = match run_timeline(&baseline, &current, &timeline_config, &mut |_: &str, _, _| {}) {
        Ok(run) => Some(run.timeline),
        Err(e) => {
            eprintln!("note: no timeline ({e})");
            None
        }
    };
    let card: ModelCardInfo = match &args.model_card {
        Some(path) => serde_json::from_str(&read_text(path)?).map_err(|e| format!("{e}: {}", path.display()))?,
        None => ModelCardInfo::default(),
    };
    let title = args.title.clone().unwrap_or_else(|| {
        let current = files.iter().find(|f| f.role == "current").map_or("", |f| f.name.as_str());
        format!("Tideline report: {current}")
    });
    let settings = json!({
        "drift": drift_options,
        "constraints": if constraints.is_some() { "given" } else { "suggested from the baseline" },
        "bias": bias_config,
        "timeline": timeline_config,
        "explain": explain_config,
    });
    let inputs = ReportInputs {
        meta: ReportMeta {
            title,
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            generated_at: now_utc(),
            model: files.iter().find(|f| f.role == "model").map(|f| f.name.clone()),
        },
        files,
        settings,
        baseline: Some(summarize(&baseline)),
        current: Some(summarize(&current)),
        drift: Some(gather::drift(&baseline, &current, &drift_options)),
        data_quality: Some(data_quality),
        model_quality: gather::model_quality(&baseline, &current),
        bias,
        attributions,
        timeline,
        pii: Some(PiiSection { baseline: scan_table(&baseline), current: scan_table(&current), actions: Vec::new() }),
        model_card: Some(card.clone()),
    };
    let card_json = serde_json::to_string_pretty(&model_card(&inputs, &card)).map_err(|e| e.to_string())?;
    let audit_json = serde_json::to_string_pretty(&audit_record(&inputs)?).map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    outputs.text(&args.out, &render_html(&inputs))?;
    if let Some(path) = &args.model_card_out {
        outputs.text(path, &card_json)?;
    }
    if let Some(path) = &args.audit {
        outputs.text(path, &audit_json)?;
    }
    if let Some(path) = &args.zip {
        let mut entries = sagemaker_files(&inputs)?;
        entries.push(("model_card.json".into(), card_json.into_bytes()));
        entries.push(("audit.json".into(), audit_json.into_bytes()));
        outputs.bytes(path, &zip(&entries)?)?;
    }
    outputs.commit()?;
    let lights = tideline_report::overview(&inputs);
    for area in &lights.areas {
        say!("{:<14} {:<8} {}", area.area.title(), area.light.word(), area.headline);
    }
    say!("Report written to {}", args.out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::rfc3339_utc;

    // Expected texts from Python's datetime.fromtimestamp(s, timezone.utc).
    #[test]
    fn unix_seconds_become_rfc3339_dates() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_735_689_599), "2024-12-31T23:59:59Z");
        assert_eq!(rfc3339_utc(4_107_542_400), "2100-03-01T00:00:00Z");
    }
}
