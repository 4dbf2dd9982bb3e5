//! One dataset's state: its files, schema, personal-data scan and the job
//! reading it.

use leptos::prelude::*;
use tideline_engine::pii::PiiReport;
use tideline_engine::summary::DatasetSummary;

use crate::protocol::{FileStatus, Side};

/// A job in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Job number.
    pub id: u32,
    /// File being read.
    pub file: String,
    /// Bytes read.
    pub bytes_done: u64,
    /// Bytes in all.
    pub bytes_total: u64,
    /// Rows read.
    pub rows_done: u64,
    /// Milliseconds since the start.
    pub elapsed_ms: f64,
    /// True once Cancel was pressed.
    pub cancelling: bool,
}

impl Job {
    /// Rows per second so far.
    #[must_use]
    pub fn rows_per_second(&self) -> f64 {
        let rows = self.rows_done as f64;
        if self.elapsed_ms > 0.0 {
            rows / (self.elapsed_ms / 1000.0)
        } else {
            0.0
        }
    }

    /// Share of bytes read, 0 to 1.
    #[must_use]
    pub fn fraction(&self) -> f64 {
        let f = if self.bytes_total == 0 { 0.0 } else { self.bytes_done as f64 / self.bytes_total as f64 };
        f.clamp(0.0, 1.0)
    }
}

/// How the last job of a side ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JobResult {
    /// Rows read.
    pub rows: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Milliseconds it took.
    pub millis: f64,
    /// True when it was cancelled.
    pub cancelled: bool,
    /// Milliseconds spent waiting for the browser to read the files.
    pub read_millis: f64,
    /// Milliseconds spent reading the files into typed columns.
    pub ingest_millis: f64,
    /// Workers that read one file at once.
    pub workers: usize,
}

/// One dataset's state.
#[derive(Debug, Clone, Copy)]
pub struct SideState {
    /// Which side.
    pub side: Side,
    /// Files, in load order.
    pub files: RwSignal<Vec<FileStatus>>,
    /// Schema of the stacked files (`None` before any file).
    pub summary: RwSignal<Option<DatasetSummary>>,
    /// The personal-data scan of the stacked files.
    pub pii: RwSignal<Option<PiiReport>>,
    /// The running job.
    pub job: RwSignal<Option<Job>>,
    /// How the last job ended.
    pub last_job: RwSignal<Option<JobResult>>,
}

impl SideState {
    pub(super) fn new(side: Side) -> Self {
        Self {
            side,
            files: RwSignal::new(Vec::new()),
            summary: RwSignal::new(None),
            pii: RwSignal::new(None),
            job: RwSignal::new(None),
            last_job: RwSignal::new(None),
        }
    }
}
