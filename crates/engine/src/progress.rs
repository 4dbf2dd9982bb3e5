//! Progress reporting and cancellation for long work: the CLI draws a bar, the
//! browser worker posts a message; returning `Stop` cancels.

/// Where a long task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressUpdate {
    /// Bytes read so far.
    pub bytes_done: u64,
    /// Bytes in all, when known.
    pub bytes_total: Option<u64>,
    /// Rows read so far.
    pub rows_done: u64,
}

/// Whether to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Cancel the task.
    Stop,
}

/// Receives progress updates.
pub trait Progress {
    /// Called after each chunk.
    fn update(&mut self, update: ProgressUpdate) -> Flow;
}

/// Ignores progress and never cancels.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&mut self, _update: ProgressUpdate) -> Flow {
        Flow::Continue
    }
}

impl<F: FnMut(ProgressUpdate) -> Flow> Progress for F {
    fn update(&mut self, update: ProgressUpdate) -> Flow {
        self(update)
    }
}
