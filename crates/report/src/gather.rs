//! Sections computed from two tables, the same way by the browser's worker
//! and by `tideline report`: drift with a histogram per column, Model
//! Monitor's data-quality job, realised model quality and (for the CLI)
//! attributions.

use serde::{Deserialize, Serialize};
use tideline_engine::bias::{
    bias_drift, bias_violations, judge_beyond_noise, metric_intervals, run_bias, AnalysisConfig, BootstrapOptions,
};
use tideline_engine::data_quality::{
    evaluate_with, profile_table, suggest_constraints, Constraints, DataQualityReport, TypeRule,
};
use tideline_engine::drift::{run_drift, DriftOptions, DriftReport, Preset};
use tideline_engine::explain::{
    analysis_json, by_label, check_attribution_drift, explain_table, ExplainConfig, ExplainOutcome, LoadedModel,
    DEFAULT_NDCG_THRESHOLD,
};
use tideline_engine::guess::guess_model_columns;
use tideline_engine::histogram::compare;
use tideline_engine::histogram::Histogram;
use tideline_engine::model_quality::{quality_detail, ModelColumns, ProblemType, QualityDetail};
use tideline_engine::progress::NoProgress;
use tideline_engine::table::Table;

use crate::inputs::{AttributionSection, BiasSection, DataQualitySection, DriftSection, ModelQualitySection};

/// Bars of each column's histogram.
pub const HISTOGRAM_BINS: usize = 12;

/// Drift tests of every shared column, with a histogram per tested column.
#[must_use]
pub fn drift(baseline: &Table, current: &Table, options: &DriftOptions) -> DriftSection {
    let report = run_drift(baseline, current, options);
    let histograms = drift_histograms(baseline, current, &report);
    DriftSection { report, histograms }
}

/// The small histogram of each tested column of `report`.
#[must_use]
pub fn drift_histograms(baseline: &Table, current: &Table, report: &DriftReport) -> Vec<Histogram> {
    report
        .columns
        .iter()
        .filter_map(|c| compare(baseline.column(&c.name), current.column(&c.name), HISTOGRAM_BINS))
        .collect()
}

/// Model Monitor's data-quality job: profile the baseline, suggest (or read
/// the user's) constraints, profile the current data, run the six checks.
/// Columns whose role keeps them out of checks (ids, times, split markers,
/// ignored) are left out and listed; data types follow Model Monitor under
/// the `sagemaker` preset and the widening rule otherwise.
///
/// # Errors
/// A user's `constraints.json` that does not parse, or checks that fail to run.
pub fn data_quality(
    baseline: &Table,
    current: &Table,
    constraints: Option<&str>,
    preset: Preset,
) -> Result<(DataQualitySection, DataQualityReport), String> {
    let not_checked: Vec<(String, String)> = baseline
        .columns
        .iter()
        .chain(current.columns.iter().filter(|c| baseline.column(&c.name).is_none()))
        .filter_map(|c| c.role.not_checked_note().map(|note| (c.name.clone(), note)))
        .collect();
    let checked = |table: &Table| Table {
        columns: table.columns.iter().filter(|c| c.role.not_checked().is_none()).cloned().collect(),
        n_rows: table.n_rows,
    };
    let baseline = profile_table(&checked(baseline)).to_statistics();
    let (constraints, edited) = match constraints {
        Some(text) => {
            (Constraints::from_json(text).map_err(|e| format!("constraints.json cannot be used: {e}"))?, true)
        }
        None => (suggest_constraints(&baseline), false),
    };
    let current = profile_table(&checked(current));
    let types = if preset == Preset::Sagemaker { TypeRule::Strict } else { TypeRule::Widening };
    let report = evaluate_with(&constraints, &baseline, &current, types)
        .map_err(|e| format!("the data-quality checks failed: {e}"))?;
    let section = DataQualitySection {
        checks: report.checks.clone(),
        baseline_statistics: baseline.to_json(),
        current_statistics: current.to_statistics().to_json(),
        constraints: constraints.to_json(),
        edited,
        violations: report.violations().to_json(),
        types,
        not_checked,
    };
    Ok((section, report))
}

/// Realised quality of both sides, when the roles name a label and a
/// prediction or score on both; the problem type's followed metrics only.
#[must_use]
pub fn model_quality(baseline: &Table, current: &Table) -> Option<ModelQualitySection> {
    model_quality_detail(baseline, current, None).section
}

