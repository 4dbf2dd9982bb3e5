//! Why a threshold cannot be resolved.

/// A threshold rule NannyML would refuse, or one with nothing to derive from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ThresholdError {
    /// Threshold parameters that NannyML would refuse.
    #[error("invalid threshold: {0}")]
    Invalid(String),
    /// A derived threshold with no reference value to derive it from.
    #[error("no reference chunk has a value for check {check:?}, so no threshold can be derived")]
    NoReferenceValues {
        /// The check's name.
        check: String,
    },
}
