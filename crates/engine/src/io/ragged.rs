//! Rows whose field count differs from the first's (a CSV header, a
//! capture's first CSV payload). A few are warnings; when most rows differ
//! and in more than one way, the file is not what it was read as (a PNG
//! renamed `.csv` loaded as 139 rows; capture rows of 3, 5 and 1 values
//! were merged), and it is refused.

/// A tally of ragged rows.
#[derive(Debug, Default)]
pub(crate) struct RaggedTally {
    rows: u64,
    first: Option<usize>,
    varied: bool,
}

impl RaggedTally {
    /// A ragged row with `n` fields.
    pub(crate) fn add(&mut self, n: usize) {
        self.rows += 1;
        match self.first {
            None => self.first = Some(n),
            Some(first) if first != n => self.varied = true,
            Some(_) => {}
        }
    }

    /// `count` more ragged rows whose field counts are not known.
    pub(crate) fn add_uncounted(&mut self, count: u64) {
        self.rows += count;
    }

    /// The ragged rows, when most of `rows` rows are ragged, in more than
    /// one way (one consistent width is a header problem, kept as
    /// warnings), and at least `at_least` of them (a 3-row file with two
    /// broken rows is still read, with its warnings).
    pub(crate) fn refusal(&self, rows: u64, at_least: u64) -> Option<u64> {
        (self.varied && self.rows >= at_least.max(2) && self.rows * 2 > rows).then_some(self.rows)
    }
}