/// The model the roles describe, with `positive` as a binary model's
/// positive class when given (else the guess): the Overview's section and
/// each side's detail for the Model quality view, from the same rows.
#[must_use]
pub fn model_quality_detail(baseline: &Table, current: &Table, positive: Option<&str>) -> ModelQualityResult {
    let Some(mut columns) = guess_model_columns(baseline) else {
        return ModelQualityResult::missing(
            "No label with a prediction or score: give columns the roles label and prediction (or score) in Columns & roles.",
        );
    };
    if guess_model_columns(current).is_none() {
        return ModelQualityResult::missing(&format!(
            "The current data has no label {} with a prediction or score.",
            columns.label
        ));
    }
    // A class chosen for other data (one no longer among the labels) is dropped for the guess.
    let known = |p: &str| {
        baseline
            .column(&columns.label)
            .is_some_and(|c| (0..baseline.n_rows).any(|i| c.data.category_key(i).as_deref() == Some(p)))
    };
    if let Some(p) = positive.filter(|p| !p.is_empty() && known(p)) {
        if columns.problem == ProblemType::BinaryClassification {
            columns.positive = Some(p.to_owned());
        }
    }
    let positive = match columns.positive_in(baseline) {
        Ok(p) => p,
        Err(e) => return ModelQualityResult { columns: Some(columns), ..ModelQualityResult::missing(&e.to_string()) },
    };
    let side =
        |table: &Table, name: &str| quality_detail(&columns, table, &positive).map_err(|e| format!("{name}: {e}"));
    let (b, c) = (side(baseline, "baseline"), side(current, "current"));
    let followed = |d: &QualityDetail| d.metrics.iter().map(|m| (m.name.clone(), m.value)).collect();
    let section = match (&b, &c) {
        (Ok(b), Ok(c)) => Some(ModelQualitySection {
            problem: columns.problem.key_prefix().to_owned(),
            columns: columns.names().into_iter().map(str::to_owned).collect(),
            baseline: followed(b),
            current: followed(c),
            labelled_rows: (b.labelled_rows, c.labelled_rows),
        }),
        _ => None,
    };
    let message = [&b, &c].iter().find_map(|r| r.as_ref().err().cloned());
    ModelQualityResult {
        positive: (!positive.is_empty()).then(|| positive.clone()),
        columns: Some(columns),
        section,
        baseline: b.ok(),
        current: c.ok(),
        message,
    }
}

/// What the Model quality view shows: the model read from the roles, the
/// section the Overview judges, each side's detail, or why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelQualityResult {
    /// The model's columns, when the roles name one.
    pub columns: Option<ModelColumns>,
    /// The binary positive class used.
    pub positive: Option<String>,
    /// The followed metrics of both sides, as the Overview and the report judge them.
    pub section: Option<ModelQualitySection>,
    /// The baseline's detail.
    pub baseline: Option<QualityDetail>,
    /// The current data's detail.
    pub current: Option<QualityDetail>,
    /// Why a side has no detail.
    pub message: Option<String>,
}

impl ModelQualityResult {
    fn missing(message: &str) -> Self {
        Self {
            columns: None,
            positive: None,
            section: None,
            baseline: None,
            current: None,
            message: Some(message.to_owned()),
        }
    }
}

/// SHAP attributions of both sides with `model`, their NDCG per label and
/// each side's Clarify `analysis.json` (the baseline is the background).
///
/// # Errors
/// A model that cannot explain the tables (missing features, a method the
/// model does not support).
pub fn attributions(
    model: &LoadedModel,
    baseline: &Table,
    current: &Table,
    config: &ExplainConfig,
) -> Result<AttributionSection, String> {
    let explain = |table: &Table, side: &str| {
        explain_table(model, Some(baseline), table, config, &mut NoProgress).map_err(|e| format!("{side}: {e}"))
    };
    let (base, cur) = (explain(baseline, "baseline")?, explain(current, "current")?);
    let labels = |outcome: &ExplainOutcome| by_label(&outcome.global, None).map_err(|e| e.to_string());
    let (base_labels, cur_labels) = (labels(&base)?, labels(&cur)?);
    let checks =
        check_attribution_drift(&base_labels, &cur_labels, DEFAULT_NDCG_THRESHOLD).map_err(|e| e.to_string())?;
    let json = |outcome: &ExplainOutcome| -> Result<String, String> {
        let value = analysis_json(outcome.method_key, &outcome.global, None).map_err(|e| e.to_string())?;
        serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
    };
    Ok(AttributionSection {
        method: base.method_key.to_owned(),
        surrogate: false,
        labels: checks.iter().map(|c| c.label.clone()).collect(),
        features: base.global.features.clone(),
        baseline_global: base.global.values.clone(),
        current_global: cur.global.values.clone(),
        ndcg: checks.iter().map(|c| c.ndcg).collect(),
        threshold: DEFAULT_NDCG_THRESHOLD,
        violation: checks.iter().any(|c| c.violated),
        analysis_json: Some((json(&base)?, json(&cur)?)),
    })
}

/// Clarify's bias metrics of both sides and the bias drift of the current
/// data against the baseline.
///
/// # Errors
/// A configuration that does not fit the current data (the baseline may
/// lack it: then there is no drift).
pub fn bias(baseline: &Table, current: &Table, config: &AnalysisConfig) -> Result<BiasSection, String> {
    let current_run = run_bias(current, config).map_err(|e| format!("current data: {e}"))?;
    let baseline_run = run_bias(baseline, config).ok();
    let mut drift = baseline_run.as_ref().map(|b| bias_drift(&b.analysis, &current_run.analysis)).unwrap_or_default();
    if !drift.is_empty() {
        judge_beyond_noise(&mut drift, &metric_intervals(&current_run, &BootstrapOptions::default()));
    }
    let violations = baseline_run.as_ref().map(|_| bias_violations(&drift).to_json());
    Ok(BiasSection { config: config.clone(), baseline: baseline_run, current: Some(current_run), drift, violations })
}
