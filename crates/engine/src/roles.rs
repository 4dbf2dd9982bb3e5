//! Column roles (label, predicted label, score, timestamp, join id, facet),
//! guessed from names and values, always editable by the user.
//!
//! Guesses are conservative and explainable: a header matches a known name
//! (`y_pred`, `y_pred_proba`, `timestamp`, `inferenceId`, `sex`, ...) or the
//! values fit (a datetime column is a timestamp; a score lies in [0, 1]).
//! Each role but Feature, Facet and Ignored goes to one column at most.

use serde::{Deserialize, Serialize};

use crate::table::{ColumnData, ColumnsByName, Table};
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
    /// Constant within each dataset but different between them: which
    /// split or period a row came from (wfh's `period`, Adult's `dataset`).
    Split,
    /// A sensitive attribute for bias metrics (also a feature).
    Facet,
    /// Left out of every analysis.
    Ignored,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Self; 9] = [
        Self::Feature,
        Self::Label,
        Self::PredictedLabel,
        Self::PredictedScore,
        Self::Timestamp,
        Self::JoinId,
        Self::Split,
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
            Self::Split => "split",
            Self::Facet => "facet",
            Self::Ignored => "ignored",
        }
    }

    /// Parses the snake_case name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// True for roles held by one column at most (a multiclass model has a
    /// score per class, so scores are not unique).
    #[must_use]
    pub fn is_unique(self) -> bool {
        !matches!(self, Self::Feature | Self::Facet | Self::Ignored | Self::Split | Self::PredictedScore)
    }

    /// Why no check looks at a column with this role (no drift test, no Model
    /// Monitor check, no timeline series), or `None` when checks do: ids,
    /// times and split markers differ between datasets by construction.
    #[must_use]
    pub fn not_checked(self) -> Option<&'static str> {
        match self {
            Self::JoinId => Some("ids differ between datasets by design"),
            Self::Timestamp => Some("times differ between datasets by design"),
            Self::Split => Some("constant within each dataset, different between them"),
            Self::Ignored => Some("set aside"),
            Self::Feature | Self::Facet | Self::Label | Self::PredictedLabel | Self::PredictedScore => None,
        }
    }

    /// True for the label and the model's outputs: checked for label and
    /// prediction drift and model quality, never counted as feature drift.
    #[must_use]
    pub fn is_model_output(self) -> bool {
        matches!(self, Self::Label | Self::PredictedLabel | Self::PredictedScore)
    }

    /// "not checked: role join_id (ids differ …)", when no check looks at it.
    #[must_use]
    pub fn not_checked_note(self) -> Option<String> {
        self.not_checked().map(|why| format!("not checked: role {} ({why})", self.as_str()))
    }

    /// What drift of a column with this role is called.
    #[must_use]
    pub fn drift_name(self) -> &'static str {
        match self {
            Self::Label => "label drift",
            Self::PredictedLabel | Self::PredictedScore => "prediction drift",
            _ => "feature drift",
        }
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

fn is_target_name(name: &str) -> bool {
    name.ends_with("_target") || name.starts_with("target_")
}

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
            // `clf_target`, `target_price`: a target by another name, ranked last.
            (Role::Label, rank(&LABEL_NAMES).or_else(|| is_target_name(&name).then_some(LABEL_NAMES.len()))),
            (Role::Timestamp, timestamp),
            (Role::JoinId, join_id),
            (Role::Facet, rank(&FACET_NAMES)),
        ];
        hits.extend(candidates.into_iter().filter_map(|(role, r)| r.map(|r| (r, index, role))));
    }
    hits.sort_by_key(|&(rank, index, _)| (rank, index));
    let mut guesses = vec![None; table.columns.len()];
    let mut taken: Vec<Role> = Vec::new();
    for (rank, index, role) in hits {
        // One score by name (`score` beside `y_pred_proba` is a feature), or
        // a family of per-class scores (`y_pred_proba_<class>`), ranked last.
        let family_score = role == Role::PredictedScore && rank == SCORE_NAMES.len();
        let unique = role.is_unique() || (role == Role::PredictedScore && !family_score);
        if guesses[index].is_none() && !(unique && taken.contains(&role)) {
            taken.push(role);
            guesses[index] = Some(role);
        }
    }
    for (column, role) in table.columns.iter_mut().zip(guesses) {
        column.role = role.unwrap_or(Role::Feature);
    }
}

