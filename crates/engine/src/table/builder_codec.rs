//! Column builders as bytes: a part of a file read by another browser worker
//! comes back to the engine worker as one byte buffer (numbers as raw
//! little-endian f64, dictionaries as their strings and codes). Decoding
//! checks every length, so a damaged buffer is an error, never a panic.

use super::builder::{ColumnBuilder, State};
use super::error::TableError;
use super::interner::Interner;
use crate::types::DeequCounts;

/// Appends `value` (bytes) to a buffer.
pub(crate) struct Encoder(pub Vec<u8>);

impl Encoder {
    pub(crate) fn u64(&mut self, value: u64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn len(&mut self, value: usize) {
        self.u64(value as u64);
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.len(value.len());
        self.0.extend_from_slice(value.as_bytes());
    }
}

/// Reads what an [`Encoder`] wrote.
pub(crate) struct Decoder<'a>(pub &'a [u8]);

impl<'a> Decoder<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TableError> {
        if n > self.0.len() {
            return Err(TableError::PartEndsEarly { wanted: n, left: self.0.len() });
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    pub(crate) fn u64(&mut self) -> Result<u64, TableError> {
        let bytes = self.take(8)?;
        Ok(u64::from_le_bytes(bytes.try_into().map_err(|_| TableError::PartIntegerCut)?))
    }

    pub(crate) fn len(&mut self) -> Result<usize, TableError> {
        usize::try_from(self.u64()?).map_err(|_| TableError::PartLengthTooLarge)
    }

    /// A length of `size`-byte items that the bytes left can hold.
    fn count(&mut self, size: usize) -> Result<usize, TableError> {
        let n = self.len()?;
        if n.saturating_mul(size) > self.0.len() {
            return Err(TableError::PartItemCount { items: n, left: self.0.len() });
        }
        Ok(n)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, TableError> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| TableError::PartNotUtf8)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

const NULLS: u64 = 0;
const NUMBERS: u64 = 1;
const STRINGS: u64 = 2;

impl ColumnBuilder {
    pub(crate) fn encode(&self, out: &mut Encoder) {
        out.str(&self.name);
        let d = &self.deequ;
        for n in [d.null, d.integral, d.fractional, d.boolean, d.string, self.not_a_number_cells, self.infinite_cells] {
            out.u64(n);
        }
        match &self.state {
            State::Nulls(n) => {
                out.u64(NULLS);
                out.len(*n);
            }
            State::Numbers(values) => {
                out.u64(NUMBERS);
                out.len(values.len());
                out.0.reserve(values.len() * 8);
                for x in values {
                    out.0.extend_from_slice(&x.to_le_bytes());
                }
            }
            State::Strings { interner, codes } => {
                out.u64(STRINGS);
                out.len(interner.values.len());
                for value in &interner.values {
                    out.str(value);
                }
                out.len(codes.len());
                out.0.reserve(codes.len() * 4);
                for code in codes {
                    out.0.extend_from_slice(&code.to_le_bytes());
                }
            }
        }
    }

    pub(crate) fn decode(input: &mut Decoder) -> Result<Self, TableError> {
        let name = input.str()?.to_owned();
        let mut n = [0_u64; 7];
        for slot in &mut n {
            *slot = input.u64()?;
        }
        let [null, integral, fractional, boolean, string, not_a_number_cells, infinite_cells] = n;
        let state = match input.u64()? {
            NULLS => State::Nulls(input.len()?),
            NUMBERS => {
                let n = input.count(8)?;
                let bytes = input.take(n * 8)?;
                State::Numbers(
                    bytes.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap_or_default())).collect(),
                )
            }
            STRINGS => {
                let mut interner = Interner::new();
                for _ in 0..input.count(8)? {
                    interner.intern(input.str()?);
                }
                let n = input.count(4)?;
                let bytes = input.take(n * 4)?;
                let codes =
                    bytes.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default())).collect();
                State::Strings { interner, codes }
            }
            other => return Err(TableError::PartUnknownState(other)),
        };
        let mut column = Self::new(name, 0);
        column.state = state;
        column.deequ = DeequCounts { null, integral, fractional, boolean, string };
        column.not_a_number_cells = not_a_number_cells;
        column.infinite_cells = infinite_cells;
        Ok(column)
    }
}
