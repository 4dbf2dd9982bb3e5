//! Building a whole timeline: windows of the current data and chunks of the
//! reference, every enabled check observed on each, bounds resolved per
//! series, statuses and "M out of N" alert states.

use super::build_error::TimelineBuildError;
use super::checks::attribution_check::AttributionCheck;
use super::checks::bias_check::BiasCheck;
use super::checks::data_quality_check::DataQualityCheck;
use super::checks::drift_check::DriftCheck;
use super::checks::estimation_check::EstimationCheck;
use super::checks::model_quality_check::ModelQualityCheck;
use super::checks::window_check::{Side, WindowCheck};
use super::checks::CheckError;
use super::config::{CheckKind, ThresholdChoice, TimelineConfig};
use super::series::{Observation, SeriesSpec};
use crate::model_quality::ModelOutputs;
use crate::table::Table;
use crate::thresholds::ThresholdError;
use crate::timeline::{
    split, timestamps, CheckCell, CheckStatus, CheckTimeline, Chunker, Threshold, ThresholdRule, Timeline,
    TimelineError, Windows,
};

/// A timeline and what the user should know about how it was built.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRun {
    /// The result (its `warnings` hold skipped checks and unresolved bounds).
    pub timeline: Timeline,
    /// Rows in each reference chunk used for variability thresholds.
    pub reference_chunk_rows: Vec<usize>,
}

/// Where a long run stands: the check being computed, checks done, checks in all.
pub type StepReport<'a> = &'a mut dyn FnMut(&str, usize, usize);

/// Splits one side by the configured windows.
fn windows_of(
    table: &Table,
    config: &TimelineConfig,
    side: &'static str,
) -> Result<Option<Windows>, TimelineBuildError> {
    let Some(name) = &config.time_column else {
        return Ok(Some(split(None, table.n_rows, config.window)?));
    };
    let Some(column) = table.column(name) else {
        return match side {
            "current" => Err(TimelineBuildError::MissingColumn { side, column: name.clone() }),
            _ => Ok(None),
        };
    };
    let times = timestamps(column)?;
    Ok(Some(split(Some(&times), table.n_rows, config.window)?))
}

/// The windows of the current data under `config`, as the timeline cuts
/// them (so a window can be opened on its own).
///
/// # Errors
/// The current data lacks the time column, or windows cannot be built.
pub fn current_windows(current: &Table, config: &TimelineConfig) -> Result<Windows, TimelineBuildError> {
    Ok(windows_of(current, config, "current")?.unwrap_or_default())
}

/// The reference chunks: the same windows as the current data (NannyML chunks
/// both sides alike), or NannyML's default ten chunks when the reference has
/// no timestamps for time windows.
fn reference_chunks(
    reference: &Table,
    config: &TimelineConfig,
    warnings: &mut Vec<String>,
) -> Result<Vec<Vec<usize>>, TimelineBuildError> {
    let windows = match windows_of(reference, config, "reference")? {
        Some(w) => w,
        None => {
            warnings.push(format!(
                "the reference has no column {}: its variability is measured on 10 equal chunks",
                config.time_column.as_deref().unwrap_or_default()
            ));
            Chunker::Default.split(reference.n_rows, None)?
        }
    };
    if !windows.missing_timestamp_rows.is_empty() {
        warnings.push(format!(
            "{} reference rows have no timestamp and are in no reference chunk",
            windows.missing_timestamp_rows.len()
        ));
    }
    Ok(windows.windows.into_iter().map(|w| w.rows).filter(|r| !r.is_empty()).collect())
}

/// The model's outputs on both sides, when a check needs them and the config names the columns.
fn model_outputs(
    reference: &Table,
    current: &Table,
    config: &TimelineConfig,
) -> Result<Option<(ModelOutputs, ModelOutputs)>, TimelineBuildError> {
    let Some(model) = &config.model else { return Ok(None) };
    if reference.column(&model.label).is_none() {
        return Err(TimelineBuildError::MissingColumn { side: "reference", column: model.label.clone() });
    }
    let positive =
        model.positive_in(reference).map_err(|source| TimelineBuildError::Model { side: "reference", source })?;
    let outputs = |table: &Table, side| {
        model.outputs(table, &positive).map_err(|source| TimelineBuildError::Model { side, source })
    };
    Ok(Some((outputs(reference, "reference")?, outputs(current, "current")?)))
}

