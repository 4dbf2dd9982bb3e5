//! One chunk of an explain run, as a helper worker computes it (and as the
//! engine worker computes its own share): the model read from its bytes,
//! the background and rows from typed arrays, the attributions back as a
//! `Float64Array`. Nothing is kept between chunks.

use js_sys::{Float64Array, Reflect, Uint8Array};
use tideline_engine::explain::{load_model, Baseline, ExplainConfig, ExplainMethod, Explainer, FeatureMatrix};
use tideline_engine::progress::NoProgress;
use wasm_bindgen::prelude::*;

use super::scope;
use crate::protocol::helper::{ChunkRequest, HelperReply};

/// Attributions of rows `rows` of `x`, row-major (rows × outputs × features).
pub(super) fn explain_range(
    explainer: &Explainer<'_>,
    x: &FeatureMatrix,
    rows: std::ops::Range<usize>,
) -> Result<Vec<f64>, String> {
    Ok(explainer.explain_rows(x, rows, &mut NoProgress).map_err(|e| e.to_string())?.values)
}

/// Serves a chunk request sent by the engine worker and posts the answer.
pub(super) fn serve(request: &ChunkRequest, data: &JsValue) {
    let (job, chunk) = (request.job, request.chunk);
    let reply = match compute(request, data) {
        Ok(values) => {
            let message = js_sys::Object::new();
            let text = serde_json::to_string(&HelperReply::ChunkDone { job, chunk }).unwrap_or_default();
            let set = Reflect::set(&message, &"msg".into(), &text.into())
                .and_then(|_| Reflect::set(&message, &"values".into(), &Float64Array::from(values.as_slice())));
            match set {
                Ok(_) => message.into(),
                Err(_) => failed(job, chunk, "the answer could not be built"),
            }
        }
        Err(message) => failed(job, chunk, &message),
    };
    if let Err(e) = scope().post_message(&reply) {
        web_sys::console::error_2(&"tideline helper: cannot post".into(), &e);
    }
}

fn failed(job: u32, chunk: usize, message: &str) -> JsValue {
    let reply = HelperReply::ChunkFailed { job, chunk, message: message.to_owned() };
    serde_json::to_string(&reply).unwrap_or_default().into()
}

fn compute(request: &ChunkRequest, data: &JsValue) -> Result<Vec<f64>, String> {
    let array = |name: &str| Reflect::get(data, &name.into()).map_err(|_| format!("the chunk has no {name}"));
    let bytes = array("model")?.dyn_into::<Uint8Array>().map_err(|_| "the model is not bytes".to_owned())?.to_vec();
    let floats = |name: &str| -> Result<Vec<f64>, String> {
        Ok(array(name)?.dyn_into::<Float64Array>().map_err(|_| format!("the {name} are not numbers"))?.to_vec())
    };
    let m = request.features.len();
    let matrix = |values: Vec<f64>, n_rows: usize, what: &str| {
        if values.len() == n_rows * m {
            Ok(FeatureMatrix { features: request.features.clone(), n_rows, values })
        } else {
            Err(format!("the chunk's {what} hold {} numbers, not {n_rows} × {m}", values.len()))
        }
    };
    let background = matrix(floats("background")?, request.n_background, "background rows")?;
    let rows = floats("rows")?;
    let model = load_model(&request.model_name, &bytes).map_err(|e| e.to_string())?;
    let config: &ExplainConfig = &request.config;
    let method = config.method_for(&model);
    let explainer = match &request.kernel_weights {
        Some(weights) => {
            let baseline = Baseline::weighted(background, weights.clone()).map_err(|e| e.to_string())?;
            Explainer::with_kernel_baseline(&model, config, baseline)
        }
        None if method.needs_background() => Explainer::new(&model, config, Some(&background)),
        None => Explainer::new(&model, config, None),
    }
    .map_err(|e| e.to_string())?;
    // Kernel SHAP seeds each row by its index in the side's data: the rows
    // before the chunk are padding (never read) so the indices stay the same.
    let first = if method == ExplainMethod::Kernel { request.first_row } else { 0 };
    let mut values = vec![0.0; first * m];
    values.extend(rows);
    let x = matrix(values, first + request.n_rows, "rows")?;
    explain_range(&explainer, &x, first..first + request.n_rows)
}
