//! Helper workers: copies of the engine worker's own script
//! (`new Worker(self.location.href)`), one per spare core
//! (`navigator.hardwareConcurrency − 1`). Each takes stateless requests:
//! explain chunks (model bytes, options, background and rows as typed
//! arrays; answered with the chunk's attributions as a `Float64Array`) and
//! parts of big delimited files (the `File` and where to read; answered with
//! each column's bytes). They start
//! once and stay for later runs; a helper only gets work after it said it
//! is ready (a message sent earlier could be lost while its wasm loads).
//! Each helper holds up to [`IN_FLIGHT`] chunks: the next one waits in its
//! message queue, so it never idles while the engine worker, busy with a
//! chunk of its own, cannot hand out work.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Float64Array, Reflect, Uint8Array};
use tideline_engine::drift::{ColumnDrift, SkippedColumn};
use tideline_engine::histogram::Histogram;
use tideline_engine::io::PartHeader;
use tideline_engine::summary::ColumnSummary;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::scope;
use crate::protocol::helper::{
    ChunkRequest, DriftColumnRequest, HelperReply, HelperRequest, PartRequest, SummaryColumnRequest,
};
use crate::protocol::Reply;

/// The name helpers are started with: a worker so named is a helper and
/// starts no helpers of its own.
pub(super) const HELPER_NAME: &str = "tideline-helper";

/// Chunks a helper holds at once: the one it computes and the next.
const IN_FLIGHT: usize = 2;

/// A helper's answer to a part of a file: its header and each column's
/// bytes (still in JavaScript memory, copied in one column at a time).
pub(super) struct PartOutcome {
    pub job: u32,
    pub part: usize,
    pub result: Result<(PartHeader, Array), String>,
}

/// A helper's answer to a drift column.
pub(super) struct ColumnOutcome {
    pub job: u32,
    pub index: usize,
    pub result: Result<ColumnDrift, SkippedColumn>,
    pub histogram: Option<Histogram>,
}

/// `busy` holds parts as (job, PART_MARK - part), apart from chunks' numbers.
const PART_MARK: usize = usize::MAX;

/// A helper's answer to one chunk.
pub(super) enum Outcome {
    /// The chunk's attributions, row-major (rows × outputs × features).
    Done { job: u32, chunk: usize, values: Vec<f64> },
    /// The helper could not compute it (the run computes it itself).
    Failed { job: u32, chunk: usize, message: String },
}

#[derive(Default)]
struct HelperState {
    ready: bool,
    dead: bool,
    /// The chunks sent and not answered yet, as (job, chunk).
    busy: Vec<(u32, usize)>,
}

struct Helper {
    worker: Worker,
    state: Rc<RefCell<HelperState>>,
}

/// The helpers and the answers they sent.
#[derive(Default)]
pub(super) struct Pool {
    helpers: Vec<Helper>,
    answers: Rc<Answers>,
    started: bool,
}

/// What every helper's message handler writes to: each kind of answer, and
/// how many helpers said they are ready.
#[derive(Default)]
struct Answers {
    chunks: RefCell<VecDeque<Outcome>>,
    parts: RefCell<VecDeque<PartOutcome>>,
    columns: RefCell<VecDeque<ColumnOutcome>>,
    /// Schema lines: (summary, column, line).
    summaries: RefCell<VecDeque<(u32, usize, ColumnSummary)>>,
    ready: std::cell::Cell<usize>,
}

/// Cores the browser reports, at least 1.
pub(super) fn cores() -> usize {
    let n = scope().navigator().hardware_concurrency() as usize;
    n.max(1)
}

impl Pool {
    /// Starts `cores − 1` helpers the first time; returns how many exist.
    pub(super) fn ensure_started(&mut self) -> usize {
        if !self.started {
            self.started = true;
            let href = scope().location().href();
            for _ in 1..cores() {
                match spawn(&href, &self.answers) {
                    Ok(helper) => self.helpers.push(helper),
                    Err(e) => {
                        web_sys::console::warn_2(&"tideline worker: no helper worker".into(), &e);
                        break;
                    }
                }
            }
        }
        self.helpers.iter().filter(|h| !h.state.borrow().dead).count()
    }

