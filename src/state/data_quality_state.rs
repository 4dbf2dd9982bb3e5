//! The Data quality view's state: the user's constraints and the last
//! result of Model Monitor's checks.

use leptos::prelude::*;

use tideline_engine::drift::Preset;

use crate::protocol::{DataQualityResult, Request};

/// Model Monitor's data-quality checks: constraints, result, whether they run.
#[derive(Debug, Clone, Copy)]
pub struct DataQualityState {
    /// The last data-quality result.
    pub result: RwSignal<Option<DataQualityResult>>,
    /// True while the worker runs the data-quality checks.
    pub running: RwSignal<bool>,
    /// The user's `constraints.json`, once edited (`None`: suggested from the baseline).
    pub constraints: RwSignal<Option<String>>,
}

impl DataQualityState {
    pub(super) fn new() -> Self {
        Self { result: RwSignal::new(None), running: RwSignal::new(false), constraints: RwSignal::new(None) }
    }

    /// The data-quality request, when both sides hold rows.
    pub(super) fn request(&self, both_loaded: bool, preset: Preset) -> Option<Request> {
        if both_loaded {
            self.running.set(true);
            Some(Request::DataQuality { constraints: self.constraints.get_untracked(), preset })
        } else {
            self.result.set(None);
            None
        }
    }
}
