//! Messages between the page and the engine worker (the page ↔ engine
//! channel): plain serde structs sent
//! as JSON text (files travel beside them as `File` handles, never as bytes
//! through the UI thread).

use serde::{Deserialize, Serialize};
use tideline_engine::bias::{AnalysisConfig, BiasDriftCheck, BiasRun, MetricInterval};
use tideline_engine::cdf::CdfPair;
use tideline_engine::drift::{DriftOptions, DriftReport, Preset};
use tideline_engine::histogram::Histogram;
use tideline_engine::io::{LoadOptions, Warning};
use tideline_engine::pii::PiiReport;
use tideline_engine::roles::Role;
use tideline_engine::scenario::ScenarioKind;
use tideline_engine::summary::DatasetSummary;
use tideline_engine::timeline::Timeline;
use tideline_engine::timeline::TimelineConfig;
use tideline_engine::types::Kind;
use tideline_report::gather::ModelQualityResult;
use tideline_report::{DataQualitySection, ModelCardInfo, Overview};

pub use crate::export_kind::ExportKind;

use super::explain::{ExplainProgress, ExplainResult, ExplainedRow, ModelInfo, PrecomputedInfo};
use super::Side;
pub use crate::demo::Demo;
use tideline_engine::explain::ExplainConfig;

/// What to do with a column holding personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PiiAction {
    /// Replace each match by its mask (`a******@example.org`).
    Mask,
    /// Drop the column.
    Exclude,
}

/// A request from the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read the attached files into `side` (one job).
    Load {
        /// Job number, chosen by the page.
        job: u32,
        /// Dataset to add the files to.
        side: Side,
        /// How to read them.
        options: LoadOptions,
    },
    /// Load a built-in demo into both sides.
    LoadDemo {
        /// Job number.
        job: u32,
        /// Which demo (the car-loan one when absent).
        #[serde(default)]
        demo: Demo,
    },
    /// Generate a teaching scenario into both sides and hold its model.
    LoadScenario {
        /// Job number.
        job: u32,
        /// Which kind of drift.
        kind: ScenarioKind,
        /// From 0 (none) to 1 (strong).
        strength: f64,
    },
    /// Stop job `job` between two chunks; files already read stay loaded.
    Cancel {
        /// Job number.
        job: u32,
    },
    /// Drop one file (and its rows) from a side.
    RemoveFile {
        /// Dataset.
        side: Side,
        /// Position in the side's file list.
        index: usize,
    },
    /// Change a column's analysis kind, on both sides.
    SetKind {
        /// Column.
        column: String,
        /// New kind.
        kind: Kind,
    },
    /// Change a column's role, on both sides.
    SetRole {
        /// Column.
        column: String,
        /// New role.
        role: Role,
    },
    /// Make both sides from the baseline's rows: those where `column` is
    /// `baseline_value`, and those where it is `current_value`.
    Split {
        /// The column that tells the periods apart (e.g. `dataset`).
        column: String,
        /// Its value on baseline rows (e.g. `train`).
        baseline_value: String,
        /// Its value on current rows (e.g. `test`).
        current_value: String,
    },
    /// Drift tests of every shared column.
    Drift {
        /// Preset, tests, correction and thresholds.
        options: DriftOptions,
    },
    /// Model Monitor's data-quality checks of the current data against the baseline.
    DataQuality {
        /// A user-edited `constraints.json`; `None` suggests them from the baseline.
        constraints: Option<String>,
        /// The drift preset chosen: `sagemaker` keeps Model Monitor's strict data types.
        preset: Preset,
    },
    /// Realised model quality of both sides, for the Model quality view and
    /// the Overview, with the model the roles describe.
    ModelQuality {
        /// A binary model's positive class chosen by the user (`None`: the guess).
        positive: Option<String>,
    },
    /// Clarify's bias metrics of one side, with intervals, and bias drift
    /// against the baseline when `side` is the current data.
    Bias {
        /// The side to analyse.
        side: Side,
        /// The analysis, as Clarify's `analysis_config.json`.
        config: Box<AnalysisConfig>,
    },
    /// The monitoring timeline of the current data's windows against the baseline.
    Timeline {
        /// The configuration; `None` guesses one from the loaded data.
        config: Option<Box<TimelineConfig>>,
    },
    /// Opens window `window` of the last timeline in the drift, quality and
    /// bias analyses (`None`: the whole current data again).
    Focus {
        /// The window's index in the timeline.
        window: Option<usize>,
    },
    /// Read the attached model file (XGBoost JSON, LightGBM text, linear
    /// JSON), or a Clarify `analysis.json` for the next side without one.
    LoadModel,
    /// Load the demo's XGBoost model (trained on the car-loan reference).
    LoadDemoModel,
    /// Fit a surrogate of the baseline's prediction or score column (by its
    /// role, or `target`) on the baseline's features.
    FitSurrogate {
        /// The column to learn; `None` takes the score, else the predicted label.
        target: Option<String>,
    },
    /// Explain both sides with the loaded model (job `job`; `Cancel` stops it).
    Explain {
        /// Job number.
        job: u32,
        /// Method, aggregation, samples, seed, logit.
        config: ExplainConfig,
    },
    /// One current row's attributions from the last run, for the waterfall.
    ExplainRow {
        /// Row index in the current data.
        row: usize,
    },
    /// Mask a column found to hold personal data, or leave it out, on both
    /// sides, before any analysis or export reads it.
    Pii {
        /// Column.
        column: String,
        /// What to do.
        action: PiiAction,
    },
    /// Make an export of everything analysed so far (the worker hashes the
    /// input files first).
    Export {
        /// Which file.
        kind: ExportKind,
        /// Every setting the page holds (drift options, configurations ...).
        settings: serde_json::Value,
        /// What the user wrote for the model card.
        card: Box<ModelCardInfo>,
    },
    /// Histogram (and, for numbers, CDFs) of `column` on both sides.
    Compare {
        /// Column.
        column: String,
        /// Bars.
        bins: usize,
    },
}

