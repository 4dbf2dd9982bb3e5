//! Reads browser `File`s slice by slice into the engine's loader, reporting
//! progress and honouring cancellation between slices.

use std::rc::Rc;

use js_sys::Uint8Array;
use tideline_engine::io::{ErrorKind, IoError, LoadOptions, Loaded, Loader, PartHeader, PartRefused};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use super::datasets::Origin;
use super::file_slices::FileSlices;
use super::{pause, post, Worker};
use crate::protocol::helper::PartRequest;
use crate::protocol::{FileStatus, Reply, Side};

/// Least time between two progress messages.
const PROGRESS_EVERY_MS: f64 = 100.0;

pub(super) struct JobProgress {
    pub(super) job: u32,
    pub(super) started: f64,
    pub(super) last_post: f64,
    pub(super) bytes_before: u64,
    pub(super) bytes_total: u64,
    pub(super) rows_before: u64,
    pub(super) read_millis: f64,
    ingest_millis: f64,
    /// Most workers that read one file at once.
    workers: usize,
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
        workers: 1,
    };
    let mut cancelled = false;
    for file in &files {
        let file_started = js_sys::Date::now();
        let name = file.name();
        let options = LoadOptions { size_hint: Some(file.size() as u64), ..options.clone() };
        let result = read_one(worker, file, &name, options, &mut progress).await;
        let millis = js_sys::Date::now() - file_started;
        progress.ingest_millis += millis;
        let bytes = file.size() as u64;
        progress.bytes_before += bytes;
        let mut other_stale = false;
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
                other_stale = worker.datasets.borrow_mut().add_file(
                    side,
                    status,
                    Some(loaded.table),
                    Origin::Handle(file.clone()),
                );
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
        let summaries = worker.summaries.get().wrapping_add(1);
        worker.summaries.set(summaries);
        post(&super::summary_run::dataset_reply(worker, side, summaries).await);
        if other_stale {
            // The other side's split marker was found only now: its roles changed too.
            post(&worker.datasets.borrow().dataset_reply(side.other()));
        }
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
        workers: progress.workers,
    });
}

/// Files smaller than this are read by the engine worker alone.
const SPLIT_MIN_BYTES: f64 = 16.0 * 1024.0 * 1024.0;

/// Bytes searched for the line end that starts a part.
const LINE_SEARCH_BYTES: f64 = 1024.0 * 1024.0;

/// A part of the file given to a helper: bytes `start..end`.
struct PendingPart {
    start: f64,
    end: f64,
}

async fn read_one(
    worker: &Rc<Worker>,
    file: &web_sys::File,
    name: &str,
    options: LoadOptions,
    progress: &mut JobProgress,
) -> Result<Loaded, IoError> {
    if super::read_parquet::is_parquet(file, name).await? {
        return super::read_parquet::read_parquet(worker, file, name, &options, progress).await;
    }
    let mut loader = Loader::new(name, options);
    let size = file.size();
    // This worker reads bytes up to `end`; helpers read the parts after it.
    let mut end = size;
    let mut parts: Vec<PendingPart> = Vec::new();
    let mut split_from = 0.0;
    let mut slices = FileSlices::new(file, 0.0, size);
    let mut offset = 0.0;
    loop {
        let waited = js_sys::Date::now();
        let next = slices.next().await.map_err(|e| read_error(name, &e))?;
        progress.read_millis += js_sys::Date::now() - waited;
        let Some(bytes) = next else { break };
        if worker.cancelled.borrow().contains(&progress.job) {
            return Err(IoError::new(name, ErrorKind::Cancelled));
        }
        let read = bytes.len() as f64;
        offset += read;
        loader.push(bytes)?;
        let requested = slices.requested();
        if parts.is_empty() && size - requested >= SPLIT_MIN_BYTES {
            parts = share_out(worker, file, name, &loader, requested, size, progress.job).await?;
            if let Some(first) = parts.first() {
                end = first.start;
                slices.end_at(end);
                split_from = requested;
            }
        }
        let now = js_sys::Date::now();
        if now - progress.last_post >= PROGRESS_EVERY_MS || offset >= end {
            progress.last_post = now;
            // Helpers do not report: their parts are taken to move at this worker's pace.
            let share =
                if parts.is_empty() { 0.0 } else { ((offset - split_from) / (end - split_from)).clamp(0.0, 1.0) };
            let done = loader.bytes() as f64 + (size - end) * share;
            let rows = (loader.rows() as f64 * done / (loader.bytes() as f64).max(1.0)) as u64;
            post(&Reply::Progress {
                job: progress.job,
                file: name.to_owned(),
                bytes_done: progress.bytes_before + done as u64,
                bytes_total: progress.bytes_total,
                rows_done: progress.rows_before + rows,
                elapsed_ms: now - progress.started,
            });
        }
    }
    let used = append_parts(worker, file, name, &mut loader, &parts, progress.job).await?;
    progress.workers = progress.workers.max(1 + used);
    loader.finish()
}

