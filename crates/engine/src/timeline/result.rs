//! The timeline result, as `tideline timeline` writes it: per window × check a
//! value, its bounds and status; per check the alert state after every window.

use serde::{Deserialize, Serialize};

use super::alerts::{AlertRule, AlertState};
use super::window_spec::WindowSpec;
use super::windows::{Window, Windows};
use crate::thresholds::{CheckStatus, Threshold};

/// A whole timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The window specification as written (`"1d"`, `"10000rows"`).
    pub window: String,
    /// The alert rule applied to every check.
    pub alert_rule: AlertRule,
    /// The windows, in order.
    pub windows: Vec<WindowSummary>,
    /// Rows of the current data without a usable timestamp (not in any window).
    pub missing_timestamp_rows: usize,
    /// The checks, in the order they were added.
    pub checks: Vec<CheckTimeline>,
    /// What the user should know: checks skipped, bounds left open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Timeline {
    /// A timeline over `windows`, with no check yet (add them to `checks`,
    /// one cell per window each).
    #[must_use]
    pub fn new(window: WindowSpec, alert_rule: AlertRule, windows: &Windows) -> Self {
        Self {
            window: window.to_string(),
            alert_rule,
            windows: windows.windows.iter().map(WindowSummary::from).collect(),
            missing_timestamp_rows: windows.missing_timestamp_rows.len(),
            checks: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// A window as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowSummary {
    /// ISO interval or NannyML row range.
    pub label: String,
    /// Inclusive start (epoch ms, UTC) of a time window.
    pub start_millis: Option<i64>,
    /// Exclusive end (epoch ms, UTC) of a time window.
    pub end_millis: Option<i64>,
    /// Rows in the window.
    pub n_rows: usize,
}

impl From<&Window> for WindowSummary {
    fn from(window: &Window) -> Self {
        Self {
            label: window.label.clone(),
            start_millis: window.start_millis,
            end_millis: window.end_millis,
            n_rows: window.rows.len(),
        }
    }
}

/// One check across all windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckTimeline {
    /// The check's name, e.g. `"drift:age:jensen_shannon"` or `"model_quality:f1"`.
    pub name: String,
    /// The check's value on the whole reference, when it has one.
    pub reference_value: Option<f64>,
    /// One cell per window, in window order.
    pub cells: Vec<CheckCell>,
    /// The alert state after each window, in window order.
    pub alert_states: Vec<AlertState>,
}

/// A check in one window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CheckCell {
    /// The value; `None` when the window has none (written as `null`).
    pub value: Option<f64>,
    /// Lower bound in force for this window.
    pub lower: Option<f64>,
    /// Upper bound in force for this window.
    pub upper: Option<f64>,
    /// The outcome.
    pub status: CheckStatus,
}

impl CheckTimeline {
    /// A check judged by one threshold: NaN (or non-finite) values are
    /// `Missing`, and alert states follow `rule`.
    #[must_use]
    pub fn from_values(
        name: &str,
        reference_value: Option<f64>,
        values: &[f64],
        threshold: Threshold,
        rule: AlertRule,
    ) -> Self {
        let cells = values
            .iter()
            .map(|&v| {
                let value = v.is_finite().then_some(v);
                let status = value.map_or(CheckStatus::Missing, |v| threshold.check(v));
                CheckCell { value, lower: threshold.lower, upper: threshold.upper, status }
            })
            .collect();
        Self::from_cells(name, reference_value, cells, rule)
    }

    /// A check whose cells were judged elsewhere (e.g. a p-value verdict or a
    /// count of constraint violations); alert states follow `rule`.
    #[must_use]
    pub fn from_cells(name: &str, reference_value: Option<f64>, cells: Vec<CheckCell>, rule: AlertRule) -> Self {
        let statuses: Vec<CheckStatus> = cells.iter().map(|c| c.status).collect();
        Self {
            name: name.to_owned(),
            reference_value: reference_value.filter(|v| v.is_finite()),
            alert_states: rule.states(&statuses),
            cells,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_carry_bounds_status_and_alerts() {
        let threshold = Threshold { lower: Some(0.7), upper: None };
        let rule: AlertRule = "2/2".parse().unwrap();
        let check = CheckTimeline::from_values("f1", Some(0.8), &[0.9, 0.6, f64::NAN, 0.5, 0.4], threshold, rule);
        let statuses: Vec<CheckStatus> = check.cells.iter().map(|c| c.status).collect();
        use CheckStatus::{Missing, Ok, Violation};
        assert_eq!(statuses, [Ok, Violation, Missing, Violation, Violation]);
        // The gap is skipped: windows 2 and 4 are the last two judged ones at window 4.
        assert_eq!(
            check.alert_states,
            [AlertState::Ok, AlertState::Ok, AlertState::Ok, AlertState::InAlert, AlertState::InAlert]
        );
        let json = serde_json::to_value(&check).unwrap();
        assert_eq!(
            json["cells"][2],
            serde_json::json!({"value": null, "lower": 0.7, "upper": null, "status": "missing"})
        );
        assert_eq!(json["alert_states"][4], "InAlert");
    }

    #[test]
    fn timeline_round_trips_through_json() {
        let window =
            Window { label: "[0:9]".to_owned(), start_millis: None, end_millis: None, rows: (0..10).collect() };
        let rule = AlertRule::default();
        let windows = Windows { windows: vec![window], missing_timestamp_rows: vec![3] };
        let mut timeline = Timeline::new(WindowSpec::Rows { size: 10 }, rule, &windows);
        timeline.checks.push(CheckTimeline::from_values("x", None, &[1.0], Threshold::default(), rule));
        assert_eq!((timeline.window.as_str(), timeline.missing_timestamp_rows), ("10rows", 1));
        assert_eq!(timeline.windows[0].n_rows, 10);
        let text = serde_json::to_string(&timeline).unwrap();
        assert_eq!(serde_json::from_str::<Timeline>(&text).unwrap(), timeline);
    }
}
