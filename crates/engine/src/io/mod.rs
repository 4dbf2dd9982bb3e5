//! Reading files into a [`Table`]: CSV/TSV, JSON arrays, JSON Lines, SageMaker
//! data capture and ground truth, gzip or Zstandard compressed or not; Arrow
//! IPC (Feather) files and streams; Parquet ([`ParquetReader`], natively `load_parquet`).
//!
//! Everything works over bytes pushed in chunks ([`Loader`]), so a browser
//! `File` read slice by slice and a native file read block by block go through
//! the same code, with memory near the size of the typed columns. The format,
//! the delimiter and the header are sniffed from the first 64 KiB unless given.

mod arrow_columns;
mod arrow_ipc;
mod capture;
mod capture_payload;
mod csv;
mod decode;
mod error;
mod ground_truth;
mod inflate;
mod json;
mod lines;
mod names;
mod parquet;
mod payload_error;
mod ragged;
mod sniff;
mod split;
#[cfg(not(target_arch = "wasm32"))]
mod stream;
mod warning;

pub use self::csv::{Part, PartHeader, PartRefused, MAX_COLUMNS};
pub use error::{ErrorKind, IoError};
pub use ground_truth::{merge_ground_truth, merge_labels, JoinKeys, MergeError, MergeReport, MergeResult};
pub use names::positional_name;
#[cfg(not(target_arch = "wasm32"))]
pub use parquet::load_parquet;
pub use parquet::{ParquetReader, RowGroup, FOOTER_TAIL_BYTES};
pub use sniff::{sniff_delimiter, sniff_format, sniff_header, SNIFF_BYTES};
pub use split::{PartLoader, PartSpec};
#[cfg(not(target_arch = "wasm32"))]
pub use stream::stream_file;
pub use warning::Warning;

use serde::{Deserialize, Serialize};

use crate::progress::{Flow, Progress, ProgressUpdate};
use crate::roles::guess_roles;
use crate::table::{Table, TableBuilder};
use arrow_ipc::ArrowIpcReader;
use capture::CaptureReader;
use decode::Decoding;
use ground_truth::GroundTruthReader;
use inflate::Inflater;
use json::{JsonArrayReader, JsonLinesReader};
use warning::Warnings;

/// File formats Tideline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Delimited text (comma, tab, semicolon or pipe).
    Csv,
    /// A JSON array of records.
    Json,
    /// One JSON record per line.
    JsonLines,
    /// SageMaker data-capture JSON Lines.
    Capture,
    /// SageMaker ground-truth JSON Lines.
    GroundTruth,
    /// Apache Parquet.
    Parquet,
    /// Arrow IPC: a Feather (v2) file or a stream.
    Arrow,
}

impl Format {
    /// A short name for messages and the CLI.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
            Self::JsonLines => "jsonl",
            Self::Capture => "capture",
            Self::GroundTruth => "ground-truth",
            Self::Parquet => "parquet",
            Self::Arrow => "arrow",
        }
    }

    /// Parses a short name (`tsv` is CSV with a tab).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "csv" | "tsv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "jsonl" | "jsonlines" | "ndjson" => Some(Self::JsonLines),
            "capture" => Some(Self::Capture),
            "ground-truth" | "ground_truth" | "groundtruth" => Some(Self::GroundTruth),
            "parquet" => Some(Self::Parquet),
            "arrow" | "feather" | "ipc" | "arrows" => Some(Self::Arrow),
            _ => None,
        }
    }
}

/// How to read a file; `None` fields are sniffed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadOptions {
    /// The format, or `None` to sniff it.
    pub format: Option<Format>,
    /// The CSV delimiter, or `None` to sniff it (a `.tsv` name suggests tab).
    pub delimiter: Option<u8>,
    /// Whether the CSV's first row is a header, or `None` to sniff it.
    pub has_header: Option<bool>,
    /// Column names supplied by the user: for header-less CSV, and for
    /// data capture (output columns first, then input columns).
    pub column_names: Option<Vec<String>>,
    /// Only empty cells are missing (not `NA`, `NaN`, `inf`, ...).
    pub strict_missing: bool,
    /// The file's size in bytes, when known: columns are then sized once from
    /// the rows it should hold, instead of growing (and copying) as rows come.
    #[serde(default)]
    pub size_hint: Option<u64>,
}