/// The features that hold one value throughout each dataset, a different
/// one on each side (wfh's `period`: "reference" then "analysis"): they
/// tell the datasets apart by construction, so any check of them would fire.
#[must_use]
pub fn split_columns(baseline: &Table, current: &Table) -> Vec<String> {
    let in_current = ColumnsByName::new(current);
    baseline
        .columns
        .iter()
        .filter(|c| matches!(c.role, Role::Feature | Role::Facet))
        .filter_map(|b| {
            let c = in_current.get(&b.name)?;
            let (x, y) = (constant_value(b, baseline.n_rows)?, constant_value(c, current.n_rows)?);
            (x != y).then(|| b.name.clone())
        })
        .collect()
}

/// Marks the [`split_columns`] as [`Role::Split`] on both sides (a guess
/// that needs both, so made once both are read); returns their names.
pub fn guess_pair_roles(baseline: &mut Table, current: &mut Table) -> Vec<String> {
    let marked = split_columns(baseline, current);
    for name in &marked {
        for table in [&mut *baseline, &mut *current] {
            set_role(table, name, Role::Split);
        }
    }
    marked
}

/// The one value every row of `column` holds (none missing), if so.
fn constant_value(column: &crate::table::Column, n_rows: usize) -> Option<String> {
    let first = column.data.category_key(0)?;
    (n_rows > 0 && (1..n_rows).all(|i| column.data.category_key(i).as_deref() == Some(first.as_str()))).then_some(first)
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
    fn a_target_by_another_name_is_the_label() {
        let roles = guessed(&["MedInc", "clf_target", "y_pred"], &["3.2", "1", "0"]);
        assert_eq!(roles, [Role::Feature, Role::Label, Role::PredictedLabel]);
        let roles = guessed(&["clf_target", "label"], &["1", "0"]);
        assert_eq!(roles, [Role::Feature, Role::Label]);
    }

    #[test]
    fn per_class_scores_are_one_family() {
        let roles = guessed(
            &["y_pred_proba_a", "y_pred_proba_b", "y_pred_proba_c", "y_pred", "y_true"],
            &["0.5", "0.3", "0.2", "a", "b"],
        );
        let score = Role::PredictedScore;
        assert_eq!(roles, [score, score, score, Role::PredictedLabel, Role::Label]);
    }

    #[test]
    fn a_column_constant_per_dataset_and_different_is_a_split_marker() {
        let table = |rows: &[[&str; 3]]| {
            let mut b = TableBuilder::new(vec!["period".into(), "x".into(), "unit".into()], false);
            for row in rows {
                b.push_row(row.iter().copied());
            }
            b.finish()
        };
        let mut baseline = table(&[["reference", "1", "kg"], ["reference", "2", "kg"]]);
        let mut current = table(&[["analysis", "1", "kg"], ["analysis", "3", "kg"]]);
        // `unit` is constant too, but the same on both sides: a feature.
        assert_eq!(guess_pair_roles(&mut baseline, &mut current), ["period"]);
        for t in [&baseline, &current] {
            let roles: Vec<Role> = t.columns.iter().map(|c| c.role).collect();
            assert_eq!(roles, [Role::Split, Role::Feature, Role::Feature]);
        }
        // Two values on a side: not a marker.
        let mut fresh = table(&[["reference", "1", "kg"], ["reference", "2", "kg"]]);
        let mut mixed = table(&[["analysis", "1", "kg"], ["reference", "3", "kg"]]);
        assert!(guess_pair_roles(&mut fresh, &mut mixed).is_empty());
    }

    #[test]
    fn a_lone_candidate_still_takes_its_role() {
        let roles = guessed(&["age", "income_per_year", "sex"], &["31", ">50K", "Male"]);
        assert_eq!(roles, [Role::Facet, Role::Label, Role::Facet]);
    }
}
