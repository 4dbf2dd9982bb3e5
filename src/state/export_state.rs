//! The Export panel's state: the export being made, its outcome and the
//! model card the user writes.

use leptos::prelude::*;
use tideline_report::ModelCardInfo;

use crate::protocol::ExportKind;

/// Exports: the one being made, the last outcome, the model card.
#[derive(Debug, Clone, Copy)]
pub struct ExportState {
    /// The export being made.
    pub exporting: RwSignal<Option<ExportKind>>,
    /// The last export's outcome, in words.
    pub message: RwSignal<Option<String>>,
    /// What the user wrote for the model card.
    pub model_card: RwSignal<ModelCardInfo>,
}

impl ExportState {
    pub(super) fn new() -> Self {
        Self {
            exporting: RwSignal::new(None),
            message: RwSignal::new(None),
            model_card: RwSignal::new(ModelCardInfo::default()),
        }
    }
}
