//! Analyses over both loaded sides: drift tests and a column's CDFs.

use tideline_engine::cdf::{cdf_pair, CdfPair, DEFAULT_CDF_POINTS};
use tideline_engine::drift::{run_drift, DriftOptions};
use tideline_engine::histogram::compare;

use super::datasets::Datasets;
use crate::protocol::{Reply, Side};

/// Bars of a row's sparkline.
const SPARKLINE_BINS: usize = 12;

/// Runs the drift tests and returns the reply, with a sparkline per column.
pub(super) fn drift_reply(datasets: &Datasets, options: &DriftOptions) -> Reply {
    let started = js_sys::Date::now();
    let (baseline, current) = (datasets.analysed(Side::Baseline), datasets.analysed(Side::Current));
    let report = run_drift(baseline, current, options);
    let sparklines = report
        .columns
        .iter()
        .filter_map(|c| compare(baseline.column(&c.name), current.column(&c.name), SPARKLINE_BINS))
        .collect();
    Reply::Drift { report, sparklines, millis: js_sys::Date::now() - started }
}

/// Both CDFs of a column, when both sides hold numbers.
pub(super) fn cdf(datasets: &Datasets, column: &str) -> Option<CdfPair> {
    let baseline = datasets.analysed(Side::Baseline).column(column)?;
    let current = datasets.analysed(Side::Current).column(column)?;
    cdf_pair(baseline, current, DEFAULT_CDF_POINTS)
}
