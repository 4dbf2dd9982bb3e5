//! The page's state: one `Copy` struct of signals, provided as context, with
//! one part per view (drift, data quality, bias, timeline, explain, export)
//! in its own file. Replies from the worker are applied here; components
//! only read.

use leptos::prelude::*;
use tideline_engine::cdf::CdfPair;
use tideline_engine::histogram::Histogram;
use tideline_report::Overview;

use crate::protocol::{ExportKind, FocusInfo, Memory, PiiAction, Reply, Request, Side};
use crate::section::Section;

mod bias_state;
mod data_quality_state;
mod drift_state;
mod explain_state;
mod export_state;
mod model_quality_state;
mod side_state;
mod timeline_state;

pub use bias_state::BiasState;
pub use data_quality_state::DataQualityState;
pub use drift_state::{DriftResult, DriftState};
pub use explain_state::{ExplainJob, ExplainState};
pub use export_state::ExportState;
pub use model_quality_state::ModelQualityState;
pub use side_state::{Job, JobResult, SideState};
pub use timeline_state::TimelineState;

/// Bars in the comparison histogram.
pub const COMPARE_BINS: usize = 20;

/// The whole page's state.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// Baseline then current.
    pub sides: [SideState; 2],
    /// True once the worker said it is ready.
    pub worker_ready: RwSignal<bool>,
    /// Helper workers ready (shown so that one can tell how many cores work).
    pub helpers_ready: RwSignal<usize>,
    /// Column shown in the comparison.
    pub compare_column: RwSignal<Option<String>>,
    /// Its histogram.
    pub histogram: RwSignal<Option<Histogram>>,
    /// Its CDFs, for numbers.
    pub cdf: RwSignal<Option<CdfPair>>,
    /// The Drift view.
    pub drift: DriftState,
    /// The Data quality view.
    pub data_quality: DataQualityState,
    /// The Model quality view.
    pub model_quality: ModelQualityState,
    /// The Bias view.
    pub bias: BiasState,
    /// The Monitoring view.
    pub timeline: TimelineState,
    /// The timeline window the drift, quality and bias views look at.
    pub focus: RwSignal<Option<FocusInfo>>,
    /// The Explainability view: model, settings, run and result.
    pub explain: ExplainState,
    /// Worker memory.
    pub memory: RwSignal<Memory>,
    /// A message about a request that failed.
    pub notice: RwSignal<Option<String>>,
    /// The section shown (the URL hash follows it, and it follows the hash).
    pub section: RwSignal<Section>,
    /// Loads under way whose end opens the Overview once both sides hold
    /// rows: `Some(blocked)`, where `blocked` says one of them was cancelled
    /// or refused a file. Both sides' loads count, in whichever order they end.
    pub overview_after: RwSignal<Option<bool>>,
    /// The Export panel.
    pub export: ExportState,
    /// The Overview's lights, from the worker after each analysis.
    pub overview: RwSignal<Option<Overview>>,
    /// Columns masked or left out for personal data (both sides).
    pub pii_actions: RwSignal<Vec<(String, PiiAction)>>,
    /// The next job number.
    pub next_job: RwSignal<u32>,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// Fresh state.
    #[must_use]
    pub fn new() -> Self {
        Self {
            sides: Side::BOTH.map(SideState::new),
            worker_ready: RwSignal::new(false),
            helpers_ready: RwSignal::new(0),
            compare_column: RwSignal::new(None),
            histogram: RwSignal::new(None),
            cdf: RwSignal::new(None),
            drift: DriftState::new(),
            data_quality: DataQualityState::new(),
            model_quality: ModelQualityState::new(),
            bias: BiasState::new(),
            timeline: TimelineState::new(),
            focus: RwSignal::new(None),
            explain: ExplainState::new(),
            memory: RwSignal::new(Memory::default()),
            notice: RwSignal::new(None),
            pii_actions: RwSignal::new(Vec::new()),
            section: RwSignal::new(Section::Data),
            overview_after: RwSignal::new(None),
            overview: RwSignal::new(None),
            export: ExportState::new(),
            next_job: RwSignal::new(1),
        }
    }

    /// The state of `side`.
    #[must_use]
    pub fn side(&self, side: Side) -> SideState {
        self.sides[side.index()]
    }

    /// A new job number.
    pub fn take_job_id(&self) -> u32 {
        let id = self.next_job.get_untracked();
        self.next_job.set(id + 1);
        id
    }

    /// Starts tracking a job on `side`.
    pub fn start_job(&self, side: Side, id: u32, bytes_total: u64) {
        let job = Job {
            id,
            file: String::new(),
            bytes_done: 0,
            bytes_total,
            rows_done: 0,
            elapsed_ms: 0.0,
            cancelling: false,
        };
        self.side(side).job.set(Some(job));
        self.overview_after.update(|pending| *pending = Some(pending.unwrap_or(false)));
    }

    fn side_of_job(&self, id: u32) -> Option<SideState> {
        self.sides.into_iter().find(|s| s.job.with_untracked(|j| j.as_ref().is_some_and(|j| j.id == id)))
    }

    /// The drift request for the current options, when both sides hold rows.
    #[must_use]
    pub fn drift_request(&self) -> Option<Request> {
        self.drift.request(self.both_loaded())
    }

    /// The data-quality request, when both sides hold rows.
    #[must_use]
    pub fn data_quality_request(&self) -> Option<Request> {
        self.data_quality.request(self.both_loaded(), self.drift.options.with_untracked(|o| o.preset))
    }

    /// The model-quality request, when both sides hold rows.
    pub fn model_quality_request(&self) -> Option<Request> {
        self.model_quality.request(self.both_loaded())
    }

    /// The side bias is measured on: the current data when loaded, else the baseline.
    #[must_use]
    pub fn bias_side(&self) -> Side {
        let current = self.sides[1].summary.with_untracked(|x| x.as_ref().is_some_and(|x| x.rows > 0));
        if current {
            Side::Current
        } else {
            Side::Baseline
        }
    }

    /// The bias request: the user's analysis, else one guessed from the roles.
    #[must_use]
    pub fn bias_request(&self) -> Option<Request> {
        let side = self.bias_side();
        let config = self.bias.config.get_untracked().or_else(|| {
            self.side(side).summary.with_untracked(|s| s.as_ref().and_then(tideline_engine::guess::guess_bias_config))
        })?;
        self.bias.running.set(true);
        Some(Request::Bias { side, config: Box::new(config) })
    }

    /// The timeline request (the user's configuration, else a guess by the
    /// worker), when both sides hold rows.
    #[must_use]
    pub fn timeline_request(&self) -> Option<Request> {
        self.timeline.request(self.both_loaded())
    }

    /// The requests that (re)start the explanation, when there is a model and data.
    #[must_use]
    pub fn explain_requests(&self) -> Vec<Request> {
        if !self.explain.ready() {
            return Vec::new();
        }
        self.explain.run_requests(self.take_job_id(), self.both_loaded())
    }

    /// True when either side holds rows.
    #[must_use]
    pub fn any_loaded(&self) -> bool {
        self.sides.iter().any(|s| s.summary.with(|x| x.as_ref().is_some_and(|x| x.rows > 0)))
    }

    fn both_loaded(&self) -> bool {
        self.sides.iter().all(|s| s.summary.with_untracked(|x| x.as_ref().is_some_and(|x| x.rows > 0)))
    }

    /// The requests of every view comparing the two sides: the selected
    /// column's comparison, drift, data quality and bias.
    fn analyses_requests(&self) -> Vec<Request> {
        let compare = self.compare_column.get_untracked().map(|column| Request::Compare { column, bins: COMPARE_BINS });
        compare
            .into_iter()
            .chain(self.drift_request())
            .chain(self.data_quality_request())
            .chain(self.model_quality_request())
            .chain(self.bias_request())
            .collect()
    }

    /// Applies a reply from the worker. Returns the requests it calls for:
    /// when a dataset changed, the selected column's comparison and the
    /// drift tests again.
    pub fn apply(&self, reply: Reply) -> Vec<Request> {
        match reply {
            Reply::Ready => self.worker_ready.set(true),
            Reply::Helpers { ready } => self.helpers_ready.set(ready),
            Reply::Progress { job, file, bytes_done, bytes_total, rows_done, elapsed_ms } => {
                if let Some(side) = self.side_of_job(job) {
                    side.job.update(|j| {
                        if let Some(j) = j {
                            j.file = file;
                            j.bytes_done = bytes_done;
                            j.bytes_total = bytes_total;
                            j.rows_done = rows_done;
                            j.elapsed_ms = elapsed_ms;
                        }
                    });
                }
            }
            Reply::Dataset { side, files, summary, memory, pii, pii_actions } => {
                let s = self.side(side);
                s.files.set(files);
                s.summary.set(Some(summary));
                s.pii.set(Some(pii));
                self.pii_actions.set(pii_actions);
                self.memory.set(memory);
                // The worker closes an open window when the data changes.
                self.focus.set(None);
                let mut requests = self.analyses_requests();
                requests.extend(self.timeline_request());
                requests.extend(self.explain_requests());
                return requests;
            }
            Reply::Focus(focus) => {
                self.focus.set(focus);
                return self.analyses_requests();
            }
            Reply::JobDone { job, cancelled, rows, bytes, millis, read_millis, ingest_millis, workers } => {
                let result = JobResult { rows, bytes, millis, cancelled, read_millis, ingest_millis, workers };
                // The demo (no side's job) loads both sides; its file lists say how it went.
                let mut refused = false;
                if let Some(side) = self.side_of_job(job) {
                    side.job.set(None);
                    side.last_job.set(Some(result));
                    refused = side.files.with_untracked(|files| files.iter().any(|f| f.error.is_some()));
                }
                // A demo, or the last of the loads that complete the pair,
                // opens the Overview; a refused file keeps the Data section,
                // where its message stands beside it.
                if let Some(blocked) = self.overview_after.get_untracked() {
                    let blocked = blocked || cancelled || refused;
                    if self.sides.iter().any(|s| s.job.with_untracked(Option::is_some)) {
                        self.overview_after.set(Some(blocked));
                    } else {
                        self.overview_after.set(None);
                        if !blocked && self.both_loaded() {
                            self.section.set(Section::Overview);
                        }
                    }
                }
            }
            Reply::Comparison { column, histogram, cdf } => {
                if self.compare_column.get_untracked().as_deref() == Some(column.as_str()) {
                    self.histogram.set(histogram);
                    self.cdf.set(cdf);
                }
            }
            Reply::Drift { report, sparklines, millis, workers } => {
                self.drift.running.set(false);
                self.drift.result.set(Some(DriftResult { report, sparklines, millis, workers }));
            }
            Reply::DataQuality(result) => {
                self.data_quality.running.set(false);
                self.data_quality.result.set(Some(*result));
            }
            Reply::ModelQuality(result) => {
                self.model_quality.running.set(false);
                self.model_quality.result.set(Some(*result));
            }
            Reply::Bias(result) => {
                self.bias.running.set(false);
                self.bias.error.set(None);
                self.bias.result.set(Some(*result));
            }
            Reply::BiasFailed { message } => {
                self.bias.running.set(false);
                self.bias.error.set(Some(message));
            }
            Reply::TimelineProgress { check, done, total } => {
                self.timeline.progress.set(Some((check, done, total)));
            }
            Reply::Timeline(result) => {
                self.timeline.running.set(false);
                self.timeline.progress.set(None);
                self.timeline.error.set(None);
                self.timeline.tried.set(None);
                self.timeline.result.set(Some(*result));
            }
            Reply::TimelineFailed { message, config } => {
                self.timeline.running.set(false);
                self.timeline.progress.set(None);
                self.timeline.error.set(Some(message));
                // The form shows what was tried, so the user can mend it.
                self.timeline.tried.set(config.map(|c| *c));
            }
            Reply::Model(_)
            | Reply::AttributionsLoaded(_)
            | Reply::ExplainProgress(_)
            | Reply::Explained(_)
            | Reply::ExplainFailed { .. }
            | Reply::ExplainedRow(_) => {
                let (start, mut requests) = self.explain.apply(reply);
                if start {
                    requests.extend(self.explain_requests());
                }
                return requests;
            }
            Reply::Overview(overview) => self.overview.set(Some(overview)),
            Reply::Exported { kind, .. } => {
                self.export.exporting.set(None);
                self.export.message.set(Some(format!("{} saved to your downloads.", kind.file_name())));
            }
            Reply::ExportFailed { kind, message } => {
                self.export.exporting.set(None);
                self.export.message.set(Some(format!("{} could not be made: {message}", kind.file_name())));
            }
            Reply::Error { message } => {
                self.drift.running.set(false);
                self.data_quality.running.set(false);
                self.notice.set(Some(message));
            }
        }
        Vec::new()
    }

    /// The request for export `kind`, with every setting the page holds.
    #[must_use]
    pub fn export_request(&self, kind: ExportKind) -> Request {
        self.export.exporting.set(Some(kind));
        self.export.message.set(None);
        let settings = serde_json::json!({
            "drift": self.drift.options.get_untracked(),
            "constraints": if self.data_quality.constraints.with_untracked(Option::is_some) { "edited by the user" } else { "suggested from the baseline" },
            "bias": self.bias.result.with_untracked(|b| b.as_ref().map(|b| b.config.clone())),
            "timeline": self.timeline.result.with_untracked(|t| t.as_ref().map(|t| t.config.clone())),
            "explain": self.explain.config.get_untracked(),
            "window": self.focus.get_untracked(),
            "personal_data": self.pii_actions.get_untracked(),
        });
        Request::Export { kind, settings, card: Box::new(self.export.model_card.get_untracked()) }
    }

    /// Columns of both sides, baseline order first.
    #[must_use]
    pub fn all_columns(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for side in self.sides {
            side.summary.with(|s| {
                if let Some(s) = s {
                    for c in &s.columns {
                        if !names.contains(&c.name) {
                            names.push(c.name.clone());
                        }
                    }
                }
            });
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tideline_engine::drift::DriftOptions;
    use tideline_engine::pii::PiiReport;
    use tideline_engine::summary::DatasetSummary;

    /// A side's dataset reply with `rows` rows and nothing else.
    fn dataset(side: Side, rows: u64) -> Reply {
        Reply::Dataset {
            side,
            files: vec![],
            summary: DatasetSummary { rows, columns: vec![] },
            memory: Memory::default(),
            pii: PiiReport::default(),
            pii_actions: Vec::new(),
        }
    }

    #[test]
    fn progress_goes_to_the_job_side_and_done_clears_it() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::new();
        let id = state.take_job_id();
        state.start_job(Side::Current, id, 1000);
        state.apply(Reply::Progress {
            job: id,
            file: "a.csv".into(),
            bytes_done: 500,
            bytes_total: 1000,
            rows_done: 50,
            elapsed_ms: 250.0,
        });
        let job = state.side(Side::Current).job.get_untracked().unwrap();
        assert_eq!((job.rows_done, job.fraction(), job.rows_per_second()), (50, 0.5, 200.0));
        assert!(state.side(Side::Baseline).job.get_untracked().is_none());
        state.apply(Reply::JobDone {
            job: id,
            cancelled: true,
            rows: 50,
            bytes: 500,
            millis: 300.0,
            read_millis: 10.0,
            ingest_millis: 200.0,
            workers: 1,
        });
        assert!(state.side(Side::Current).job.get_untracked().is_none());
        assert!(state.side(Side::Current).last_job.get_untracked().unwrap().cancelled);
    }

    #[test]
    fn dataset_reply_sets_schema_and_asks_to_recompare() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::new();
        state.compare_column.set(Some("x".into()));
        let again = state.apply(dataset(Side::Baseline, 3));
        assert_eq!(again, vec![Request::Compare { column: "x".into(), bins: COMPARE_BINS }]);
        assert_eq!(state.side(Side::Baseline).summary.get_untracked().unwrap().rows, 3);
    }

    #[test]
    fn an_open_window_reruns_the_analyses_and_new_data_closes_it() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::new();
        for side in Side::BOTH {
            state.apply(dataset(side, 3));
        }
        let info = FocusInfo { index: 2, label: "2024-01-03".into(), rows: 1 };
        let requests = state.apply(Reply::Focus(Some(info.clone())));
        assert!(
            matches!(
                requests.as_slice(),
                [Request::Drift { .. }, Request::DataQuality { .. }, Request::ModelQuality { positive: None }]
            ),
            "the window is compared again, the timeline is not rebuilt: {requests:?}"
        );
        assert_eq!(state.focus.get_untracked(), Some(info));
        state.apply(dataset(Side::Current, 4));
        assert_eq!(state.focus.get_untracked(), None);
    }

    #[test]
    fn both_sides_loaded_asks_for_drift_and_its_reply_is_kept() {
        let owner = Owner::new();
        owner.set();
        let state = AppState::new();
        assert!(state.apply(dataset(Side::Baseline, 10)).is_empty(), "one side alone has nothing to compare");
        let requests = state.apply(dataset(Side::Current, 10));
        assert!(
            matches!(
                requests.as_slice(),
                [
                    Request::Drift { .. },
                    Request::DataQuality { constraints: None, .. },
                    Request::ModelQuality { positive: None },
                    Request::Timeline { config: None }
                ]
            ),
            "{requests:?}"
        );
        assert!(state.drift.running.get_untracked());
        let report = tideline_engine::drift::run_drift(
            &tideline_engine::table::Table::default(),
            &tideline_engine::table::Table::default(),
            &DriftOptions::default(),
        );
        state.apply(Reply::Drift { report, sparklines: vec![], millis: 1.0, workers: 1 });
        assert!(!state.drift.running.get_untracked());
        assert_eq!(state.drift.result.get_untracked().map(|d| d.millis), Some(1.0));
    }

    /// The CI once saw the current side end first: the Overview must still
    /// open when the baseline's load, the last one, ends.
    #[test]
    fn the_overview_opens_when_the_last_of_both_loads_ends_in_either_order() {
        let owner = Owner::new();
        owner.set();
        for current_first in [true, false] {
            let state = AppState::new();
            let jobs = Side::BOTH.map(|side| {
                let id = state.take_job_id();
                state.start_job(side, id, 100);
                (side, id)
            });
            let order = if current_first { [jobs[1], jobs[0]] } else { jobs };
            for (n, (side, job)) in order.into_iter().enumerate() {
                state.apply(dataset(side, 10));
                state.apply(Reply::JobDone {
                    job,
                    cancelled: false,
                    rows: 10,
                    bytes: 100,
                    millis: 1.0,
                    read_millis: 1.0,
                    ingest_millis: 1.0,
                    workers: 1,
                });
                let opened = state.section.get_untracked() == Section::Overview;
                assert_eq!(opened, n == 1, "current first: {current_first}, after load {n}");
            }
            assert_eq!(state.overview_after.get_untracked(), None);
        }
    }
}
