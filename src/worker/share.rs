//! Sharing one analysis' columns with the helper workers: dealing them out
//! by size, and waiting for the helpers' answers without waiting for ever.

use std::rc::Rc;

use super::{pause, Worker};

/// Least time to wait for helpers beyond this worker's own share.
const GIVE_UP_MS: f64 = 10_000.0;

/// Deals items `(index, size)` out, largest first, each to the party with
/// the least work so far (party 0 is this worker, party k the k-th helper
/// of `helpers`); returns `(index, party)` of each.
pub(super) fn deal(mut items: Vec<(usize, usize)>, helpers: usize) -> Vec<(usize, usize)> {
    items.sort_by_key(|&(_, size)| std::cmp::Reverse(size));
    let mut load = vec![0_usize; helpers + 1];
    items
        .into_iter()
        .map(|(index, size)| {
            let least = (0..load.len()).min_by_key(|&p| load[p]).unwrap_or(0);
            load[least] += size;
            (index, least)
        })
        .collect()
}

/// Lets helpers answer `job` (`collect` takes their answers and says
/// whether all are in) until all are in, no helper holds any of it, or
/// four times this worker's own share (`started` to now, at least 10 s)
/// has passed: requests wait meanwhile, and a helper that neither answers
/// nor fails must not hold them for ever.
pub(super) async fn wait_for_helpers(worker: &Rc<Worker>, job: u32, started: f64, mut collect: impl FnMut() -> bool) {
    let deadline = js_sys::Date::now() + (4.0 * (js_sys::Date::now() - started)).max(GIVE_UP_MS);
    loop {
        if collect() {
            return;
        }
        if worker.helpers.borrow().busy_with(job) == 0 || js_sys::Date::now() >= deadline {
            return;
        }
        pause(1).await;
    }
}
