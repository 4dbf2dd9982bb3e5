//! Draws a numeric column's two CDFs with the KS gap, with the charts crate.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use tideline_engine::cdf::CdfPair;

/// A canvas showing `cdf`.
#[component]
pub fn CdfCanvas(
    /// The CDFs to draw.
    cdf: Signal<Option<CdfPair>>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(pair) = cdf.get() else { return };
        let Some(element) = canvas.get() else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(element) else { return };
        if let Err(e) = tideline_charts::draw_cdf(&backend.into_drawing_area(), &pair) {
            web_sys::console::error_1(&format!("tideline: chart failed: {e}").into());
        }
    });
    view! { <canvas node_ref=canvas width="960" height="380" data-testid="cdf-canvas" role="img" aria-label="Cumulative shares of the selected column, baseline and current, with the largest gap marked"></canvas> }
}
