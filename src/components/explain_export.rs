//! PNG and SVG downloads of an explain chart: the PNG is the canvas as
//! drawn, the SVG the same chart drawn again by the charts crate.

use leptos::html;
use leptos::prelude::*;

use crate::download::{download_canvas_png, download_text};

/// Two buttons saving the chart `name` (`explain-NAME.png` / `.svg`).
#[component]
pub fn ExplainExport(
    /// The chart's name, in file names and `data-testid`s.
    name: &'static str,
    /// The canvas the chart is drawn on.
    canvas: NodeRef<html::Canvas>,
    /// The chart as SVG, when there is one.
    svg: Callback<(), Option<Result<String, String>>>,
) -> impl IntoView {
    let png = move |_| {
        if let Some(c) = canvas.get_untracked() {
            download_canvas_png(&format!("explain-{name}.png"), &c);
        }
    };
    let save_svg = move |_| match svg.run(()) {
        Some(Ok(text)) => download_text(&format!("explain-{name}.svg"), "image/svg+xml", &text),
        Some(Err(e)) => web_sys::console::error_1(&format!("tideline: the {name} chart as SVG failed: {e}").into()),
        None => {}
    };
    view! {
        <div class="chart-actions">
            <button data-testid=format!("explain-{name}-png") on:click=png>"PNG"</button>
            <button data-testid=format!("explain-{name}-svg") on:click=save_svg>"SVG"</button>
        </div>
    }
}
