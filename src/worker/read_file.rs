//! Reads browser `File`s slice by slice into the engine's loader, reporting
//! progress and honouring cancellation between slices.

use std::rc::Rc;

use js_sys::Uint8Array;
use tideline_engine::io::{ErrorKind, IoError, LoadOptions, Loaded, Loader, CHUNK_BYTES};
use wasm_bindgen_futures::JsFuture;

use super::datasets::Origin;
use super::{post, Worker};
use crate::protocol::{FileStatus, Reply, Side};

/// File slices asked for ahead of the one being parsed.
const READ_AHEAD: usize = 2;

/// Least time between two progress messages.
const PROGRESS_EVERY_MS: f64 = 100.0;

struct JobProgress {
    job: u32,
    started: f64,
    last_post: f64,
    bytes_before: u64,
    bytes_total: u64,
    rows_before: u64,
    read_millis: f64,
    ingest_millis: f64,
}

/// Reads `files` into `side`, one after the other; a failed file is reported
/// and skipped, a cancel keeps the files already read.
pub(super) async fn run_job(
    worker: &Rc<Worker>,
    job: u32,
    side: Side,
    files: Vec<web_sys::File>,
    options: LoadOptions,
) {
    let started = js_sys::Date::now();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bytes_total = files.iter().map(|f| f.size() as u64).sum();
    let mut progress = JobProgress {
        job,
        started,
        last_post: 0.0,
        bytes_before: 0,
        bytes_total,
        rows_before: 0,
        read_millis: 0.0,
        ingest_millis: 0.0,
    };
    let mut cancelled = false;
    for file in &files {
        let file_started = js_sys::Date::now();
        let name = file.name();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let options = LoadOptions { size_hint: Some(file.size() as u64), ..options.clone() };
        let result = read_one(worker, file, &name, options, &mut progress).await;
        let millis = js_sys::Date::now() - file_started;
        progress.ingest_millis += millis;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let bytes = file.size() as u64;
        progress.bytes_before += bytes;
        let status = match result {
            Ok(loaded) => {
                progress.rows_before += loaded.table.n_rows as u64;
                let status = FileStatus {
                    name,
                    bytes,
                    rows: loaded.table.n_rows as u64,
                    format: loaded.format.as_str().to_owned(),
                    error: None,
                    warnings: loaded.warnings,
                    millis,
                };
                worker.datasets.borrow_mut().add_file(side, status, Some(loaded.table), Origin::Handle(file.clone()));
                None
            }
            Err(e) if e.kind == ErrorKind::Cancelled => {
                cancelled = true;
                None
            }
            Err(e) => Some(FileStatus {
                name,
                bytes,
                rows: 0,
                format: String::new(),
                error: Some(e.to_string()),
                warnings: Vec::new(),
                millis,
            }),
        };
        if let Some(failed) = status {
            worker.datasets.borrow_mut().add_file(side, failed, None, Origin::None);
        }
        post(&worker.datasets.borrow().dataset_reply(side));
        if cancelled {
            break;
        }
    }
    worker.cancelled.borrow_mut().remove(&job);
    post(&Reply::JobDone {
        job,
        cancelled,
        rows: progress.rows_before,
        bytes: progress.bytes_before,
        millis: js_sys::Date::now() - started,
        read_millis: progress.read_millis,
        ingest_millis: progress.ingest_millis,
    });
}

async fn read_one(
    worker: &Rc<Worker>,
    file: &web_sys::File,
    name: &str,
    options: LoadOptions,
    progress: &mut JobProgress,
) -> Result<Loaded, IoError> {
    let mut loader = Loader::new(name, options);
    let size = file.size();
    let mut buffer = vec![0_u8; CHUNK_BYTES];
    let mut offset = 0.0;
    #[allow(clippy::cast_precision_loss)]
    let chunk = CHUNK_BYTES as f64;
    // The next slices are asked for before this one is parsed, so the browser
    // reads from disk while the engine parses.
    let slice_at = |offset: f64| -> Result<JsFuture, IoError> {
        let end = (offset + chunk).min(size);
        let blob = file.slice_with_f64_and_f64(offset, end).map_err(|e| read_error(name, &e))?;
        Ok(JsFuture::from(blob.array_buffer()))
    };
    let mut pending = std::collections::VecDeque::with_capacity(READ_AHEAD);
    let mut requested = 0.0;
    while requested < size && pending.len() < READ_AHEAD {
        pending.push_back(slice_at(requested)?);
        requested += chunk;
    }
    while let Some(next) = pending.pop_front() {
        let waited = js_sys::Date::now();
        let array = next.await.map_err(|e| read_error(name, &e))?;
        progress.read_millis += js_sys::Date::now() - waited;
        if worker.cancelled.borrow().contains(&progress.job) {
            return Err(IoError::new(name, ErrorKind::Cancelled));
        }
        offset = (offset + chunk).min(size);
        if requested < size {
            pending.push_back(slice_at(requested)?);
            requested += chunk;
        }
        let bytes = Uint8Array::new(&array);
        let len = bytes.length() as usize;
        let slice = buffer
            .get_mut(..len)
            .ok_or_else(|| IoError::new(name, ErrorKind::Read("a slice was larger than asked".into())))?;
        bytes.copy_to(slice);
        loader.push(slice)?;
        let now = js_sys::Date::now();
        if now - progress.last_post >= PROGRESS_EVERY_MS || offset >= size {
            progress.last_post = now;
            post(&Reply::Progress {
                job: progress.job,
                file: name.to_owned(),
                bytes_done: progress.bytes_before + loader.bytes(),
                bytes_total: progress.bytes_total,
                rows_done: progress.rows_before + loader.rows(),
                elapsed_ms: now - progress.started,
            });
        }
    }
    drop(buffer);
    loader.finish()
}

fn read_error(name: &str, error: &wasm_bindgen::JsValue) -> IoError {
    let text = error
        .as_string()
        .or_else(|| js_sys::Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "the browser could not read the file".into());
    IoError::new(name, ErrorKind::Read(text))
}
