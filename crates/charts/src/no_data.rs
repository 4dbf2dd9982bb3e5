//! The picture a chart draws when its data leave nothing to plot: the title
//! and a sentence saying why, instead of empty axes or a panic.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Fills `area` with `title` and "no data: {reason}" in the middle.
pub(crate) fn draw_no_data<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    reason: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (width, height) = area.dim_in_pixel();
    let centre = |size: u32| ("sans-serif", size).into_font().color(&BLACK).pos(Pos::new(HPos::Center, VPos::Center));
    let x = i32::try_from(width / 2).unwrap_or(i32::MAX);
    let y = i32::try_from(height / 2).unwrap_or(i32::MAX);
    if !title.is_empty() {
        area.draw_text(title, &centre(18), (x, 20))?;
    }
    area.draw_text(&format!("no data: {reason}"), &centre(15).color(&BLACK.mix(0.7)), (x, y))?;
    area.present()
}
