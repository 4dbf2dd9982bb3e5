//! Rows explained on every core natively: the rows are cut into one range
//! per thread, each explained by the same [`Explainer`], and the parts
//! joined in order, so the values are those of one thread. The caller's
//! progress hears the rows done by all threads and can cancel them all.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::attributions::Attributions;
use super::explain_error::ExplainError;
use super::explainer::{concat_attributions, Explainer};
use super::matrix::FeatureMatrix;
use crate::progress::{Flow, Progress, ProgressUpdate};

/// Fewer rows than this per thread are not worth a thread.
const MIN_ROWS_PER_THREAD: usize = 64;

/// Explains every row of `x` on up to `threads` threads.
///
/// # Errors
/// As [`Explainer::explain_rows`]; a cancel stops every thread.
pub fn explain_rows_parallel(
    explainer: &Explainer,
    x: &FeatureMatrix,
    threads: usize,
    progress: &mut dyn Progress,
) -> Result<Attributions, ExplainError> {
    let n = x.n_rows;
    let threads = threads.min(n / MIN_ROWS_PER_THREAD).max(1);
    if threads == 1 {
        return explainer.explain_rows(x, 0..n, progress);
    }
    if progress.update(ProgressUpdate { bytes_done: 0, bytes_total: None, rows_done: 0 }) == Flow::Stop {
        return Err(ExplainError::Cancelled { rows_done: 0 });
    }
    let bounds: Vec<usize> = (0..=threads).map(|k| n * k / threads).collect();
    let done: Vec<AtomicUsize> = (0..threads).map(|_| AtomicUsize::new(0)).collect();
    let stop = AtomicBool::new(false);
    let finished = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = bounds
            .windows(2)
            .zip(&done)
            .map(|(range, done)| {
                let (stop, finished) = (&stop, &finished);
                let (start, end) = (range.first().copied().unwrap_or(0), range.get(1).copied().unwrap_or(0));
                scope.spawn(move || {
                    let mut share = |update: ProgressUpdate| {
                        done.store(update.rows_done as usize, Ordering::Relaxed);
                        if stop.load(Ordering::Relaxed) {
                            Flow::Stop
                        } else {
                            Flow::Continue
                        }
                    };
                    let result = explainer.explain_rows(x, start..end, &mut share);
                    finished.fetch_add(1, Ordering::Release);
                    result
                })
            })
            .collect();
        // This thread reports for all and passes a cancel on.
        let mut cancelled = false;
        while finished.load(Ordering::Acquire) < threads {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let rows: usize = done.iter().map(|d| d.load(Ordering::Relaxed)).sum();
            let update = ProgressUpdate { bytes_done: 0, bytes_total: None, rows_done: rows as u64 };
            if !cancelled && progress.update(update) == Flow::Stop {
                cancelled = true;
                stop.store(true, Ordering::Relaxed);
            }
        }
        let mut parts = Vec::with_capacity(threads);
        for handle in handles {
            let part = handle.join().map_err(|_| ExplainError::Join("a thread explaining rows stopped".into()))?;
            parts.push(part?);
        }
        if cancelled {
            return Err(ExplainError::Cancelled { rows_done: parts.iter().map(|p| p.n_rows).sum() });
        }
        concat_attributions(parts)
    })
}
