//! Column roles (label, predicted label, score, timestamp, join id, facet),
//! guessed from names and values, always editable by the user.
//!
//! Guesses are conservative and explainable: a header matches a known name
//! (`y_pred`, `y_pred_proba`, `timestamp`, `inferenceId`, `sex`, ...) or the
//! values fit (a datetime column is a timestamp; a score lies in [0, 1]).
//! Each role but Feature, Facet and Ignored goes to one column at most.

use serde::{Deserialize, Serialize};

use crate::table::{ColumnData, Table};
use crate::types::Kind;

/// What a column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A model input.
    #[default]
    Feature,
    /// Ground truth.
    Label,
    /// The model's predicted label.
    PredictedLabel,
    /// The model's predicted score or probability.
    PredictedScore,
    /// When the row happened.
    Timestamp,
    /// The key that joins rows to ground truth (inferenceId, eventId, id).
    JoinId,
    /// A sensitive attribute for bias metrics (also a feature).
    Facet,
    /// Left out of every analysis.
    Ignored,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Self; 8] = [
        Self::Feature,
        Self::Label,
        Self::PredictedLabel,
        Self::PredictedScore,
        Self::Timestamp,
        Self::JoinId,
        Self::Facet,
        Self::Ignored,
    ];

    /// The snake_case name used in JSON and the UI.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Feature => "feature",
            Self::Label => "label",
            Self::PredictedLabel => "predicted_label",
            Self::PredictedScore => "predicted_score",
            Self::Timestamp => "timestamp",
            Self::JoinId => "join_id",
            Self::Facet => "facet",
            Self::Ignored => "ignored",
        }
    }

    /// Parses the snake_case name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// True for roles held by one column at most.
    #[must_use]
    pub fn is_unique(self) -> bool {
        !matches!(self, Self::Feature | Self::Facet | Self::Ignored)
    }
}

const LABEL_NAMES: [&str; 18] = [
    "label",
    "target",
    "y",
    "y_true",
    "ytrue",
    "class",
    "actual",
    "truth",
    "ground_truth",
    "groundtruthdata",
    "outcome",
    "survived",
    "income",
    "income_per_year",
    "credit",
    "risk",
    "repaid",
    "work_home_actual",
];
const PREDICTION_NAMES: [&str; 8] =
    ["y_pred", "ypred", "prediction", "predicted", "predicted_label", "pred", "predictions", "y_hat"];
const SCORE_NAMES: [&str; 8] =
    ["y_pred_proba", "y_score", "score", "proba", "probability", "predicted_score", "prediction_score", "y_prob"];
const TIMESTAMP_NAMES: [&str; 8] =
    ["timestamp", "inferencetime", "time", "date", "datetime", "event_time", "created_at", "ts"];
const ID_NAMES: [&str; 6] = ["inferenceid", "eventid", "id", "row_id", "record_id", "passengerid"];
const FACET_NAMES: [&str; 14] = [
    "sex",
    "gender",
    "race",
    "ethnicity",
    "age",
    "age_factor",
    "age_group",
    "religion",
    "marital_status",
    "nationality",
    "native_country",
    "foreign_worker",
    "disability",
    "personal_status",
];

fn normalise(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace([' ', '-', '.'], "_")
}

fn is_score(data: &ColumnData) -> bool {
    let ColumnData::Numeric(values) = data else { return false };
    let mut any_fraction = false;
    for &x in values.iter().filter(|x| !x.is_nan()) {
        if !(0.0..=1.0).contains(&x) {
            return false;
        }
        any_fraction |= x.fract() != 0.0;
    }
    any_fraction
}

