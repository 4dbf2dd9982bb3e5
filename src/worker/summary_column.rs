//! One numeric column of a schema summary, as a helper worker draws it up:
//! the numbers arrive as a `Float64Array` beside the column's other facts,
//! the schema line goes back as JSON.

use js_sys::{Float64Array, Reflect};
use tideline_engine::summary::summarize_column;
use tideline_engine::table::ColumnData;
use wasm_bindgen::prelude::*;

use super::scope;
use crate::protocol::helper::{HelperReply, SummaryColumnRequest};

/// Summarises the column and posts the schema line to the engine worker.
pub(super) fn serve(request: &SummaryColumnRequest, data: &JsValue) {
    let values = Reflect::get(data, &"values".into()).ok().and_then(|v| v.dyn_into::<Float64Array>().ok());
    let text = match values {
        Some(values) => {
            let mut column = request.column.clone();
            column.data = ColumnData::Numeric(values.to_vec());
            let reply = HelperReply::SummaryColumnDone {
                job: request.job,
                index: request.index,
                summary: summarize_column(&column),
            };
            serde_json::to_string(&reply)
        }
        // Without its numbers the answer cannot be read: the engine worker gives up on this helper.
        None => Ok(String::new()),
    };
    match text {
        Ok(text) => {
            if let Err(e) = scope().post_message(&text.into()) {
                web_sys::console::error_2(&"tideline helper: cannot post a summary".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("tideline helper: cannot encode a summary: {e}").into()),
    }
}
