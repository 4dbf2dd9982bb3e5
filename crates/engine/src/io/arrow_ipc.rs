//! Arrow IPC: Feather v2 files (`ARROW1`, then a stream, then a footer) and
//! streams (`.arrows`), decoded as their bytes come in with arrow-rs's push
//! decoder, batch by batch into the typed columns.

use arrow_buffer::Buffer;
use arrow_ipc::reader::StreamDecoder;
use arrow_schema::ArrowError;

use super::arrow_columns::{ArrowColumns, Plan};
use super::error::{ErrorKind, IoError};
use super::warning::Warnings;
use crate::table::Table;

/// The magic bytes (and padding) an Arrow IPC file starts with.
const FILE_MAGIC: &[u8] = b"ARROW1\0\0";

/// Whether `head` starts an Arrow IPC file or stream (a stream starts with
/// the continuation marker and its schema message's length; no text does,
/// as `0xFF` never occurs in UTF-8).
pub(crate) fn is_arrow(head: &[u8]) -> bool {
    head.starts_with(b"ARROW1") || head.starts_with(&[0xff, 0xff, 0xff, 0xff])
}

/// Reads an Arrow IPC file or stream pushed in chunks.
pub(crate) struct ArrowIpcReader {
    file: String,
    decoder: StreamDecoder,
    /// File magic bytes still to skip.
    skip: usize,
    /// The stream ended (an IPC file's footer follows, and is not needed).
    ended: bool,
    columns: Option<ArrowColumns>,
    strict: bool,
    bytes: u64,
}

impl std::fmt::Debug for ArrowIpcReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArrowIpcReader").field("file", &self.file).field("bytes", &self.bytes).finish()
    }
}

impl ArrowIpcReader {
    pub(crate) fn new(file: &str, head: &[u8], strict: bool) -> Self {
        Self {
            file: file.to_owned(),
            decoder: StreamDecoder::new(),
            skip: if head.starts_with(b"ARROW1") { FILE_MAGIC.len() } else { 0 },
            ended: false,
            columns: None,
            strict,
            bytes: 0,
        }
    }

    /// Rows read so far.
    pub(crate) fn rows(&self) -> u64 {
        self.columns.as_ref().map_or(0, |c| c.rows() as u64)
    }

    /// The rows decoded since the last call (streaming).
    pub(crate) fn take_table(&mut self) -> Option<Table> {
        self.columns.as_mut().map(ArrowColumns::take_table)
    }

    /// Decodes the batches `chunk` completes.
    ///
    /// # Errors
    /// A damaged message, or a batch that breaks the schema.
    pub(crate) fn feed(&mut self, chunk: &[u8], warnings: &mut Warnings) -> Result<(), IoError> {
        let skipped = self.skip.min(chunk.len());
        self.skip -= skipped;
        self.bytes += skipped as u64;
        let chunk = chunk.get(skipped..).unwrap_or_default();
        if self.ended || chunk.is_empty() {
            return Ok(());
        }
        let mut buffer = Buffer::from(chunk);
        while !buffer.is_empty() {
            let before = buffer.len();
            let decoded = self.decoder.decode(&mut buffer);
            self.bytes += (before - buffer.len()) as u64;
            match decoded {
                Ok(batch) => {
                    if self.columns.is_none() {
                        if let Some(schema) = self.decoder.schema() {
                            let plan = Plan::new(&schema, &self.file, warnings)?;
                            self.columns = Some(ArrowColumns::new(&plan, self.strict));
                        }
                    }
                    if let (Some(batch), Some(columns)) = (batch, self.columns.as_mut()) {
                        columns.push(&batch, &self.file)?;
                    }
                }
                Err(ArrowError::IpcError(message)) if message == "Unexpected EOS" => {
                    self.ended = true;
                    return Ok(());
                }
                Err(e) => return Err(self.damaged(&e)),
            }
        }
        Ok(())
    }

    /// The table read.
    ///
    /// # Errors
    /// The stream stops inside a message, or holds no schema.
    pub(crate) fn finish(mut self, warnings: &mut Warnings) -> Result<Table, IoError> {
        if !self.ended {
            self.decoder.finish().map_err(|e| self.damaged(&e))?;
        }
        let columns = self.columns.take().ok_or_else(|| {
            IoError::new(&self.file, ErrorKind::Truncated("the Arrow stream ends before its schema".into()))
        })?;
        Ok(columns.finish(&self.file, warnings))
    }

    fn damaged(&self, error: &ArrowError) -> IoError {
        IoError::new(&self.file, ErrorKind::Shape(format!("damaged Arrow IPC data: {error}"))).at_byte(self.bytes)
    }
}
