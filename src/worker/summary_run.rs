//! A side's schema summary shared with the helper workers, after a load:
//! exact distinct counts of a million numbers a column are most of it, so
//! the numeric columns are dealt out by size between this worker and the
//! helpers, as a drift run's are; the schema is the one `summarize` gives.

use std::rc::Rc;

use tideline_engine::summary::{summarize_column, ColumnSummary, DatasetSummary};
use tideline_engine::table::{Column, ColumnData};

use super::share::{deal, wait_for_helpers};
use super::Worker;
use crate::protocol::helper::SummaryColumnRequest;
use crate::protocol::{Reply, Side};

/// Below this many rows a side is summarised here alone.
const SHARE_MIN_ROWS: usize = 200_000;

/// Summaries' numbers for helpers' answers (apart from loads' and drift runs').
const FIRST_SUMMARY: u32 = u32::MAX / 4;

/// The side's dataset reply, its schema summarised with the helpers' help.
pub(super) async fn dataset_reply(worker: &Rc<Worker>, side: Side, run: u32) -> Reply {
    let started = js_sys::Date::now();
    let job = FIRST_SUMMARY.wrapping_add(run);
    let before = worker.datasets.borrow().version();
    let mut lines = share_out(worker, side, job);
    wait_for_helpers(worker, job, started, || {
        for (index, line) in worker.helpers.borrow().take_summaries(job) {
            if let Some(slot) = lines.get_mut(index) {
                *slot = Some(line);
            }
        }
        lines.iter().all(Option::is_some)
    })
    .await;
    if worker.datasets.borrow().version() != before {
        // The side changed meanwhile (a file removed, a column masked): summarise it as it is now.
        return worker.datasets.borrow().dataset_reply(side);
    }
    let datasets = worker.datasets.borrow();
    let table = datasets.table(side);
    // A helper that stopped or took too long: its columns are summarised here.
    let columns = lines
        .into_iter()
        .zip(&table.columns)
        .map(|(line, column)| line.unwrap_or_else(|| summarize_column(column)))
        .collect();
    datasets.dataset_reply_with(side, DatasetSummary { rows: table.n_rows as u64, columns })
}

/// Sends helpers their numeric columns and summarises the rest here; `None`
/// marks a column a helper holds.
fn share_out(worker: &Rc<Worker>, side: Side, job: u32) -> Vec<Option<ColumnSummary>> {
    let datasets = worker.datasets.borrow();
    let table = datasets.table(side);
    let helpers = if table.n_rows >= SHARE_MIN_ROWS { worker.helpers.borrow().idle_helpers() } else { Vec::new() };
    let numbers = |i: usize| match table.columns.get(i).map(|c| &c.data) {
        Some(ColumnData::Numeric(values)) => Some(values),
        _ => None,
    };
    let sizes = (0..table.columns.len()).filter_map(|i| numbers(i).map(|v| (i, v.len()))).collect();
    let mut sent = vec![false; table.columns.len()];
    for (i, party) in deal(sizes, helpers.len()) {
        let (Some(values), Some(column)) = (numbers(i), table.columns.get(i)) else { continue };
        if let (Some(&helper), Some(slot)) = (party.checked_sub(1).and_then(|h| helpers.get(h)), sent.get_mut(i)) {
            // Everything but the numbers, which travel beside the request.
            let bare = Column {
                name: column.name.clone(),
                data: ColumnData::Numeric(Vec::new()),
                deequ: column.deequ,
                kind: column.kind,
                kind_overridden: column.kind_overridden,
                role: column.role,
            };
            let request = SummaryColumnRequest { job, index: i, column: bare };
            *slot = worker.helpers.borrow().dispatch_summary(helper, &request, values);
        }
    }
    table.columns.iter().zip(sent).map(|(column, sent)| (!sent).then(|| summarize_column(column))).collect()
}
