//! Model Dashboard alerts (spec §9, `MonitoringAlertSummary`): after each
//! window, count the failed windows among the last `EvaluationPeriod` (N);
//! the check is InAlert iff that count ≥ `DatapointsToAlert` (M), and stays
//! InAlert until the count drops below M. Before N windows exist the same
//! rule applies to the windows so far (there is no "insufficient data" state).
//!
//! UNCONFIRMED: a window whose check has no value ([`CheckStatus::Missing`]:
//! labels not arrived yet, a window too small to judge) is not an execution:
//! it takes none of the N places and keeps the state the last judged window
//! left, so a gap neither raises nor clears an alert.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::error::TimelineError;
use crate::thresholds::CheckStatus;

/// Largest `DatapointsToAlert` and `EvaluationPeriod` SageMaker accepts.
pub const MAX_EVALUATION_PERIOD: u32 = 100;

/// "M out of N": alert when at least M of the last N windows failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawAlertRule", into = "RawAlertRule")]
pub struct AlertRule {
    datapoints_to_alert: u32,
    evaluation_period: u32,
}

/// The serialized form of [`AlertRule`], validated on the way in.
#[derive(Serialize, Deserialize)]
struct RawAlertRule {
    datapoints_to_alert: u32,
    evaluation_period: u32,
}

impl TryFrom<RawAlertRule> for AlertRule {
    type Error = TimelineError;

    fn try_from(raw: RawAlertRule) -> Result<Self, Self::Error> {
        Self::new(raw.datapoints_to_alert, raw.evaluation_period)
    }
}

impl From<AlertRule> for RawAlertRule {
    fn from(rule: AlertRule) -> Self {
        Self { datapoints_to_alert: rule.datapoints_to_alert, evaluation_period: rule.evaluation_period }
    }
}

impl Default for AlertRule {
    /// Two failures in the last three windows alert: one failed window is a
    /// violation to look at, a repeated one an alert (with 1 of 1 every
    /// violation would be an alert, and the two words would mean the same).
    fn default() -> Self {
        Self { datapoints_to_alert: 2, evaluation_period: 3 }
    }
}

impl AlertRule {
    /// M = `datapoints_to_alert` of N = `evaluation_period`.
    ///
    /// # Errors
    /// [`TimelineError::AlertRule`] unless 1 ≤ M ≤ N ≤ 100.
    pub fn new(datapoints_to_alert: u32, evaluation_period: u32) -> Result<Self, TimelineError> {
        if datapoints_to_alert == 0
            || datapoints_to_alert > evaluation_period
            || evaluation_period > MAX_EVALUATION_PERIOD
        {
            return Err(TimelineError::AlertRule { rule: format!("{datapoints_to_alert}/{evaluation_period}") });
        }
        Ok(Self { datapoints_to_alert, evaluation_period })
    }

    /// M, SageMaker's `DatapointsToAlert`.
    #[must_use]
    pub fn datapoints_to_alert(&self) -> u32 {
        self.datapoints_to_alert
    }

    /// N, SageMaker's `EvaluationPeriod`.
    #[must_use]
    pub fn evaluation_period(&self) -> u32 {
        self.evaluation_period
    }

    /// The alert state after every window, given the check's status in each.
    ///
    /// # Examples
    /// ```
    /// use tideline_engine::timeline::{AlertRule, AlertState, CheckStatus};
    /// let rule: AlertRule = "2/3".parse().unwrap();
    /// let (ok, bad) = (CheckStatus::Ok, CheckStatus::Violation);
    /// let states = rule.states(&[bad, bad, ok, ok, ok]);
    /// assert_eq!(states, [AlertState::Ok, AlertState::InAlert, AlertState::InAlert, AlertState::Ok, AlertState::Ok]);
    /// ```
    #[must_use]
    pub fn states(&self, statuses: &[CheckStatus]) -> Vec<AlertState> {
        let n = self.evaluation_period as usize;
        let m = self.datapoints_to_alert as usize;
        let failed = |s: &CheckStatus| *s == CheckStatus::Violation;
        // Statuses of the judged windows so far; the last N are counted.
        let mut judged: Vec<CheckStatus> = Vec::with_capacity(statuses.len());
        let mut in_window = 0_usize;
        let mut state = AlertState::Ok;
        let mut states = Vec::with_capacity(statuses.len());
        for status in statuses {
            if *status != CheckStatus::Missing {
                judged.push(*status);
                in_window += usize::from(failed(status));
                if let Some(leaving) = judged.len().checked_sub(n + 1).map(|j| &judged[j]) {
                    in_window -= usize::from(failed(leaving));
                }
                state = if in_window >= m { AlertState::InAlert } else { AlertState::Ok };
            }
            states.push(state);
        }
        states
    }
}

