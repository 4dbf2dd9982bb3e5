//! Analyses over both loaded sides: drift tests and a column's CDFs.

use tideline_engine::cdf::{cdf_pair, CdfPair, DEFAULT_CDF_POINTS};
use tideline_engine::drift::DriftOptions;

use super::datasets::Datasets;
use crate::protocol::{Reply, Side};

/// Runs the drift tests and returns the reply, with a sparkline per column
/// (the report crate's, so the report shows the same bars).
pub(super) fn drift_reply(datasets: &Datasets, options: &DriftOptions) -> Reply {
    let started = js_sys::Date::now();
    let (baseline, current) = (datasets.analysed(Side::Baseline), datasets.analysed(Side::Current));
    let section = tideline_report::gather::drift(baseline, current, options);
    Reply::Drift { report: section.report, sparklines: section.histograms, millis: js_sys::Date::now() - started }
}

/// Both CDFs of a column, when both sides hold numbers.
pub(super) fn cdf(datasets: &Datasets, column: &str) -> Option<CdfPair> {
    let baseline = datasets.analysed(Side::Baseline).column(column)?;
    let current = datasets.analysed(Side::Current).column(column)?;
    cdf_pair(baseline, current, DEFAULT_CDF_POINTS)
}