/// A loaded file.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// File name as given.
    pub file: String,
    /// The format read.
    pub format: Format,
    /// The CSV delimiter used.
    pub delimiter: Option<u8>,
    /// Whether the CSV's first row was a header.
    pub has_header: Option<bool>,
    /// The table, with roles guessed.
    pub table: Table,
    /// Partial problems.
    pub warnings: Vec<Warning>,
    /// Bytes read.
    pub bytes: u64,
}

#[derive(Debug)]
enum Records {
    Json(JsonArrayReader),
    Lines(JsonLinesReader),
    Capture(CaptureReader),
    GroundTruth(GroundTruthReader),
}

#[derive(Debug)]
enum State {
    Sniffing(Vec<u8>),
    /// A part appended from another worker was damaged: the file fails.
    Failed(IoError),
    Csv(Box<csv::CsvReader>),
    Records(Records, TableBuilder),
    Arrow(Box<ArrowIpcReader>),
    /// A Parquet file pushed as bytes is held whole, then read from its footer.
    Parquet(Vec<u8>),
}

/// Whether the file is compressed, once its first bytes have said so.
#[derive(Debug)]
enum Compression {
    /// Fewer than [`inflate::MAGIC_BYTES`] bytes seen.
    Undecided(Vec<u8>),
    Plain,
    Inflating(Box<Inflater>),
}

/// Reads one file from chunks of bytes.
///
/// # Examples
/// ```
/// use tideline_engine::io::{Loader, LoadOptions};
/// let mut loader = Loader::new("people.csv", LoadOptions::default());
/// loader.push(b"name,age\nAda,3").unwrap();
/// loader.push(b"6\nAlan,41\n").unwrap();
/// let loaded = loader.finish().unwrap();
/// assert_eq!(loaded.table.n_rows, 2);
/// assert_eq!(loaded.table.columns[1].inferred_type().as_str(), "Integral");
/// ```
#[derive(Debug)]
pub struct Loader {
    file: String,
    options: LoadOptions,
    state: State,
    warnings: Warnings,
    bytes: u64,
    format: Option<Format>,
    delimiter: Option<u8>,
    has_header: Option<bool>,
    /// Bytes per line in the sniffed sample (delimited files), to size parts.
    line_bytes: Option<u64>,
    /// How the file's bytes become UTF-8 (`decode.rs`).
    decoding: Decoding,
    /// A chunk after decoding, when decoding changes it.
    decoded: Vec<u8>,
    /// gzip or zstd, decompressed before anything else.
    compression: Compression,
    /// A chunk after decompression.
    inflated: Vec<u8>,
    /// Rows already handed out by [`Loader::take_rows`].
    taken_rows: u64,
}

impl Loader {
    /// A loader for the file called `file`.
    #[must_use]
    pub fn new(file: impl Into<String>, options: LoadOptions) -> Self {
        Self {
            file: file.into(),
            options,
            state: State::Sniffing(Vec::new()),
            warnings: Warnings::default(),
            bytes: 0,
            format: None,
            delimiter: None,
            has_header: None,
            line_bytes: None,
            decoding: Decoding::Utf8,
            decoded: Vec::new(),
            compression: Compression::Undecided(Vec::new()),
            inflated: Vec::new(),
            taken_rows: 0,
        }
    }

    /// The rows read since the last call, as a table without roles
    /// (streaming: the caller analyses each chunk and drops it; the table
    /// [`Loader::finish`] returns then holds only the rows after the last
    /// call). `None` while no row can be handed out (still sniffing, or a
    /// Parquet file held whole).
    pub fn take_rows(&mut self) -> Option<Table> {
        let table = match &mut self.state {
            State::Csv(reader) => reader.take_table(),
            State::Arrow(reader) => reader.take_table(),
            State::Records(_, builder) => Some(builder.take_table()),
            State::Sniffing(_) | State::Failed(_) | State::Parquet(_) => None,
        }?;
        self.taken_rows += table.n_rows as u64;
        Some(table)
    }

