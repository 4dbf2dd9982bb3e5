//! The files the Export panel offers, with their names and types.

use serde::{Deserialize, Serialize};

/// One export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// The self-contained HTML report.
    Report,
    /// The SageMaker Model Card JSON.
    ModelCard,
    /// The audit record: inputs' SHA-256, settings, results' SHA-256.
    Audit,
    /// Every SageMaker-format file the views produced, as one zip.
    SagemakerZip,
}

impl ExportKind {
    /// Every export, in the panel's order.
    pub const ALL: [Self; 4] = [Self::Report, Self::ModelCard, Self::Audit, Self::SagemakerZip];

    /// The downloaded file's name.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Report => "tideline-report.html",
            Self::ModelCard => "model_card.json",
            Self::Audit => "audit.json",
            Self::SagemakerZip => "sagemaker-files.zip",
        }
    }

    /// Its media type.
    #[must_use]
    pub fn mime(self) -> &'static str {
        match self {
            Self::Report => "text/html",
            Self::ModelCard | Self::Audit => "application/json",
            Self::SagemakerZip => "application/zip",
        }
    }

    /// The button's words.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Report => "Report (HTML)",
            Self::ModelCard => "Model card (JSON)",
            Self::Audit => "Audit record (JSON)",
            Self::SagemakerZip => "SageMaker files (ZIP)",
        }
    }

    /// A stable key (`data-testid`s).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::ModelCard => "model-card",
            Self::Audit => "audit",
            Self::SagemakerZip => "zip",
        }
    }
}
