//! A helper worker's part of a big delimited file: it reads bytes
//! `start..end` of the `File` itself (slice by slice, two slices ahead),
//! parses them into columns and sends each column's bytes back to the
//! engine worker, which appends them to the rows it read itself. A part
//! that meets a quote stops at once: the engine worker reads it in order.

use js_sys::{Array, Uint8Array};
use tideline_engine::io::{PartLoader, CHUNK_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::scope;
use crate::protocol::{PartRequest, Reply};

/// File slices asked for ahead of the one being parsed.
const READ_AHEAD: usize = 2;

/// Reads the part and posts the answer to the engine worker.
pub(super) async fn serve(request: PartRequest, file: Option<web_sys::File>) {
    let (job, part) = (request.job, request.part);
    let posted = match read(&request, file).await {
        Ok((header, columns)) => {
            let message = js_sys::Object::new();
            let text = serde_json::to_string(&Reply::PartDone { job, part, header }).unwrap_or_default();
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
            let text = serde_json::to_string(&Reply::PartFailed { job, part, message }).unwrap_or_default();
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
    #[allow(clippy::cast_precision_loss)]
    let chunk = CHUNK_BYTES as f64;
    let slice_at = |offset: f64| -> Result<JsFuture, String> {
        let blob = file
            .slice_with_f64_and_f64(offset, (offset + chunk).min(request.end))
            .map_err(|_| "the browser could not slice the file".to_owned())?;
        Ok(JsFuture::from(blob.array_buffer()))
    };
    let mut pending = std::collections::VecDeque::with_capacity(READ_AHEAD);
    let mut requested = request.start;
    while requested < request.end && pending.len() < READ_AHEAD {
        pending.push_back(slice_at(requested)?);
        requested += chunk;
    }
    let mut buffer = vec![0_u8; CHUNK_BYTES];
    while let Some(next) = pending.pop_front() {
        let array = next.await.map_err(|_| "the browser could not read the file".to_owned())?;
        if requested < request.end {
            pending.push_back(slice_at(requested)?);
            requested += chunk;
        }
        let bytes = Uint8Array::new(&array);
        let slice = buffer.get_mut(..bytes.length() as usize).ok_or("a slice was larger than asked")?;
        bytes.copy_to(slice);
        loader.push(slice).map_err(|e| e.to_string())?;
        if loader.refused() {
            break;
        }
    }
    drop(buffer);
    let part = loader.finish().map_err(|e| e.to_string())?;
    let columns = Array::new();
    if !part.header().quoted {
        for bytes in part.column_bytes() {
            columns.push(&Uint8Array::from(bytes.as_slice()));
        }
    }
    Ok((part.header().clone(), columns))
}
