//! Series colours (Okabe & Ito, "Color Universal Design", 2008).

use plotters::style::RGBColor;

/// Baseline data: Okabe–Ito blue.
pub const BASELINE: RGBColor = RGBColor(0, 114, 178);
/// Current data: Okabe–Ito orange.
pub const CURRENT: RGBColor = RGBColor(230, 159, 0);
/// Marks (the KS gap, unseen categories): Okabe–Ito vermillion.
pub const HIGHLIGHT: RGBColor = RGBColor(213, 94, 0);