/// Builds the timeline.
///
/// # Errors
/// The current data lacks the time column, windows cannot be built, the
/// model's columns cannot be read, a constant threshold is inverted, or a
/// check named in the configuration fails on the reference.
pub fn run_timeline(
    reference: &Table,
    current: &Table,
    config: &TimelineConfig,
    step: StepReport<'_>,
) -> Result<TimelineRun, TimelineBuildError> {
    let windows = current_windows(current, config)?;
    let mut warnings = Vec::new();
    let chunks = reference_chunks(reference, config, &mut warnings)?;
    let outputs = if config.runs(CheckKind::ModelQuality) || config.runs(CheckKind::EstimatedPerformance) {
        model_outputs(reference, current, config)?
    } else {
        None
    };
    let judged = judged_windows(&windows, config.min_window_rows, &mut warnings);
    let mut timeline = Timeline::new(config.window, config.alert, &windows);
    let kinds: Vec<CheckKind> = CheckKind::ALL.into_iter().filter(|k| config.runs(*k)).collect();
    for (done, &kind) in kinds.iter().enumerate() {
        step(kind.as_str(), done, kinds.len());
        let check = match prepare(kind, reference, current, config, outputs.as_ref(), &chunks, &mut warnings) {
            Ok(Some(check)) => check,
            Ok(None) => continue,
            Err(e) => return Err(TimelineBuildError::Reference { check: kind.as_str(), source: Box::new(e) }),
        };
        let series =
            judge(check.as_ref(), &windows, &judged, &chunks, config.thresholds.get(kind), config, &mut warnings)?;
        timeline.checks.extend(series);
    }
    step("done", kinds.len(), kinds.len());
    timeline.warnings = warnings;
    Ok(TimelineRun { timeline, reference_chunk_rows: chunks.iter().map(Vec::len).collect() })
}

/// Which windows are judged: those with at least `min_rows` rows. Without a
/// minimum, windows under a tenth of the median window are named in a
/// warning, as NannyML warns of underpopulated chunks.
fn judged_windows(windows: &Windows, min_rows: usize, warnings: &mut Vec<String>) -> Vec<bool> {
    let rows: Vec<usize> = windows.windows.iter().map(|w| w.rows.len()).collect();
    let mut sorted = rows.clone();
    sorted.sort_unstable();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
    let few = if min_rows > 0 { min_rows } else { median / 10 };
    let small: Vec<String> = windows
        .windows
        .iter()
        .filter(|w| w.rows.len() < few)
        .map(|w| format!("{} ({} rows)", w.label, w.rows.len()))
        .collect();
    if !small.is_empty() {
        let listed = small.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        let more = if small.len() > 5 { format!(" and {} more", small.len() - 5) } else { String::new() };
        warnings.push(if min_rows > 0 {
            format!("{} windows have fewer than {min_rows} rows and are not judged: {listed}{more}", small.len())
        } else {
            format!(
                "{} windows have under a tenth of the median window's {median} rows, so their values are noisy \
                 (set a minimum of rows per window to leave them unjudged): {listed}{more}",
                small.len()
            )
        });
    }
    rows.iter().map(|&n| n >= min_rows).collect()
}

/// Prepares one check; `Ok(None)` (with a warning) when its inputs are not configured.
fn prepare<'a>(
    kind: CheckKind,
    reference: &'a Table,
    current: &'a Table,
    config: &'a TimelineConfig,
    outputs: Option<&'a (ModelOutputs, ModelOutputs)>,
    chunks: &[Vec<usize>],
    warnings: &mut Vec<String>,
) -> Result<Option<Box<dyn WindowCheck + 'a>>, CheckError> {
    let mut skip = |why: &str| {
        warnings.push(format!("{} skipped: {why}", kind.as_str()));
        Ok(None)
    };
    Ok(Some(match kind {
        CheckKind::DataQuality => Box::new(DataQualityCheck::new(
            reference,
            current,
            config.data_quality_constraints.as_deref(),
            &config.drift.exclude,
            config.time_column.as_deref(),
        )),
        CheckKind::Drift => {
            let (check, fit_warnings) =
                DriftCheck::new(reference, current, &config.drift, config.time_column.as_deref())?;
            warnings.extend(fit_warnings);
            Box::new(check)
        }
        CheckKind::ModelQuality => {
            let Some((r, c)) = outputs else { return skip("no model columns (label, prediction) given") };
            Box::new(ModelQualityCheck::new(r, c, &config.metrics, config.quality_constraints.as_ref())?)
        }
        CheckKind::EstimatedPerformance => {
            let Some((r, c)) = outputs else { return skip("no model columns (label, score) given") };
            if !matches!(r, ModelOutputs::Binary { scores: Some(_), .. }) {
                return skip("performance is estimated for binary classifiers with a score column only");
            }
            let (check, note) = EstimationCheck::new(r, c, chunks)?;
            warnings.push(note);
            Box::new(check)
        }
        CheckKind::Bias => {
            let Some(bias) = &config.bias else { return skip("no bias configuration (label, facet) given") };
            let (check, notes) = BiasCheck::new(reference, current, bias)?;
            warnings.extend(notes);
            Box::new(check)
        }
        // Without a model there is nothing to attribute: left out silently,
        // as the check is on by default (the CLI refuses it when asked for).
        CheckKind::Attribution => {
            let Some(model) = &config.attribution_model else { return Ok(None) };
            let label = config.model.as_ref().map(|m| m.label.as_str());
            Box::new(AttributionCheck::new(reference, current, model, &config.attribution, label)?)
        }
    }))
}

