//! Helper workers for explain runs: copies of the engine worker's own script
//! (`new Worker(self.location.href)`), one per spare core
//! (`navigator.hardwareConcurrency − 1`). Each takes stateless chunk
//! requests (model bytes, options, background and rows as typed arrays) and
//! answers with the chunk's attributions as a `Float64Array`. They start
//! once and stay for later runs; a helper only gets work after it said it
//! is ready (a message sent earlier could be lost while its wasm loads).
//! Each helper holds up to [`IN_FLIGHT`] chunks: the next one waits in its
//! message queue, so it never idles while the engine worker, busy with a
//! chunk of its own, cannot hand out work.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Float64Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::scope;
use crate::protocol::{ChunkRequest, Reply, Request};

/// Chunks a helper holds at once: the one it computes and the next.
const IN_FLIGHT: usize = 2;

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
    inbox: Rc<RefCell<VecDeque<Outcome>>>,
    started: bool,
}

/// Cores the browser reports, at least 1.
pub(super) fn cores() -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
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
                match spawn(&href, &self.inbox) {
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
        let Ok(text) = serde_json::to_string(&Request::ExplainChunk(Box::new(request.clone()))) else { return false };
        let message = js_sys::Object::new();
        let set = Reflect::set(&message, &"msg".into(), &text.into())
            .and_then(|_| Reflect::set(&message, &"model".into(), &Uint8Array::from(model)))
            .and_then(|_| Reflect::set(&message, &"background".into(), &Float64Array::from(background)))
            .and_then(|_| Reflect::set(&message, &"rows".into(), &Float64Array::from(rows)));
        if set.is_err() || helper.worker.post_message(&message).is_err() {
            return false;
        }
        helper.state.borrow_mut().busy.push((request.job, request.chunk));
        true
    }

    /// The answers received since the last call.
    pub(super) fn take_outcomes(&self) -> Vec<Outcome> {
        self.inbox.borrow_mut().drain(..).collect()
    }

    /// Chunks of `job` helpers still hold.
    pub(super) fn busy_with(&self, job: u32) -> usize {
        self.helpers.iter().map(|h| h.state.borrow().busy.iter().filter(|&&(j, _)| j == job).count()).sum()
    }
}

fn spawn(href: &str, inbox: &Rc<RefCell<VecDeque<Outcome>>>) -> Result<Helper, JsValue> {
    let worker = Worker::new(href)?;
    let state = Rc::new(RefCell::new(HelperState::default()));
    let (s, inbox_in) = (Rc::clone(&state), Rc::clone(inbox));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let text = Reflect::get(&data, &"msg".into()).ok().and_then(|v| v.as_string()).or_else(|| data.as_string());
        let Some(reply) = text.and_then(|t| serde_json::from_str::<Reply>(&t).ok()) else { return };
        let outcome = match reply {
            Reply::Ready => {
                s.borrow_mut().ready = true;
                return;
            }
            Reply::ChunkDone { job, chunk } => {
                let values = Reflect::get(&data, &"values".into())
                    .ok()
                    .and_then(|v| v.dyn_into::<Float64Array>().ok())
                    .map(|a| a.to_vec());
                match values {
                    Some(values) => Outcome::Done { job, chunk, values },
                    None => Outcome::Failed { job, chunk, message: "a helper sent no values".into() },
                }
            }
            Reply::ChunkFailed { job, chunk, message } => Outcome::Failed { job, chunk, message },
            _ => return,
        };
        let answered = match &outcome {
            Outcome::Done { job, chunk, .. } | Outcome::Failed { job, chunk, .. } => (*job, *chunk),
        };
        s.borrow_mut().busy.retain(|&c| c != answered);
        inbox_in.borrow_mut().push_back(outcome);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let (s, inbox_err) = (Rc::clone(&state), Rc::clone(inbox));
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        let mut st = s.borrow_mut();
        st.dead = true;
        for (job, chunk) in st.busy.drain(..) {
            inbox_err.borrow_mut().push_back(Outcome::Failed { job, chunk, message: event.message() });
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Helper { worker, state })
}
