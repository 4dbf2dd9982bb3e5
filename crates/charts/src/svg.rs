//! Rendering any of the charts to an SVG string (reports, tests, downloads).

use plotters::coord::Shift;
use plotters::prelude::*;

/// Runs `draw` on a `width` × `height` SVG and returns the document.
pub(crate) fn render_svg<F>(width: u32, height: u32, draw: F) -> Result<String, String>
where
    F: for<'a> FnOnce(&DrawingArea<SVGBackend<'a>, Shift>) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
{
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&area).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}
