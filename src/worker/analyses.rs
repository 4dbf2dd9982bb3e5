//! A column's CDFs on both loaded sides.

use tideline_engine::cdf::{cdf_pair, CdfPair, DEFAULT_CDF_POINTS};

use super::datasets::Datasets;
use crate::protocol::Side;

/// Both CDFs of a column, when both sides hold numbers.
pub(super) fn cdf(datasets: &Datasets, column: &str) -> Option<CdfPair> {
    let baseline = datasets.analysed(Side::Baseline).column(column)?;
    let current = datasets.analysed(Side::Current).column(column)?;
    cdf_pair(baseline, current, DEFAULT_CDF_POINTS)
}
