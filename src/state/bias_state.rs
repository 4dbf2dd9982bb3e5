//! The Bias view's state: the user's analysis and the last result.

use leptos::prelude::*;
use tideline_engine::bias::AnalysisConfig;

use crate::protocol::BiasResult;

/// Clarify's bias metrics: configuration, result, error, whether they run.
#[derive(Debug, Clone, Copy)]
pub struct BiasState {
    /// The last bias analysis.
    pub result: RwSignal<Option<BiasResult>>,
    /// Why the last bias analysis could not run.
    pub error: RwSignal<Option<String>>,
    /// True while the worker computes bias metrics.
    pub running: RwSignal<bool>,
    /// The bias analysis chosen by the user (`None`: guessed from the roles).
    pub config: RwSignal<Option<AnalysisConfig>>,
}

impl BiasState {
    pub(super) fn new() -> Self {
        Self {
            result: RwSignal::new(None),
            error: RwSignal::new(None),
            running: RwSignal::new(false),
            config: RwSignal::new(None),
        }
    }
}
