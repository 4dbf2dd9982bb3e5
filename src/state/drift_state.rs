//! The Drift view's state: how drift is tested and the last report.

use leptos::prelude::*;
use tideline_engine::drift::{DriftOptions, DriftReport};
use tideline_engine::histogram::Histogram;

use crate::protocol::Request;

/// The drift tests: options, the last report, whether one runs.
#[derive(Debug, Clone, Copy)]
pub struct DriftState {
    /// How drift is tested.
    pub options: RwSignal<DriftOptions>,
    /// The last drift report.
    pub result: RwSignal<Option<DriftResult>>,
    /// True while the worker tests drift.
    pub running: RwSignal<bool>,
}

impl DriftState {
    pub(super) fn new() -> Self {
        Self {
            options: RwSignal::new(DriftOptions::default()),
            result: RwSignal::new(None),
            running: RwSignal::new(false),
        }
    }

    /// The drift request for the current options, when both sides hold rows.
    pub(super) fn request(&self, both_loaded: bool) -> Option<Request> {
        if both_loaded {
            self.running.set(true);
            Some(Request::Drift { options: self.options.get_untracked() })
        } else {
            self.result.set(None);
            None
        }
    }
}

/// The last drift report and what came with it.
#[derive(Debug, Clone, PartialEq)]
pub struct DriftResult {
    /// The report.
    pub report: DriftReport,
    /// A small histogram per tested column, in report order.
    pub sparklines: Vec<Histogram>,
    /// Milliseconds the worker took.
    pub millis: f64,
    /// Workers that judged columns.
    pub workers: usize,
}
