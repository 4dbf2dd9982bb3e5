//! The frame every explainability chart draws first: a white page, the
//! title, and the "surrogate attributions" caption when there is one.

use plotters::coord::Shift;
use plotters::prelude::*;

/// Fills `area` white, writes `title` (and `caption`, in italics, under it)
/// and returns the area left below them.
pub(crate) fn titled_body<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    caption: Option<&str>,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let body = area.titled(title, ("sans-serif", 18))?;
    match caption {
        Some(caption) => {
            body.titled(caption, ("sans-serif", 13).into_font().style(FontStyle::Italic).color(&BLACK.mix(0.75)))
        }
        None => Ok(body),
    }
}