    /// Sends `request` (with its arrays) to the ready helper holding the
    /// fewest chunks, below [`IN_FLIGHT`]; returns false when none is free.
    pub(super) fn dispatch(&self, request: &ChunkRequest, model: &[u8], background: &[f64], rows: &[f64]) -> bool {
        let free = self.helpers.iter().filter_map(|h| {
            let s = h.state.borrow();
            (s.ready && !s.dead && s.busy.len() < IN_FLIGHT).then_some((s.busy.len(), h))
        });
        let Some((_, helper)) = free.min_by_key(|&(held, _)| held) else {
            return false;
        };
        let beside = [
            ("model", Uint8Array::from(model).into()),
            ("background", Float64Array::from(background).into()),
            ("rows", Float64Array::from(rows).into()),
        ];
        send(helper, &HelperRequest::ExplainChunk(Box::new(request.clone())), &beside, (request.job, request.chunk))
    }

    /// Helpers ready and holding nothing.
    pub(super) fn idle(&self) -> usize {
        self.idle_helpers().len()
    }

    /// Sends a part of `file` to an idle helper; false when none is.
    pub(super) fn dispatch_part(&self, request: &PartRequest, file: &web_sys::File) -> bool {
        let Some(helper) = self.helpers.iter().find(|h| {
            let s = h.state.borrow();
            s.ready && !s.dead && s.busy.is_empty()
        }) else {
            return false;
        };
        let beside = [("files", Array::of1(file).into())];
        send(
            helper,
            &HelperRequest::ReadPart(Box::new(request.clone())),
            &beside,
            (request.job, PART_MARK - request.part),
        )
    }

    /// The helpers ready and holding nothing, by number.
    pub(super) fn idle_helpers(&self) -> Vec<usize> {
        (0..self.helpers.len())
            .filter(|&i| {
                let s = self.helpers[i].state.borrow();
                s.ready && !s.dead && s.busy.is_empty()
            })
            .collect()
    }

    /// Sends a drift column (both sides' numbers) to helper `helper` (it
    /// queues them); false when it cannot be sent.
    pub(super) fn dispatch_column(
        &self,
        helper: usize,
        request: &DriftColumnRequest,
        baseline: &[f64],
        current: &[f64],
    ) -> bool {
        let Some(helper) = self.helpers.get(helper) else { return false };
        let beside =
            [("baseline", Float64Array::from(baseline).into()), ("current", Float64Array::from(current).into())];
        send(helper, &HelperRequest::DriftColumn(Box::new(request.clone())), &beside, (request.job, request.index))
    }

    /// Sends a numeric column of a schema summary to helper `helper`.
    pub(super) fn dispatch_summary(&self, helper: usize, request: &SummaryColumnRequest, values: &[f64]) -> bool {
        let Some(helper) = self.helpers.get(helper) else { return false };
        let beside = [("values", Float64Array::from(values).into())];
        send(helper, &HelperRequest::SummaryColumn(Box::new(request.clone())), &beside, (request.job, request.index))
    }

    /// The schema lines of summary `job` answered since the last call (others are dropped).
    pub(super) fn take_summaries(&self, job: u32) -> Vec<(usize, ColumnSummary)> {
        let mut summaries = self.answers.summaries.borrow_mut();
        summaries.drain(..).filter(|s| s.0 == job).map(|(_, index, line)| (index, line)).collect()
    }

    /// The drift columns of `job` answered since the last call (others are dropped).
    pub(super) fn take_columns(&self, job: u32) -> Vec<ColumnOutcome> {
        self.answers.columns.borrow_mut().drain(..).filter(|c| c.job == job).collect()
    }

    /// The parts of `job` answered since the last call; answers to other
    /// (cancelled, finished) loads are dropped.
    pub(super) fn take_parts(&self, job: u32) -> Vec<PartOutcome> {
        let mut parts = self.answers.parts.borrow_mut();
        parts.drain(..).filter(|p| p.job == job).collect()
    }

    /// The answers received since the last call.
    pub(super) fn take_outcomes(&self) -> Vec<Outcome> {
        self.answers.chunks.borrow_mut().drain(..).collect()
    }

    /// Chunks of `job` helpers still hold.
    pub(super) fn busy_with(&self, job: u32) -> usize {
        self.helpers.iter().map(|h| h.state.borrow().busy.iter().filter(|&&(j, _)| j == job).count()).sum()
    }
}

/// Posts `request` to `helper` with `beside` (typed arrays, files) next to
/// its JSON, and notes it as held; false when it could not be posted.
fn send(helper: &Helper, request: &HelperRequest, beside: &[(&str, JsValue)], held: (u32, usize)) -> bool {
    let Ok(text) = serde_json::to_string(request) else { return false };
    let message = js_sys::Object::new();
    let mut set = Reflect::set(&message, &"msg".into(), &text.into());
    for (name, value) in beside {
        set = set.and_then(|_| Reflect::set(&message, &(*name).into(), value));
    }
    if set.is_err() || helper.worker.post_message(&message).is_err() {
        return false;
    }
    helper.state.borrow_mut().busy.push(held);
    true
}

