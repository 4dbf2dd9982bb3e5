//! A bias analysis end to end: a table and an `analysis_config.json` in,
//! Clarify's `analysis.json` out, with the counts behind every value (for
//! confidence intervals, confusion matrices and the UI) and warnings.

use serde::{Deserialize, Serialize};

use super::compute::compute;
use super::config::{AnalysisConfig, ColumnRef, FacetConfig};
use super::confusion::FacetCounts;
use super::counting::count_facet;
use super::datatype::{series_datatype, DataType};
use super::error::BiasError;
use super::ft_features::ft_features;
use super::metric::{Metric, Stage};
use super::py_value::PyValue;
use super::report::{Analysis, FacetReport, MetricResult, StageReport};
use super::series::{Elem, Series};
use super::split::{categorical_mask, split, split_predicted};
use super::strata::Strata;
use super::warnings::{small_group, threshold_quirk};
use crate::math::float_str;
use crate::table::{Column, Table};

/// The counts behind one facet value's metrics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCounts {
    /// The facet column.
    pub facet: String,
    /// The facet value(s) or threshold range, as in the report.
    pub value_or_threshold: String,
    /// The counts; `Err` with the [`BiasError`]'s message when the facet
    /// value could not be matched (kept as text: this travels to the page
    /// and into report inputs as JSON).
    pub counts: Result<FacetCounts, String>,
    /// The flip test's counts, when FT was computed.
    #[serde(default)]
    pub flips: Option<super::flip_test::FlipCounts>,
}

/// What a bias analysis produces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BiasRun {
    /// Clarify's `analysis.json`.
    pub analysis: Analysis,
    /// Counts per facet value, in report order.
    pub groups: Vec<GroupCounts>,
    /// Warnings the user must see.
    pub warnings: Vec<String>,
}

fn column<'t>(table: &'t Table, reference: &ColumnRef, role: &'static str) -> Result<&'t Column, BiasError> {
    reference.find(table).ok_or_else(|| BiasError::MissingColumn { role, reference: reference.text() })
}

/// One facet value's rows.
pub(crate) struct FacetSplit {
    pub(crate) facet: String,
    pub(crate) text: String,
    pub(crate) mask: Result<Vec<bool>, BiasError>,
}

fn elem_value(e: Elem<'_>) -> (PyValue, String) {
    match e {
        Elem::Int(i) => (PyValue::Int(i), i.to_string()),
        Elem::Float(x) => (PyValue::Float(x), float_str(x)),
        Elem::Bool(b) => (PyValue::Bool(b), if b { "True" } else { "False" }.to_owned()),
        Elem::Str(s) => (PyValue::Str(s.to_owned()), s.to_owned()),
        Elem::Missing => (PyValue::Float(f64::NAN), "nan".to_owned()),
    }
}

/// The most values of a facet analysed one against the rest when the
/// config names none: each is a full analysis (100,000 ids ran for hours).
pub const MAX_FACET_VALUES: usize = 1_000;

pub(crate) fn facet_splits(
    table: &Table,
    facet: &FacetConfig,
    strict: bool,
    warnings: &mut Vec<String>,
) -> Result<Vec<FacetSplit>, BiasError> {
    let column = column(table, &facet.name_or_index, "Facet")?;
    let series = Series::new(column);
    let name = column.name.clone();
    match facet.value_or_threshold.as_deref().filter(|v| !v.is_empty()) {
        Some(values) => {
            let one = split(&series, values, strict);
            Ok(vec![match one {
                Ok(s) => {
                    warnings.extend(threshold_quirk("Facet", &series, values, &s));
                    FacetSplit { facet: name, text: s.text, mask: Ok(s.mask) }
                }
                // A categorical match that cannot convert the values fails every metric.
                Err(e) if series_datatype(&series, values) == DataType::Categorical || strict => FacetSplit {
                    facet: name,
                    text: values.iter().map(PyValue::py_str).collect::<Vec<_>>().join(","),
                    mask: Err(e),
                },
                Err(e) => return Err(e.in_column(&name, "facet")),
            }])
        }
        None => {
            if !strict && series_datatype(&series, &[]) == DataType::Continuous {
                return Err(BiasError::NoThreshold.in_column(&name, "facet"));
            }
            let values = series.unique_in_order();
            if values.len() > MAX_FACET_VALUES {
                return Err(BiasError::TooManyFacetValues { values: values.len(), limit: MAX_FACET_VALUES }
                    .in_column(&name, "facet"));
            }
            Ok(values
                .into_iter()
                .map(|e| {
                    let (value, text) = elem_value(e);
                    let mask = categorical_mask(&series, std::slice::from_ref(&value));
                    FacetSplit { facet: name.clone(), text, mask }
                })
                .collect())
        }
    }
}

