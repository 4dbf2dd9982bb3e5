//! gzip and Zstandard files (`.csv.gz`, `.jsonl.zst`, a SageMaker capture
//! export), recognised by their magic bytes and decompressed as their bytes
//! stream in, so a compressed file is never whole in memory, compressed or
//! not. Several gzip members or zstd frames in a row read as one file, as
//! `zcat` reads them.

use std::io::Write;

use flate2::write::MultiGzDecoder;
use zstd::stream::raw::{Decoder as ZstdDecoder, InBuffer, Operation, OutBuffer};

/// Bytes that decide whether a file is compressed.
pub(crate) const MAGIC_BYTES: usize = 4;

/// Decompressed bytes asked of zstd per call.
const OUT_BYTES: usize = 256 * 1024;

/// A streaming decompressor.
pub(crate) enum Inflater {
    Gzip(Box<MultiGzDecoder<Vec<u8>>>),
    Zstd {
        decoder: Box<ZstdDecoder<'static>>,
        /// zstd's hint after the last call: 0 once a frame ended.
        hint: usize,
    },
}

impl std::fmt::Debug for Inflater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Inflater {
    /// The decompressor a file starting with `head` needs, if any.
    ///
    /// # Errors
    /// The zstd context could not be made (out of memory).
    pub(crate) fn for_head(head: &[u8]) -> Result<Option<Self>, String> {
        if head.starts_with(b"\x1f\x8b") {
            return Ok(Some(Self::Gzip(Box::new(MultiGzDecoder::new(Vec::new())))));
        }
        if head.starts_with(b"\x28\xb5\x2f\xfd") {
            let decoder = ZstdDecoder::new().map_err(|e| e.to_string())?;
            return Ok(Some(Self::Zstd { decoder: Box::new(decoder), hint: 0 }));
        }
        Ok(None)
    }

    /// The compression's name, for messages.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Self::Gzip(_) => "gzip",
            Self::Zstd { .. } => "Zstandard",
        }
    }

    /// Decompresses `chunk`, appending what it gives to `out`.
    ///
    /// # Errors
    /// Bytes that are not valid compressed data.
    pub(crate) fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
        match self {
            Self::Gzip(decoder) => {
                decoder.write_all(chunk).map_err(|e| e.to_string())?;
                out.append(decoder.get_mut());
                Ok(())
            }
            Self::Zstd { decoder, hint } => {
                let mut input = InBuffer::around(chunk);
                loop {
                    let start = out.len();
                    out.resize(start + OUT_BYTES, 0);
                    let (written, more) = {
                        let mut output = OutBuffer::around(out.get_mut(start..).unwrap_or_default());
                        *hint = decoder.run(&mut input, &mut output).map_err(|e| e.to_string())?;
                        (output.pos(), output.pos() == OUT_BYTES)
                    };
                    out.truncate(start + written);
                    // Stop once the input is used and zstd holds nothing more back.
                    if input.pos() == chunk.len() && !more {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Ends the stream, appending what is left.
    ///
    /// # Errors
    /// The stream stops inside a gzip member or a zstd frame (a truncated file).
    pub(crate) fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), String> {
        let truncated = |what: &str| format!("the {what} data ends too soon: the file is truncated");
        match self {
            Self::Gzip(decoder) => {
                let result = decoder.try_finish();
                out.append(decoder.get_mut());
                result.map_err(|_| truncated("gzip"))
            }
            Self::Zstd { hint, .. } => {
                if *hint == 0 {
                    Ok(())
                } else {
                    Err(truncated("Zstandard"))
                }
            }
        }
    }
}
