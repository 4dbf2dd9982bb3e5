//! How the Monitoring grid groups its series: one group per check kind and
//! one per bias facet group, each with its worst cell per window; a long
//! group lists its series in alert first and shows a bounded number of them.

use tideline_engine::timeline::{AlertState, CheckStatus, CheckTimeline, Timeline};

/// Readable names of the check kinds, by series prefix, in grid order.
/// The short name heads the group; the long one is its tooltip.
const KINDS: [(&str, &str, &str); 6] = [
    ("data_quality", "Data quality", "Model Monitor's data-quality violations"),
    ("drift", "Drift", "NannyML's univariate drift, one series per column"),
    ("model_quality", "Model quality", "Realised model quality, from the labels"),
    ("estimated_performance", "Estimated quality", "Performance estimated without labels (CBPE)"),
    ("bias", "Bias", "Clarify's bias metrics of one facet group"),
    ("attribution", "Attribution", "Feature-attribution drift (NDCG, Model Monitor)"),
];

/// A group of at most this many series starts open; a longer one starts as
/// its summary row.
pub const OPEN_UP_TO: usize = 12;

/// Series an open group shows before "show all".
pub const SHOWN_ROWS: usize = 50;

/// The series' check kind and the rest of its name.
pub fn split_name(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or((name, ""))
}

/// The series' group key: its kind, or `bias:<facet group>` for bias.
fn group_key(name: &str) -> String {
    match split_name(name) {
        ("bias", rest) => format!("bias:{}", rest.rsplit_once(':').map_or(rest, |(group, _)| group)),
        (kind, _) => kind.to_owned(),
    }
}

/// A cell's look: CSS class, symbol and words, by how bad it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Look {
    /// No value.
    Missing,
    /// Within bounds.
    Ok,
    /// Within bounds, still in alert from earlier windows.
    OkAlert,
    /// A violation, not (yet) an alert.
    Violation,
    /// A violation in alert.
    Alert,
}

impl Look {
    /// The look of one cell.
    pub fn of(status: CheckStatus, alert: AlertState) -> Self {
        match (status, alert) {
            (CheckStatus::Missing, _) => Self::Missing,
            (CheckStatus::Violation, AlertState::InAlert) => Self::Alert,
            (CheckStatus::Violation, AlertState::Ok) => Self::Violation,
            (CheckStatus::Ok, AlertState::InAlert) => Self::OkAlert,
            (CheckStatus::Ok, AlertState::Ok) => Self::Ok,
        }
    }

    /// CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Ok => "ok",
            Self::OkAlert => "ok-alert",
            Self::Violation => "violation",
            Self::Alert => "alert",
        }
    }

    /// The symbol shown with the colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Missing => "–",
            Self::Ok => "✓",
            Self::OkAlert => "!",
            Self::Violation => "✕",
            Self::Alert => "✕!",
        }
    }

    /// In words.
    pub fn words(self) -> &'static str {
        match self {
            Self::Missing => "no value",
            Self::Ok => "within bounds",
            Self::OkAlert => "within bounds, still in alert",
            Self::Violation => "violation",
            Self::Alert => "violation, in alert",
        }
    }
}

/// One window of a group: its worst cell and its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The worst look among the group's series.
    pub worst: Look,
    /// Series with a violation in the window.
    pub failed: usize,
    /// Series in alert at the window.
    pub in_alert: usize,
}

/// A group of series.
#[derive(Debug, Clone)]
pub struct Group {
    /// Stable key (kind, or bias facet group).
    pub key: String,
    /// Heading.
    pub title: String,
    /// What the group holds, in a sentence.
    pub about: String,
    /// The series, those in alert at the last window first when the group
    /// is longer than [`SHOWN_ROWS`], else in the timeline's order.
    pub checks: Vec<CheckTimeline>,
    /// Per window.
    pub summary: Vec<Summary>,
}

impl Group {
    /// True when the group starts open.
    pub fn open_at_first(&self) -> bool {
        self.checks.len() <= OPEN_UP_TO
    }

    /// Series in alert at the last window.
    pub fn in_alert_now(&self) -> usize {
        self.checks.iter().filter(|c| c.alert_states.last() == Some(&AlertState::InAlert)).count()
    }
}

/// The group's heading and sentence.
fn title(key: &str) -> (String, String) {
    if let Some(group) = key.strip_prefix("bias:") {
        return (format!("Bias: {group}"), format!("Clarify's bias metrics of the facet group {group}"));
    }
    KINDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or_else(|| (key.replace('_', " "), String::new()), |(_, t, about)| ((*t).to_owned(), (*about).to_owned()))
}

fn summary(checks: &[CheckTimeline], windows: usize) -> Vec<Summary> {
    (0..windows)
        .map(|i| {
            let mut s = Summary { worst: Look::Missing, failed: 0, in_alert: 0 };
            for c in checks {
                let (Some(cell), Some(&alert)) = (c.cells.get(i), c.alert_states.get(i)) else { continue };
                s.worst = s.worst.max(Look::of(cell.status, alert));
                s.failed += usize::from(cell.status == CheckStatus::Violation);
                s.in_alert += usize::from(alert == AlertState::InAlert);
            }
            s
        })
        .collect()
}

/// Violations of a series over all windows.
fn violations(check: &CheckTimeline) -> usize {
    check.cells.iter().filter(|c| c.status == CheckStatus::Violation).count()
}

/// The groups of `timeline`: known kinds in their order, then any other
/// kind under its own name, so a new check never goes missing from the grid.
pub fn groups(timeline: &Timeline) -> Vec<Group> {
    let mut order: Vec<String> = Vec::new();
    let rank = |key: &str| KINDS.iter().position(|(k, _, _)| key.split(':').next() == Some(*k)).unwrap_or(KINDS.len());
    for c in &timeline.checks {
        let key = group_key(&c.name);
        if !order.contains(&key) {
            order.push(key);
        }
    }
    order.sort_by_key(|k| rank(k));
    order
        .into_iter()
        .map(|key| {
            let mut checks: Vec<CheckTimeline> =
                timeline.checks.iter().filter(|c| group_key(&c.name) == key).cloned().collect();
            if checks.len() > SHOWN_ROWS {
                checks.sort_by_key(|c| {
                    (c.alert_states.last() != Some(&AlertState::InAlert), std::cmp::Reverse(violations(c)))
                });
            }
            let summary = summary(&checks, timeline.windows.len());
            let (title, about) = title(&key);
            Group { title, about, key, checks, summary }
        })
        .collect()
}
