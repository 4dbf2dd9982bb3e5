//! Drawing a chart of the charts crate on a page canvas, once it is mounted.

use std::fmt::Display;

use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

/// Runs `draw` on the canvas behind `canvas` if it is mounted; a drawing
/// error goes to the console (the chart stays blank, the page goes on).
pub fn draw_on_canvas<E: Display>(
    canvas: NodeRef<html::Canvas>,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>) -> Result<(), E>,
) {
    let Some(element) = canvas.get() else { return };
    let Some(backend) = CanvasBackend::with_canvas_object(element) else { return };
    if let Err(e) = draw(&backend.into_drawing_area()) {
        web_sys::console::error_1(&format!("tideline: chart failed: {e}").into());
    }
}
