//! The Explainability view's state: the model the worker holds, the
//! settings, the running job and the last result. Replies are applied here;
//! a run starts by itself once a model (or both sides' attributions) and
//! both datasets are there, and a new run cancels the one before.

use leptos::prelude::*;
use tideline_engine::explain::ExplainConfig;

use crate::protocol::explain::{ExplainProgress, ExplainResult, ExplainedRow, ModelInfo, PrecomputedInfo};
use crate::protocol::{Reply, Request};

/// A run in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplainJob {
    /// Job number.
    pub id: u32,
    /// Rows done, both sides together.
    pub done: usize,
    /// Rows in all (0 until the first progress reply).
    pub total: usize,
    /// Workers computing.
    pub workers: usize,
    /// True once Cancel was pressed.
    pub cancelling: bool,
}

/// Everything the Explainability view shows.
#[derive(Debug, Clone, Copy)]
pub struct ExplainState {
    /// The model the worker holds.
    pub model: RwSignal<Option<ModelInfo>>,
    /// Precomputed attributions per side (baseline, current).
    pub precomputed: [RwSignal<Option<PrecomputedInfo>>; 2],
    /// Method, aggregation, samples, seed, logit.
    pub config: RwSignal<ExplainConfig>,
    /// The running job.
    pub job: RwSignal<Option<ExplainJob>>,
    /// The last result.
    pub result: RwSignal<Option<ExplainResult>>,
    /// Why the last load or run failed (the data and the last result stay).
    pub error: RwSignal<Option<String>>,
    /// The last run was cancelled.
    pub cancelled: RwSignal<bool>,
    /// The current row shown in the waterfall.
    pub row: RwSignal<usize>,
    /// Its attributions.
    pub waterfall: RwSignal<Option<ExplainedRow>>,
    /// The feature of the dependence plot (`None`: the most important).
    pub feature: RwSignal<Option<String>>,
    /// The output shown (multiclass: one per class).
    pub label: RwSignal<usize>,
}

impl Default for ExplainState {
    fn default() -> Self {
        Self::new()
    }
}

impl ExplainState {
    /// Nothing loaded.
    #[must_use]
    pub fn new() -> Self {
        Self {
            model: RwSignal::new(None),
            precomputed: [RwSignal::new(None), RwSignal::new(None)],
            config: RwSignal::new(ExplainConfig::default()),
            job: RwSignal::new(None),
            result: RwSignal::new(None),
            error: RwSignal::new(None),
            cancelled: RwSignal::new(false),
            row: RwSignal::new(0),
            waterfall: RwSignal::new(None),
            feature: RwSignal::new(None),
            label: RwSignal::new(0),
        }
    }

    /// True when there is something to explain with.
    #[must_use]
    pub fn ready(&self) -> bool {
        self.model.with_untracked(Option::is_some) || self.precomputed.iter().all(|p| p.with_untracked(Option::is_some))
    }

    /// The requests that start a run as job `id` (cancelling a running one),
    /// when there is a model and `both_loaded`.
    #[must_use]
    pub fn run_requests(&self, id: u32, both_loaded: bool) -> Vec<Request> {
        if !self.ready() || (self.model.with_untracked(Option::is_some) && !both_loaded) {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Some(old) = self.job.get_untracked() {
            out.push(Request::Cancel { job: old.id });
        }
        self.job.set(Some(ExplainJob { id, done: 0, total: 0, workers: 1, cancelling: false }));
        self.error.set(None);
        self.cancelled.set(false);
        out.push(Request::Explain { job: id, config: self.config.get_untracked() });
        out
    }

    /// Applies an explain reply. Returns true when a run should start (a
    /// model arrived) and the requests it calls for (the waterfall's row).
    pub fn apply(&self, reply: Reply) -> (bool, Vec<Request>) {
        match reply {
            Reply::Model(info) => {
                self.model.set(Some(*info));
                self.precomputed.iter().for_each(|p| p.set(None));
                self.error.set(None);
                return (true, Vec::new());
            }
            Reply::AttributionsLoaded(info) => {
                self.model.set(None);
                let slot = self.precomputed[info.side.index()];
                slot.set(Some(info));
                self.error.set(None);
                return (self.ready(), Vec::new());
            }
            Reply::ExplainProgress(ExplainProgress { job, done, total, workers }) => {
                self.job.update(|j| {
                    if let Some(j) = j.as_mut().filter(|j| j.id == job) {
                        (j.done, j.total, j.workers) = (done, total, workers);
                    }
                });
            }
            Reply::Explained(result) => {
                if self.job.with_untracked(|j| j.is_some_and(|j| j.id == result.job)) {
                    self.job.set(None);
                }
                let rows = result.current.rows;
                let has_rows = rows > 0;
                self.result.set(Some(*result));
                self.waterfall.set(None);
                if has_rows {
                    let row = self.row.get_untracked().min(rows - 1);
                    self.row.set(row);
                    return (false, vec![Request::ExplainRow { row }]);
                }
            }
            Reply::ExplainFailed { job, cancelled, message } => {
                let ours = job.is_none() || self.job.with_untracked(|j| j.is_some_and(|j| Some(j.id) == job));
                if ours {
                    if job.is_some() {
                        self.job.set(None);
                    }
                    self.cancelled.set(cancelled);
                    self.error.set((!cancelled).then_some(message));
                }
            }
            Reply::ExplainedRow(row) => self.waterfall.set(Some(*row)),
            _ => {}
        }
        (false, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Side;

    #[test]
    fn a_new_run_cancels_the_running_one_and_a_result_asks_for_the_waterfall() {
        let owner = Owner::new();
        owner.set();
        let s = ExplainState::new();
        assert!(s.run_requests(1, true).is_empty(), "nothing to explain with yet");
        let info = PrecomputedInfo { side: Side::Baseline, name: "a.json".into(), labels: vec![], features: 2 };
        assert!(!s.apply(Reply::AttributionsLoaded(info.clone())).0, "one side alone");
        let (start, _) = s.apply(Reply::AttributionsLoaded(PrecomputedInfo { side: Side::Current, ..info }));
        assert!(start);
        assert!(matches!(s.run_requests(1, false).as_slice(), [Request::Explain { job: 1, .. }]));
        assert!(matches!(
            s.run_requests(2, false).as_slice(),
            [Request::Cancel { job: 1 }, Request::Explain { job: 2, .. }]
        ));
        s.apply(Reply::ExplainFailed { job: Some(1), cancelled: true, message: "old".into() });
        assert_eq!(s.job.get_untracked().map(|j| j.id), Some(2), "an old run's end leaves the new one");
        s.apply(Reply::ExplainFailed { job: Some(2), cancelled: false, message: "bad model".into() });
        assert_eq!(s.error.get_untracked().as_deref(), Some("bad model"));
        assert!(s.job.get_untracked().is_none());
    }
}
