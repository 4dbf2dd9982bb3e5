//! SHA-256 of the loaded files, for the audit record. Files are hashed when
//! an export first needs them, not while loading (hashing would slow every
//! load for the few that are exported), reading each slice by slice as the
//! loader does; a file removed meanwhile is simply not recorded.

use std::rc::Rc;

use js_sys::Uint8Array;
use tideline_engine::io::CHUNK_BYTES;
use tideline_report::Hasher;
use wasm_bindgen_futures::JsFuture;

use super::Worker;

/// Hashes every loaded file not hashed yet.
///
/// # Errors
/// When the browser cannot read a file again (e.g. it was moved or
/// deleted since it was dropped): the message names it.
pub(super) async fn hash_loaded(worker: &Rc<Worker>) -> Result<(), String> {
    let pending = worker.datasets.borrow().unhashed();
    for (side, index, file) in pending {
        let hex = sha256_of(&file).await?;
        worker.datasets.borrow_mut().set_sha256(side, index, &file, hex);
    }
    Ok(())
}

/// SHA-256 of `file`'s bytes, in lowercase hex.
async fn sha256_of(file: &web_sys::File) -> Result<String, String> {
    let name = file.name();
    let unreadable = |_| format!("{name} can no longer be read to hash it (was it moved or deleted?)");
    let mut hasher = Hasher::new();
    let size = file.size();
    let chunk = CHUNK_BYTES as f64;
    let mut offset = 0.0;
    while offset < size {
        let end = (offset + chunk).min(size);
        let blob = file.slice_with_f64_and_f64(offset, end).map_err(unreadable)?;
        let buffer = JsFuture::from(blob.array_buffer()).await.map_err(unreadable)?;
        hasher.update(&Uint8Array::new(&buffer).to_vec());
        offset = end;
    }
    Ok(hasher.hex())
}
