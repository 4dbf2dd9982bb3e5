//! Why one captured payload (`endpointInput`, `endpointOutput`) or a
//! ground-truth block could not be decoded; the reader reports it as an
//! [`ErrorKind::Capture`](super::ErrorKind::Capture) or
//! [`ErrorKind::GroundTruth`](super::ErrorKind::GroundTruth) at its line.

/// A payload block that breaks SageMaker's capture format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub(crate) enum PayloadError {
    /// The block is not a JSON object.
    #[error("{what} is not an object")]
    NotAnObject {
        /// The block (`endpointInput`, `endpointOutput`, `groundTruthData`).
        what: &'static str,
    },
    /// The block has no `encoding`.
    #[error("{what} has no encoding")]
    NoEncoding {
        /// The block.
        what: &'static str,
    },
    /// An `encoding` other than CSV, JSON or BASE64.
    #[error("{what} has the unknown encoding {encoding:?} (expected CSV, JSON or BASE64)")]
    UnknownEncoding {
        /// The block.
        what: &'static str,
        /// The encoding as written.
        encoding: String,
    },
    /// The block has no `data`.
    #[error("{what} has no data")]
    NoData {
        /// The block.
        what: &'static str,
    },
    /// `data` that is not base64.
    #[error("{what} data is not valid BASE64 ({reason})")]
    Base64 {
        /// The block.
        what: &'static str,
        /// The decoder's message.
        reason: String,
    },
    /// Base64 `data` whose bytes are not UTF-8.
    #[error("{what} data decodes from BASE64 to bytes that are not UTF-8 text")]
    NotUtf8 {
        /// The block.
        what: &'static str,
    },
    /// Base64 `data` of a content type that is neither CSV nor JSON.
    #[error("{what} holds BASE64 data of content type {content_type:?}, which is neither CSV nor JSON")]
    ContentType {
        /// The block.
        what: &'static str,
        /// `observedContentType` as written.
        content_type: String,
    },
    /// CSV `data` that cannot be split into fields.
    #[error("{what} data could not be split into CSV fields")]
    CsvFields {
        /// The block.
        what: &'static str,
    },
    /// JSON `data` that does not parse.
    #[error("{what} data is not valid JSON ({reason})")]
    Json {
        /// The block.
        what: &'static str,
        /// serde's message.
        reason: String,
    },
}
