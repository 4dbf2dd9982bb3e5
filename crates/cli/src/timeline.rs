//! `tideline timeline --baseline BASE --current CUR [--time-column TS] --window 1d|7d|10000rows
//! [--checks data_quality,drift,model_quality,estimated_performance,bias] [--alert M/N]
//! [--config analysis_config.json] --out timeline.json`: every enabled check on
//! every window of the current data, with thresholds and "M out of N" alert
//! states (the Model Dashboard for files on disk).
//!
//! A `--timeline-config` JSON (as the app exports it) gives everything at
//! once; flags given with it override its fields.

use crate::files::read_text;
use std::path::PathBuf;

use clap::Args;
use tideline_engine::bias::AnalysisConfig;
use tideline_engine::data_quality::Constraints;
use tideline_engine::drift::nannyml::UnivariateMethod;
use tideline_engine::guess::guess_model_columns;
use tideline_engine::model_quality::{ModelColumns, ModelQualityConstraints, ProblemType};
use tideline_engine::roles::Role;
use tideline_engine::table::Table;
use tideline_engine::timeline::{bias_config_for, run_timeline, CheckKind, ThresholdChoice, TimelineConfig};
use tideline_engine::timeline::{AlertState, CheckStatus, Timeline};

use crate::load::{mark_split_columns, stacked, ReadArgs};
use crate::model_quality::Problem;
use crate::output::Outputs;

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Baseline (reference) data files, stacked.
    #[arg(long = "baseline", required = true, value_name = "BASE")]
    baseline: Vec<PathBuf>,
    /// Current (monitored) data files, stacked.
    #[arg(long = "current", required = true, value_name = "CUR")]
    current: Vec<PathBuf>,
    /// A timeline configuration JSON (flags override its fields).
    #[arg(long, value_name = "FILE")]
    timeline_config: Option<PathBuf>,
    /// The timestamp column (default: the column guessed as the timestamp).
    #[arg(long, value_name = "TS")]
    time_column: Option<String>,
    /// Window: 1h, 1d, 7d, 1w, 1mo, or 10000rows.
    #[arg(long, value_name = "SPEC")]
    window: Option<String>,
    /// Checks to run, comma-separated (default: all that the data allows).
    #[arg(long, value_name = "CHECKS", value_delimiter = ',')]
    checks: Option<Vec<String>>,
    /// Alert when M of the last N windows failed (Model Dashboard), e.g. 2/3.
    #[arg(long, value_name = "M/N")]
    alert: Option<String>,
    /// Threshold source per check: CHECK=default|reference|LOWER:UPPER (repeatable), e.g. drift=reference, model_quality=0.7:.
    #[arg(long = "threshold", value_name = "CHECK=SOURCE")]
    thresholds: Vec<String>,
    /// The problem type (default: guessed from the label).
    #[arg(long, value_enum)]
    problem: Option<Problem>,
    /// The ground-truth column (default: the column guessed as the label).
    #[arg(long, value_name = "Y")]
    label: Option<String>,
    /// The predicted-label column.
    #[arg(long, value_name = "P")]
    prediction: Option<String>,
    /// The predicted-probability column (binary).
    #[arg(long, value_name = "S")]
    score: Option<String>,
    /// Probability cut-off when there is no prediction column.
    #[arg(long, value_name = "T", value_parser = crate::numbers::unit)]
    threshold_probability: Option<f64>,
    /// The positive label (binary).
    #[arg(long, value_name = "V")]
    positive: Option<String>,
    /// Model-quality metrics to follow, comma-separated (default: the problem type's main ones).
    #[arg(long, value_name = "M", value_delimiter = ',')]
    metrics: Option<Vec<String>>,
    /// Columns to test for drift, comma-separated (default: every feature and model column).
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    drift_columns: Option<Vec<String>>,
    /// Columns left out of drift, comma-separated.
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    exclude: Option<Vec<String>>,
    /// Windows with fewer rows are reported but not judged (default 0: all judged).
    #[arg(long, value_name = "N")]
    min_window_rows: Option<usize>,
    /// NannyML drift method for numeric columns (jensen_shannon, kolmogorov_smirnov, wasserstein, hellinger).
    #[arg(long, value_name = "METHOD")]
    continuous_method: Option<String>,
    /// NannyML drift method for categorical columns (jensen_shannon, chi2, l_infinity, hellinger).
    #[arg(long, value_name = "METHOD")]
    categorical_method: Option<String>,
    /// Clarify analysis_config.json for the bias check.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Facet columns for the bias check without a --config, comma-separated.
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    facets: Option<Vec<String>>,
    /// Data-quality constraints.json (default: suggested from the baseline).
    #[arg(long, value_name = "C")]
    data_constraints: Option<PathBuf>,
    /// Model-quality constraints.json (fixed model-quality thresholds).
    #[arg(long, value_name = "C")]
    quality_constraints: Option<PathBuf>,
    /// A model (XGBoost JSON, LightGBM text, linear JSON) for the attribution
    /// check: each window's NDCG against the baseline's attributions.
    #[arg(long, value_name = "MODEL")]
    model: Option<PathBuf>,
    /// NDCG below which a window fails the attribution check (0.90).
    #[arg(long, value_name = "T", value_parser = crate::numbers::unit)]
    ndcg_threshold: Option<f64>,
    /// Where to write timeline.json.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
}

