//! Parquet files, read with the Apache `parquet` crate (arrow-rs): the
//! footer first, then one row group at a time, so that beyond the footer
//! the file is never wholly in memory. Natively the row groups are read on
//! every core ([`load_parquet`]); the browser's worker reads each row
//! group's byte range from the `File` and hands it in ([`ParquetReader`]).

use std::ops::Range;
use std::sync::Arc;

use bytes::Bytes;
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;
use parquet::errors::ParquetError;
use parquet::file::metadata::{FooterTail, ParquetMetaDataReader};
use parquet::file::reader::{ChunkReader, Length};

use super::arrow_columns::{ArrowColumns, Plan};
use super::error::{ErrorKind, IoError};
use super::warning::Warnings;
use super::{Format, LoadOptions, Loaded};
use crate::roles::guess_roles;

/// Bytes at the end of every Parquet file: the metadata's length and `PAR1`.
pub const FOOTER_TAIL_BYTES: usize = 8;

/// Rows per record batch decoded from a row group.
const BATCH_ROWS: usize = 64 * 1024;

/// A Parquet file whose footer is read; its row groups are pushed in order.
#[derive(Debug)]
pub struct ParquetReader {
    file: String,
    size: u64,
    metadata: ArrowReaderMetadata,
    /// The columns read, indexed in the file's schema (split into parts
    /// by the native reader only).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    plan: Plan,
    /// All of them, as one part.
    whole: ColumnPart,
    strict: bool,
    columns: ArrowColumns,
    warnings: Warnings,
    next_group: usize,
}

/// Some of the columns, decoded on their own.
#[derive(Debug, Clone)]
struct ColumnPart {
    plan: Plan,
    projection: ProjectionMask,
}

/// The rows of one row group, read on any thread, to be appended in order.
#[derive(Debug)]
pub struct RowGroup {
    index: usize,
    columns: ArrowColumns,
}

impl ParquetReader {
    /// How many bytes of metadata come before the file's last
    /// [`FOOTER_TAIL_BYTES`], from those bytes.
    ///
    /// # Errors
    /// Bytes that do not end a Parquet file, an encrypted footer, or a
    /// length longer than the file.
    pub fn metadata_len(file: &str, tail: &[u8], size: u64) -> Result<u64, IoError> {
        let tail: [u8; FOOTER_TAIL_BYTES] = tail.try_into().map_err(|_| truncated(file))?;
        let footer = FooterTail::try_new(&tail).map_err(|_| truncated(file))?;
        if footer.is_encrypted_footer() {
            return Err(IoError::new(
                file,
                ErrorKind::Shape("this Parquet file is encrypted; Tideline reads unencrypted files only".into()),
            ));
        }
        let len = footer.metadata_length() as u64;
        if len + FOOTER_TAIL_BYTES as u64 + 4 > size {
            return Err(truncated(file));
        }
        Ok(len)
    }

    /// A reader from the file's footer: its metadata and last 8 bytes.
    ///
    /// # Errors
    /// Metadata that does not decode, or a schema with nothing to read.
    pub fn new(file: &str, footer: &[u8], size: u64, options: &LoadOptions) -> Result<Self, IoError> {
        let metadata = footer.get(..footer.len().saturating_sub(FOOTER_TAIL_BYTES)).unwrap_or_default();
        let metadata = ParquetMetaDataReader::decode_metadata(metadata).map_err(|e| parquet_error(file, &e))?;
        Self::with_metadata(file, Arc::new(metadata), size, options)
    }

    fn with_metadata(
        file: &str,
        metadata: Arc<parquet::file::metadata::ParquetMetaData>,
        size: u64,
        options: &LoadOptions,
    ) -> Result<Self, IoError> {
        for (i, group) in metadata.row_groups().iter().enumerate() {
            for column in group.columns() {
                if chunk_range(column).is_none_or(|r| r.end > size) {
                    return Err(IoError::new(
                        file,
                        ErrorKind::Shape(format!(
                            "row group {i}'s column {} has byte offsets outside the file: the file is truncated or damaged",
                            column.column_path()
                        )),
                    ));
                }
            }
        }
        let metadata =
            ArrowReaderMetadata::try_new(metadata, ArrowReaderOptions::new()).map_err(|e| parquet_error(file, &e))?;
        let mut warnings = Warnings::default();
        let plan = Plan::new(metadata.schema(), file, &mut warnings)?;
        let strict = options.strict_missing;
        let whole = part(&metadata, &plan, &plan.roots());
        let rows = usize::try_from(metadata.metadata().file_metadata().num_rows()).unwrap_or(0);
        let columns = ArrowColumns::with_capacity(&whole.plan, strict, rows);
        Ok(Self { file: file.to_owned(), size, metadata, plan, whole, strict, columns, warnings, next_group: 0 })
    }

