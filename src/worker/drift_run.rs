//! A drift run shared with the helper workers: the numeric columns, whose
//! tests sort a million values a side, are dealt out by size between this
//! worker and the helpers (each helper gets both sides' numbers of its
//! columns and sends back the result and the column's small histogram);
//! this worker judges its own and the categorical ones, waits for the
//! helpers (judging here any a helper could not) and assembles the report
//! as `run_drift` would.

use std::rc::Rc;

use tideline_engine::drift::{assemble_drift, drift_pairs, judge_pair, ColumnDrift, DriftOptions, SkippedColumn};
use tideline_engine::histogram::{compare, Histogram};
use tideline_engine::table::ColumnData;
use tideline_report::gather::HISTOGRAM_BINS;

use super::share::{deal, wait_for_helpers};
use super::Worker;
use crate::protocol::helper::DriftColumnRequest;
use crate::protocol::{Reply, Side};

/// Below this many rows (both sides) a run stays in this worker.
const SHARE_MIN_ROWS: usize = 200_000;

/// Drift runs' numbers for helpers' answers (apart from load jobs' numbers).
const FIRST_RUN: u32 = u32::MAX / 2;

type Judged = Result<ColumnDrift, SkippedColumn>;

/// The drift reply for the data loaded now.
pub(super) async fn drift_reply(worker: &Rc<Worker>, options: &DriftOptions, run: u32) -> Reply {
    let started = super::now();
    let job = FIRST_RUN.wrapping_add(run);
    let (mut judged, helpers_used) = share_out(worker, options, job);
    let mut histograms: Vec<Option<Histogram>> = judged.iter().map(|_| None).collect();
    let mut answered = 0;
    wait_for_helpers(worker, job, started, || {
        for answer in worker.helpers.borrow().take_columns(job) {
            answered += 1;
            if let (Some(slot), Some(histogram)) = (judged.get_mut(answer.index), histograms.get_mut(answer.index)) {
                *slot = Some(answer.result);
                *histogram = answer.histogram;
            }
        }
        judged.iter().all(Option::is_some)
    })
    .await;
    let datasets = worker.datasets.borrow();
    let (baseline, current) = (datasets.analysed(Side::Baseline), datasets.analysed(Side::Current));
    let (pairs, skipped) = drift_pairs(baseline, current);
    // A helper that stopped: its columns are judged here. A helper's column
    // carries no role, so the pair's is set on its result.
    let judged: Vec<Judged> = judged
        .into_iter()
        .zip(&pairs)
        .map(|(result, pair)| {
            result.unwrap_or_else(|| judge_pair(pair, options)).map(|mut c| {
                c.role = pair.0.role;
                c
            })
        })
        .collect();
    // Each tested column's histogram: the helper's, else drawn up here.
    let sparklines = pairs
        .iter()
        .zip(&judged)
        .zip(histograms)
        .filter(|((_, judged), _)| judged.is_ok())
        .filter_map(|(((b, c, _), _), histogram)| histogram.or_else(|| compare(Some(b), Some(c), HISTOGRAM_BINS)))
        .collect();
    let report = assemble_drift(baseline.n_rows, current.n_rows, judged, skipped, options);
    let workers = 1 + helpers_used.min(answered);
    Reply::Drift { report, sparklines, millis: super::now() - started, workers }
}

/// Sends helpers their columns and judges the rest here; `None` marks a
/// column a helper holds. Also returns how many helpers got columns.
fn share_out(worker: &Rc<Worker>, options: &DriftOptions, job: u32) -> (Vec<Option<Judged>>, usize) {
    let datasets = worker.datasets.borrow();
    let (baseline, current) = (datasets.analysed(Side::Baseline), datasets.analysed(Side::Current));
    let (pairs, _) = drift_pairs(baseline, current);
    let helpers = if baseline.n_rows + current.n_rows >= SHARE_MIN_ROWS {
        worker.helpers.borrow().idle_helpers()
    } else {
        Vec::new()
    };
    let numeric = |i: usize| match pairs.get(i) {
        Some((b, c, _)) => match (&b.data, &c.data) {
            (ColumnData::Numeric(x), ColumnData::Numeric(y)) => Some((x, y)),
            _ => None,
        },
        None => None,
    };
    let sizes = (0..pairs.len()).filter_map(|i| numeric(i).map(|(x, y)| (i, x.len() + y.len()))).collect();
    let mut to_helper = vec![false; pairs.len()];
    let mut used = std::collections::BTreeSet::new();
    for (i, party) in deal(sizes, helpers.len()) {
        let Some((x, y)) = numeric(i) else { continue };
        if let (Some(&helper), Some(sent)) = (party.checked_sub(1).and_then(|h| helpers.get(h)), to_helper.get_mut(i)) {
            let (name, kind) = (pairs[i].0.name.clone(), pairs[i].2);
            let request = DriftColumnRequest { job, index: i, name, kind, options: options.clone() };
            *sent = worker.helpers.borrow().dispatch_column(helper, &request, x, y);
            if *sent {
                used.insert(helper);
            }
        }
    }
    let used = used.len();
    (pairs.iter().zip(to_helper).map(|(pair, sent)| (!sent).then(|| judge_pair(pair, options))).collect(), used)
}
