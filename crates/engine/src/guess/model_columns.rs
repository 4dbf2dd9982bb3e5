//! The model's columns guessed from column roles, for a timeline started
//! without naming them (the user can always name them instead).

use crate::model_quality::{ModelColumns, ProblemType};
use crate::roles::Role;
use crate::table::{Column, ColumnData, Table};
use crate::types::Kind;

/// Distinct labels above which a numeric label is a regression target.
const MAX_CLASSES: usize = 20;

/// The label, prediction and score columns by role; the problem type from
/// the label's values: two values (or a score) make a binary classifier, a
/// numeric label with many values a regression, anything else multiclass.
#[must_use]
pub fn guess_model_columns(table: &Table) -> Option<ModelColumns> {
    let with_role = |role: Role| table.columns.iter().find(|c| c.role == role);
    let label = with_role(Role::Label)?;
    let prediction = with_role(Role::PredictedLabel).map(|c| c.name.clone());
    let score = with_role(Role::PredictedScore).map(|c| c.name.clone());
    if prediction.is_none() && score.is_none() {
        return None;
    }
    let mut distinct: Vec<String> = (0..table.n_rows).filter_map(|i| label.data.category_key(i)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let problem = if distinct.len() <= 2 {
        ProblemType::BinaryClassification
    } else if label.kind == Kind::Numerical && distinct.len() > MAX_CLASSES {
        ProblemType::Regression
    } else {
        ProblemType::MulticlassClassification
    };
    let score = score.filter(|_| problem == ProblemType::BinaryClassification);
    let positive = match distinct.as_slice() {
        [a, b] if problem == ProblemType::BinaryClassification && !is_standard_pair(a, b) => {
            guess_positive(table, label, score.as_deref(), [a, b])
        }
        _ => None,
    };
    Some(ModelColumns { problem, label: label.name.clone(), prediction, score, threshold: 0.5, positive })
}

/// 0/1 and false/true need no guess: 1 and true are positive.
fn is_standard_pair(a: &str, b: &str) -> bool {
    matches!((a, b), ("0", "1") | ("false", "true"))
}

/// The positive class of a binary label with other values: the one whose
/// rows score higher on average when there is a score (the score is the
/// positive class's probability), else one that reads as positive
/// (`>50K`, `yes`, `good`), else the rarer one (the class a model is
/// usually built to find). Always shown to the user, who can change it.
fn guess_positive(table: &Table, label: &Column, score: Option<&str>, pair: [&String; 2]) -> Option<String> {
    if let Some(ColumnData::Numeric(scores)) = score.and_then(|s| table.column(s)).map(|c| &c.data) {
        let mean = |class: &str| {
            let (sum, n) = (0..table.n_rows)
                .filter(|&i| label.data.category_key(i).as_deref() == Some(class))
                .filter_map(|i| scores.get(i).copied().filter(|x| !x.is_nan()))
                .fold((0.0, 0_u64), |(s, n), x| (s + x, n + 1));
            (n > 0).then(|| sum / n as f64)
        };
        if let (Some(x), Some(y)) = (mean(pair[0]), mean(pair[1])) {
            return Some(if x > y { pair[0] } else { pair[1] }.clone());
        }
    }
    const POSITIVE: [&str; 6] = ["yes", "true", "good", "approved", "positive", "y"];
    if let Some(p) = pair.iter().find(|v| v.starts_with('>') || POSITIVE.contains(&v.to_lowercase().as_str())) {
        return Some((*p).clone());
    }
    let count =
        |class: &str| (0..table.n_rows).filter(|&i| label.data.category_key(i).as_deref() == Some(class)).count();
    Some(if count(pair[0]) <= count(pair[1]) { pair[0] } else { pair[1] }.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};

    #[test]
    fn binary_from_roles() {
        let csv = "x,y_pred_proba,y_pred,target\n1,0.9,1,1\n2,0.2,0,0\n3,0.7,1,0\n";
        let table = load_bytes("t.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table;
        let guess = guess_model_columns(&table).unwrap();
        assert_eq!(guess.problem, ProblemType::BinaryClassification);
        assert_eq!(
            (guess.label.as_str(), guess.prediction.as_deref(), guess.score.as_deref()),
            ("target", Some("y_pred"), Some("y_pred_proba"))
        );
    }

    #[test]
    fn an_ambiguous_binary_label_gets_the_class_that_scores_higher() {
        let csv = "y_pred_proba,y_pred,income\n0.9,a,>50K\n0.2,b,<=50K\n0.3,b,<=50K\n0.8,a,>50K\n";
        let table = load_bytes("t.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table;
        assert_eq!(guess_model_columns(&table).unwrap().positive.as_deref(), Some(">50K"));
        // No score: the rarer class.
        let csv = "y_pred,outcome\nlate,late\nontime,ontime\nontime,ontime\n";
        let table = load_bytes("t.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table;
        assert_eq!(guess_model_columns(&table).unwrap().positive.as_deref(), Some("late"));
        // 0/1 needs no guess.
        let csv = "y_pred,target\n1,1\n0,0\n";
        let table = load_bytes("t.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table;
        assert_eq!(guess_model_columns(&table).unwrap().positive, None);
    }

    #[test]
    fn no_prediction_no_guess() {
        let table = load_bytes("t.csv", b"x,target\n1,1\n2,0\n", LoadOptions::default()).unwrap().table;
        assert_eq!(guess_model_columns(&table), None);
    }
}