    /// Row groups in the file.
    #[must_use]
    pub fn row_groups(&self) -> usize {
        self.metadata.metadata().num_row_groups()
    }

    /// Rows the footer says the file holds.
    #[must_use]
    pub fn total_rows(&self) -> u64 {
        u64::try_from(self.metadata.metadata().file_metadata().num_rows()).unwrap_or(0)
    }

    /// Rows read so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.columns.rows() as u64
    }

    /// The bytes row group `index` occupies (all its column chunks).
    #[must_use]
    pub fn row_group_range(&self, index: usize) -> Range<u64> {
        let Some(group) = self.metadata.metadata().row_groups().get(index) else { return 0..0 };
        let ranges = group.columns().iter().map(|c| chunk_range(c).unwrap_or(0..0));
        let start = ranges.clone().map(|r| r.start).min().unwrap_or(0);
        let end = ranges.map(|r| r.end).max().unwrap_or(start);
        start..end
    }

    /// Reads row group `index` from `bytes`, which hold at least its range
    /// starting at byte `start` of the file.
    ///
    /// # Errors
    /// A damaged page, a codec error, or bytes that do not cover the row group.
    pub fn read_row_group(&self, index: usize, start: u64, bytes: impl Into<Bytes>) -> Result<RowGroup, IoError> {
        let columns = self.read_part(index, &self.whole, RangeBytes { start, bytes: bytes.into(), size: self.size })?;
        Ok(RowGroup { index, columns })
    }

    /// Decodes the columns of `part` in row group `index`.
    fn read_part<R: ChunkReader + 'static>(
        &self,
        index: usize,
        part: &ColumnPart,
        reader: R,
    ) -> Result<ArrowColumns, IoError> {
        let at_group =
            |e: String| IoError::new(&self.file, ErrorKind::Shape(format!("row group {index} cannot be read: {e}")));
        let batches = ParquetRecordBatchReaderBuilder::new_with_metadata(reader, self.metadata.clone())
            .with_row_groups(vec![index])
            .with_projection(part.projection.clone())
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| at_group(e.to_string()))?;
        let rows = self.metadata.metadata().row_group(index).num_rows();
        let mut columns = ArrowColumns::with_capacity(&part.plan, self.strict, usize::try_from(rows).unwrap_or(0));
        for batch in batches {
            let batch = batch.map_err(|e| at_group(e.to_string()))?;
            columns.push(&batch, &self.file)?;
        }
        Ok(columns)
    }

    /// Appends a row group read with [`Self::read_row_group`]; groups must come in order.
    ///
    /// # Errors
    /// A group out of order.
    pub fn append(&mut self, group: RowGroup) -> Result<(), IoError> {
        if group.index != self.next_group {
            return Err(IoError::new(
                &self.file,
                ErrorKind::Shape(format!("row group {} came before row group {}", group.index, self.next_group)),
            ));
        }
        self.columns.append(group.columns);
        self.next_group += 1;
        Ok(())
    }

    /// The table, with roles guessed.
    ///
    /// # Errors
    /// A row group not read, or no rows.
    pub fn finish(mut self) -> Result<Loaded, IoError> {
        if self.next_group != self.row_groups() {
            return Err(IoError::new(
                &self.file,
                ErrorKind::Shape(format!("only {} of {} row groups were read", self.next_group, self.row_groups())),
            ));
        }
        let mut table = self.columns.finish(&self.file, &mut self.warnings);
        if table.n_rows == 0 {
            return Err(IoError::new(&self.file, ErrorKind::NoRows(String::new())));
        }
        guess_roles(&mut table);
        Ok(Loaded {
            file: self.file.clone(),
            format: Format::Parquet,
            delimiter: None,
            has_header: None,
            table,
            warnings: self.warnings.finish(&self.file),
            bytes: self.size,
        })
    }
}