    /// Data rows read so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        match &self.state {
            State::Sniffing(_) | State::Failed(_) | State::Parquet(_) => 0,
            State::Csv(r) => r.rows(),
            State::Arrow(r) => r.rows(),
            State::Records(r, _) => match r {
                Records::Json(r) => r.rows(),
                Records::Lines(r) => r.rows(),
                Records::Capture(r) => r.rows(),
                Records::GroundTruth(r) => r.rows(),
            },
        }
    }

    /// Bytes pushed so far.
    #[must_use]
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Reads the next chunk.
    ///
    /// # Errors
    /// The first malformed record, with its position.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), IoError> {
        self.bytes += chunk.len() as u64;
        match &mut self.compression {
            Compression::Plain => self.push_plain(chunk),
            Compression::Undecided(head) => {
                head.extend_from_slice(chunk);
                if head.len() < inflate::MAGIC_BYTES {
                    return Ok(());
                }
                self.decide_compression()
            }
            Compression::Inflating(inflater) => {
                let mut out = std::mem::take(&mut self.inflated);
                out.clear();
                let result = inflater.push(chunk, &mut out);
                let result = result.map_err(|e| self.inflate_error(&e)).and_then(|()| self.push_plain(&out));
                self.inflated = out;
                result
            }
        }
    }

    /// Reads the first bytes held back to tell whether the file is compressed.
    fn decide_compression(&mut self) -> Result<(), IoError> {
        let Compression::Undecided(head) = std::mem::replace(&mut self.compression, Compression::Plain) else {
            return Ok(());
        };
        match Inflater::for_head(&head).map_err(|e| self.inflate_error(&e))? {
            None => self.push_plain(&head),
            Some(inflater) => {
                self.compression = Compression::Inflating(Box::new(inflater));
                self.bytes -= head.len() as u64;
                self.push(&head)
            }
        }
    }

    /// A decompression failure, where it happened.
    fn inflate_error(&self, why: &str) -> IoError {
        let name = match &self.compression {
            Compression::Inflating(i) => i.name(),
            _ => "compressed",
        };
        IoError::new(&self.file, ErrorKind::NotText(format!("the {name} data cannot be decompressed: {why}")))
            .at_byte(self.bytes)
    }

    /// Reads a chunk of the (decompressed) file.
    fn push_plain(&mut self, chunk: &[u8]) -> Result<(), IoError> {
        if let State::Parquet(held) = &mut self.state {
            held.extend_from_slice(chunk);
            return Ok(());
        }
        if let State::Sniffing(buffer) = &mut self.state {
            buffer.extend_from_slice(chunk);
            if buffer.len() < SNIFF_BYTES {
                return Ok(());
            }
            return self.start(false);
        }
        self.decode_and_feed(chunk)
    }

    /// Feeds `chunk` through the file's decoding.
    fn decode_and_feed(&mut self, chunk: &[u8]) -> Result<(), IoError> {
        if self.decoding.is_identity() {
            return self.feed(chunk);
        }
        let mut decoded = std::mem::take(&mut self.decoded);
        decoded.clear();
        self.decoding.decode(chunk, &mut decoded);
        let result = self.feed(&decoded);
        self.decoded = decoded;
        result
    }

    fn feed(&mut self, chunk: &[u8]) -> Result<(), IoError> {
        let warnings = &mut self.warnings;
        match &mut self.state {
            State::Sniffing(_) => Ok(()),
            State::Failed(e) => Err(e.clone()),
            State::Csv(r) => r.feed(chunk, warnings),
            State::Arrow(r) => r.feed(chunk, warnings),
            State::Parquet(held) => {
                held.extend_from_slice(chunk);
                Ok(())
            }
            State::Records(r, builder) => match r {
                Records::Json(r) => r.feed(chunk, builder),
                Records::Lines(r) => r.feed(chunk, builder),
                Records::Capture(r) => r.feed(chunk, builder, warnings),
                Records::GroundTruth(r) => r.feed(chunk, builder, warnings),
            },
        }
    }

    /// Decides format, delimiter and header from the buffered sample, then reads it.
    fn start(&mut self, complete: bool) -> Result<(), IoError> {
        let State::Sniffing(buffer) = std::mem::replace(&mut self.state, State::Sniffing(Vec::new())) else {
            return Ok(());
        };
        if arrow_ipc::is_arrow(&buffer) {
            self.format = Some(Format::Arrow);
            self.state = State::Arrow(Box::new(ArrowIpcReader::new(&self.file, &buffer, self.options.strict_missing)));
            return self.feed(&buffer);
        }
        if buffer.starts_with(b"PAR1") {
            self.format = Some(Format::Parquet);
            self.state = State::Parquet(buffer);
            return Ok(());
        }
        let (bom, mut decoding) = decode::classify(&buffer).map_err(|kind| IoError::new(&self.file, kind))?;
        let raw = buffer.get(bom..).unwrap_or_default();
        let mut decoded = Vec::new();
        let data = if decoding.is_identity() {
            raw
        } else {
            decoding.decode(raw, &mut decoded);
            decoded.as_slice()
        };
        self.decoding = decoding;
        // Sniff from the first 64 KiB only; all of `data` is read afterwards.
        let sample = data.get(..SNIFF_BYTES).unwrap_or(data);
        let complete = complete && sample.len() == data.len();
        if complete && sample.iter().all(u8::is_ascii_whitespace) {
            return Err(IoError::new(&self.file, ErrorKind::Empty));
        }
        let format = self.options.format.unwrap_or_else(|| sniff_format(sample));
        let format = match format {
            // Those were recognised by their bytes above.
            Format::Parquet | Format::Arrow => sniff_format(sample),
            other => other,
        };
        if format == Format::Csv && self.options.format.is_none() {
            not_json(&self.file, sample).map_err(|kind| IoError::new(&self.file, kind))?;
        }
        self.format = Some(format);
        let strict = self.options.strict_missing;
        let names = self.options.column_names.clone();
        self.state = match format {
            Format::Csv | Format::Parquet | Format::Arrow => {
                let lower = plain_name(&self.file);
                let fallback = if lower.ends_with(".tsv") || lower.ends_with(".tab") { b'\t' } else { b',' };
                let delimiter = self.options.delimiter.unwrap_or_else(|| sniff_delimiter(sample, complete, fallback));
                let records = csv::parse_sample(sample, delimiter, complete);
                let has_header = self.options.has_header.unwrap_or_else(|| names.is_none() && sniff_header(&records));
                let width = records.iter().map(Vec::len).max().unwrap_or(0);
                let rows_hint = self.options.size_hint.map_or(0, |size| estimate_rows(sample, size));
                self.delimiter = Some(delimiter);
                self.has_header = Some(has_header);
                let lines = memchr::memchr_iter(b'\n', sample).count().max(1) as u64;
                self.line_bytes = Some(sample.len() as u64 / lines);
                let names = if has_header { None } else { names };
                State::Csv(Box::new(csv::CsvReader::new(
                    &self.file, delimiter, has_header, names, width, strict, rows_hint,
                )))
            }
            Format::Json => State::Records(
                Records::Json(JsonArrayReader::new(
                    &self.file,
                    if self.decoding.is_identity() { bom as u64 } else { 0 },
                )),
                TableBuilder::new(Vec::new(), strict),
            ),
            Format::JsonLines => {
                State::Records(Records::Lines(JsonLinesReader::new(&self.file)), TableBuilder::new(Vec::new(), strict))
            }
            Format::Capture => State::Records(
                Records::Capture(CaptureReader::new(&self.file, names)),
                TableBuilder::new(Vec::new(), strict),
            ),
            Format::GroundTruth => State::Records(
                Records::GroundTruth(GroundTruthReader::new(&self.file)),
                TableBuilder::new(Vec::new(), strict),
            ),
        };
        self.feed(data)
    }

    /// Reads what is left and returns the table, with roles guessed.
    ///
    /// # Errors
    /// An empty file, a malformed last record, or a truncated JSON array.
    pub fn finish(mut self) -> Result<Loaded, IoError> {
        if matches!(self.compression, Compression::Undecided(_)) {
            self.decide_compression()?;
        }
        if let Compression::Inflating(inflater) = &mut self.compression {
            let mut out = Vec::new();
            let finished = inflater.finish(&mut out);
            finished.map_err(|why| IoError::new(&self.file, ErrorKind::NotText(why)).at_byte(self.bytes))?;
            self.push_plain(&out)?;
        }
        if matches!(self.state, State::Sniffing(_)) {
            self.start(true)?;
        }
        let mut tail = Vec::new();
        self.decoding.finish(&mut tail);
        if !tail.is_empty() {
            self.feed(&tail)?;
        }
        let file = self.file.clone();
        let mut table = match self.state {
            State::Sniffing(_) => return Err(IoError::new(&file, ErrorKind::Empty)),
            State::Failed(e) => return Err(e),
            State::Csv(reader) => reader.finish(&mut self.warnings)?,
            State::Arrow(reader) => reader.finish(&mut self.warnings)?,
            State::Parquet(held) => return read_held_parquet(&file, held, &self.options),
            State::Records(mut reader, mut builder) => {
                match &mut reader {
                    Records::Json(r) => r.finish(&mut builder)?,
                    Records::Lines(r) => r.finish(&mut builder)?,
                    Records::Capture(r) => r.finish(&mut builder, &mut self.warnings)?,
                    Records::GroundTruth(r) => r.finish(&mut builder, &mut self.warnings)?,
                }
                warning::marker_warnings(&builder, &file, &mut self.warnings);
                builder.finish()
            }
        };
        if table.n_rows > 0 && table.columns.is_empty() {
            return Err(IoError::new(&file, ErrorKind::NoRows(": its records hold no fields".to_owned())));
        }
        if table.n_rows == 0 && self.taken_rows == 0 {
            let what = match table.columns.len() {
                0 => String::new(),
                1 => format!(
                    ": only the header, with one column ({})",
                    table.columns.first().map_or("", |c| c.name.as_str())
                ),
                n => format!(": only the header, with {n} columns"),
            };
            return Err(IoError::new(&file, ErrorKind::NoRows(what)));
        }
        guess_roles(&mut table);
        Ok(Loaded {
            file: file.clone(),
            format: self.format.unwrap_or(Format::Csv),
            delimiter: self.delimiter,
            has_header: self.has_header,
            table,
            warnings: self.warnings.finish(&file),
            bytes: self.bytes,
        })
    }
}

