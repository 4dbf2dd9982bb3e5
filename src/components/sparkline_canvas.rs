//! A row's small baseline/current histogram, drawn by the charts crate.

use leptos::html;
use leptos::prelude::*;
use tideline_engine::histogram::Histogram;

use super::canvas_draw::draw_on_canvas;

/// A 120×28 canvas with `histogram`'s bars.
#[component]
pub fn SparklineCanvas(
    /// The bars.
    histogram: Histogram,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let label = format!("Small histogram of {}: baseline blue, current orange", histogram.column);
    Effect::new(move |_| {
        draw_on_canvas(canvas, |area| tideline_charts::draw_sparkline(area, &histogram));
    });
    view! { <canvas class="sparkline" node_ref=canvas width="120" height="28" role="img" aria-label=label></canvas> }
}
