//! A helper worker's part of a big delimited file: it reads bytes
//! `start..end` of the `File` itself (slice by slice, two slices ahead),
//! parses them into columns and sends each column's bytes back to the
//! engine worker, which appends them to the rows it read itself. A part
//! that meets a quote stops at once: the engine worker reads it in order.

use js_sys::{Array, Uint8Array};
use tideline_engine::io::PartLoader;
use wasm_bindgen::prelude::*;

use super::file_slices::FileSlices;
use super::scope;
use crate::protocol::helper::{HelperReply, PartRequest};

/// Reads the part and posts the answer to the engine worker.
pub(super) async fn serve(request: PartRequest, file: Option<web_sys::File>) {
    let (job, part) = (request.job, request.part);
    let posted = match read(&request, file).await {
        Ok((header, columns)) => {
            let message = js_sys::Object::new();
            let text = serde_json::to_string(&HelperReply::PartDone { job, part, header }).unwrap_or_default();
            let transfer = Array::new();
            for column in columns.iter() {
                if let Ok(bytes) = column.dyn_into::<Uint8Array>() {
                    transfer.push(&bytes.buffer());
                }
            }
            js_sys::Reflect::set(&message, &"msg".into(), &text.into())
                .and_then(|_| js_sys::Reflect::set(&message, &"columns".into(), &columns))
                .and_then(|_| scope().post_message_with_transfer(&message, &transfer))
        }
        Err(message) => {
            let text = serde_json::to_string(&HelperReply::PartFailed { job, part, message }).unwrap_or_default();
            scope().post_message(&text.into())
        }
    };
    if let Err(e) = posted {
        web_sys::console::error_2(&"tideline helper: cannot post a part".into(), &e);
    }
}

async fn read(
    request: &PartRequest,
    file: Option<web_sys::File>,
) -> Result<(tideline_engine::io::PartHeader, Array), String> {
    let file = file.ok_or("the part came without its file")?;
    let mut loader = PartLoader::new(&request.file, request.spec.clone());
    let mut slices = FileSlices::new(&file, request.start, request.end);
    while let Some(bytes) = slices.next().await.map_err(|_| "the browser could not read the file".to_owned())? {
        loader.push(bytes).map_err(|e| e.to_string())?;
        if loader.refused() {
            break;
        }
    }
    let part = loader.finish().map_err(|e| e.to_string())?;
    let columns = Array::new();
    if !part.header().quoted {
        for bytes in part.column_bytes() {
            columns.push(&Uint8Array::from(bytes.as_slice()));
        }
    }
    Ok((part.header().clone(), columns))
}