fn parse_threshold(text: &str) -> Result<(CheckKind, ThresholdChoice), String> {
    let (check, source) = text.split_once('=').ok_or_else(|| format!("--threshold {text}: expected CHECK=SOURCE"))?;
    let kind = CheckKind::parse(check).ok_or_else(|| format!("--threshold {text}: no check {check}"))?;
    let choice = match source {
        "default" => ThresholdChoice::Default,
        "reference" => ThresholdChoice::Reference { std_lower_multiplier: None, std_upper_multiplier: None },
        bounds => {
            let (lower, upper) = bounds
                .split_once(':')
                .ok_or_else(|| format!("--threshold {text}: expected default, reference or LOWER:UPPER"))?;
            let number = |s: &str| -> Result<Option<f64>, String> {
                (!s.is_empty())
                    .then(|| s.parse::<f64>().map_err(|_| format!("--threshold {text}: {s:?} is not a number")))
                    .transpose()
            };
            ThresholdChoice::Constant { lower: number(lower)?, upper: number(upper)? }
        }
    };
    Ok((kind, choice))
}

fn method(name: &str) -> Result<UnivariateMethod, String> {
    UnivariateMethod::parse(name).ok_or_else(|| format!("no drift method {name}"))
}

/// The model's columns: flags over the configuration over role guesses.
fn model_columns(args: &TimelineArgs, base: Option<ModelColumns>, reference: &Table) -> Option<ModelColumns> {
    let given = args.label.is_some() || args.prediction.is_some() || args.score.is_some() || args.problem.is_some();
    let mut model = base.or_else(|| guess_model_columns(reference));
    if given {
        let role = |r: Role| reference.columns.iter().find(|c| c.role == r).map(|c| c.name.clone());
        let mut m = model.unwrap_or_default();
        if let Some(label) = args.label.clone().or_else(|| (m.label.is_empty()).then(|| role(Role::Label)).flatten()) {
            m.label = label;
        }
        if args.prediction.is_some() {
            m.prediction = args.prediction.clone();
        }
        if args.score.is_some() {
            m.score = args.score.clone();
        }
        if let Some(p) = args.problem {
            m.problem = match p {
                Problem::Binary => ProblemType::BinaryClassification,
                Problem::Multiclass => ProblemType::MulticlassClassification,
                Problem::Regression => ProblemType::Regression,
            };
        }
        model = (!m.label.is_empty()).then_some(m);
    }
    model.map(|mut m| {
        if let Some(t) = args.threshold_probability {
            m.threshold = t;
        }
        if args.positive.is_some() {
            m.positive = args.positive.clone();
        }
        m
    })
}

