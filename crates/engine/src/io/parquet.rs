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
    projection: ProjectionMask,
    plan: Plan,
    strict: bool,
    columns: ArrowColumns,
    warnings: Warnings,
    next_group: usize,
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
                let (start, len) = column.byte_range();
                if start.checked_add(len).is_none_or(|end| end > size) {
                    return Err(IoError::new(
                        file,
                        ErrorKind::Shape(format!(
                            "row group {i}'s column {} lies beyond the file's end: the file is truncated or damaged",
                            column.column_path()
                        )),
                    ));
                }
            }
        }
        let metadata =
            ArrowReaderMetadata::try_new(metadata, ArrowReaderOptions::new()).map_err(|e| parquet_error(file, &e))?;
        let mut warnings = Warnings::default();
        let mut plan = Plan::new(metadata.schema(), file, &mut warnings)?;
        let roots = plan.project();
        let projection = ProjectionMask::roots(metadata.parquet_schema(), roots);
        let strict = options.strict_missing;
        let columns = ArrowColumns::new(&plan, strict);
        Ok(Self { file: file.to_owned(), size, metadata, projection, plan, strict, columns, warnings, next_group: 0 })
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
        let ranges = group.columns().iter().map(|c| {
            let (start, len) = c.byte_range();
            start..start + len
        });
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
        self.read_from(index, RangeBytes { start, bytes: bytes.into(), size: self.size })
    }

    fn read_from<R: ChunkReader + 'static>(&self, index: usize, reader: R) -> Result<RowGroup, IoError> {
        let at_group =
            |e: String| IoError::new(&self.file, ErrorKind::Shape(format!("row group {index} cannot be read: {e}")));
        let batches = ParquetRecordBatchReaderBuilder::new_with_metadata(reader, self.metadata.clone())
            .with_row_groups(vec![index])
            .with_projection(self.projection.clone())
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| at_group(e.to_string()))?;
        let mut columns = ArrowColumns::new(&self.plan, self.strict);
        for batch in batches {
            let batch = batch.map_err(|e| at_group(e.to_string()))?;
            columns.push(&batch, &self.file)?;
        }
        Ok(RowGroup { index, columns })
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

/// Loads a Parquet file from disk, its row groups read on every core
/// (each thread with its own handle on the file).
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
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(groups).max(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (sender, receiver) = channel::<Result<RowGroup, IoError>>();
    let shared = &reader;
    std::thread::scope(|scope| -> Result<Vec<RowGroup>, IoError> {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                let handle = match open() {
                    Ok(h) => h,
                    Err(e) => return drop(sender.send(Err(e))),
                };
                while !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= groups {
                        break;
                    }
                    let Ok(handle) = handle.try_clone() else { break };
                    if sender.send(shared.read_from(index, handle)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Groups arrive in any order and are appended in file order.
        let mut waiting: Vec<Option<RowGroup>> = (0..groups).map(|_| None).collect();
        let mut appended = Vec::with_capacity(groups);
        let (mut done_bytes, mut done_rows) = (0, 0);
        let mut first_error = None;
        for result in receiver {
            match result {
                Ok(group) => {
                    let range = shared.row_group_range(group.index);
                    done_bytes += range.end - range.start;
                    done_rows += group.columns.rows() as u64;
                    let index = group.index;
                    if let Some(slot) = waiting.get_mut(index) {
                        *slot = Some(group);
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
            while let Some(group) = waiting.get_mut(appended.len()).and_then(Option::take) {
                appended.push(group);
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(appended),
        }
    })
    .and_then(|groups| {
        for group in groups {
            reader.append(group)?;
        }
        reader.finish()
    })
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
