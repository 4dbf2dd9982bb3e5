//! Reading a file in bounded memory (sketch mode): its rows are handed out
//! in chunks of about `chunk_bytes` of typed values, each analysed and
//! dropped before the next is read, so memory holds a chunk or two
//! whatever the file's size. Every format streams: delimited text, JSON,
//! JSON Lines and capture files (compressed or not) through the chunked
//! [`Loader`], Arrow IPC batch by batch, Parquet row group by row group.

use std::path::Path;

use super::error::{ErrorKind, IoError};
use super::parquet::stream_parquet;
use super::{read_chunks, LoadOptions, Loader, Warning};
use crate::progress::{Flow, Progress, ProgressUpdate};
use crate::table::Table;

/// Rows a chunk holds at least, however wide the table.
const MIN_CHUNK_ROWS: u64 = 1024;

/// Streams the file at `path` (named `file` in messages), handing each
/// chunk of rows to `on_table`; returns the file's warnings.
///
/// # Errors
/// As [`super::load_reader`], plus `on_table`'s errors.
pub fn stream_file(
    path: &Path,
    file: &str,
    options: &LoadOptions,
    chunk_bytes: u64,
    progress: &mut dyn Progress,
    on_table: &mut dyn FnMut(Table) -> Result<(), IoError>,
) -> Result<Vec<Warning>, IoError> {
    let read_error = |e: &std::io::Error| IoError::new(file, ErrorKind::Read(e.to_string()));
    let mut handle = std::fs::File::open(path).map_err(|e| read_error(&e))?;
    let mut magic = [0_u8; 4];
    let is_parquet = std::io::Read::read_exact(&mut handle, &mut magic).is_ok() && &magic == b"PAR1";
    if is_parquet {
        return stream_parquet(path, file, options, progress, on_table);
    }
    let handle = std::fs::File::open(path).map_err(|e| read_error(&e))?;
    let bytes_total = handle.metadata().ok().map(|m| m.len());
    // Columns are sized for one chunk, not for the whole file.
    let options = LoadOptions { size_hint: Some(chunk_bytes), ..options.clone() };
    let mut loader = Loader::new(file, options);
    let (mut taken_at_bytes, mut taken_rows, mut chunk_rows) = (0_u64, 0_u64, None::<u64>);
    let mut on_chunk = |chunk: &[u8], loader: &mut Loader| -> Result<(), IoError> {
        loader.push(chunk)?;
        let rows = loader.rows() - taken_rows;
        let full = match chunk_rows {
            Some(limit) => rows >= limit,
            None => loader.bytes() - taken_at_bytes >= chunk_bytes,
        };
        if full {
            if let Some(table) = loader.take_rows() {
                taken_rows += table.n_rows as u64;
                taken_at_bytes = loader.bytes();
                // Eight bytes a cell: a chunk's rows from its width.
                let width = table.columns.len().max(1) as u64;
                chunk_rows = Some((chunk_bytes / 8 / width).max(MIN_CHUNK_ROWS));
                if table.n_rows > 0 {
                    on_table(table)?;
                }
            }
        }
        let update = ProgressUpdate { bytes_done: loader.bytes(), bytes_total, rows_done: loader.rows() };
        if progress.update(update) == Flow::Stop {
            return Err(IoError::new(file, ErrorKind::Cancelled).at_byte(loader.bytes()));
        }
        Ok(())
    };
    read_chunks(file, handle, &mut loader, &mut on_chunk)?;
    let loaded = loader.finish()?;
    if loaded.table.n_rows > 0 {
        on_table(loaded.table)?;
    }
    Ok(loaded.warnings)
}
