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

use super::{pause, Worker};
use crate::protocol::{DriftColumnRequest, Reply, Side};

/// Below this many rows (both sides) a run stays in this worker.
const SHARE_MIN_ROWS: usize = 200_000;

/// Least time a run waits for its helpers beyond its own share.
const GIVE_UP_MS: f64 = 10_000.0;

/// Drift runs' numbers for helpers' answers (apart from load jobs' numbers).
const FIRST_RUN: u32 = u32::MAX / 2;

type Judged = Result<ColumnDrift, SkippedColumn>;

/// The drift reply for the data loaded now.
pub(super) async fn drift_reply(worker: &Rc<Worker>, options: &DriftOptions, run: u32) -> Reply {
    let started = js_sys::Date::now();
    let job = FIRST_RUN.wrapping_add(run);
    let (mut judged, helpers_used) = share_out(worker, options, job);
    // Requests wait while this run waits: a helper that neither answers nor
    // fails must not hold them for ever, so its columns are judged here.
    let deadline = js_sys::Date::now() + (4.0 * (js_sys::Date::now() - started)).max(GIVE_UP_MS);
    let mut histograms: Vec<Option<Histogram>> = judged.iter().map(|_| None).collect();
    let mut answered = 0;
    while judged.iter().any(Option::is_none) {
        for answer in worker.helpers.borrow().take_columns(job) {
            answered += 1;
            if let (Some(slot), Some(histogram)) = (judged.get_mut(answer.index), histograms.get_mut(answer.index)) {
                *slot = Some(answer.result);
                *histogram = answer.histogram;
            }
        }
        let waiting = worker.helpers.borrow().busy_with(job) > 0 && js_sys::Date::now() < deadline;
        if judged.iter().all(Option::is_some) || !waiting {
            break;
        }
        pause(1).await;
    }
    let datasets = worker.datasets.borrow();
    let (baseline, current) = (datasets.analysed(Side::Baseline), datasets.analysed(Side::Current));
    let (pairs, skipped) = drift_pairs(baseline, current);
    // A helper that stopped: its columns are judged here.
    let judged: Vec<Judged> = judged
        .into_iter()
        .zip(&pairs)
        .map(|(result, pair)| result.unwrap_or_else(|| judge_pair(pair, options)))
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
    Reply::Drift { report, sparklines, millis: js_sys::Date::now() - started, workers }
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
    // Numeric columns by size, each to whoever has the least work so far
    // (party 0 is this worker, party k the k-th idle helper).
    let mut order: Vec<usize> = (0..pairs.len()).filter(|&i| numeric(i).is_some()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(numeric(i).map_or(0, |(x, y)| x.len() + y.len())));
    let mut load = vec![0_usize; helpers.len() + 1];
    let mut to_helper = vec![false; pairs.len()];
    for i in order {
        let Some((x, y)) = numeric(i) else { continue };
        let least = (0..load.len()).min_by_key(|&p| load[p]).unwrap_or(0);
        load[least] += x.len() + y.len();
        if let (Some(&helper), Some(sent)) = (least.checked_sub(1).and_then(|h| helpers.get(h)), to_helper.get_mut(i)) {
            let (name, kind) = (pairs[i].0.name.clone(), pairs[i].2);
            let request = DriftColumnRequest { job, index: i, name, kind, options: options.clone() };
            *sent = worker.helpers.borrow().dispatch_column(helper, &request, x, y);
        }
    }
    let used = load.iter().skip(1).filter(|&&l| l > 0).count();
    (pairs.iter().zip(to_helper).map(|(pair, sent)| (!sent).then(|| judge_pair(pair, options))).collect(), used)
}
