//! A Parquet `File` in the browser: its footer is read first, then each row
//! group's byte range on its own, so beyond the footer and the row group
//! being decoded nothing of the file is held.

use std::rc::Rc;

use js_sys::Uint8Array;
use tideline_engine::io::{ErrorKind, IoError, LoadOptions, Loaded, ParquetReader, FOOTER_TAIL_BYTES};
use wasm_bindgen_futures::JsFuture;

use super::read_file::{read_error, JobProgress};
use super::{post, Worker};
use crate::protocol::Reply;

/// Whether the file starts with Parquet's magic bytes.
pub(super) async fn is_parquet(file: &web_sys::File, name: &str) -> Result<bool, IoError> {
    if file.size() < 12.0 {
        return Ok(false);
    }
    Ok(bytes(file, name, 0.0, 4.0).await? == b"PAR1")
}

/// Reads the Parquet file row group by row group, reporting progress and
/// honouring a cancel between groups.
pub(super) async fn read_parquet(
    worker: &Rc<Worker>,
    file: &web_sys::File,
    name: &str,
    options: &LoadOptions,
    progress: &mut JobProgress,
) -> Result<Loaded, IoError> {
    let size = file.size();
    let tail = bytes(file, name, size - FOOTER_TAIL_BYTES as f64, size).await?;
    let metadata_len = ParquetReader::metadata_len(name, &tail, size as u64)? as f64;
    let footer = bytes(file, name, size - FOOTER_TAIL_BYTES as f64 - metadata_len, size).await?;
    let mut reader = ParquetReader::new(name, &footer, size as u64, options)?;
    let mut done = footer.len() as u64;
    for index in 0..reader.row_groups() {
        if worker.cancelled.borrow().contains(&progress.job) {
            return Err(IoError::new(name, ErrorKind::Cancelled));
        }
        let range = reader.row_group_range(index);
        let waited = js_sys::Date::now();
        let group_bytes = bytes(file, name, range.start as f64, range.end as f64).await?;
        progress.read_millis += js_sys::Date::now() - waited;
        let group = reader.read_row_group(index, range.start, group_bytes)?;
        reader.append(group)?;
        done += range.end - range.start;
        let now = js_sys::Date::now();
        post(&Reply::Progress {
            job: progress.job,
            file: name.to_owned(),
            bytes_done: progress.bytes_before + done.min(size as u64),
            bytes_total: progress.bytes_total,
            rows_done: progress.rows_before + reader.rows(),
            elapsed_ms: now - progress.started,
        });
        progress.last_post = now;
        // Let a Cancel message in between row groups.
        super::pause(0).await;
    }
    reader.finish()
}

/// Bytes `start..end` of the file.
async fn bytes(file: &web_sys::File, name: &str, start: f64, end: f64) -> Result<Vec<u8>, IoError> {
    let blob = file.slice_with_f64_and_f64(start.max(0.0), end).map_err(|e| read_error(name, &e))?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|e| read_error(name, &e))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
