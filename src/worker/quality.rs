//! Model Monitor's data-quality job in the worker: profile the baseline,
//! suggest (or take the user's) constraints, profile the current data and
//! run the six checks.

use tideline_engine::monitor::{evaluate, profile_table, suggest_constraints, Constraints};

use super::datasets::Datasets;
use crate::protocol::{QualityResult, Reply, Side};

/// Runs the checks; a user's constraints that do not parse give an error reply.
pub(super) fn quality_reply(datasets: &Datasets, constraints: Option<&str>) -> Reply {
    let started = js_sys::Date::now();
    let baseline = profile_table(datasets.table(Side::Baseline)).to_statistics();
    let (constraints, edited) = match constraints {
        Some(text) => match Constraints::from_json(text) {
            Ok(c) => (c, true),
            Err(e) => return Reply::Error { message: format!("constraints.json cannot be used: {e}") },
        },
        None => (suggest_constraints(&baseline), false),
    };
    let current = profile_table(datasets.analysed(Side::Current));
    let report = match evaluate(&constraints, &baseline, &current) {
        Ok(r) => r,
        Err(e) => return Reply::Error { message: format!("the data-quality checks failed: {e}") },
    };
    let result = QualityResult {
        counts: report.counts().into_iter().map(|(check, n, failed)| (check.as_str().to_owned(), n, failed)).collect(),
        violations: report.violations().to_json(),
        checks: report.checks,
        baseline_statistics: baseline.to_json(),
        current_statistics: current.to_statistics().to_json(),
        constraints: constraints.to_json(),
        edited,
        millis: js_sys::Date::now() - started,
    };
    Reply::Quality(Box::new(result))
}
