//! Messages between the engine worker and its helper workers: the engine
//! worker hands a helper a share of a big job (part of a file, some drift or
//! summary columns, a chunk of an explain run) with its data beside the JSON
//! as transferable arrays or `File` handles; the helper answers with the
//! result. The page never sees these messages.

use serde::{Deserialize, Serialize};
use tideline_engine::drift::{ColumnDrift, DriftOptions, SkippedColumn};
use tideline_engine::explain::ExplainConfig;
use tideline_engine::histogram::Histogram;
use tideline_engine::io::{PartHeader, PartSpec};
use tideline_engine::summary::ColumnSummary;
use tideline_engine::types::Kind;

/// A request from the engine worker to a helper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HelperRequest {
    /// This helper's share of an explain run (model bytes, background
    /// and feature rows travel beside it as typed arrays).
    ExplainChunk(Box<ChunkRequest>),
    /// This helper's part of a delimited file being loaded (the `File`
    /// travels beside it).
    ReadPart(Box<PartRequest>),
    /// This helper's column of a drift run (both sides' numbers travel
    /// beside it as `Float64Array`s).
    DriftColumn(Box<DriftColumnRequest>),
    /// This helper's numeric column of a schema summary (its numbers
    /// travel beside it as a `Float64Array`, `values`).
    SummaryColumn(Box<SummaryColumnRequest>),
}

/// A helper's answer to the engine worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HelperReply {
    /// The helper has started and takes requests.
    Ready,
    /// A helper worker's share is done (values beside it as a typed array).
    ChunkDone {
        /// The run.
        job: u32,
        /// The chunk.
        chunk: usize,
    },
    /// A helper worker read its part of a file (each column's bytes beside it).
    PartDone {
        /// The load.
        job: u32,
        /// The part's number in the file.
        part: usize,
        /// Rows, counts, whether it met a quote.
        header: PartHeader,
    },
    /// A helper worker could not read its part (the engine worker reads it).
    PartFailed {
        /// The load.
        job: u32,
        /// The part.
        part: usize,
        /// What went wrong.
        message: String,
    },
    /// A helper worker judged its column of a drift run.
    DriftColumnDone {
        /// The run.
        job: u32,
        /// The pair's number in the run.
        index: usize,
        /// The column's result, or why it could not be tested (boxed: a
        /// result is far larger than the other replies).
        result: Box<Result<ColumnDrift, SkippedColumn>>,
        /// Its small histogram (both sides).
        histogram: Option<Histogram>,
    },
    /// A helper worker summarised its column of a schema.
    SummaryColumnDone {
        /// The summary's number.
        job: u32,
        /// The column's number in the table.
        index: usize,
        /// Its schema line.
        summary: ColumnSummary,
    },
    /// A helper worker's share failed.
    ChunkFailed {
        /// The run.
        job: u32,
        /// The chunk.
        chunk: usize,
        /// What went wrong.
        message: String,
    },
}

/// A helper worker's share of an explain run: stateless, everything it needs
/// is in the message (the model's bytes, background and rows beside it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkRequest {
    /// The run.
    pub job: u32,
    /// The chunk's number in the run.
    pub chunk: usize,
    /// The model's file name (tells its format).
    pub model_name: String,
    /// Method and options.
    pub config: ExplainConfig,
    /// Feature names, in the model's order.
    pub features: Vec<String>,
    /// Rows sent.
    pub n_rows: usize,
    /// The first row's index in its side's data (Kernel SHAP draws each
    /// row's coalitions from a stream fixed by that index).
    pub first_row: usize,
    /// Background rows sent (the baseline, which the explainer samples as
    /// the engine worker's did; or Kernel SHAP's ready baseline).
    pub n_background: usize,
    /// Kernel SHAP's baseline weights, when the background is that baseline.
    pub kernel_weights: Option<Vec<f64>>,
}

/// A helper worker's part of a delimited file: bytes `start..end` of the
/// file sent beside it, from a line's start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartRequest {
    /// The load.
    pub job: u32,
    /// The part's number in the file.
    pub part: usize,
    /// The file's name (for messages).
    pub file: String,
    /// First byte (a line's start).
    pub start: f64,
    /// Byte after the last.
    pub end: f64,
    /// Delimiter, columns and the rest of what the engine worker learnt from the file's start.
    pub spec: PartSpec,
}

/// A helper worker's column of a drift run: stateless, the column's numbers
/// on both sides travel beside it (`baseline`, `current`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriftColumnRequest {
    /// The run.
    pub job: u32,
    /// The pair's number in the run.
    pub index: usize,
    /// The column.
    pub name: String,
    /// The kind to judge it by.
    pub kind: Kind,
    /// The run's options.
    pub options: DriftOptions,
}

/// A helper worker's numeric column of a schema summary: everything but the
/// numbers, which travel beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryColumnRequest {
    /// The summary's number.
    pub job: u32,
    /// The column's number in the table.
    pub index: usize,
    /// Name, Deequ counts, kind and role (the data is left empty).
    pub column: tideline_engine::table::Column,
}
