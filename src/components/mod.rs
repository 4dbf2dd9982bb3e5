//! UI components, one per file.

mod bias_controls;
mod bias_results;
mod bias_view;
mod canvas_draw;
mod cdf_canvas;
mod column_compare;
mod dataset_panel;
mod drift_view;
mod drop_zone;
mod file_list;
mod histogram_canvas;
mod intro;
mod job_progress;
mod quality_view;
mod schema_table;
mod sparkline_canvas;
mod split_control;

pub use bias_view::BiasView;
pub use cdf_canvas::CdfCanvas;
pub use column_compare::ColumnCompare;
pub use dataset_panel::DatasetPanel;
pub use drift_view::DriftView;
pub use drop_zone::DropZone;
pub use file_list::FileList;
pub use histogram_canvas::HistogramCanvas;
pub use intro::Intro;
pub use job_progress::JobProgress;
pub use quality_view::QualityView;
pub use schema_table::SchemaTable;
pub use sparkline_canvas::SparklineCanvas;
pub use split_control::SplitControl;
