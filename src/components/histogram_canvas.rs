//! Draws a histogram on a canvas with the charts crate (drawing only; the
//! worker computed the bars).

use leptos::html;
use leptos::prelude::*;
use tideline_engine::histogram::Histogram;

use super::canvas_draw::draw_on_canvas;

/// A canvas showing `histogram`.
#[component]
pub fn HistogramCanvas(
    /// The bars to draw.
    histogram: Signal<Option<Histogram>>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(h) = histogram.get() else { return };
        draw_on_canvas(canvas, |area| tideline_charts::draw_histogram(area, &h));
    });
    view! { <canvas node_ref=canvas width="960" height="380" data-testid="compare-canvas" role="img" aria-label="Histogram of the selected column, baseline beside current"></canvas> }
}
