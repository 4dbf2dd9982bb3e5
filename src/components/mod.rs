//! UI components, one per file.

mod column_compare;
mod dataset_panel;
mod drop_zone;
mod file_list;
mod histogram_canvas;
mod intro;
mod job_progress;
mod schema_table;

pub use column_compare::ColumnCompare;
pub use dataset_panel::DatasetPanel;
pub use drop_zone::DropZone;
pub use file_list::FileList;
pub use histogram_canvas::HistogramCanvas;
pub use intro::Intro;
pub use job_progress::JobProgress;
pub use schema_table::SchemaTable;
