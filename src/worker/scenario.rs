//! A teaching scenario in the worker: generated (seeded, so a strength
//! always gives the same data), loaded into both sides like a demo, and its
//! model held for the Explainability and Monitoring views.

use tideline_engine::scenario::{generate, ScenarioConfig, ScenarioKind};

use super::{explain, post, post_pair_loaded, Worker};
use crate::protocol::Reply;

/// Rows per side: enough for stable tests, quick to regenerate on a slider.
const ROWS: usize = 4000;
/// One world for every strength, so only the strength changes the data.
const SEED: u64 = 2026;

pub(super) fn load(worker: &Worker, job: u32, kind: ScenarioKind, strength: f64) {
    let started = js_sys::Date::now();
    let scenario = match generate(kind, &ScenarioConfig { rows: ROWS, seed: SEED, strength }) {
        Ok(s) => s,
        Err(e) => {
            post(&Reply::Error { message: e.to_string() });
            return;
        }
    };
    let files: [(&str, &[u8]); 2] = [
        (&format!("{}_baseline.csv", kind.as_str()), scenario.baseline_csv.as_bytes()),
        (&format!("{}_current.csv", kind.as_str()), scenario.current_csv.as_bytes()),
    ];
    let (rows, bytes) = worker.datasets.borrow_mut().load_pair(files, &[]);
    post(&explain::load_bytes(worker, &format!("{}_model.json", kind.as_str()), scenario.model_json.into_bytes()));
    post_pair_loaded(worker, job, rows, bytes, started);
}
