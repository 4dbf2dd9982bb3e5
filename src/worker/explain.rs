//! The worker's explainability session: the model (read from a file, the
//! demo's, or a surrogate fitted here), precomputed attributions per side,
//! and the last run's current-side values, from which waterfalls are cut.

use std::rc::Rc;

use js_sys::Uint8Array;
use tideline_engine::explain::{read_global_shap, read_local_shap_csv, LabelAttributions, LoadedModel};
use wasm_bindgen_futures::JsFuture;

use super::explain_result::LastRun;
use super::{post, Worker};
use crate::protocol::explain::{ModelInfo, PrecomputedInfo};
use crate::protocol::{Reply, Side};

/// The demo model: XGBoost trained on the car-loan reference (public/demo/README.md).
const DEMO_MODEL: (&str, &[u8]) = ("xgb_car_loan.json", include_bytes!("../../public/demo/xgb_car_loan.json"));

/// A model ready to explain.
pub(super) struct HeldModel {
    /// The engine's model.
    pub model: LoadedModel,
    /// Its file's bytes, sent to helper workers (`None` for a surrogate,
    /// which has no file: it is explained in the engine worker alone).
    pub bytes: Option<Rc<Vec<u8>>>,
    /// Its file name (tells helpers its format).
    pub name: String,
    /// What the page was told about it.
    pub info: ModelInfo,
}

/// A side's `analysis.json`.
pub(super) struct Precomputed {
    pub global: LabelAttributions,
}

/// Everything the worker keeps for explainability.
#[derive(Default)]
pub(super) struct ExplainSession {
    pub model: Option<Rc<HeldModel>>,
    pub precomputed: [Option<Rc<Precomputed>>; 2],
    pub last: Option<Rc<LastRun>>,
}

/// Reads the attached file: a model, or an `analysis.json` for the next side
/// without one. Errors leave the session as it was.
pub(super) async fn load_file(worker: &Rc<Worker>, file: Option<web_sys::File>) {
    let Some(file) = file else {
        post(&failed("no file was attached to the model request".into()));
        return;
    };
    let name = file.name();
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            post(&failed(format!("{name}: the browser could not read the file")));
            return;
        }
    };
    if let Some(text) = analysis_json_text(&bytes) {
        post(&match read_global_shap(text, None) {
            Ok(global) => hold_attributions(worker, &name, global),
            Err(e) => failed(format!("{name}: {e}")),
        });
        return;
    }
    // Clarify's explanations_shap/out.csv: local values, aggregated here.
    if name.to_ascii_lowercase().ends_with(".csv") {
        post(&match read_local_shap_csv(&name, &bytes) {
            Ok(global) => hold_attributions(worker, &name, global),
            Err(e) => failed(e.to_string()),
        });
        return;
    }
    post(&load_bytes(worker, &name, bytes));
}

/// Loads the demo's XGBoost model.
pub(super) fn load_demo(worker: &Worker) -> Reply {
    let (name, bytes) = DEMO_MODEL;
    load_bytes(worker, name, bytes.to_vec())
}

/// Holds the model in `bytes` (any format `load_model` reads).
pub(super) fn load_bytes(worker: &Worker, name: &str, bytes: Vec<u8>) -> Reply {
    match tideline_engine::explain::load_model(name, &bytes) {
        Ok(model) => {
            let info = ModelInfo { name: name.to_owned(), summary: model.summary(), surrogate: None };
            hold(worker, HeldModel { model, bytes: Some(Rc::new(bytes)), name: name.to_owned(), info })
        }
        Err(e) => failed(format!("{name}: {e}")),
    }
}

/// Keeps `held` as the model and says so.
pub(super) fn hold(worker: &Worker, held: HeldModel) -> Reply {
    let reply = Reply::Model(Box::new(held.info.clone()));
    let mut session = worker.explain.borrow_mut();
    session.model = Some(Rc::new(held));
    session.precomputed = [None, None];
    session.last = None;
    reply
}

/// The text of an `analysis.json` with explanations, if `bytes` is one.
fn analysis_json_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("explanations").is_some().then_some(text)
}

/// Holds precomputed global attributions for the next side without any.
fn hold_attributions(worker: &Worker, name: &str, global: LabelAttributions) -> Reply {
    let mut session = worker.explain.borrow_mut();
    let side = if session.precomputed[0].is_none() { Side::Baseline } else { Side::Current };
    let info = PrecomputedInfo {
        side,
        name: name.to_owned(),
        labels: global.keys().cloned().collect(),
        features: global.values().next().map_or(0, |f| f.len()),
    };
    session.precomputed[side.index()] = Some(Rc::new(Precomputed { global }));
    session.model = None;
    session.last = None;
    Reply::AttributionsLoaded(info)
}

/// A failure outside any run.
pub(super) fn failed(message: String) -> Reply {
    Reply::ExplainFailed { job: None, cancelled: false, message }
}