impl FromStr for AlertRule {
    type Err = TimelineError;

    /// Parses `"M/N"`, e.g. `"2/3"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = || TimelineError::AlertRule { rule: s.to_owned() };
        let (m, n) = s.split_once('/').ok_or_else(fail)?;
        let m = m.trim().parse().map_err(|_| fail())?;
        let n = n.trim().parse().map_err(|_| fail())?;
        Self::new(m, n).map_err(|_| fail())
    }
}

impl fmt::Display for AlertRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.datapoints_to_alert, self.evaluation_period)
    }
}

/// SageMaker's `AlertStatus` after a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AlertState {
    /// Fewer than M failures among the last N windows.
    #[serde(rename = "OK")]
    Ok,
    /// At least M failures among the last N windows.
    InAlert,
}

#[cfg(test)]
mod tests {
    use super::*;
    use AlertState::{InAlert, Ok as Fine};
    use CheckStatus::{Missing as Gap, Ok as Pass, Violation as Fail};

    fn rule(text: &str) -> AlertRule {
        text.parse().unwrap()
    }

    #[test]
    fn rule_bounds_follow_sagemaker() {
        assert!("1/1".parse::<AlertRule>().is_ok());
        assert!("100/100".parse::<AlertRule>().is_ok());
        for bad in ["0/3", "4/3", "1/101", "3", "a/b", "-1/3", ""] {
            assert_eq!(bad.parse::<AlertRule>(), Err(TimelineError::AlertRule { rule: bad.to_owned() }), "{bad}");
        }
    }

    #[test]
    fn window_not_yet_full_uses_the_executions_so_far() {
        // §9: "the same rule applies before the window is full, e.g. the first 2 executions with N=3".
        assert_eq!(rule("2/3").states(&[Fail, Fail]), [Fine, InAlert]);
        assert_eq!(rule("1/3").states(&[Fail]), [InAlert]);
        assert_eq!(rule("3/3").states(&[Fail, Fail]), [Fine, Fine]);
    }

    #[test]
    fn stays_in_alert_until_the_count_drops_below_m() {
        let states = rule("2/3").states(&[Fail, Fail, Pass, Pass, Pass]);
        assert_eq!(states, [Fine, InAlert, InAlert, Fine, Fine]);
    }

    #[test]
    fn missing_windows_are_skipped_and_keep_the_state() {
        // The gaps take no place: Fail, Fail are two of the last three judged windows.
        let states = rule("2/3").states(&[Fail, Gap, Fail, Gap, Gap, Pass, Pass]);
        assert_eq!(states, [Fine, Fine, InAlert, InAlert, InAlert, InAlert, Fine]);
        assert_eq!(rule("1/2").states(&[Gap, Gap, Pass]), [Fine, Fine, Fine]);
    }

    #[test]
    fn one_of_one_follows_each_window() {
        let statuses = [Pass, Fail, Gap, Pass, Fail];
        assert_eq!(rule("1/1").states(&statuses), [Fine, InAlert, InAlert, Fine, InAlert]);
        assert_eq!(AlertRule::default(), rule("2/3"));
    }

    #[test]
    fn serde_validates_and_names_states_as_sagemaker() {
        let json = serde_json::to_string(&rule("2/5")).unwrap();
        assert_eq!(json, r#"{"datapoints_to_alert":2,"evaluation_period":5}"#);
        assert!(serde_json::from_str::<AlertRule>(r#"{"datapoints_to_alert":6,"evaluation_period":5}"#).is_err());
        assert_eq!(serde_json::to_string(&[Fine, InAlert]).unwrap(), r#"["OK","InAlert"]"#);
    }
}
