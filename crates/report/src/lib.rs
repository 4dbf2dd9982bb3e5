//! Tideline's exports, shared by the browser's engine worker and the CLI so
//! both write the same bytes: the Overview's traffic lights, the
//! self-contained HTML report (charts inline as SVG), the model card, the
//! audit record and the zip of SageMaker-format files.
//!
//! Everything here is a pure function of [`ReportInputs`], the results an
//! analysis produced; nothing reads files or the clock (the caller stamps
//! the time), so a report can be rebuilt and its hashes checked.

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod audit;
pub mod gather;
pub mod hash;
pub mod html;
pub mod inputs;
pub mod model_card;
pub mod model_card_info;
pub mod overview;
pub mod sagemaker_zip;

pub use audit::{audit_record, canonical_results, verify, AuditRecord};
pub use hash::{sha256_hex, Hasher};
pub use html::render_html;
pub use inputs::{
    AttributionSection, BiasSection, DataQualitySection, DriftSection, InputFile, ModelQualitySection, PiiSection,
    ReportInputs, ReportMeta,
};
pub use model_card::model_card;
pub use model_card_info::{ModelCardInfo, RiskRating};
pub use overview::{
    higher_is_better, metric_light, model_quality_light, overview, Area, AreaStatus, Light, Overview, METRIC_RULE,
};
pub use sagemaker_zip::{sagemaker_files, zip};
