//! An explain run: both sides' rows cut into chunks, computed by the helper
//! workers and by the engine worker itself, one chunk at a time with a pause
//! between chunks so that helpers' answers and a `Cancel` get in; then
//! assembled in row order into the result. Small inputs (or one core, or a
//! surrogate, which has no file to send) stay in the engine worker.

use std::collections::VecDeque;
use std::rc::Rc;

use tideline_engine::explain::{feature_matrix, Attributions, ExplainConfig, Explainer, FeatureMatrix};

use super::explain::{HeldModel, Precomputed};
use super::explain_chunk::explain_range;
use super::explain_result::{attribution_drift, labels, ndcg, side_attributions, LastRun};
use super::helpers::Outcome;
use super::{pause, post, Worker};
use crate::protocol::explain::{ExplainProgress, ExplainResult, SideAttributions};
use crate::protocol::helper::ChunkRequest;
use crate::protocol::{Reply, Side};
use tideline_engine::guess::guess_timeline_config;

/// Below this many rows (both sides), helpers are not worth starting.
const POOL_MIN_ROWS: usize = 2_000;
/// Least time between two progress replies.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// A run ends early.
enum Stop {
    Cancelled,
    Failed(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Self {
        Self::Failed(message)
    }
}

impl From<&str> for Stop {
    fn from(message: &str) -> Self {
        Self::Failed(message.to_owned())
    }
}

/// One chunk: a side's row range.
#[derive(Clone, Copy)]
struct Chunk {
    side: Side,
    start: usize,
    end: usize,
}

/// Runs job `job` and posts its result (or why it stopped).
pub(super) async fn run(worker: &Rc<Worker>, job: u32, config: ExplainConfig) {
    let started = js_sys::Date::now();
    let outcome = run_inner(worker, job, &config, started).await;
    worker.cancelled.borrow_mut().remove(&job);
    match outcome {
        Ok(result) => super::post_result(worker, &Reply::Explained(Box::new(result))),
        Err(Stop::Cancelled) => post(&Reply::ExplainFailed {
            job: Some(job),
            cancelled: true,
            message: "the explanation was cancelled; the last result stays".into(),
        }),
        Err(Stop::Failed(message)) => post(&Reply::ExplainFailed { job: Some(job), cancelled: false, message }),
    }
}

async fn run_inner(worker: &Rc<Worker>, job: u32, config: &ExplainConfig, started: f64) -> Result<ExplainResult, Stop> {
    let (model, precomputed) = {
        let session = worker.explain.borrow();
        (session.model.clone(), session.precomputed.clone())
    };
    let Some(model) = model else {
        return precomputed_result(job, &precomputed, started).map_err(Stop::Failed);
    };
    let features = model.info.summary.features.clone();
    let matrices = {
        let datasets = worker.datasets.borrow();
        let mut out = Vec::with_capacity(2);
        for side in Side::BOTH {
            let table = datasets.table(side);
            if table.n_rows == 0 {
                return Err(Stop::Failed(format!("load the {} data first", side.as_str())));
            }
            let m = feature_matrix(table, &features).map_err(|e| format!("{} data: {e}", side.as_str()))?;
            out.push(m.matrix);
        }
        out
    };
    let method = config.method_for(&model.model);
    let background = method.needs_background().then_some(&matrices[0]);
    let explainer = Explainer::new(&model.model, config, background).map_err(|e| format!("{}: {e}", model.name))?;
    let expected = explainer.expected_value().to_vec();
    // Helpers build the same explainer: from Kernel SHAP's ready baseline,
    // else from the same baseline rows (sampled by the same seed).
    let shared = match explainer.kernel_baseline() {
        Some(b) => Background { rows: b.rows.clone(), weights: Some(b.weights.clone()) },
        None if method.needs_background() => Background { rows: matrices[0].clone(), weights: None },
        None => Background { rows: matrices[0].take(&[]), weights: None },
    };
    let n_outputs = expected.len();
    let run = Run { job, model: &model, config, explainer: &explainer, background: &shared, n_outputs };
    let (values, workers) = compute(worker, &run, &matrices).await?;
    let method = explainer.method_key().to_owned();
    let mut sides = Vec::with_capacity(2);
    let mut globals = Vec::with_capacity(2);
    for ((x, values), side) in matrices.iter().zip(values).zip(Side::BOTH) {
        let a = Attributions {
            features: features.clone(),
            n_outputs,
            n_rows: x.n_rows,
            values,
            expected_value: expected.clone(),
        };
        let (s, g) =
            side_attributions(&a, x, config.agg, config.seed).map_err(|e| format!("{}: {e}", side.as_str()))?;
        sides.push((s, a));
        globals.push(g);
    }
    let (ndcg, violation) = ndcg(&globals[0], &globals[1])?;
    let (current_side, current_local) = sides.pop().ok_or("no current attributions")?;
    let (baseline_side, _) = sides.pop().ok_or("no baseline attributions")?;
    let timeline = worker.timeline.borrow().clone();
    let (drift, drift_note) = {
        let datasets = worker.datasets.borrow();
        let (reference, current) = (datasets.table(Side::Baseline), datasets.table(Side::Current));
        let windows = timeline.unwrap_or_else(|| guess_timeline_config(reference, current));
        match attribution_drift(current, &windows, &current_local, &globals[0], config.agg) {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(e)),
        }
    };
    let current_x = matrices.into_iter().nth(1).ok_or("no current rows")?;
    worker.explain.borrow_mut().last = Some(Rc::new(LastRun { attributions: current_local, x: current_x }));
    Ok(ExplainResult {
        job,
        method,
        surrogate: model.info.surrogate.is_some(),
        labels: labels(n_outputs, worker.datasets.borrow().table(Side::Current)),
        features,
        baseline: baseline_side,
        current: current_side,
        ndcg,
        violation,
        drift,
        drift_note,
        workers,
        millis: js_sys::Date::now() - started,
    })
}

