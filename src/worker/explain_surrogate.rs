//! A surrogate for a model the user cannot export: a gradient-boosted tree
//! model fitted on the baseline's features to its captured score (or
//! predicted label), with its fidelity on held-back rows. Its attributions
//! are the surrogate's, and every reply says so.

use tideline_engine::explain::{feature_matrix, fit_surrogate, LoadedModel, SurrogateOptions, SurrogateTarget};
use tideline_engine::progress::Flow;
use tideline_engine::roles::Role;
use tideline_engine::table::Table;

use super::explain::{failed, hold, HeldModel};
use super::Worker;
use crate::protocol::explain::{ModelInfo, SurrogateInfo};
use crate::protocol::{Reply, Side};

/// Fits the surrogate of `target` (else the score column, else the predicted
/// label) and keeps it as the model.
pub(super) fn fit(worker: &Worker, target: Option<&str>) -> Reply {
    let fitted = {
        let datasets = worker.datasets.borrow();
        fit_on(datasets.table(Side::Baseline), target)
    };
    match fitted {
        Ok(held) => hold(worker, held),
        Err(message) => failed(format!("surrogate: {message}")),
    }
}

fn fit_on(table: &Table, target: Option<&str>) -> Result<HeldModel, String> {
    if table.n_rows == 0 {
        return Err("load the baseline first".into());
    }
    let by_role = |role: Role| table.columns.iter().find(|c| c.role == role).map(|c| c.name.clone());
    let (target, kind) = match target {
        Some(name) => {
            let column = table.column(name).ok_or_else(|| format!("the baseline has no column {name:?}"))?;
            let kind =
                if column.role == Role::PredictedLabel { SurrogateTarget::Label } else { SurrogateTarget::Score };
            (name.to_owned(), kind)
        }
        None => by_role(Role::PredictedScore)
            .map(|n| (n, SurrogateTarget::Score))
            .or_else(|| by_role(Role::PredictedLabel).map(|n| (n, SurrogateTarget::Label)))
            .ok_or("no column has the role score or predicted label; set one in the baseline's schema")?,
    };
    let (mut features, mut skipped) = (Vec::new(), Vec::new());
    for c in table.columns.iter().filter(|c| matches!(c.role, Role::Feature | Role::Facet)) {
        if feature_matrix(table, std::slice::from_ref(&c.name)).is_ok() {
            features.push(c.name.clone());
        } else {
            skipped.push(c.name.clone());
        }
    }
    if features.is_empty() {
        return Err("no feature column holds numbers".into());
    }
    let x = feature_matrix(table, &features).map_err(|e| e.to_string())?.matrix;
    let y = feature_matrix(table, std::slice::from_ref(&target))
        .map_err(|e| format!("the target {target:?}: {e}"))?
        .matrix
        .values;
    let surrogate = fit_surrogate(&x, &y, kind, &SurrogateOptions::default(), &mut |_| Flow::Continue)
        .map_err(|e| e.to_string())?;
    let fidelity = surrogate.fidelity.clone();
    let model = LoadedModel::from_surrogate(surrogate);
    let name = format!("surrogate of {target}");
    let info = ModelInfo {
        name: name.clone(),
        summary: model.summary(),
        surrogate: Some(SurrogateInfo { target, kind, fidelity, skipped_features: skipped }),
    };
    Ok(HeldModel { model, bytes: None, name, info })
}
