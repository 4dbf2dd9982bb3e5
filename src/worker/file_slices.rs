//! A browser `File` read slice by slice, with [`READ_AHEAD`] slices asked
//! for ahead of the one being parsed, so that the browser reads from disk
//! while the engine parses. The engine worker's reader can end earlier once
//! a helper takes the file's tail; helpers read their parts with it too.

use std::collections::VecDeque;

use js_sys::Uint8Array;
use tideline_engine::io::CHUNK_BYTES;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Slices asked for ahead of the one being parsed.
const READ_AHEAD: usize = 2;

/// Bytes `start..end` of a file, in slices of [`CHUNK_BYTES`].
pub(super) struct FileSlices<'a> {
    file: &'a web_sys::File,
    /// The first byte not asked for yet.
    requested: f64,
    end: f64,
    pending: VecDeque<JsFuture>,
    buffer: Vec<u8>,
}

impl<'a> FileSlices<'a> {
    pub(super) fn new(file: &'a web_sys::File, start: f64, end: f64) -> Self {
        Self { file, requested: start, end, pending: VecDeque::with_capacity(READ_AHEAD), buffer: Vec::new() }
    }

    /// The first byte not asked for yet.
    pub(super) fn requested(&self) -> f64 {
        self.requested
    }

    /// Stops at `end` instead (at or after the bytes already asked for).
    pub(super) fn end_at(&mut self, end: f64) {
        self.end = end.max(self.requested);
    }

    /// The next slice's bytes, or `None` past the end.
    ///
    /// # Errors
    /// The browser's error when it cannot slice or read the file.
    pub(super) async fn next(&mut self) -> Result<Option<&[u8]>, JsValue> {
        self.ask()?;
        let Some(next) = self.pending.pop_front() else { return Ok(None) };
        let bytes = Uint8Array::new(&next.await?);
        self.ask()?;
        self.buffer.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut self.buffer);
        Ok(Some(&self.buffer))
    }

    /// Asks for slices until [`READ_AHEAD`] are pending or the end is reached.
    fn ask(&mut self) -> Result<(), JsValue> {
        let chunk = CHUNK_BYTES as f64;
        while self.requested < self.end && self.pending.len() < READ_AHEAD {
            let to = (self.requested + chunk).min(self.end);
            let blob = self.file.slice_with_f64_and_f64(self.requested, to)?;
            self.pending.push_back(JsFuture::from(blob.array_buffer()));
            self.requested = to;
        }
        Ok(())
    }
}
