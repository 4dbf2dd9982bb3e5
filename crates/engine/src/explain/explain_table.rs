//! A whole table explained in one call, as the CLI's `explain` does: the
//! model's features taken from the table by name, the background from the
//! baseline table (or, Clarify's way, the data itself), every row
//! explained, and the global aggregate. Front ends that split the rows
//! across workers use [`Explainer`] directly.

use super::aggregate::{aggregate, GlobalAttributions};
use super::attributions::Attributions;
use super::explain_config::{ExplainConfig, ExplainMethod};
use super::explain_error::ExplainError;
use super::explainer::Explainer;
use super::features::feature_matrix;
use super::loaded_model::LoadedModel;
use crate::progress::Progress;
use crate::table::Table;

/// Everything one explanation run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainOutcome {
    /// Local values of every row.
    pub attributions: Attributions,
    /// Their aggregate under the configured method.
    pub global: GlobalAttributions,
    /// The expected value per output.
    pub expected_value: Vec<f64>,
    /// The method used.
    pub method: ExplainMethod,
    /// The key under `explanations` in `analysis.json`.
    pub method_key: &'static str,
    /// Table columns the model does not read, in table order.
    pub unused_columns: Vec<String>,
}

/// Explains every row of `table` with `model`.
///
/// # Errors
/// A feature column missing or not numeric in either table, settings that
/// do not fit the model, a row the method refuses, an empty table, or a
/// cancel by `progress`.
pub fn explain_table(
    model: &LoadedModel,
    baseline: Option<&Table>,
    table: &Table,
    config: &ExplainConfig,
    progress: &mut dyn Progress,
) -> Result<ExplainOutcome, ExplainError> {
    let method = config.validate(model)?;
    let mapping = feature_matrix(table, model.feature_names())?;
    let background = match baseline {
        Some(b) if method.needs_background() => Some(feature_matrix(b, model.feature_names())?.matrix),
        _ => None,
    };
    let x = &mapping.matrix;
    let explainer = Explainer::for_data(model, config, background.as_ref(), x)?;
    // Natively every core explains a share of the rows; the browser splits
    // rows across its workers itself.
    #[cfg(not(target_arch = "wasm32"))]
    let attributions = {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        super::parallel_rows::explain_rows_parallel(&explainer, x, threads, progress)?
    };
    #[cfg(target_arch = "wasm32")]
    let attributions = explainer.explain_rows(x, 0..x.n_rows, progress)?;
    let global = aggregate(&attributions, config.agg)?;
    Ok(ExplainOutcome {
        expected_value: explainer.expected_value().to_vec(),
        method,
        method_key: explainer.method_key(),
        unused_columns: mapping.unused_columns,
        attributions,
        global,
    })
}
