//! What every monitoring check provides to the timeline.

use crate::timeline::series::{Observation, SeriesSpec};

/// Which table a set of rows belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The baseline / reference data.
    Reference,
    /// The monitored data.
    Current,
}

impl Side {
    /// The reference's or the current's `T`.
    pub fn pick<T>(self, reference: T, current: T) -> T {
        match self {
            Self::Reference => reference,
            Self::Current => current,
        }
    }
}

/// A check prepared on the reference, observable on any rows of either side.
pub trait WindowCheck {
    /// The series this check produces, in a fixed order.
    fn series(&self) -> &[SeriesSpec];
    /// One observation per series on `rows` of `side` (NaN values where the
    /// rows give none, e.g. no labelled row).
    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation>;
}