/// Observes a check everywhere and judges every series.
fn judge(
    check: &dyn WindowCheck,
    windows: &Windows,
    judged: &[bool],
    chunks: &[Vec<usize>],
    choice: ThresholdChoice,
    config: &TimelineConfig,
    warnings: &mut Vec<String>,
) -> Result<Vec<CheckTimeline>, TimelineBuildError> {
    let specs = check.series();
    let all: Vec<usize> = chunks.iter().flatten().copied().collect();
    let baseline = check.observe(Side::Reference, &all);
    let needs_chunks = specs.iter().any(|s| matches!(rule_for(s, choice).0, ThresholdRule::StandardDeviation { .. }));
    let chunk_values: Vec<Vec<Observation>> = if needs_chunks {
        chunks.iter().map(|rows| check.observe(Side::Reference, rows)).collect()
    } else {
        Vec::new()
    };
    let window_values: Vec<Vec<Observation>> =
        windows.windows.iter().map(|w| check.observe(Side::Current, &w.rows)).collect();
    let mut out = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        let (rule, preset) = rule_for(spec, choice);
        let by_p_value = spec.p_value_alpha.filter(|_| choice == ThresholdChoice::Default);
        let threshold = match (preset, by_p_value) {
            (_, Some(_)) => Threshold::default(),
            (Some(t), None) => t,
            (None, None) => {
                let values: Vec<f64> = chunk_values.iter().map(|c| c[i].value).collect();
                match rule.resolve(&spec.name, &values) {
                    Ok(t) => t.limited(spec.limits.0, spec.limits.1, false),
                    Err(ThresholdError::NoReferenceValues { .. }) => {
                        warnings.push(format!("{}: no reference chunk has a value, so it has no bounds", spec.name));
                        Threshold::default()
                    }
                    Err(e) => return Err(TimelineError::from(e).into()),
                }
            }
        };
        let cells = window_values
            .iter()
            .zip(judged)
            .map(|(obs, &judged)| {
                let o = obs[i];
                let value = o.value.is_finite().then_some(o.value);
                let status = match (value, by_p_value, o.p_value) {
                    _ if !judged => CheckStatus::Missing,
                    (None, _, _) => CheckStatus::Missing,
                    (Some(_), Some(alpha), Some(p)) => {
                        if p < alpha {
                            CheckStatus::Violation
                        } else {
                            CheckStatus::Ok
                        }
                    }
                    (Some(v), _, _) => threshold.check(v),
                };
                CheckCell { value, lower: threshold.lower, upper: threshold.upper, status }
            })
            .collect();
        out.push(CheckTimeline::from_cells(&spec.name, Some(baseline[i].value), cells, config.alert));
    }
    Ok(out)
}

/// The rule (and preset bounds) a series is judged by under `choice`.
fn rule_for(spec: &SeriesSpec, choice: ThresholdChoice) -> (ThresholdRule, Option<Threshold>) {
    match choice {
        ThresholdChoice::Default => (spec.default_rule, spec.default_threshold),
        ThresholdChoice::Reference { .. } => (choice.reference_rule(spec.reference_rule), None),
        ThresholdChoice::Constant { lower, upper } => (ThresholdRule::Constant { lower, upper }, None),
    }
}
