//! `fairness.json` for an analysis config: each facet's groups (its values,
//! or the threshold range and the rest), with the configured sensitive
//! values as AIF360's unprivileged groups, plus the intersection of all
//! facets when there are several, with Clarify's metrics of each crossed
//! group against the rest.

use super::analysis::{facet_splits, outcomes};
use super::compute::compute;
use super::config::AnalysisConfig;
use super::counting::count_facet;
use super::error::BiasError;
use super::fairness::Groups;
use super::fairness::{
    confusion_by_group, cross_groups, fairness_report, group_column, named_confusions, FacetGroups, FairnessOptions,
    FairnessReport, GroupColumn,
};
use super::metric::{Metric, Stage};
use super::report::{FacetReport, MetricResult};
use crate::table::{Table, MISSING_CODE};

/// The fairness report of every facet of `config` (and their intersection).
///
/// # Errors
/// The label, predictions or a facet cannot be read as [`super::run_bias`]
/// reads them, or the groups cannot be formed ([`BiasError::Fairness`]).
pub fn fairness_for_config(
    table: &Table,
    config: &AnalysisConfig,
    options: &FairnessOptions,
) -> Result<FairnessReport, BiasError> {
    let mut ignored = Vec::new();
    let out = outcomes(table, config, false, &mut ignored)?;
    let labels = &out.label_split.mask;
    let predicted = out.predicted.as_deref();
    let mut facets = Vec::new();
    let mut columns: Vec<GroupColumn> = Vec::new();
    for facet in &config.facet {
        let column = facet
            .name_or_index
            .find(table)
            .ok_or_else(|| BiasError::MissingColumn { role: "Facet", reference: facet.name_or_index.text() })?;
        let groups = group_column(table, &column.name)?;
        let splits = facet_splits(table, facet, config.strict, &mut ignored)?;
        let given = facet.value_or_threshold.as_ref().is_some_and(|v| !v.is_empty());
        match splits.first().map(|s| &s.mask) {
            // A threshold range: two groups, the range and the rest.
            Some(Ok(mask))
                if given && out.label_split.mask.len() == mask.len() && is_threshold(config, facet, table) =>
            {
                let text = splits[0].text.clone();
                let ids: Vec<u32> = mask.iter().map(|&d| u32::from(!d)).collect();
                let counts = confusion_by_group(&ids, 2, labels, predicted)?;
                let names = [text.clone(), format!("not {text}")];
                facets.push(FacetGroups {
                    facet: column.name.clone(),
                    groups: names.into_iter().zip(counts).collect(),
                    unprivileged: vec![text],
                    has_predictions: predicted.is_some(),
                });
            }
            _ => {
                let counts = confusion_by_group(&groups.codes, groups.values.len(), labels, predicted)?;
                // The unprivileged groups are the values the sensitive rows hold.
                let unprivileged = match splits.first().map(|s| &s.mask) {
                    Some(Ok(mask)) if given => groups
                        .values
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| {
                            groups.codes.iter().zip(mask).any(|(&c, &d)| d && c as usize == *i && c != MISSING_CODE)
                        })
                        .map(|(_, v)| v.clone())
                        .collect(),
                    _ => Vec::new(),
                };
                facets.push(FacetGroups {
                    facet: column.name.clone(),
                    groups: groups.values.iter().cloned().zip(counts).collect(),
                    unprivileged,
                    has_predictions: predicted.is_some(),
                });
                columns.push(groups);
            }
        }
    }
    let mut intersections = Vec::new();
    if columns.len() > 1 {
        let crossed = cross_groups(&columns)?;
        let groups = named_confusions(&crossed, labels, predicted)?;
        intersections = clarify_by_group(&crossed, labels, predicted);
        facets.push(FacetGroups {
            facet: crossed.facet,
            groups,
            unprivileged: Vec::new(),
            has_predictions: predicted.is_some(),
        });
    }
    let mut report = fairness_report(&facets, options)?;
    report.intersections = intersections;
    Ok(report)
}

/// Each crossed group as group d against every other row: Clarify's
/// count-based metrics (post-training ones when there are predictions).
fn clarify_by_group(crossed: &Groups, labels: &[bool], predicted: Option<&[bool]>) -> Vec<FacetReport> {
    let metrics: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| !matches!(m, Metric::FT | Metric::CDDL | Metric::CDDPL))
        .filter(|m| predicted.is_some() || m.stage() == Stage::PreTraining)
        .collect();
    crossed
        .names
        .iter()
        .enumerate()
        .map(|(g, name)| {
            let d: Vec<bool> = crossed.ids.iter().map(|&id| id as usize == g).collect();
            let counts = count_facet(&d, labels, predicted, None);
            FacetReport {
                value_or_threshold: name.clone(),
                metrics: metrics.iter().map(|&m| MetricResult::new(m, compute(m, &counts))).collect(),
            }
        })
        .collect()
}

fn is_threshold(config: &AnalysisConfig, facet: &super::config::FacetConfig, table: &Table) -> bool {
    let Some(column) = facet.name_or_index.find(table) else { return false };
    let series = super::series::Series::new(column);
    let values = facet.value_or_threshold.clone().unwrap_or_default();
    let data_type = if config.strict {
        super::split::split(&series, &values, true).map(|s| s.data_type).ok()
    } else {
        Some(super::datatype::series_datatype(&series, &values))
    };
    data_type == Some(super::datatype::DataType::Continuous)
}
