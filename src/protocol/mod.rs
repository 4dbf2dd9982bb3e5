//! The worker protocol, one file per channel: [`page`] carries the page ↔
//! engine worker messages, [`helper`] the engine worker ↔ helper worker
//! messages (the page never sees them), [`explain`] the explanation results
//! the page receives. Every message is a serde struct sent as JSON text;
//! files and big arrays travel beside it, never through the UI thread.

pub mod explain;
pub mod helper;
pub mod page;
mod side;

pub use page::{
    BiasResult, DataQualityResult, Demo, ExportKind, FileStatus, FocusInfo, Memory, ModelQualityReply, PiiAction,
    Reply, Request, TimelineResult,
};
pub use side::Side;
