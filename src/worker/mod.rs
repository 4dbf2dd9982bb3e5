//! The engine worker: holds the loaded datasets and runs every engine call,
//! so the page's thread only renders. Requests arrive as JSON text with `File`
//! handles beside them; files are read slice by slice (awaiting each slice
//! lets a `Cancel` message in between chunks).

mod analyses;
mod bias;
mod data_quality;
mod datasets;
mod drift_column;
mod drift_run;
mod explain;
mod explain_chunk;
mod explain_result;
mod explain_run;
mod explain_surrogate;
mod export;
mod file_slices;
mod focus;
mod hash_files;
mod helpers;
mod latest;
mod read_file;
mod read_parquet;
mod read_part;
mod scenario;
mod share;
mod summary_column;
mod summary_run;
mod timeline;

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::helper::{HelperReply, HelperRequest};
use crate::protocol::{Reply, Request};
use datasets::Datasets;

/// Shared by the message handler and the running jobs.
#[derive(Default)]
struct Worker {
    datasets: RefCell<Datasets>,
    cancelled: RefCell<HashSet<u32>>,
    /// The configuration of the last timeline built, whose windows can be opened.
    timeline: RefCell<Option<tideline_engine::timeline::TimelineConfig>>,
    /// The model or attributions to explain, the last run.
    explain: RefCell<explain::ExplainSession>,
    /// Helper workers (one per spare core): parts of big files, drift
    /// columns, explain chunks.
    helpers: RefCell<helpers::Pool>,
    /// An analysis waits for helpers: requests that arrive meanwhile wait
    /// in `waiting`, so they run after it, in order, as they would have.
    running: std::cell::Cell<bool>,
    waiting: RefCell<std::collections::VecDeque<(Request, Vec<web_sys::File>)>>,
    /// Drift runs so far (their helpers' answers carry the number).
    drift_runs: std::cell::Cell<u32>,
    /// Schema summaries shared with helpers so far (the same for their answers).
    summaries: std::cell::Cell<u32>,
    /// Every analysis' last result, for the Overview and the exports.
    latest: RefCell<latest::Latest>,
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// After both sides were replaced from memory (a demo, a scenario): both
/// schemas, then the job's end.
/// Posts both sides' datasets (a change that touched both).
fn post_both_sides(worker: &Worker) {
    for side in crate::protocol::Side::BOTH {
        post(&worker.datasets.borrow().dataset_reply(side));
    }
}

fn post_pair_loaded(worker: &Worker, job: u32, rows: u64, bytes: u64, started: f64) {
    post_both_sides(worker);
    post(&Reply::JobDone {
        job,
        cancelled: false,
        rows,
        bytes,
        millis: js_sys::Date::now() - started,
        read_millis: 0.0,
        ingest_millis: 0.0,
        workers: 1,
    });
}

/// Posts an analysis' result, keeps it for the Overview and the exports,
/// and posts the Overview's lights.
fn post_result(worker: &Worker, reply: &Reply) {
    post(reply);
    let datasets = worker.datasets.borrow();
    let mut latest = worker.latest.borrow_mut();
    latest.record(reply, &datasets);
    post(&Reply::Overview(latest.overview(&datasets)));
}

/// Lets the worker's event loop run (messages, helpers' answers) for `ms`.
/// Milliseconds at sub-millisecond resolution (`performance.now()`), so two
/// runs of a fast analysis report their own times (whole milliseconds from
/// `Date.now()` often gave both the same, and a page waiting for a new run
/// could not tell).
pub(crate) fn now() -> f64 {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

pub(crate) async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Posts a reply to the page.
pub(crate) fn post(reply: &Reply) {
    match serde_json::to_string(reply) {
        Ok(text) => {
            if let Err(e) = scope().post_message(&JsValue::from_str(&text)) {
                web_sys::console::error_2(&"tideline worker: cannot post".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("tideline worker: cannot encode a reply: {e}").into()),
    }
}

/// Starts the worker: installs the message handler and says it is ready.
pub fn start() {
    console_error_panic_hook::set_once();
    let worker = Rc::new(Worker::default());
    let worker_for_pool = Rc::clone(&worker);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let text = Reflect::get(&data, &"msg".into()).ok().and_then(|v| v.as_string()).or_else(|| data.as_string());
        let Some(text) = text else {
            post(&Reply::Error { message: "the worker got a message it cannot read".into() });
            return;
        };
        let files: Vec<web_sys::File> = Reflect::get(&data, &"files".into())
            .ok()
            .filter(|v| v.is_object())
            .map(|v| js_sys::Array::from(&v).iter().filter_map(|f| f.dyn_into().ok()).collect())
            .unwrap_or_default();
        if is_helper() {
            serve_helper_request(&text, &data, files);
            return;
        }
        match serde_json::from_str::<Request>(&text) {
            Ok(request) => submit(&worker, request, files),
            Err(e) => post(&Reply::Error { message: format!("the worker got a malformed request: {e}") }),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if is_helper() {
        answer(&HelperReply::Ready);
    } else {
        post(&Reply::Ready);
        // Helpers load now, so that they are ready to read half of the
        // first file dropped (a mid-sized file is read before they would be).
        worker_for_pool.helpers.borrow_mut().ensure_started();
    }
}

/// True in a helper worker (started by the engine worker, named so that it
/// starts no helpers of its own): it serves only the helper channel.
fn is_helper() -> bool {
    scope().name() == helpers::HELPER_NAME
}

/// A helper serves the engine worker's request at once: each carries its
/// data beside the message (arrays, or the `File` to read a part of).
fn serve_helper_request(text: &str, data: &JsValue, files: Vec<web_sys::File>) {
    match serde_json::from_str::<HelperRequest>(text) {
        Ok(HelperRequest::ExplainChunk(chunk)) => explain_chunk::serve(&chunk, data),
        Ok(HelperRequest::DriftColumn(column)) => drift_column::serve(&column, data),
        Ok(HelperRequest::SummaryColumn(column)) => summary_column::serve(&column, data),
        Ok(HelperRequest::ReadPart(request)) => {
            wasm_bindgen_futures::spawn_local(read_part::serve(*request, files.into_iter().next()));
        }
        // The engine worker waits a bounded time for an answer, then does the work itself.
        Err(e) => web_sys::console::error_1(&format!("tideline helper: a malformed request: {e}").into()),
    }
}

/// Posts a helper's answer to the engine worker that started it.
pub(crate) fn answer(reply: &HelperReply) {
    match serde_json::to_string(reply) {
        Ok(text) => {
            if let Err(e) = scope().post_message(&JsValue::from_str(&text)) {
                web_sys::console::error_2(&"tideline helper: cannot post".into(), &e);
            }
        }
        Err(e) => web_sys::console::error_1(&format!("tideline helper: cannot encode an answer: {e}").into()),
    }
}

/// Handles `request` now, or after the analysis that waits for helpers.
fn submit(worker: &Rc<Worker>, request: Request, files: Vec<web_sys::File>) {
    let now = matches!(request, Request::Cancel { .. });
    if worker.running.get() && !now {
        worker.waiting.borrow_mut().push_back((request, files));
    } else {
        handle(worker, request, files);
    }
}

/// Runs the requests that waited, until one waits for helpers again.
fn resume(worker: &Rc<Worker>) {
    worker.running.set(false);
    while !worker.running.get() {
        let Some((request, files)) = worker.waiting.borrow_mut().pop_front() else { break };
        handle(worker, request, files);
    }
}

fn handle(worker: &Rc<Worker>, request: Request, files: Vec<web_sys::File>) {
    match request {
        Request::Load { job, side, options } => {
            let worker = Rc::clone(worker);
            wasm_bindgen_futures::spawn_local(async move {
                read_file::run_job(&worker, job, side, files, options).await;
            });
        }
        Request::LoadDemo { job, demo } => {
            let started = js_sys::Date::now();
            let (rows, bytes) = worker.datasets.borrow_mut().load_demo(demo);
            post_pair_loaded(worker, job, rows, bytes, started);
        }
        Request::LoadScenario { job, kind, strength } => scenario::load(worker, job, kind, strength),
        Request::Cancel { job } => {
            worker.cancelled.borrow_mut().insert(job);
        }
        Request::RemoveFile { side, index } => {
            worker.datasets.borrow_mut().remove_file(side, index);
            post(&worker.datasets.borrow().dataset_reply(side));
        }
        Request::SetKind { column, kind } => {
            worker.datasets.borrow_mut().set_kind(&column, kind);
            post_both_sides(worker);
        }
        Request::SetRole { column, role } => {
            worker.datasets.borrow_mut().set_role(&column, role);
            post_both_sides(worker);
        }
        Request::Compare { column, bins } => {
            let datasets = worker.datasets.borrow();
            let histogram = datasets.compare(&column, bins);
            let cdf = analyses::cdf(&datasets, &column);
            post(&Reply::Comparison { column, histogram, cdf });
        }
        Request::DataQuality { constraints, preset } => {
            let reply = data_quality::data_quality_reply(&worker.datasets.borrow(), constraints.as_deref(), preset);
            post_result(worker, &reply);
        }
        Request::ModelQuality { positive } => {
            let started = js_sys::Date::now();
            let datasets = worker.datasets.borrow();
            let result = tideline_report::gather::model_quality_detail(
                datasets.analysed(crate::protocol::Side::Baseline),
                datasets.analysed(crate::protocol::Side::Current),
                positive.as_deref(),
            );
            drop(datasets);
            let reply = crate::protocol::ModelQualityReply { result, millis: js_sys::Date::now() - started };
            post_result(worker, &Reply::ModelQuality(Box::new(reply)));
        }
        Request::Pii { column, action } => {
            let result = worker.datasets.borrow_mut().pii(&column, action);
            match result {
                Ok(_) => {
                    for side in crate::protocol::Side::BOTH {
                        post(&worker.datasets.borrow().dataset_reply(side));
                    }
                }
                Err(message) => post(&Reply::Error { message }),
            }
        }
        Request::Split { column, baseline_value, current_value } => {
            let result = worker.datasets.borrow_mut().split(&column, &baseline_value, &current_value);
            match result {
                Ok(()) => {
                    for side in crate::protocol::Side::BOTH {
                        post(&worker.datasets.borrow().dataset_reply(side));
                    }
                }
                Err(message) => post(&Reply::Error { message }),
            }
        }
        Request::Drift { options } => {
            worker.running.set(true);
            let run = worker.drift_runs.get().wrapping_add(1);
            worker.drift_runs.set(run);
            let worker = Rc::clone(worker);
            wasm_bindgen_futures::spawn_local(async move {
                let reply = drift_run::drift_reply(&worker, &options, run).await;
                post_result(&worker, &reply);
                resume(&worker);
            });
        }
        Request::Bias { side, config } => {
            let reply = bias::bias_reply(&worker.datasets.borrow(), side, *config);
            post_result(worker, &reply);
        }
        Request::Timeline { config } => {
            // The Explainability view's model, if any, gives the attribution check its model.
            let model = worker.explain.borrow().model.as_ref().map(|held| held.model.clone());
            let reply = timeline::timeline_reply(&worker.datasets.borrow(), config.map(|c| *c), model);
            if let Reply::Timeline(result) = &reply {
                *worker.timeline.borrow_mut() = Some(result.config.clone());
            }
            post_result(worker, &reply);
        }
        Request::LoadModel => {
            let worker = Rc::clone(worker);
            wasm_bindgen_futures::spawn_local(async move {
                explain::load_file(&worker, files.into_iter().next()).await;
            });
        }
        Request::LoadDemoModel => post(&explain::load_demo(worker)),
        Request::FitSurrogate { target } => post(&explain_surrogate::fit(worker, target.as_deref())),
        Request::Explain { job, config } => {
            let worker = Rc::clone(worker);
            wasm_bindgen_futures::spawn_local(async move {
                explain_run::run(&worker, job, config).await;
            });
        }
        Request::ExplainRow { row } => {
            let last = worker.explain.borrow().last.clone();
            post(&match last.map(|l| l.row(row)) {
                Some(Ok(r)) => Reply::ExplainedRow(Box::new(r)),
                Some(Err(message)) => explain::failed(message),
                None => explain::failed("explain the data before asking for a row".into()),
            });
        }
        Request::Export { kind, settings, card } => {
            let worker = Rc::clone(worker);
            wasm_bindgen_futures::spawn_local(async move {
                export::run(&worker, kind, settings, *card).await;
            });
        }
        Request::Focus { window } => {
            let config = worker.timeline.borrow();
            post(&focus::focus_reply(&mut worker.datasets.borrow_mut(), config.as_ref(), window));
        }
    }
}
