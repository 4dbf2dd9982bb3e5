//! The monitoring timeline in the worker: every check on every window of the
//! current data against the baseline, with a progress reply per check.

use tideline_engine::explain::LoadedModel;
use tideline_engine::timeline::{run_timeline, TimelineConfig};

use super::datasets::Datasets;
use super::post;
use crate::protocol::{Reply, Side, TimelineResult};
use tideline_engine::guess::guess_timeline_config;

/// Builds the timeline (with `config`, else one guessed from the data, and
/// `model` for the attribution check); a
/// timeline that cannot be built gives `TimelineFailed`.
pub(super) fn timeline_reply(datasets: &Datasets, config: Option<TimelineConfig>, model: Option<LoadedModel>) -> Reply {
    let started = js_sys::Date::now();
    let (reference, current) = (datasets.table(Side::Baseline), datasets.table(Side::Current));
    if reference.n_rows == 0 || current.n_rows == 0 {
        return Reply::TimelineFailed { message: "load both a baseline and current data first".into(), config: None };
    }
    let mut config = config.unwrap_or_else(|| guess_timeline_config(reference, current));
    config.attribution_model = model.map(Box::new);
    let mut progress = |check: &str, done: usize, total: usize| {
        post(&Reply::TimelineProgress { check: check.to_owned(), done, total });
    };
    match run_timeline(reference, current, &config, &mut progress) {
        Ok(run) => Reply::Timeline(Box::new(TimelineResult {
            config,
            timeline: run.timeline,
            reference_chunk_rows: run.reference_chunk_rows,
            millis: js_sys::Date::now() - started,
        })),
        Err(e) => {
            config.attribution_model = None;
            Reply::TimelineFailed { message: e.to_string(), config: Some(Box::new(config)) }
        }
    }
}
