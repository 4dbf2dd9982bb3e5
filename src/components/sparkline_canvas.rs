//! A row's small baseline/current histogram, drawn by the charts crate.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use tideline_engine::histogram::Histogram;

/// A 120×28 canvas with `histogram`'s bars.
#[component]
pub fn SparklineCanvas(
    /// The bars.
    histogram: Histogram,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let label = format!("Small histogram of {}: baseline blue, current orange", histogram.column);
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(element) else { return };
        if let Err(e) = tideline_charts::draw_sparkline(&backend.into_drawing_area(), &histogram) {
            web_sys::console::error_1(&format!("tideline: sparkline failed: {e}").into());
        }
    });
    view! { <canvas class="sparkline" node_ref=canvas width="120" height="28" role="img" aria-label=label></canvas> }
}