/// Refuses a file named as JSON whose text is not a JSON array or records
/// (it was read as CSV): JSON with comments, or a lone `42`, `"hello"` or
/// `null`.
fn not_json(file: &str, sample: &[u8]) -> Result<(), ErrorKind> {
    let lower = plain_name(file);
    if ![".json", ".jsonl", ".ndjson"].iter().any(|ext| lower.ends_with(ext)) {
        return Ok(());
    }
    let text = String::from_utf8_lossy(sample.get(..sample.len().min(256)).unwrap_or_default()).into_owned();
    let start = text.trim_start();
    let skipped = text.get(..text.len() - start.len()).unwrap_or_default();
    let line = 1 + skipped.matches('\n').count();
    let why = if start.starts_with("//") || start.starts_with("/*") {
        format!("JSON does not allow comments (line {line}): remove them")
    } else {
        let first: String = start.lines().next().unwrap_or_default().chars().take(20).collect();
        format!(
            "the file is named as JSON but starts with {first:?} (line {line}), not with [ (an array of records) \
             or {{ (one record per line)"
        )
    };
    Err(ErrorKind::Json(why))
}

/// The file's name in lower case without a compression suffix
/// (`data.TSV.gz` → `data.tsv`), for the hints its extension gives.
fn plain_name(file: &str) -> String {
    let lower = file.to_ascii_lowercase();
    for suffix in [".gz", ".gzip", ".zst", ".zstd"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            return stem.to_owned();
        }
    }
    lower
}