/// Predicted labels from a predicted-label column or a score column.
fn predictions(
    table: &Table,
    config: &AnalysisConfig,
    label: &Series<'_>,
    label_split: &super::split::Split,
) -> Result<Option<Vec<bool>>, BiasError> {
    if let Some(reference) = &config.predicted_label {
        let predicted_column = column(table, reference, "Predicted label")?;
        let predicted = Series::new(predicted_column);
        return split_predicted(&predicted, label, label_split, &config.label_values_or_threshold, config.strict)
            .map(Some)
            .map_err(|e| e.in_column(&predicted_column.name, "predicted label"));
    }
    let Some(reference) = &config.predicted_score else { return Ok(None) };
    let score = column(table, reference, "Predicted score")?;
    let numbers = Series::new(score).numbers();
    if let Some(row) = (0..score.len()).find(|&i| numbers[i].is_nan() && !score.data.is_missing(i)) {
        return Err(BiasError::ScoreNotNumeric {
            column: score.name.clone(),
            row: row + 1,
            value: score.data.category_key(row).unwrap_or_default(),
        });
    }
    let threshold = config.threshold();
    let mask: Vec<bool> = numbers.iter().map(|&s| s > threshold).collect();
    if mask.iter().any(|&m| m) {
        Ok(Some(mask))
    } else {
        Err(BiasError::NoScoreAboveThreshold { column: score.name.clone(), threshold })
    }
}

/// The label column, its positive rows and the predicted positive rows.
pub(crate) struct Outcomes<'t> {
    pub(crate) label_column: &'t Column,
    pub(crate) label_split: super::split::Split,
    pub(crate) predicted: Option<Vec<bool>>,
}

/// Label and predictions as the config defines them; predictions are
/// required when `need_predictions`.
pub(crate) fn outcomes<'t>(
    table: &'t Table,
    config: &AnalysisConfig,
    need_predictions: bool,
    warnings: &mut Vec<String>,
) -> Result<Outcomes<'t>, BiasError> {
    let label_ref = config.label.as_ref().ok_or(BiasError::NoLabel)?;
    let label_column = column(table, label_ref, "Label")?;
    if config.label_values_or_threshold.is_empty() {
        return Err(BiasError::NoLabelValues);
    }
    let label = Series::new(label_column);
    let label_split = split(&label, &config.label_values_or_threshold, config.strict)
        .map_err(|e| e.in_column(&label_column.name, "label"))?;
    warnings.extend(threshold_quirk("Label", &label, &config.label_values_or_threshold, &label_split));
    let predicted = if need_predictions {
        let p = predictions(table, config, &label, &label_split)?;
        if p.is_none() {
            return Err(BiasError::NoPredictions);
        }
        p
    } else {
        predictions(table, config, &label, &label_split).ok().flatten()
    };
    Ok(Outcomes { label_column, label_split, predicted })
}

