//! Opening one window of the monitoring timeline in the other views: the
//! drift, data-quality and bias analyses then compare that window, cut
//! exactly as the timeline cut it, against the baseline.

use tideline_engine::timeline::{current_windows, TimelineConfig};

use super::datasets::Datasets;
use crate::protocol::{FocusInfo, Reply, Side};

/// Opens window `window` of the last timeline (or, with `None`, goes back to
/// the whole current data) and says which window is open.
pub(super) fn focus_reply(datasets: &mut Datasets, config: Option<&TimelineConfig>, window: Option<usize>) -> Reply {
    let Some(index) = window else {
        datasets.set_focus(None);
        return Reply::Focus(None);
    };
    let Some(config) = config else {
        return Reply::Error { message: "build the monitoring timeline before opening one of its windows".into() };
    };
    let windows = match current_windows(datasets.table(Side::Current), config) {
        Ok(w) => w.windows,
        Err(e) => return Reply::Error { message: format!("the timeline's windows cannot be cut again: {e}") },
    };
    let Some(w) = windows.into_iter().nth(index) else {
        return Reply::Error { message: format!("the timeline has no window {}", index + 1) };
    };
    let info = FocusInfo { index, label: w.label.clone(), rows: w.rows.len() };
    datasets.set_focus(Some((info.clone(), w.rows)));
    Reply::Focus(datasets.focus().cloned())
}
