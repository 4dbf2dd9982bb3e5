//! The scenario's rows as CSV, with the model's score and decision beside
//! the outcome, as a capture joined to its ground truth would hold them.

use std::fmt::Write;

use super::world::{log_odds, sigmoid, Applicant, COEFFICIENTS};
use crate::types::{days_from_civil, format_timestamp_millis};

/// The header of every scenario file.
pub(super) const HEADER: &str = "timestamp,age,income,debt_ratio,tenure,region,sex,visits,outcome,y_pred_proba,y_pred";

/// Milliseconds of 2026-01-01T00:00:00Z, day 0 of every scenario.
fn epoch_ms() -> i64 {
    days_from_civil(2026, 1, 1) * 86_400_000
}

/// The applicants as CSV text.
pub(super) fn to_csv(rows: &[Applicant]) -> String {
    let mut out = String::with_capacity(80 * (rows.len() + 1));
    out.push_str(HEADER);
    out.push('\n');
    for a in rows {
        // days within a year
        let ms = epoch_ms() + (a.day * 86_400_000.0) as i64;
        let score = sigmoid(log_odds(a, &COEFFICIENTS));
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{:.6},{}",
            format_timestamp_millis(ms),
            a.age,
            a.income,
            a.debt_ratio,
            a.tenure,
            a.region,
            if a.female { "female" } else { "male" },
            a.visits.map(|v| v.to_string()).unwrap_or_default(),
            u8::from(a.outcome),
            score,
            u8::from(score >= 0.5),
        );
    }
    out
}
