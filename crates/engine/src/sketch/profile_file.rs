//! Profiling a file into a sketch-mode state in bounded memory: one thread
//! reads and parses chunks of rows, another folds each into the state and
//! drops it, so reading and profiling overlap and at most three chunks
//! exist at once (one being parsed, one waiting, one being profiled).

use std::path::Path;
use std::sync::mpsc::sync_channel;

use super::StateBuilder;
use crate::io::{stream_file, IoError, LoadOptions, Warning};
use crate::progress::Progress;
use crate::table::Table;

/// Input bytes per chunk for a memory budget: a sixteenth of it (three
/// chunks in flight, each up to a few times its text as typed columns,
/// for each side), between 4 MB and 64 MB.
#[must_use]
pub fn chunk_bytes(budget: u64) -> u64 {
    (budget / 16).clamp(4 << 20, 64 << 20)
}

/// Adds the rows of the file at `path` (named `file` in messages) to
/// `state`; returns the file's warnings.
///
/// # Errors
/// The file cannot be read (nothing of it is then trusted: the caller
/// drops the state).
pub fn profile_file(
    state: &mut StateBuilder,
    path: &Path,
    file: &str,
    options: &LoadOptions,
    budget: u64,
    progress: &mut dyn Progress,
) -> Result<Vec<Warning>, IoError> {
    state.add_source(file);
    let (sender, receiver) = sync_channel::<Table>(1);
    std::thread::scope(|scope| {
        let profiler = scope.spawn(move || {
            for table in receiver {
                state.add_table(&table);
            }
        });
        let mut send = move |table: Table| {
            // The profiler only stops when this side stops sending.
            let _ = sender.send(table);
            Ok(())
        };
        let result = stream_file(path, file, options, chunk_bytes(budget), progress, &mut send);
        drop(send);
        let _ = profiler.join();
        result
    })
}