/// Runs the bias analysis the config describes. Whole-analysis failures
/// (no label, unknown metric, no positive prediction ...) are `Err`, as a
/// Clarify job fails; a metric that cannot be computed is reported with its
/// error, as Clarify reports it.
///
/// # Errors
/// The whole-analysis failures above, each a [`BiasError`] whose message
/// is smclarify's where smclarify fails the job.
pub fn run_bias(table: &Table, config: &AnalysisConfig) -> Result<BiasRun, BiasError> {
    let pre = config.stage_metrics(Stage::PreTraining).transpose()?;
    let post = config.stage_metrics(Stage::PostTraining).transpose()?;
    if pre.is_none() && post.is_none() {
        return Err(BiasError::NoMetrics);
    }
    let mut warnings = Vec::new();
    let Outcomes { label_column, label_split, predicted } = outcomes(table, config, post.is_some(), &mut warnings)?;
    let strata = config
        .group_variable
        .as_ref()
        .map(|g| column(table, g, "Group variable").and_then(|c| Strata::new(&Series::new(c))))
        .transpose();
    let (strata, strata_error) = match strata {
        Ok(s) => (s, None),
        Err(e) => (None, Some(e)),
    };

    let mut splits = Vec::new();
    for facet in &config.facet {
        splits.extend(facet_splits(table, facet, config.strict, &mut warnings)?);
    }
    if splits.is_empty() {
        return Err(BiasError::NoFacet);
    }

    let mut left_out: Vec<&str> = vec![label_column.name.as_str()];
    for reference in config
        .facet
        .iter()
        .map(|f| &f.name_or_index)
        .chain(&config.predicted_label)
        .chain(&config.predicted_score)
        .chain(&config.excluded_columns)
    {
        if let Some(c) = reference.find(table) {
            left_out.push(c.name.as_str());
        }
    }
    let wants_ft = post.as_ref().is_some_and(|m| m.contains(&Metric::FT));
    let features = wants_ft.then(|| ft_features(table, &left_out));

    let mut groups = Vec::with_capacity(splits.len());
    let mut pre_facets = indexmap::IndexMap::new();
    let mut post_facets = indexmap::IndexMap::new();
    for s in &splits {
        let counts = s.mask.as_ref().map_err(Clone::clone).map(|mask| {
            let mut c = count_facet(mask, &label_split.mask, predicted.as_deref(), strata.as_ref());
            c.has_group_variable = config.group_variable.is_some();
            c
        });
        if let Ok(c) = &counts {
            warnings.extend(small_group(&s.facet, &s.text, "d", c.d.n()));
            warnings.extend(small_group(&s.facet, &s.text, "a (the rest)", c.a.n()));
        }
        // FT runs once per facet value (a k-nearest-neighbour search), only when asked for.
        // `features` is there exactly when FT was asked for.
        let flips = features.as_ref().map(|features| -> Result<super::flip_test::FlipCounts, BiasError> {
            let mask = s.mask.as_ref().map_err(Clone::clone)?;
            super::ft_features::flip_test_counts(features, mask, predicted.as_deref().unwrap_or_default())
        });
        let value_of = |metric: Metric| -> Result<f64, BiasError> {
            let c = counts.as_ref().map_err(Clone::clone)?;
            if matches!(metric, Metric::CDDL | Metric::CDDPL) {
                if let Some(e) = &strata_error {
                    return Err(e.clone());
                }
            }
            if metric == Metric::FT {
                return flips.clone().ok_or(BiasError::FlipTestNotAsked)?.map(|f| f.value());
            }
            compute(metric, c)
        };
        let report = |metrics: &[Metric]| FacetReport {
            value_or_threshold: s.text.clone(),
            metrics: metrics.iter().map(|&m| MetricResult::new(m, value_of(m))).collect(),
        };
        if let Some(metrics) = &pre {
            pre_facets.entry(s.facet.clone()).or_insert_with(Vec::new).push(report(metrics));
        }
        if let Some(metrics) = &post {
            post_facets.entry(s.facet.clone()).or_insert_with(Vec::new).push(report(metrics));
        }
        let flips = flips.and_then(Result::ok);
        let counts = counts.map_err(|e| e.to_string());
        groups.push(GroupCounts { facet: s.facet.clone(), value_or_threshold: s.text.clone(), counts, flips });
    }
    let stage = |facets| StageReport {
        label: label_column.name.clone(),
        label_value_or_threshold: label_split.text.clone(),
        facets,
    };
    let analysis = Analysis {
        version: "1.0".into(),
        pre_training_bias_metrics: pre.is_some().then(|| stage(pre_facets)),
        post_training_bias_metrics: post.is_some().then(|| stage(post_facets)),
    };
    warnings.dedup();
    Ok(BiasRun { analysis, groups, warnings })
}
