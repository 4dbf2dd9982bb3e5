//! Series colours (Okabe & Ito, "Color Universal Design", 2008).

use plotters::style::RGBColor;

/// Baseline data: Okabe–Ito blue.
pub const BASELINE: RGBColor = RGBColor(0, 114, 178);
/// Current data: Okabe–Ito orange.
pub const CURRENT: RGBColor = RGBColor(230, 159, 0);
/// Marks (the KS gap, unseen categories): Okabe–Ito vermillion.
pub const HIGHLIGHT: RGBColor = RGBColor(213, 94, 0);
/// Colours of up to eight series told apart by colour alone (feature lines):
/// the Okabe–Ito palette, its pale yellow darkened to stay visible on white.
pub const SERIES: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
    RGBColor(180, 160, 30),
];
