//! Teaching scenarios: a baseline and a current dataset, the model, and a
//! Clarify configuration, generated so that one kind of drift happens on
//! purpose at a chosen strength (0: none, the current data is a fresh draw
//! of the baseline's world; 1: strong). Teachers move the strength and
//! watch which check catches it; `tideline scenario` writes the files.

mod csv;
mod error;
mod kind;
mod shifts;
mod world;

pub use error::ScenarioError;
pub use kind::ScenarioKind;

use serde_json::json;

use world::{applicant, draw_outcome, intercept, Dice, COEFFICIENTS, FEATURES};

/// Days of baseline, then of current data (eight weekly windows).
const BASELINE_DAYS: f64 = 90.0;
const CURRENT_DAYS: f64 = 56.0;

/// The fewest rows a scenario has on each side.
const MIN_ROWS: usize = 100;

/// The most rows a scenario has on each side (about 600 MB of CSV each).
pub const MAX_ROWS: usize = 5_000_000;

/// How much and how to generate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioConfig {
    /// Rows on each side.
    pub rows: usize,
    /// Seed: the same seed gives the same files.
    pub seed: u64,
    /// From 0 (no drift) to 1 (strong drift).
    pub strength: f64,
}

impl Default for ScenarioConfig {
    fn default() -> Self {
        Self { rows: 5000, seed: 2026, strength: 1.0 }
    }
}

/// The generated files.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Which scenario.
    pub kind: ScenarioKind,
    /// The baseline period, CSV.
    pub baseline_csv: String,
    /// The current period, CSV.
    pub current_csv: String,
    /// The model (the baseline's law) as the linear JSON Tideline reads.
    pub model_json: String,
    /// A Clarify `analysis_config.json` for the bias views.
    pub analysis_config_json: String,
}

/// Generates `kind` at `config`'s strength.
///
/// # Errors
/// A strength outside 0–1 or fewer than 100 rows.
///
/// # Examples
/// ```
/// use tideline_engine::scenario::{generate, ScenarioConfig, ScenarioKind};
/// let s = generate(ScenarioKind::NewCategory, &ScenarioConfig { rows: 200, seed: 1, strength: 1.0 }).unwrap();
/// assert!(!s.baseline_csv.contains("central") && s.current_csv.contains("central"));
/// ```
pub fn generate(kind: ScenarioKind, config: &ScenarioConfig) -> Result<Scenario, ScenarioError> {
    if !(0.0..=1.0).contains(&config.strength) {
        return Err(ScenarioError::Strength { strength: config.strength });
    }
    if config.rows < MIN_ROWS {
        return Err(ScenarioError::TooFewRows { rows: config.rows, minimum: MIN_ROWS });
    }
    if config.rows > MAX_ROWS {
        return Err(ScenarioError::TooManyRows { rows: config.rows, maximum: MAX_ROWS });
    }
    let mut dice = Dice::new(config.seed);
    let n = config.rows;
    let baseline: Vec<_> = (0..n)
        .map(|i| {
            let mut a = applicant(&mut dice, i as f64 / n as f64 * BASELINE_DAYS);
            draw_outcome(&mut dice, &mut a, &COEFFICIENTS);
            a
        })
        .collect();
    let current = shifts::current(kind, config.strength, &mut dice, n, BASELINE_DAYS, CURRENT_DAYS);
    let coefficients: serde_json::Map<String, serde_json::Value> =
        FEATURES.iter().zip(COEFFICIENTS).map(|(f, w)| ((*f).to_owned(), json!(w))).collect();
    let model = json!({"type": "linear", "link": "logistic", "intercept": intercept(), "coefficients": coefficients});
    let analysis_config = json!({
        "dataset_type": "text/csv",
        "label": "outcome",
        "label_values_or_threshold": [1],
        "facet": [{"name_or_index": "sex", "value_or_threshold": ["female"]}],
        "predicted_label": "y_pred",
        "methods": {"pre_training_bias": {"methods": "all"}, "post_training_bias": {"methods": "all"}}
    });
    let pretty = |value: &serde_json::Value| {
        serde_json::to_string_pretty(value).map(|text| text + "\n").map_err(|e| ScenarioError::Json(e.to_string()))
    };
    Ok(Scenario {
        kind,
        baseline_csv: csv::to_csv(&baseline),
        current_csv: csv::to_csv(&current),
        model_json: pretty(&model)?,
        analysis_config_json: pretty(&analysis_config)?,
    })
}
