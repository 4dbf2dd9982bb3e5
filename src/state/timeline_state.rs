//! The Monitoring view's state: the user's timeline configuration, the last
//! timeline and the run's progress.

use leptos::prelude::*;
use tideline_engine::timeline::TimelineConfig;

use crate::protocol::{Request, TimelineResult};

/// The monitoring timeline: configuration, result, error, progress.
#[derive(Debug, Clone, Copy)]
pub struct TimelineState {
    /// The last monitoring timeline.
    pub result: RwSignal<Option<TimelineResult>>,
    /// Why the last timeline could not be built.
    pub error: RwSignal<Option<String>>,
    /// True while the worker builds a timeline.
    pub running: RwSignal<bool>,
    /// The check the worker is on: (check, done, total).
    pub progress: RwSignal<Option<(String, usize, usize)>>,
    /// The timeline chosen by the user (`None`: guessed from the data).
    pub config: RwSignal<Option<TimelineConfig>>,
    /// The configuration of a timeline that could not be built, shown in
    /// the form so the user can mend it (not kept as their choice).
    pub tried: RwSignal<Option<TimelineConfig>>,
}

impl TimelineState {
    pub(super) fn new() -> Self {
        Self {
            result: RwSignal::new(None),
            error: RwSignal::new(None),
            running: RwSignal::new(false),
            progress: RwSignal::new(None),
            config: RwSignal::new(None),
            tried: RwSignal::new(None),
        }
    }

    /// The timeline request (the user's configuration, else a guess by the
    /// worker), when both sides hold rows.
    pub(super) fn request(&self, both_loaded: bool) -> Option<Request> {
        if !both_loaded {
            self.result.set(None);
            return None;
        }
        self.running.set(true);
        self.error.set(None);
        Some(Request::Timeline { config: self.config.get_untracked().map(Box::new) })
    }
}
