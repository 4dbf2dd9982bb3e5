//! Model Monitor's data-quality job in the worker (the report crate's, so
//! the view, the report and `tideline report` agree): profile the baseline,
//! suggest (or take the user's) constraints, profile the current data and
//! run the six checks.

use tideline_engine::drift::Preset;

use super::datasets::Datasets;
use crate::protocol::{DataQualityResult, Reply, Side};

/// Runs the checks; a user's constraints that do not parse give an error reply.
pub(super) fn data_quality_reply(datasets: &Datasets, constraints: Option<&str>, preset: Preset) -> Reply {
    let started = super::now();
    let gathered = tideline_report::gather::data_quality(
        datasets.table(Side::Baseline),
        datasets.analysed(Side::Current),
        constraints,
        preset,
    );
    let (section, report) = match gathered {
        Ok(x) => x,
        Err(message) => return Reply::Error { message },
    };
    let result = DataQualityResult {
        counts: report.counts().into_iter().map(|(check, n, failed)| (check.as_str().to_owned(), n, failed)).collect(),
        section,
        millis: super::now() - started,
    };
    Reply::DataQuality(Box::new(result))
}