/// A Parquet file pushed whole: its row groups read one after the other.
fn read_held_parquet(file: &str, held: Vec<u8>, options: &LoadOptions) -> Result<Loaded, IoError> {
    let size = held.len() as u64;
    let held = bytes::Bytes::from(held);
    let tail = held.get(held.len().saturating_sub(FOOTER_TAIL_BYTES)..).unwrap_or_default();
    let metadata_len = ParquetReader::metadata_len(file, tail, size)?;
    let footer_start = held.len() - FOOTER_TAIL_BYTES - metadata_len as usize;
    let mut reader = ParquetReader::new(file, held.get(footer_start..).unwrap_or_default(), size, options)?;
    for index in 0..reader.row_groups() {
        let group = reader.read_row_group(index, 0, held.clone())?;
        reader.append(group)?;
    }
    reader.finish()
}

/// Rows a file of `size` bytes should hold, from its sample's line length
/// (5 % over, so that a slightly longer tail still fits without regrowth).
fn estimate_rows(sample: &[u8], size: u64) -> usize {
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1) as u64;
    let per_line = (sample.len() as u64 / lines).max(1);
    usize::try_from(size / per_line + size / per_line / 20 + 1).unwrap_or(0)
}

/// Loads a whole file held in memory.
///
/// # Errors
/// As [`Loader::push`] and [`Loader::finish`].
pub fn load_bytes(file: &str, bytes: &[u8], options: LoadOptions) -> Result<Loaded, IoError> {
    let mut loader = Loader::new(file, options);
    loader.push(bytes)?;
    loader.finish()
}

