//! Draws a histogram on a canvas with the charts crate (drawing only; the
//! worker computed the bars).

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use tideline_engine::histogram::Histogram;

/// A canvas showing `histogram`.
#[component]
pub fn HistogramCanvas(
    /// The bars to draw.
    histogram: Signal<Option<Histogram>>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(h) = histogram.get() else { return };
        let Some(element) = canvas.get() else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(element) else { return };
        if let Err(e) = tideline_charts::draw_histogram(&backend.into_drawing_area(), &h) {
            web_sys::console::error_1(&format!("tideline: chart failed: {e}").into());
        }
    });
    view! { <canvas node_ref=canvas width="960" height="380" data-testid="compare-canvas" role="img" aria-label="Histogram of the selected column, baseline beside current"></canvas> }
}
