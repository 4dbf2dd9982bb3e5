//! Rendering any of the charts to an SVG string (reports, tests, downloads).
//!
//! Text is measured with plotters' own native estimate (0.7 em per byte) on
//! every target: in the browser plotters would measure through the page's
//! `window`, which a Web Worker has not, and the same estimate everywhere
//! makes a chart's SVG identical natively and in the worker.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// The SVG backend with the window-free text estimate.
pub struct SvgText<'a>(SVGBackend<'a>);

impl SvgText<'_> {
    /// Width and height of `text` at `size` pixels, as plotters' naive
    /// font estimates them natively.
    fn text_size(size: f64, text: &str) -> (u32, u32) {
        let em = size / 1.24 / 1.24;
        let width = (em * 0.7 * text.len() as f64).round() as i32;
        let height = (em * 0.24).round() as i32 + em.round() as i32;
        (width.max(0) as u32, height.max(0) as u32)
    }
}

impl DrawingBackend for SvgText<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(Self::text_size(style.size(), text))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, (iw, ih), src)
    }
}

/// Runs `draw` on a `width` × `height` SVG and returns the document.
///
/// # Errors
/// What the drawing reported.
pub fn render_svg<F>(width: u32, height: u32, draw: F) -> Result<String, String>
where
    F: for<'a> FnOnce(&DrawingArea<SvgText<'a>, Shift>) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
{
    let mut svg = String::new();
    {
        let area = SvgText(SVGBackend::with_string(&mut svg, (width, height))).into_drawing_area();
        draw(&area).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}