/// Guesses every column's role in place (columns the user already set are
/// left alone only through the UI; this resets all guesses).
///
/// # Examples
/// ```
/// use tideline_engine::{roles::{guess_roles, Role}, table::TableBuilder};
/// let mut b = TableBuilder::new(vec!["age".into(), "y_pred".into(), "y_pred_proba".into(), "repaid".into()], false);
/// b.push_row(["31", "1", "0.8", "1"]);
/// let mut t = b.finish();
/// guess_roles(&mut t);
/// let roles: Vec<Role> = t.columns.iter().map(|c| c.role).collect();
/// assert_eq!(roles, [Role::Facet, Role::PredictedLabel, Role::PredictedScore, Role::Label]);
/// ```
pub fn guess_roles(table: &mut Table) {
    // Every (column, role) hit with its rank: the position of the header in
    // the role's list of names, so `label` wins the label over `income` when
    // a table has both, whatever their order.
    let mut hits: Vec<(usize, usize, Role)> = Vec::new();
    for (index, column) in table.columns.iter().enumerate() {
        let name = normalise(&column.name);
        let rank = |names: &[&str]| names.iter().position(|n| *n == name);
        let score = rank(&SCORE_NAMES)
            .or_else(|| (name.starts_with("y_pred_proba") && is_score(&column.data)).then_some(SCORE_NAMES.len()));
        let timestamp =
            rank(&TIMESTAMP_NAMES).or_else(|| (column.kind == Kind::Datetime).then_some(TIMESTAMP_NAMES.len()));
        // A key with gaps cannot join every row, so a complete id column
        // (eventId in a capture) beats a better-named one with gaps.
        let join_id = rank(&ID_NAMES).map(|r| r + if column.data.missing_count() > 0 { ID_NAMES.len() } else { 0 });
        let candidates = [
            (Role::PredictedScore, score),
            (Role::PredictedLabel, rank(&PREDICTION_NAMES)),
            (Role::Label, rank(&LABEL_NAMES)),
            (Role::Timestamp, timestamp),
            (Role::JoinId, join_id),
            (Role::Facet, rank(&FACET_NAMES)),
        ];
        hits.extend(candidates.into_iter().filter_map(|(role, r)| r.map(|r| (r, index, role))));
    }
    hits.sort_by_key(|&(rank, index, _)| (rank, index));
    let mut guesses = vec![None; table.columns.len()];
    let mut taken: Vec<Role> = Vec::new();
    for (_, index, role) in hits {
        if guesses[index].is_none() && !(role.is_unique() && taken.contains(&role)) {
            taken.push(role);
            guesses[index] = Some(role);
        }
    }
    for (column, role) in table.columns.iter_mut().zip(guesses) {
        column.role = role.unwrap_or(Role::Feature);
    }
}

/// Gives `role` to `column`, taking a unique role away from the column that had it.
///
/// Returns false when there is no such column.
pub fn set_role(table: &mut Table, column: &str, role: Role) -> bool {
    if table.column(column).is_none() {
        return false;
    }
    for c in &mut table.columns {
        if c.name == column {
            c.role = role;
        } else if role.is_unique() && c.role == role {
            c.role = Role::Feature;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::TableBuilder;

    fn guessed(headers: &[&str], row: &[&str]) -> Vec<Role> {
        let mut b = TableBuilder::new(headers.iter().map(|h| (*h).to_owned()).collect(), false);
        b.push_row(row.iter().copied());
        let mut t = b.finish();
        guess_roles(&mut t);
        t.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn the_better_named_column_takes_a_unique_role_whatever_the_order() {
        let roles = guessed(&["income", "label", "score", "y_pred_proba"], &["30479", "0", "0.2", "0.3"]);
        assert_eq!(roles, [Role::Feature, Role::Label, Role::Feature, Role::PredictedScore]);
        let roles = guessed(&["label", "income"], &["0", "30479"]);
        assert_eq!(roles, [Role::Label, Role::Feature]);
    }

    #[test]
    fn a_complete_id_beats_a_better_named_id_with_gaps() {
        let mut b = TableBuilder::new(vec!["eventId".into(), "inferenceId".into()], false);
        b.push_row(["e1", "i1"]);
        b.push_row(["e2", ""]);
        let mut t = b.finish();
        guess_roles(&mut t);
        assert_eq!(t.columns[0].role, Role::JoinId);
        assert_eq!(t.columns[1].role, Role::Feature);
        let roles = guessed(&["eventId", "inferenceId"], &["e1", "i1"]);
        assert_eq!(roles, [Role::Feature, Role::JoinId]);
    }

    #[test]
    fn a_lone_candidate_still_takes_its_role() {
        let roles = guessed(&["age", "income_per_year", "sex"], &["31", ">50K", "Male"]);
        assert_eq!(roles, [Role::Facet, Role::Label, Role::Facet]);
    }
}