/// Gives each idle helper an equal part of bytes `from..size` (the engine
/// worker keeps the first), each starting after a line end; none when no
/// helper is idle, the file is not delimited text, or no line end is found.
async fn share_out(
    worker: &Rc<Worker>,
    file: &web_sys::File,
    name: &str,
    loader: &Loader,
    from: f64,
    size: f64,
    job: u32,
) -> Result<Vec<PendingPart>, IoError> {
    let idle = worker.helpers.borrow().idle();
    if idle == 0 || loader.part_spec(0).is_none() {
        return Ok(Vec::new());
    }
    let share = (size - from) / (idle + 1) as f64;
    let mut starts = Vec::with_capacity(idle);
    for k in 1..=idle {
        let at = (from + share * k as f64).floor();
        let mut search = FileSlices::new(file, at, (at + LINE_SEARCH_BYTES).min(size));
        let bytes = search.next().await.map_err(|e| read_error(name, &e))?.unwrap_or_default();
        let Some(newline) = bytes.iter().position(|&b| b == b'\n') else { return Ok(Vec::new()) };
        starts.push(at + newline as f64 + 1.0);
    }
    let mut parts = Vec::with_capacity(idle);
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(size);
        if end <= start {
            continue;
        }
        let Some(spec) = loader.part_spec((end - start) as u64) else {
            return Ok(Vec::new());
        };
        let request = PartRequest { job, part: parts.len(), file: name.to_owned(), start, end, spec };
        if !worker.helpers.borrow().dispatch_part(&request, file) {
            break;
        }
        parts.push(PendingPart { start, end });
    }
    // A part not sent leaves its bytes to the part before it (or to this worker).
    if let Some(last) = parts.last_mut() {
        last.end = size;
    }
    Ok(parts)
}

/// Appends the helpers' parts in order; a part a helper could not read or
/// that cannot follow (it met a quote) is read here instead. Returns how
/// many helpers' parts were used.
async fn append_parts(
    worker: &Rc<Worker>,
    file: &web_sys::File,
    name: &str,
    loader: &mut Loader,
    parts: &[PendingPart],
    job: u32,
) -> Result<usize, IoError> {
    let mut used = 0;
    let mut answers: Vec<Option<Result<(PartHeader, js_sys::Array), String>>> = parts.iter().map(|_| None).collect();
    for (index, part) in parts.iter().enumerate() {
        let answer = loop {
            if worker.cancelled.borrow().contains(&job) {
                return Err(IoError::new(name, ErrorKind::Cancelled));
            }
            for outcome in worker.helpers.borrow().take_parts(job) {
                if let Some(slot) = answers.get_mut(outcome.part) {
                    *slot = Some(outcome.result);
                }
            }
            if let Some(answer) = answers.get_mut(index).and_then(Option::take) {
                break answer;
            }
            pause(2).await;
        };
        let bytes = (part.end - part.start) as u64;
        let refused = match answer {
            Ok((header, columns)) => {
                let mut column = |i: usize| -> Result<Vec<u8>, String> {
                    let array = columns
                        .get(i as u32)
                        .dyn_into::<Uint8Array>()
                        .map_err(|_| format!("a helper sent no column {i}"))?;
                    let bytes = array.to_vec();
                    // Free the JavaScript copy as soon as it is in.
                    columns.set(i as u32, JsValue::UNDEFINED);
                    Ok(bytes)
                };
                match loader.append_part(&header, bytes, &mut column) {
                    Ok(()) => {
                        used += 1;
                        None
                    }
                    Err(PartRefused::Unusable(why)) => Some(why.to_owned()),
                    Err(PartRefused::Damaged(e)) => return Err(e),
                }
            }
            Err(message) => Some(message),
        };
        if let Some(why) = refused {
            web_sys::console::info_1(&format!("tideline worker: {name}: reading a part here ({why})").into());
            read_range(file, name, loader, part.start, part.end).await?;
        }
    }
    Ok(used)
}

/// Reads bytes `start..end` of `file` into `loader`, slice by slice.
async fn read_range(
    file: &web_sys::File,
    name: &str,
    loader: &mut Loader,
    start: f64,
    end: f64,
) -> Result<(), IoError> {
    let mut slices = FileSlices::new(file, start, end);
    while let Some(bytes) = slices.next().await.map_err(|e| read_error(name, &e))? {
        loader.push(bytes)?;
    }
    Ok(())
}

pub(super) fn read_error(name: &str, error: &wasm_bindgen::JsValue) -> IoError {
    let text = error
        .as_string()
        .or_else(|| js_sys::Reflect::get(error, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "the browser could not read the file".into());
    IoError::new(name, ErrorKind::Read(text))
}