/// How one file went.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FileStatus {
    /// File name.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Rows read (0 when it failed).
    pub rows: u64,
    /// Format read, e.g. `csv`.
    pub format: String,
    /// Why it failed, in plain words (nothing from it was kept).
    pub error: Option<String>,
    /// Partial problems.
    pub warnings: Vec<Warning>,
    /// Time to read it, in milliseconds.
    pub millis: f64,
}

/// Memory the worker holds.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Memory {
    /// Size of the worker's WebAssembly memory (it never shrinks, so this is its peak).
    pub wasm_bytes: u64,
    /// Bytes held by the typed columns of both sides.
    pub typed_bytes: u64,
}

/// A reply from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has started and takes requests.
    Ready,
    /// Helper workers ready to share big files and analyses.
    Helpers {
        /// How many.
        ready: usize,
    },
    /// A job's progress.
    Progress {
        /// Job number.
        job: u32,
        /// File being read.
        file: String,
        /// Bytes read in this job.
        bytes_done: u64,
        /// Bytes in this job.
        bytes_total: u64,
        /// Rows read in this job.
        rows_done: u64,
        /// Milliseconds since the job started.
        elapsed_ms: f64,
    },
    /// A side's files and schema changed.
    Dataset {
        /// Dataset.
        side: Side,
        /// Files, in load order.
        files: Vec<FileStatus>,
        /// Schema of the stacked files.
        summary: DatasetSummary,
        /// The personal-data scan of the stacked files.
        #[serde(default)]
        pii: PiiReport,
        /// Columns masked or left out so far (on both sides).
        #[serde(default)]
        pii_actions: Vec<(String, PiiAction)>,
        /// Worker memory.
        memory: Memory,
    },
    /// A job ended.
    JobDone {
        /// Job number.
        job: u32,
        /// True when it was cancelled.
        cancelled: bool,
        /// Rows read in this job.
        rows: u64,
        /// Bytes read in this job.
        bytes: u64,
        /// Milliseconds the job took.
        millis: f64,
        /// Of which, milliseconds spent waiting for the browser to read file slices.
        read_millis: f64,
        /// Of which, milliseconds spent reading bytes into typed columns (reads included).
        ingest_millis: f64,
        /// Workers that read one file at once (1 + the helpers whose parts were used).
        #[serde(default = "one")]
        workers: usize,
    },
    /// A histogram asked for with `Compare`.
    Comparison {
        /// Column.
        column: String,
        /// Bars, `None` when neither side has the column.
        histogram: Option<Histogram>,
        /// Both CDFs, when both sides hold numbers.
        cdf: Option<CdfPair>,
    },
    /// The drift report asked for with `Drift`.
    Drift {
        /// Per-column results and the verdict.
        report: DriftReport,
        /// A small histogram per tested column, in report order.
        sparklines: Vec<Histogram>,
        /// Milliseconds the tests took in the worker.
        millis: f64,
        /// Workers that judged columns (1 + the helpers that answered).
        #[serde(default = "one")]
        workers: usize,
    },
    /// The data-quality checks asked for with `DataQuality`.
    DataQuality(Box<DataQualityResult>),
    /// Model quality asked for with `ModelQuality`.
    ModelQuality(Box<ModelQualityReply>),
    /// The bias analysis asked for with `Bias`.
    Bias(Box<BiasResult>),
    /// A bias analysis that could not run (the message says why).
    BiasFailed {
        /// What went wrong.
        message: String,
    },
    /// The timeline is computing `check` (`done` of `total` checks finished).
    TimelineProgress {
        /// The check being computed.
        check: String,
        /// Checks finished.
        done: usize,
        /// Checks in all.
        total: usize,
    },
    /// The timeline asked for with `Timeline`.
    Timeline(Box<TimelineResult>),
    /// A timeline that could not be built (the message says why).
    TimelineFailed {
        /// What went wrong.
        message: String,
        /// The configuration tried (guessed or the user's), so the form
        /// shows it and can mend it; `None` before both sides are loaded.
        config: Option<Box<TimelineConfig>>,
    },
    /// The window the analyses now look at (`None`: the whole current data).
    Focus(Option<FocusInfo>),
    /// The model loaded with `LoadModel`, `LoadDemoModel` or `FitSurrogate`.
    Model(Box<ModelInfo>),
    /// A side's precomputed attributions (`analysis.json`) were read.
    AttributionsLoaded(PrecomputedInfo),
    /// An explain run's progress.
    ExplainProgress(ExplainProgress),
    /// An explain run's result.
    Explained(Box<ExplainResult>),
    /// A model that could not load, or a run that could not finish (the
    /// message says why; the data and the last result stay).
    ExplainFailed {
        /// The run, when a run failed.
        job: Option<u32>,
        /// True when the run was cancelled.
        cancelled: bool,
        /// What went wrong.
        message: String,
    },
    /// A current row's attributions asked for with `ExplainRow`.
    ExplainedRow(Box<ExplainedRow>),
    /// The Overview's lights for the data loaded now (after every analysis).
    Overview(Overview),
    /// An export, ready to download.
    Exported {
        /// Which file.
        kind: ExportKind,
        /// Its text (HTML, JSON).
        text: Option<String>,
        /// Its bytes in base64 (the zip).
        base64: Option<String>,
    },
    /// An export that could not be made (the message says why).
    ExportFailed {
        /// Which file.
        kind: ExportKind,
        /// What went wrong.
        message: String,
    },
    /// A request that could not be served.
    Error {
        /// What went wrong.
        message: String,
    },
}