/// The background helpers get.
struct Background {
    rows: FeatureMatrix,
    weights: Option<Vec<f64>>,
}

/// What every chunk of a run shares.
struct Run<'a> {
    job: u32,
    model: &'a HeldModel,
    config: &'a ExplainConfig,
    explainer: &'a Explainer<'a>,
    background: &'a Background,
    n_outputs: usize,
}

/// Both sides' attributions (row-major values per side) and the workers used.
async fn compute(
    worker: &Rc<Worker>,
    run: &Run<'_>,
    matrices: &[FeatureMatrix],
) -> Result<(Vec<Vec<f64>>, usize), Stop> {
    let Run { job, model, config, explainer, background, n_outputs } = *run;
    let m = model.info.summary.features.len();
    let total: usize = matrices.iter().map(|x| x.n_rows).sum();
    let helpers = match &model.bytes {
        Some(_) if total >= POOL_MIN_ROWS => worker.helpers.borrow_mut().ensure_started(),
        _ => 0,
    };
    let parties = helpers + 1;
    let chunk_rows = (total / (parties * 8)).clamp(64, 4_096);
    let mut queue: VecDeque<(usize, Chunk)> = VecDeque::new();
    for (side, x) in Side::BOTH.into_iter().zip(matrices) {
        let mut start = 0;
        while start < x.n_rows {
            let end = (start + chunk_rows).min(x.n_rows);
            let chunk = Chunk { side, start, end };
            queue.push_back((queue.len(), chunk));
            start = end;
        }
    }
    let chunks: Vec<Chunk> = queue.iter().map(|&(_, c)| c).collect();
    let mut results: Vec<Option<Vec<f64>>> = vec![None; chunks.len()];
    let (mut done_rows, mut last_post) = (0_usize, 0.0);
    let rows_of = |x: &FeatureMatrix, c: &Chunk| -> Vec<f64> {
        x.values.get(c.start * m..c.end * m).map(<[f64]>::to_vec).unwrap_or_default()
    };
    loop {
        if worker.cancelled.borrow().contains(&job) {
            return Err(Stop::Cancelled);
        }
        // Answers from helpers; a failed chunk goes back in the queue.
        for outcome in worker.helpers.borrow().take_outcomes() {
            match outcome {
                Outcome::Done { job: j, chunk, values } if j == job => {
                    if let (Some(slot), Some(c)) = (results.get_mut(chunk), chunks.get(chunk)) {
                        if values.len() == (c.end - c.start) * n_outputs * m && slot.is_none() {
                            done_rows += c.end - c.start;
                            *slot = Some(values);
                        } else if slot.is_none() {
                            queue.push_back((chunk, *c));
                        }
                    }
                }
                Outcome::Failed { job: j, chunk, message } if j == job => {
                    web_sys::console::warn_1(
                        &format!("tideline worker: a helper failed ({message}); computing here").into(),
                    );
                    if let Some(c) = chunks.get(chunk) {
                        queue.push_back((chunk, *c));
                    }
                }
                _ => {}
            }
        }
        // Give every free helper a chunk.
        if let Some(bytes) = &model.bytes {
            let pool = &worker.helpers.borrow();
            while let Some(&(index, c)) = queue.front() {
                let x = &matrices[c.side.index()];
                let request = ChunkRequest {
                    job,
                    chunk: index,
                    model_name: model.name.clone(),
                    config: config.clone(),
                    features: model.info.summary.features.clone(),
                    n_rows: c.end - c.start,
                    first_row: c.start,
                    n_background: background.rows.n_rows,
                    kernel_weights: background.weights.clone(),
                };
                if !pool.dispatch(&request, bytes, &background.rows.values, &rows_of(x, &c)) {
                    break;
                }
                queue.pop_front();
            }
        }
        // Then one chunk here.
        let mut waited = true;
        while queue.front().is_some_and(|&(i, _)| results[i].is_some()) {
            queue.pop_front();
        }
        if let Some((index, c)) = queue.pop_front() {
            let x = &matrices[c.side.index()];
            let values = explain_range(explainer, x, c.start..c.end).map_err(|e| format!("{}: {e}", model.name))?;
            done_rows += c.end - c.start;
            results[index] = Some(values);
            waited = false;
        }
        let now = js_sys::Date::now();
        if now - last_post >= PROGRESS_EVERY_MS {
            last_post = now;
            post(&Reply::ExplainProgress(ExplainProgress { job, done: done_rows, total, workers: parties }));
        }
        if results.iter().all(Option::is_some) {
            break;
        }
        let busy = worker.helpers.borrow().busy_with(job);
        if queue.is_empty() && busy == 0 {
            // No helper holds the missing chunks any more (one stopped): compute them here.
            queue.extend(results.iter().enumerate().filter(|(_, r)| r.is_none()).map(|(i, _)| (i, chunks[i])));
        } else if queue.is_empty() && waited {
            // Nothing left to hand out: rather than wait, take the chunk sent
            // last (likely still queued behind a helper's current one);
            // whichever answer comes first is kept.
            if let Some(i) = results.iter().rposition(Option::is_none) {
                queue.push_back((i, chunks[i]));
            }
        }
        pause(if waited { 5 } else { 0 }).await;
    }
    let mut per_side = vec![Vec::new(), Vec::new()];
    for (c, values) in chunks.iter().zip(results) {
        per_side[c.side.index()].extend(values.unwrap_or_default());
    }
    Ok((per_side, parties))
}

/// The result of two `analysis.json` files: global values and NDCG only.
fn precomputed_result(job: u32, pre: &[Option<Rc<Precomputed>>; 2], started: f64) -> Result<ExplainResult, String> {
    let [Some(baseline), Some(current)] = pre else {
        return Err("load a model (or an analysis.json for each side) first".into());
    };
    let features: Vec<String> =
        baseline.global.values().next().map(|f| f.keys().cloned().collect()).unwrap_or_default();
    let side = |p: &Precomputed| SideAttributions {
        global: p
            .global
            .values()
            .map(|f| features.iter().map(|name| f.get(name).copied().unwrap_or(0.0)).collect())
            .collect(),
        ..SideAttributions::default()
    };
    let (ndcg, violation) = ndcg(&baseline.global, &current.global)?;
    Ok(ExplainResult {
        job,
        method: "precomputed".into(),
        surrogate: false,
        labels: baseline.global.keys().cloned().collect(),
        baseline: side(baseline),
        current: side(current),
        features,
        ndcg,
        violation,
        drift: None,
        drift_note: Some("attributions read from analysis.json have no rows to cut into windows".into()),
        workers: 1,
        millis: js_sys::Date::now() - started,
    })
}
