//! Tideline's charts: plotters drawing functions generic over the backend, so
//! the app draws them on a canvas and reports and snapshot tests as SVG.
//!
//! Colours are the Okabe–Ito palette, safe for colour-blind readers.
#![deny(missing_docs)]

mod attribution_drift;
mod beeswarm;
mod cdf;
mod colour_scale;
mod curves;
mod dependence;
mod frame;
mod histogram;
mod importance;
mod legend;
mod no_data;
mod palette;
mod ranking;
mod sparkline;
mod svg;
pub use svg::{render_svg, SvgText};
mod ticks;
mod timeline;
mod waterfall;
mod window_columns;

pub use attribution_drift::{attribution_drift_svg, draw_attribution_drift, AttributionDriftChart, VIOLATION_SHADE};
pub use beeswarm::{beeswarm_svg, draw_beeswarm, BeeswarmChart, MAX_BEESWARM_POINTS};
pub use cdf::{cdf_svg, draw_cdf};
pub use colour_scale::{MISSING, NEGATIVE, POSITIVE};
pub use curves::{curves_svg, draw_curves, CurveChart, CurveSide, CurveStyle, Reference};
pub use dependence::{
    dependence_counts, dependence_svg, draw_dependence, DependenceChart, DependenceCounts, DependenceSide,
    MAX_DEPENDENCE_POINTS,
};
pub use histogram::{draw_histogram, histogram_svg};
pub use importance::{draw_importance, importance_svg, ImportanceChart};
pub use palette::{BASELINE, CURRENT, HIGHLIGHT, SERIES};
pub use sparkline::draw_sparkline;
pub use timeline::{draw_series_chart, series_chart_svg, SeriesChart};
pub use waterfall::{draw_waterfall, waterfall_svg, WaterfallChart};
pub use window_columns::WindowColumns;