/// Bytes read from a [`std::io::Read`] at a time.
pub const CHUNK_BYTES: usize = 4 * 1024 * 1024;

/// Loads from a reader in chunks, reporting progress; `Stop` cancels.
/// Natively a second thread reads ahead while this one parses.
///
/// # Errors
/// As [`load_bytes`], plus read failures and [`ErrorKind::Cancelled`].
pub fn load_reader(
    file: &str,
    reader: impl std::io::Read + Send,
    bytes_total: Option<u64>,
    options: LoadOptions,
    progress: &mut dyn Progress,
) -> Result<Loaded, IoError> {
    let options = LoadOptions { size_hint: options.size_hint.or(bytes_total), ..options };
    let mut loader = Loader::new(file, options);
    let mut on_chunk = |chunk: &[u8], loader: &mut Loader| -> Result<(), IoError> {
        loader.push(chunk)?;
        let update = ProgressUpdate { bytes_done: loader.bytes(), bytes_total, rows_done: loader.rows() };
        if progress.update(update) == Flow::Stop {
            return Err(IoError::new(file, ErrorKind::Cancelled).at_byte(loader.bytes()));
        }
        Ok(())
    };
    read_chunks(file, reader, &mut loader, &mut on_chunk)?;
    loader.finish()
}

type OnChunk<'a> = dyn FnMut(&[u8], &mut Loader) -> Result<(), IoError> + 'a;

fn read_error(file: &str, error: &std::io::Error, at: u64) -> IoError {
    IoError::new(file, ErrorKind::Read(error.to_string())).at_byte(at)
}

/// Reads `reader` to its end, handing each chunk to `on_chunk`.
#[cfg(target_arch = "wasm32")]
fn read_chunks(
    file: &str,
    mut reader: impl std::io::Read,
    loader: &mut Loader,
    on_chunk: &mut OnChunk<'_>,
) -> Result<(), IoError> {
    let mut buffer = vec![0_u8; CHUNK_BYTES];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => on_chunk(buffer.get(..n).unwrap_or_default(), loader)?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(read_error(file, &e, loader.bytes())),
        }
    }
}

/// Reads `reader` to its end on a second thread (two buffers in flight), handing
/// each chunk to `on_chunk` on this one.
#[cfg(not(target_arch = "wasm32"))]
fn read_chunks(
    file: &str,
    mut reader: impl std::io::Read + Send,
    loader: &mut Loader,
    on_chunk: &mut OnChunk<'_>,
) -> Result<(), IoError> {
    use std::sync::mpsc::sync_channel;
    let (full_tx, full_rx) = sync_channel::<std::io::Result<(Vec<u8>, usize)>>(2);
    let (empty_tx, empty_rx) = sync_channel::<Vec<u8>>(3);
    for _ in 0..3 {
        let _ = empty_tx.send(vec![0_u8; CHUNK_BYTES]);
    }
    std::thread::scope(|scope| {
        scope.spawn(move || {
            while let Ok(mut buffer) = empty_rx.recv() {
                let result = loop {
                    match reader.read(&mut buffer) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        other => break other,
                    }
                };
                let done = !matches!(result, Ok(n) if n > 0);
                if full_tx.send(result.map(|n| (buffer, n))).is_err() || done {
                    return;
                }
            }
        });
        // Dropping the receivers on an early return stops the reader thread.
        let outcome = (|| {
            while let Ok(message) = full_rx.recv() {
                match message {
                    Ok((_, 0)) => return Ok(()),
                    Ok((buffer, n)) => {
                        on_chunk(buffer.get(..n).unwrap_or_default(), loader)?;
                        let _ = empty_tx.send(buffer);
                    }
                    Err(e) => return Err(read_error(file, &e, loader.bytes())),
                }
            }
            Ok(())
        })();
        drop(full_rx);
        drop(empty_tx);
        outcome
    })
}
