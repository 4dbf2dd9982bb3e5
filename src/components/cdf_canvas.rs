//! Draws a numeric column's two CDFs with the KS gap, with the charts crate.

use leptos::html;
use leptos::prelude::*;
use tideline_engine::cdf::CdfPair;

use super::canvas_draw::draw_on_canvas;

/// A canvas showing `cdf`.
#[component]
pub fn CdfCanvas(
    /// The CDFs to draw.
    cdf: Signal<Option<CdfPair>>,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(pair) = cdf.get() else { return };
        draw_on_canvas(canvas, |area| tideline_charts::draw_cdf(area, &pair));
    });
    view! { <canvas node_ref=canvas width="960" height="380" data-testid="cdf-canvas" role="img" aria-label="Cumulative shares of the selected column, baseline and current, with the largest gap marked"></canvas> }
}
