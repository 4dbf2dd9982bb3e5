//! The model's columns guessed from column roles, for a timeline started
//! without naming them (the user can always name them instead).

use crate::model_quality::{ModelColumns, ProblemType};
use crate::roles::Role;
use crate::table::Table;
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
    Some(ModelColumns { problem, label: label.name.clone(), prediction, score, threshold: 0.5, positive: None })
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
    fn no_prediction_no_guess() {
        let table = load_bytes("t.csv", b"x,target\n1,1\n2,0\n", LoadOptions::default()).unwrap().table;
        assert_eq!(guess_model_columns(&table), None);
    }
}