/// Model Monitor's data-quality result and its files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataQualityResult {
    /// The checks, the files and the columns left out, as the report has them.
    pub section: DataQualitySection,
    /// (check, evaluated, violated) per check type.
    pub counts: Vec<(String, usize, usize)>,
    /// Milliseconds the worker took.
    pub millis: f64,
}

/// Both sides' model quality and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelQualityReply {
    /// The model, the Overview's section and each side's detail.
    pub result: ModelQualityResult,
    /// Milliseconds the worker took.
    pub millis: f64,
}

/// A bias analysis and its files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BiasResult {
    /// The side analysed.
    pub side: Side,
    /// The configuration used.
    pub config: AnalysisConfig,
    /// Metrics (Clarify's `analysis.json`), counts and warnings.
    pub run: BiasRun,
    /// Seeded bootstrap intervals of the metrics.
    pub intervals: Vec<MetricInterval>,
    /// The fairness metrics Clarify lacks (`fairness.json`).
    pub fairness: String,
    /// Bias drift of the current data against the baseline's metrics.
    pub drift: Vec<BiasDriftCheck>,
    /// `constraint_violations.json` of the bias drift check.
    pub violations: Option<String>,
    /// Milliseconds the metrics took (Clarify's analysis alone).
    pub metrics_millis: f64,
    /// Milliseconds the worker took in all.
    pub millis: f64,
}

/// A monitoring timeline and the configuration that built it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineResult {
    /// The configuration used (the user's, or guessed from the data).
    pub config: TimelineConfig,
    /// Windows × series: values, bounds, statuses, alert states.
    pub timeline: Timeline,
    /// Rows of each reference chunk behind the variability thresholds.
    pub reference_chunk_rows: Vec<usize>,
    /// Milliseconds the worker took.
    pub millis: f64,
}

/// A window of the current data opened on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusInfo {
    /// The window's index in the timeline.
    pub index: usize,
    /// Its label (time range or row positions).
    pub label: String,
    /// Its rows.
    pub rows: usize,
}

/// The default of a count that is at least one.
fn one() -> usize {
    1
}
