//! Tideline's web app: the Leptos UI and the engine worker it talks to.
//!
//! The page (`app` binary) only renders; every engine call runs in the worker
//! (`worker` binary), which holds the loaded data. They exchange the messages
//! of [`protocol`].

pub mod app;
pub mod bridge;
pub mod components;
pub mod demo;
pub mod download;
pub mod export_kind;
pub mod format;
pub mod navigate;
pub mod offline;
pub mod protocol;
pub mod section;
pub mod state;
pub mod worker;