fn config(args: &TimelineArgs, reference: &Table) -> Result<TimelineConfig, String> {
    let mut config = match &args.timeline_config {
        Some(path) => {
            serde_json::from_str::<TimelineConfig>(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => {
            let window =
                args.window.as_deref().ok_or("give --window (e.g. 1d, 1w, 10000rows) or a --timeline-config")?;
            TimelineConfig::new(window.parse().map_err(|e| format!("--window {window}: {e}"))?)
        }
    };
    if let Some(window) = &args.window {
        config.window = window.parse().map_err(|e| format!("--window {window}: {e}"))?;
    }
    config.time_column = args
        .time_column
        .clone()
        .or(config.time_column)
        .or_else(|| reference.columns.iter().find(|c| c.role == Role::Timestamp).map(|c| c.name.clone()));
    if let Some(checks) = &args.checks {
        config.checks = checks
            .iter()
            .map(|c| CheckKind::parse(c).ok_or_else(|| format!("--checks: no check {c}; the checks are data_quality, drift, model_quality, estimated_performance, bias, attribution")))
            .collect::<Result<_, _>>()?;
    }
    if let Some(alert) = &args.alert {
        config.alert = alert.parse().map_err(|e| format!("--alert {alert}: {e}"))?;
    }
    for text in &args.thresholds {
        let (kind, choice) = parse_threshold(text)?;
        config.thresholds.set(kind, choice);
    }
    config.model = model_columns(args, config.model.take(), reference);
    if let Some(metrics) = &args.metrics {
        config.metrics = metrics.clone();
    }
    if let Some(columns) = &args.drift_columns {
        config.drift.columns = columns.clone();
    }
    if let Some(exclude) = &args.exclude {
        config.drift.exclude = exclude.clone();
    }
    if let Some(rows) = args.min_window_rows {
        config.min_window_rows = rows;
    }
    if let Some(m) = &args.continuous_method {
        config.drift.continuous_methods = vec![method(m)?];
    }
    if let Some(m) = &args.categorical_method {
        config.drift.categorical_methods = vec![method(m)?];
    }
    if let Some(path) = &args.config {
        config.bias = Some(Box::new(
            AnalysisConfig::from_json(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))?,
        ));
    } else if let (Some(facets), Some(model)) = (&args.facets, &config.model) {
        let positive = model.positive_in(reference).map_err(|e| e.to_string())?;
        config.bias = Some(Box::new(bias_config_for(model, &positive, facets, reference)));
    }
    if let Some(path) = &args.data_constraints {
        config.data_quality_constraints =
            Some(Box::new(Constraints::from_json(&read_text(path)?).map_err(|e| format!("{e}: {}", path.display()))?));
    }
    if let Some(path) = &args.quality_constraints {
        let value: serde_json::Value =
            serde_json::from_str(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
        config.quality_constraints =
            Some(ModelQualityConstraints::from_json(&value).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    if let Some(path) = &args.model {
        config.attribution_model = Some(Box::new(crate::explain::read_model(path)?));
    } else if args.checks.as_ref().is_some_and(|c| c.iter().any(|c| c.trim() == "attribution")) {
        return Err("--checks attribution needs --model MODEL".into());
    }
    if let Some(t) = args.ndcg_threshold {
        config.attribution.threshold = t;
    }
    Ok(config)
}

/// One line per check: windows judged, violations, windows in alert, state now.
fn print_summary(timeline: &Timeline) {
    say!(
        "{} windows of {}; alert rule {}{}",
        timeline.windows.len(),
        timeline.window,
        timeline.alert_rule,
        if timeline.missing_timestamp_rows > 0 {
            format!("; {} rows without a timestamp", timeline.missing_timestamp_rows)
        } else {
            String::new()
        }
    );
    let width = timeline.checks.iter().map(|c| c.name.chars().count()).max().unwrap_or(5).max(5);
    say!(
        "{} {:>9} {:>8} {:>10} {:>10} {:>8}",
        crate::pad::pad_right("check", width),
        "reference",
        "judged",
        "violations",
        "in alert",
        "now"
    );
    for check in &timeline.checks {
        let judged = check.cells.iter().filter(|c| c.status != CheckStatus::Missing).count();
        let violations = check.cells.iter().filter(|c| c.status == CheckStatus::Violation).count();
        let alerts = check.alert_states.iter().filter(|s| **s == AlertState::InAlert).count();
        let now = check.alert_states.last().map_or("-", |s| if *s == AlertState::InAlert { "InAlert" } else { "OK" });
        let reference = check.reference_value.map_or("-".to_owned(), |v| format!("{v:.4}"));
        let name = crate::pad::pad_right(&check.name, width);
        say!("{name} {reference:>9} {judged:>8} {violations:>10} {alerts:>10} {now:>8}");
    }
    for warning in &timeline.warnings {
        eprintln!("warning: {warning}");
    }
}

pub fn run(args: &TimelineArgs) -> Result<(), String> {
    let mut reference = stacked(&args.baseline, &args.read)?;
    let mut current = stacked(&args.current, &args.read)?;
    mark_split_columns(&mut reference, &mut current);
    let config = config(args, &reference)?;
    let started = std::time::Instant::now();
    let run = run_timeline(&reference, &current, &config, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
    let text = serde_json::to_string_pretty(&run.timeline).map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    outputs.text(&args.out, &text)?;
    outputs.commit()?;
    print_summary(&run.timeline);
    eprintln!("timeline computed in {:.3} s; written to {}", started.elapsed().as_secs_f64(), args.out.display());
    Ok(())
}
