//! A side's running load: a progress bar with rows per second and Cancel;
//! then how the last load went.

use leptos::prelude::*;

use crate::bridge;
use crate::format::{bytes, thousands};
use crate::protocol::{Request, Side};
use crate::state::AppState;

/// Progress of the running job, or the last job's outcome.
#[component]
pub fn JobProgress(
    /// Which dataset.
    side: Side,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = state.side(side);
    let id = side.as_str();
    let cancel = move |_| {
        let Some(job) = s.job.get_untracked() else { return };
        s.job.update(|j| {
            if let Some(j) = j {
                j.cancelling = true;
            }
        });
        bridge::send(&Request::Cancel { job: job.id }, &[]);
    };
    let running = move || {
        s.job.get().map(|job| {
            let rate = job.rows_per_second() as u64;
            view! {
                <div class="progress" data-testid=format!("{id}-progress") role="status">
                    <progress max="1" value=job.fraction() aria-label="reading"></progress>
                    <span>
                        {format!("{} · {} of {} · {} rows · ", job.file, bytes(job.bytes_done), bytes(job.bytes_total), thousands(job.rows_done))}
                        <span data-testid=format!("{id}-rate")>{format!("{} rows/s", thousands(rate))}</span>
                    </span>
                    <button on:click=cancel disabled=job.cancelling data-testid=format!("{id}-cancel")>
                        {if job.cancelling { "Cancelling…" } else { "Cancel" }}
                    </button>
                </div>
            }
        })
    };
    let last = move || {
        if s.job.get().is_some() {
            return None;
        }
        s.last_job.get().map(|r| {
            let seconds = r.millis / 1000.0;
            let (rows_per_s, mb_per_s) = if seconds > 0.0 { (r.rows as f64 / seconds, r.bytes as f64 / 1e6 / seconds) } else { (0.0, 0.0) };
            let verb = if r.cancelled { "Cancelled after reading" } else { "Read" };
            // A refused file adds nothing: no rate to report, only where to look.
            let text = if r.rows == 0 && !r.cancelled {
                "Nothing was added: the message beside the file says why.".to_owned()
            } else {
                let rate = thousands(rows_per_s.round() as u64);
                let workers = if r.workers > 1 { format!(", by {} workers at once", r.workers) } else { String::new() };
                format!("{verb} {} rows ({}) in {seconds:.2} s: {rate} rows/s, {mb_per_s:.0} MB/s{workers}", thousands(r.rows), bytes(r.bytes))
            };
            view! {
                <p class="last-job" data-testid=format!("{id}-last-job") data-rows=r.rows data-bytes=r.bytes data-millis=r.millis data-read-millis=r.read_millis data-ingest-millis=r.ingest_millis data-workers=r.workers>
                    {text}
                </p>
            }
        })
    };
    view! { {running} {last} }
}
