//! The built-in demos: their files (embedded in the worker, so a demo works
//! offline with one click) and the roles set once they are loaded, so every
//! view has something to show without the user naming a column.

use serde::{Deserialize, Serialize};
use tideline_engine::roles::Role;

/// A built-in demo (public/demo/README.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Demo {
    /// NannyML's car loans: 3,000 reference and 3,000 analysis rows.
    #[default]
    CarLoan,
    /// NannyML's work-from-home classifier: every 10th row of each period,
    /// with its label, prediction, score and timestamp.
    Wfh,
}

impl Demo {
    /// The baseline file and the current file: (name, content).
    #[must_use]
    pub fn files(self) -> [(&'static str, &'static [u8]); 2] {
        match self {
            Self::CarLoan => [
                ("car_loan_reference.csv", include_bytes!("../public/demo/car_loan_reference.csv")),
                ("car_loan_analysis.csv", include_bytes!("../public/demo/car_loan_analysis.csv")),
            ],
            Self::Wfh => [
                ("wfh_reference.csv", include_bytes!("../public/demo/wfh_reference.csv")),
                ("wfh_analysis.csv", include_bytes!("../public/demo/wfh_analysis.csv")),
            ],
        }
    }

    /// Roles set on both sides after loading (the rest keep their guessed role).
    #[must_use]
    pub fn roles(self) -> &'static [(&'static str, Role)] {
        match self {
            Self::CarLoan => &[],
            Self::Wfh => &[
                ("work_home_actual", Role::Label),
                ("y_pred", Role::PredictedLabel),
                ("y_pred_proba", Role::PredictedScore),
                ("timestamp", Role::Timestamp),
                ("id", Role::JoinId),
                // Says "reference" or "analysis": it differs by construction.
                ("period", Role::Split),
            ],
        }
    }
}
