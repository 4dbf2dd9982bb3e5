//! Legends drawn with the backend's own text measure. Plotters' series
//! labels measure text through the page's `window`, which the engine worker
//! has not (it draws the report's SVG), so the charts draw their legend
//! here instead: in a strip above the plot (never over the data), or boxed
//! in a corner where a chart leaves one empty by construction.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One row: a swatch and its words.
pub struct LegendEntry {
    /// The words.
    pub label: String,
    /// The swatch's style (filled or outlined).
    pub swatch: ShapeStyle,
}

/// Where the legend sits in the plotting area.
#[derive(Clone, Copy)]
pub enum Corner {
    /// Bottom right.
    LowerRight,
}

const FONT_SIZE: f64 = 13.0;
const PAD: i32 = 6;
const SWATCH: i32 = 12;
const ROW: i32 = 18;
const MARGIN: i32 = 8;

/// Draws `entries` in a box at `corner` of `area` (the chart's plotting
/// area in pixels: `chart.plotting_area().strip_coord_spec()`).
///
/// # Errors
/// What the backend reported.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    corner: Corner,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if entries.is_empty() {
        return Ok(());
    }
    let font = ("sans-serif", FONT_SIZE).into_font();
    let mut text_width = 0;
    for e in entries {
        text_width = text_width.max(area.estimate_text_size(&e.label, &font.clone().into())?.0);
    }
    let (w, h) = area.dim_in_pixel();
    let box_w = PAD * 3 + SWATCH + i32::try_from(text_width).unwrap_or(i32::MAX / 4);
    let box_h = PAD * 2 + ROW * i32::try_from(entries.len()).unwrap_or(1);
    let x0 = i32::try_from(w).unwrap_or(0) - MARGIN - box_w;
    let y0 = match corner {
        Corner::LowerRight => i32::try_from(h).unwrap_or(0) - MARGIN - box_h,
    };
    area.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], WHITE.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], BLACK.stroke_width(1)))?;
    let style = font.color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
    for (row, e) in (0_i32..).zip(entries) {
        let cy = y0 + PAD + ROW * row + ROW / 2;
        area.draw(&Rectangle::new([(x0 + PAD, cy - 5), (x0 + PAD + SWATCH, cy + 5)], e.swatch))?;
        area.draw(&Text::new(e.label.clone(), (x0 + PAD * 2 + SWATCH, cy), style.clone()))?;
    }
    Ok(())
}

/// Height of a legend strip, px.
pub const STRIP_HEIGHT: u32 = 24;

/// Draws `entries` left to right in `strip` (a band above the plot, e.g.
/// `area.split_vertically(STRIP_HEIGHT)`), from `left` px: a filled style
/// is a square swatch, a stroke a short line. Entries that would run past
/// the right edge wrap to nothing rather than overlap: the strip is sized
/// for a few entries.
///
/// # Errors
/// What the backend reported.
pub fn draw_strip<DB: DrawingBackend>(
    strip: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    left: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font = ("sans-serif", FONT_SIZE).into_font();
    let width = i32::try_from(strip.dim_in_pixel().0).unwrap_or(i32::MAX);
    let y = i32::try_from(STRIP_HEIGHT / 2).unwrap_or(12);
    let mut x = left;
    for e in entries {
        let text = i32::try_from(strip.estimate_text_size(&e.label, &font.clone().into())?.0).unwrap_or(100);
        if x + SWATCH * 2 + text > width {
            break;
        }
        if e.swatch.filled {
            strip.draw(&Rectangle::new([(x, y - 5), (x + SWATCH, y + 5)], e.swatch))?;
        } else {
            strip.draw(&PathElement::new([(x - 2, y), (x + SWATCH + 2, y)], e.swatch))?;
        }
        let style = font.clone().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center));
        strip.draw(&Text::new(e.label.clone(), (x + SWATCH + PAD, y), style))?;
        x += SWATCH + PAD + text + 24;
    }
    Ok(())
}