/// Stops using a helper: everything it holds fails (explain chunks and
/// parts are then done by the engine worker; drift columns too, once the
/// run sees that no helper holds them).
fn give_up(state: &RefCell<HelperState>, answers: &Answers, message: &str) {
    let mut st = state.borrow_mut();
    if st.ready && !st.dead {
        answers.ready.set(answers.ready.get().saturating_sub(1));
        super::post(&Reply::Helpers { ready: answers.ready.get() });
    }
    st.dead = true;
    web_sys::console::warn_1(&format!("tideline worker: a helper stopped: {message}").into());
    for (job, chunk) in st.busy.drain(..) {
        let message = message.to_owned();
        if chunk > PART_MARK / 2 {
            answers.parts.borrow_mut().push_back(PartOutcome { job, part: PART_MARK - chunk, result: Err(message) });
        } else {
            answers.chunks.borrow_mut().push_back(Outcome::Failed { job, chunk, message });
        }
    }
}

fn spawn(href: &str, answers: &Rc<Answers>) -> Result<Helper, JsValue> {
    let options = web_sys::WorkerOptions::new();
    options.set_name(HELPER_NAME);
    let worker = Worker::new_with_options(href, &options)?;
    let state = Rc::new(RefCell::new(HelperState::default()));
    let (s, answers_in) = (Rc::clone(&state), Rc::clone(answers));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let text = Reflect::get(&data, &"msg".into()).ok().and_then(|v| v.as_string()).or_else(|| data.as_string());
        let Some(reply) = text.and_then(|t| serde_json::from_str::<HelperReply>(&t).ok()) else {
            // An answer that cannot be read would leave its request held for ever.
            return give_up(&s, &answers_in, "a helper's answer could not be read");
        };
        let part = |outcome: PartOutcome| {
            s.borrow_mut().busy.retain(|&c| c != (outcome.job, PART_MARK - outcome.part));
            answers_in.parts.borrow_mut().push_back(outcome);
        };
        let reply = match reply {
            HelperReply::PartDone { job, part: index, header } => {
                let columns = Reflect::get(&data, &"columns".into()).ok().and_then(|v| v.dyn_into::<Array>().ok());
                let result = columns.ok_or_else(|| "a helper sent no columns".to_owned()).map(|c| (header, c));
                return part(PartOutcome { job, part: index, result });
            }
            HelperReply::PartFailed { job, part: index, message } => {
                return part(PartOutcome { job, part: index, result: Err(message) });
            }
            HelperReply::SummaryColumnDone { job, index, summary } => {
                s.borrow_mut().busy.retain(|&c| c != (job, index));
                answers_in.summaries.borrow_mut().push_back((job, index, summary));
                return;
            }
            HelperReply::DriftColumnDone { job, index, result, histogram } => {
                s.borrow_mut().busy.retain(|&c| c != (job, index));
                answers_in.columns.borrow_mut().push_back(ColumnOutcome { job, index, result: *result, histogram });
                return;
            }
            other => other,
        };
        let outcome = match reply {
            HelperReply::Ready => {
                s.borrow_mut().ready = true;
                answers_in.ready.set(answers_in.ready.get() + 1);
                super::post(&Reply::Helpers { ready: answers_in.ready.get() });
                return;
            }
            HelperReply::ChunkDone { job, chunk } => {
                let values = Reflect::get(&data, &"values".into())
                    .ok()
                    .and_then(|v| v.dyn_into::<Float64Array>().ok())
                    .map(|a| a.to_vec());
                match values {
                    Some(values) => Outcome::Done { job, chunk, values },
                    None => Outcome::Failed { job, chunk, message: "a helper sent no values".into() },
                }
            }
            HelperReply::ChunkFailed { job, chunk, message } => Outcome::Failed { job, chunk, message },
            _ => return,
        };
        let answered = match &outcome {
            Outcome::Done { job, chunk, .. } | Outcome::Failed { job, chunk, .. } => (*job, *chunk),
        };
        s.borrow_mut().busy.retain(|&c| c != answered);
        answers_in.chunks.borrow_mut().push_back(outcome);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let (s, answers_err) = (Rc::clone(&state), Rc::clone(answers));
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        give_up(&s, &answers_err, &event.message());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Helper { worker, state })
}
