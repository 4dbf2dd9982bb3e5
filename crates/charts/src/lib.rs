//! Tideline's charts: plotters drawing functions generic over the backend, so
//! the app draws them on a canvas and reports and snapshot tests as SVG.
//!
//! Colours are the Okabe–Ito palette, safe for colour-blind readers.
#![deny(missing_docs)]

mod cdf;
mod histogram;
mod palette;
mod sparkline;
mod timeline;

pub use cdf::{cdf_svg, draw_cdf};
pub use histogram::{draw_histogram, histogram_svg};
pub use palette::{BASELINE, CURRENT, HIGHLIGHT};
pub use sparkline::draw_sparkline;
pub use timeline::{draw_series_chart, series_chart_svg, SeriesChart};
