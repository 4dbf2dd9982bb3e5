//! Splits a byte stream into lines across chunk boundaries (JSON Lines,
//! capture and ground-truth files), with each line's number and byte offset.

/// A line handed to a line reader.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without its `\n` or `\r\n`.
    pub(crate) bytes: &'a [u8],
    /// 1-based line number.
    pub(crate) number: u64,
    /// Offset of the line's first byte in the file.
    pub(crate) byte: u64,
}

/// Carries a partial last line from one chunk to the next.
#[derive(Debug, Default)]
pub(crate) struct LineSplitter {
    carry: Vec<u8>,
    number: u64,
    byte: u64,
}

impl LineSplitter {
    pub(crate) fn feed<E>(
        &mut self,
        chunk: &[u8],
        mut on_line: impl FnMut(Line<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut rest = chunk;
        while let Some(pos) = memchr::memchr(b'\n', rest) {
            let (head, tail) = rest.split_at(pos);
            rest = tail.get(1..).unwrap_or_default();
            if self.carry.is_empty() {
                self.emit(head, &mut on_line)?;
            } else {
                let mut line = std::mem::take(&mut self.carry);
                line.extend_from_slice(head);
                self.emit(&line, &mut on_line)?;
            }
        }
        self.carry.extend_from_slice(rest);
        Ok(())
    }

    pub(crate) fn finish<E>(&mut self, mut on_line: impl FnMut(Line<'_>) -> Result<(), E>) -> Result<(), E> {
        if self.carry.is_empty() {
            return Ok(());
        }
        let line = std::mem::take(&mut self.carry);
        self.emit(&line, &mut on_line)
    }

    fn emit<E>(&mut self, raw: &[u8], on_line: &mut impl FnMut(Line<'_>) -> Result<(), E>) -> Result<(), E> {
        self.number += 1;
        let byte = self.byte;
        self.byte += raw.len() as u64 + 1;
        let bytes = raw.strip_suffix(b"\r").unwrap_or(raw);
        on_line(Line { bytes, number: self.number, byte })
    }
}
