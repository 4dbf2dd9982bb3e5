//! The Model quality view's state: the positive class the user chose and
//! the last result.

use leptos::prelude::*;

use crate::protocol::{ModelQualityReply, Request};

/// Realised model quality of both sides.
#[derive(Debug, Clone, Copy)]
pub struct ModelQualityState {
    /// The last result.
    pub result: RwSignal<Option<ModelQualityReply>>,
    /// True while the worker computes it.
    pub running: RwSignal<bool>,
    /// A binary model's positive class chosen in the view (`None`: the guess).
    pub positive: RwSignal<Option<String>>,
}

impl ModelQualityState {
    pub(super) fn new() -> Self {
        Self { result: RwSignal::new(None), running: RwSignal::new(false), positive: RwSignal::new(None) }
    }

    /// The model-quality request, when both sides hold rows.
    pub(super) fn request(&self, both_loaded: bool) -> Option<Request> {
        if both_loaded {
            self.running.set(true);
            Some(Request::ModelQuality { positive: self.positive.get_untracked() })
        } else {
            self.result.set(None);
            None
        }
    }
}