/// Loads a Parquet file from disk on every core: work items are a row
/// group, or when there are fewer groups than cores, a part of a group's
/// columns (each thread with its own handle on the file). The parts of a
/// group are put side by side and the groups appended in file order.
///
/// # Errors
/// As [`ParquetReader`], plus read failures and [`ErrorKind::Cancelled`].
#[cfg(not(target_arch = "wasm32"))]
pub fn load_parquet(
    path: &std::path::Path,
    file: &str,
    options: &LoadOptions,
    progress: &mut dyn crate::progress::Progress,
) -> Result<Loaded, IoError> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc::channel;

    use crate::progress::{Flow, ProgressUpdate};

    let open = || std::fs::File::open(path).map_err(|e| IoError::new(file, ErrorKind::Read(e.to_string())));
    let handle = open()?;
    let size = handle.len();
    let metadata = ParquetMetaDataReader::new().parse_and_finish(&handle).map_err(|e| parquet_error(file, &e))?;
    let mut reader = ParquetReader::with_metadata(file, Arc::new(metadata), size, options)?;
    let groups = reader.row_groups();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let parts: Vec<ColumnPart> = if groups >= cores {
        vec![reader.whole.clone()]
    } else {
        let per_group = cores.div_ceil(groups.max(1));
        reader.plan.split_roots(per_group).iter().map(|roots| part(&reader.metadata, &reader.plan, roots)).collect()
    };
    let items = groups * parts.len();
    let threads = cores.min(items).max(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (sender, receiver) = channel::<(usize, usize, Result<ArrowColumns, IoError>)>();
    let (shared, parts) = (&reader, &parts);
    let appended = std::thread::scope(|scope| -> Result<Vec<RowGroup>, IoError> {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                let handle = match open() {
                    Ok(h) => h,
                    Err(e) => return drop(sender.send((0, 0, Err(e)))),
                };
                while !stop.load(Ordering::Relaxed) {
                    let item = next.fetch_add(1, Ordering::Relaxed);
                    if item >= items {
                        break;
                    }
                    let (group, k) = (item / parts.len(), item % parts.len());
                    let Ok(handle) = handle.try_clone() else { break };
                    let Some(part) = parts.get(k) else { break };
                    if sender.send((group, k, shared.read_part(group, part, handle))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Parts arrive in any order; a group is whole once all its parts are in.
        let mut waiting: Vec<Vec<Option<ArrowColumns>>> =
            (0..groups).map(|_| (0..parts.len()).map(|_| None).collect()).collect();
        let mut appended = Vec::with_capacity(groups);
        let (mut done_bytes, mut done_rows) = (0, 0);
        let mut first_error = None;
        for (group, k, result) in receiver {
            match result {
                Ok(columns) => {
                    if k == 0 {
                        let range = shared.row_group_range(group);
                        done_bytes += range.end - range.start;
                        done_rows += columns.rows() as u64;
                    }
                    if let Some(slot) = waiting.get_mut(group).and_then(|g| g.get_mut(k)) {
                        *slot = Some(columns);
                    }
                    let update =
                        ProgressUpdate { bytes_done: done_bytes, bytes_total: Some(size), rows_done: done_rows };
                    if progress.update(update) == Flow::Stop && first_error.is_none() {
                        stop.store(true, Ordering::Relaxed);
                        first_error = Some(IoError::new(file, ErrorKind::Cancelled));
                    }
                }
                Err(e) => {
                    stop.store(true, Ordering::Relaxed);
                    first_error.get_or_insert(e);
                }
            }
            while let Some(slots) = waiting.get_mut(appended.len()) {
                if slots.iter().any(Option::is_none) {
                    break;
                }
                let columns = ArrowColumns::side_by_side(slots.iter_mut().filter_map(Option::take).collect());
                let Some(columns) = columns else { break };
                appended.push(RowGroup { index: appended.len(), columns });
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(appended),
        }
    })?;
    for group in appended {
        reader.append(group)?;
    }
    reader.finish()
}

/// Reads a Parquet file from disk one row group at a time, handing each
/// group's rows to `on_table` and dropping them (sketch mode: memory holds
/// the footer and one row group). Returns the file's warnings.
///
/// # Errors
/// As [`ParquetReader`], plus read failures, [`ErrorKind::Cancelled`] and
/// `on_table`'s errors.
#[cfg(not(target_arch = "wasm32"))]
pub fn stream_parquet(
    path: &std::path::Path,
    file: &str,
    options: &LoadOptions,
    progress: &mut dyn crate::progress::Progress,
    on_table: &mut dyn FnMut(crate::table::Table) -> Result<(), IoError>,
) -> Result<Vec<crate::io::Warning>, IoError> {
    use crate::progress::{Flow, ProgressUpdate};

    let handle = std::fs::File::open(path).map_err(|e| IoError::new(file, ErrorKind::Read(e.to_string())))?;
    let size = handle.len();
    let metadata = ParquetMetaDataReader::new().parse_and_finish(&handle).map_err(|e| parquet_error(file, &e))?;
    let mut reader = ParquetReader::with_metadata(file, Arc::new(metadata), size, options)?;
    let mut rows = 0;
    for index in 0..reader.row_groups() {
        let clone = handle.try_clone().map_err(|e| IoError::new(file, ErrorKind::Read(e.to_string())))?;
        let columns = reader.read_part(index, &reader.whole.clone(), clone)?;
        reader.append(RowGroup { index, columns })?;
        let table = reader.columns.take_table();
        rows += table.n_rows as u64;
        on_table(table)?;
        let range = reader.row_group_range(index);
        if progress.update(ProgressUpdate { bytes_done: range.end, bytes_total: Some(size), rows_done: rows })
            == Flow::Stop
        {
            return Err(IoError::new(file, ErrorKind::Cancelled));
        }
    }
    if rows == 0 {
        return Err(IoError::new(file, ErrorKind::NoRows(String::new())));
    }
    let ParquetReader { warnings, .. } = reader;
    Ok(warnings.finish(file))
}

/// The bytes of a column chunk, when its offsets are sane: the parquet
/// crate's own `byte_range` asserts (panics) on negative ones, which a
/// damaged footer holds (found by the `parquet` fuzzer). Every chunk is
/// checked here before the crate reads any.
fn chunk_range(column: &parquet::file::metadata::ColumnChunkMetaData) -> Option<Range<u64>> {
    let start = column.dictionary_page_offset().unwrap_or_else(|| column.data_page_offset());
    let start = u64::try_from(start).ok()?;
    let len = u64::try_from(column.compressed_size()).ok()?;
    Some(start..start.checked_add(len)?)
}

/// The part of the columns under `roots`, with its projection.
fn part(metadata: &ArrowReaderMetadata, plan: &Plan, roots: &[usize]) -> ColumnPart {
    ColumnPart {
        plan: plan.restricted(roots),
        projection: ProjectionMask::roots(metadata.parquet_schema(), roots.iter().copied()),
    }
}

/// One row group's bytes, served to the Parquet reader as if they were the file.
struct RangeBytes {
    start: u64,
    bytes: Bytes,
    size: u64,
}

impl Length for RangeBytes {
    fn len(&self) -> u64 {
        self.size
    }
}

impl ChunkReader for RangeBytes {
    type T = bytes::buf::Reader<Bytes>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        use bytes::Buf;
        let from = self.offset(start, 0)?;
        Ok(self.bytes.slice(from..).reader())
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        let from = self.offset(start, length)?;
        Ok(self.bytes.slice(from..from + length))
    }
}

impl RangeBytes {
    /// Where file byte `start` is in `bytes`, when `length` bytes from it are held.
    fn offset(&self, start: u64, length: usize) -> parquet::errors::Result<usize> {
        let from = start
            .checked_sub(self.start)
            .and_then(|d| usize::try_from(d).ok())
            .filter(|&from| from.checked_add(length).is_some_and(|end| end <= self.bytes.len()));
        from.ok_or_else(|| {
            ParquetError::General(format!(
                "bytes {start}..{} were not read (the row group's bytes are {}..{})",
                start + length as u64,
                self.start,
                self.start + self.bytes.len() as u64
            ))
        })
    }
}

fn truncated(file: &str) -> IoError {
    IoError::new(
        file,
        ErrorKind::Shape("the file starts like Parquet but does not end like it: it is truncated or damaged".into()),
    )
}

fn parquet_error(file: &str, error: &ParquetError) -> IoError {
    IoError::new(file, ErrorKind::Shape(format!("damaged Parquet metadata: {error}")))
}
