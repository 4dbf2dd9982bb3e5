//! A labelled synthetic corpus for measuring the scan: cells of every kind
//! in the forms people write them (bare, grouped, embedded in free text,
//! under hinting and neutral headers) and hard negatives that look like
//! them (order ids, amounts, event dates, versions, clock times, MAC
//! addresses, product names, ISBNs, UUIDs). Seeded, so the figures in the
//! closing note can be reproduced: `tideline pii-scan --evaluate`.

mod negatives;
mod people;
mod positives;

use serde::Serialize;

use super::PiiKind;
use crate::math::splitmix64::SplitMix64;

/// One cell with the kinds it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelledCell {
    /// The column header the cell sits under.
    pub header: String,
    /// The cell.
    pub text: String,
    /// The kinds present (empty for a negative).
    pub kinds: Vec<PiiKind>,
}

/// The seeded generator the corpus draws from.
pub(super) struct Draw(SplitMix64);

impl Draw {
    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.0.below(n as u64)).unwrap_or(0)
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub(super) fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }

    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.0.next_f64() < p
    }
}

/// `per_kind` cells of every kind and `negatives` cells holding none.
#[must_use]
pub fn labelled_corpus(seed: u64, per_kind: usize, negatives: usize) -> Vec<LabelledCell> {
    let mut draw = Draw(SplitMix64::new(seed));
    let mut out = Vec::with_capacity(per_kind * PiiKind::ALL.len() + negatives);
    for kind in PiiKind::ALL {
        for _ in 0..per_kind {
            let (header, text) = positives::cell(&mut draw, kind);
            out.push(LabelledCell { header: header.to_owned(), text, kinds: vec![kind] });
        }
    }
    for _ in 0..negatives {
        let (header, text) = negatives::cell(&mut draw);
        out.push(LabelledCell { header: header.to_owned(), text, kinds: Vec::new() });
    }
    out
}
