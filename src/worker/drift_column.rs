//! One column of a drift run, as a helper worker judges it: both sides'
//! numbers arrive as `Float64Array`s; the result and the column's small
//! histogram go back as JSON.

use js_sys::{Float64Array, Reflect};
use tideline_engine::drift::{judge_pair, SkippedColumn};
use tideline_engine::histogram::compare;
use tideline_engine::roles::Role;
use tideline_engine::table::{Column, ColumnData};
use tideline_engine::types::DeequCounts;
use tideline_report::gather::HISTOGRAM_BINS;
use wasm_bindgen::prelude::*;

use super::scope;
use crate::protocol::helper::{DriftColumnRequest, HelperReply};

/// Judges the column and posts the answer to the engine worker.
pub(super) fn serve(request: &DriftColumnRequest, data: &JsValue) {
    let (result, histogram) = match columns(request, data) {
        Ok((baseline, current)) => (
            judge_pair(&(&baseline, &current, request.kind), &request.options),
            compare(Some(&baseline), Some(&current), HISTOGRAM_BINS),
        ),
        Err(skip) => (Err(skip), None),
    };
    let reply =
        HelperReply::DriftColumnDone { job: request.job, index: request.index, result: Box::new(result), histogram };
    match serde_json::to_string(&reply) {
        Ok(text) => {
            if let Err(e) = scope().post_message(&text.into()) {
                web_sys::console::error_2(&"tideline helper: cannot post a drift column".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("tideline helper: cannot encode a drift column: {e}").into()),
    }
}

/// Both sides' columns, from the numbers beside the request.
fn columns(request: &DriftColumnRequest, data: &JsValue) -> Result<(Column, Column), SkippedColumn> {
    let skip = |reason: &str| SkippedColumn { name: request.name.clone(), reason: reason.to_owned() };
    let numbers = |side: &str| -> Result<Column, SkippedColumn> {
        let values = Reflect::get(data, &side.into())
            .ok()
            .and_then(|v| v.dyn_into::<Float64Array>().ok())
            .ok_or_else(|| skip(&format!("a helper worker got no {side} numbers")))?
            .to_vec();
        Ok(Column {
            name: request.name.clone(),
            data: ColumnData::Numeric(values),
            deequ: DeequCounts::default(),
            kind: request.kind,
            kind_overridden: false,
            role: Role::Feature,
        })
    };
    Ok((numbers("baseline")?, numbers("current")?))
}
