//! Guesses a file's format, CSV delimiter and whether its first row is a header,
//! from the first bytes (64 KiB), as Python's `csv.Sniffer` does in spirit.
//!
//! - Format: `[` opens a JSON array; `{` opens JSON Lines, a SageMaker
//!   data-capture file (`"captureData"`) or a ground-truth file
//!   (`"groundTruthData"`); anything else is delimited text.
//! - Delimiter: among `,` `\t` `;` `|`, the one found the same non-zero number
//!   of times (outside quotes) on the most sample lines.
//! - Header: the first row is a header unless it holds a number, or its values
//!   reappear in their columns further down.

use super::Format;
use crate::types::{read_cell, Cell};

/// Bytes examined before deciding.
pub const SNIFF_BYTES: usize = 64 * 1024;

const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// The format the first bytes call for.
#[must_use]
pub fn sniff_format(sample: &[u8]) -> Format {
    let Some(start) = sample.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Format::Csv;
    };
    match sample.get(start) {
        Some(b'[') => Format::Json,
        Some(b'{') => {
            let rest = sample.get(start..).unwrap_or_default();
            let line = rest.split(|&b| b == b'\n').next().unwrap_or_default();
            if memchr::memmem::find(line, b"\"captureData\"").is_some() {
                Format::Capture
            } else if memchr::memmem::find(line, b"\"groundTruthData\"").is_some() {
                Format::GroundTruth
            } else {
                Format::JsonLines
            }
        }
        _ => Format::Csv,
    }
}

/// Splits a sample into records (newlines inside quotes do not split) and
/// drops a last record that may be cut off.
fn sample_records(sample: &[u8], complete: bool) -> Vec<&[u8]> {
    let mut records = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, &b) in sample.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                records.push(sample.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    if complete && start < sample.len() {
        records.push(sample.get(start..).unwrap_or_default());
    }
    records.retain(|r| !r.iter().all(u8::is_ascii_whitespace));
    records.truncate(100);
    records
}

fn count_outside_quotes(record: &[u8], delimiter: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for &b in record {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delimiter && !in_quotes {
            n += 1;
        }
    }
    n
}

/// The delimiter the sample calls for; `fallback` when none fits.
#[must_use]
pub fn sniff_delimiter(sample: &[u8], complete: bool, fallback: u8) -> u8 {
    let records = sample_records(sample, complete);
    let mut best: Option<(usize, usize, u8)> = None; // (lines agreeing, count, delimiter)
    for delimiter in DELIMITERS {
        let counts: Vec<usize> = records.iter().map(|r| count_outside_quotes(r, delimiter)).collect();
        let Some(mode) = mode(&counts) else { continue };
        if mode == 0 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == mode).count();
        let better = best.is_none_or(|(a, c, _)| (agreeing, mode) > (a, c));
        if better {
            best = Some((agreeing, mode, delimiter));
        }
    }
    best.map_or(fallback, |(_, _, d)| d)
}

fn mode(counts: &[usize]) -> Option<usize> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None; // (frequency, value)
    let mut i = 0;
    while let Some(&v) = sorted.get(i) {
        let run = sorted.get(i..).map_or(0, |s| s.iter().take_while(|&&x| x == v).count());
        if best.is_none_or(|(f, _)| run > f) {
            best = Some((run, v));
        }
        i += run.max(1);
    }
    best.map(|(_, v)| v)
}

/// Whether the first of these parsed records is a header.
#[must_use]
pub fn sniff_header(records: &[Vec<String>]) -> bool {
    let Some(first) = records.first() else { return true };
    let is_number = |s: &String| matches!(read_cell(s, true), Cell::Number { .. });
    if first.iter().any(is_number) {
        return false;
    }
    let rest = records.get(1..).unwrap_or_default();
    if rest.is_empty() {
        return true;
    }
    // Values of the first row that reappear in their own column point to data.
    let named = first.iter().filter(|s| !s.trim().is_empty()).count();
    let reappearing = first
        .iter()
        .enumerate()
        .filter(|(i, v)| !v.trim().is_empty() && rest.iter().any(|r| r.get(*i) == Some(*v)))
        .count();
    if named == 0 {
        return true;
    }
    reappearing * 2 < named
}
