//! Side-by-side comparison of one column: histogram and a table of shares.

use leptos::prelude::*;
use tideline_engine::roles::Role;
use tideline_engine::types::Kind;

use wasm_bindgen::JsCast;

use super::{CdfCanvas, HistogramCanvas};
use crate::bridge::{self, COMPARE_BINS};
use crate::download::{download_canvas_png, download_text};
use crate::protocol::Request;
use crate::state::AppState;

/// Column picker, chart and share table.
#[component]
pub fn ColumnCompare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |column: String| {
        state.compare_column.set(Some(column.clone()));
        bridge::send(&Request::Compare { column, bins: COMPARE_BINS }, &[]);
    };
    // Once data is in, show the first numerical feature without a click.
    Effect::new(move |_| {
        let columns = state.sides[0].summary.get().or_else(|| state.sides[1].summary.get());
        if state.compare_column.get_untracked().is_some() {
            return;
        }
        let Some(summary) = columns else { return };
        let first = summary
            .columns
            .iter()
            .find(|c| c.kind == Kind::Numerical && c.role == Role::Feature)
            .or_else(|| summary.columns.first());
        if let Some(c) = first {
            choose(c.name.clone());
        }
    });
    let has_data =
        move || state.sides.iter().any(|s| s.summary.with(|x| x.as_ref().is_some_and(|x| !x.columns.is_empty())));
    let rows = move || {
        state.histogram.get().map(|h| {
            let share = |s: Option<&tideline_engine::histogram::Series>, i: usize| s.and_then(|s| s.shares.get(i)).map_or_else(|| "–".to_owned(), |x| format!("{:.1}%", x * 100.0));
            h.labels
                .iter()
                .enumerate()
                .map(|(i, label)| view! { <tr><th scope="row">{label.clone()}</th><td class="num">{share(h.baseline.as_ref(), i)}</td><td class="num">{share(h.current.as_ref(), i)}</td></tr> })
                .collect_view()
        })
    };
    view! {
        <Show when=has_data>
            <section class="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">"Compare a column"</h2>
                <label>
                    "Column "
                    <select data-testid="compare-select" on:change=move |ev| choose(event_target_value(&ev)) prop:value=move || state.compare_column.get().unwrap_or_default()>
                        {move || state.all_columns().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <HistogramCanvas histogram=Signal::derive(move || state.histogram.get())/>
                <div class="chart-actions">
                    <button data-testid="histogram-png" on:click=move |_| export_png("compare-canvas", "histogram")>"Histogram as PNG"</button>
                    <button data-testid="histogram-svg" on:click=move |_| {
                        if let Some(h) = state.histogram.get_untracked() {
                            save_svg(&format!("{}-histogram.svg", h.column), tideline_charts::histogram_svg(&h, 960, 380));
                        }
                    }>"Histogram as SVG"</button>
                </div>
                <Show when=move || state.cdf.with(Option::is_some)>
                    <CdfCanvas cdf=Signal::derive(move || state.cdf.get())/>
                    <div class="chart-actions">
                        <button data-testid="cdf-png" on:click=move |_| export_png("cdf-canvas", "cdf")>"CDFs as PNG"</button>
                        <button data-testid="cdf-svg" on:click=move |_| {
                            if let Some(c) = state.cdf.get_untracked() {
                                save_svg(&format!("{}-cdf.svg", c.column), tideline_charts::cdf_svg(&c, 960, 380));
                            }
                        }>"CDFs as SVG"</button>
                    </div>
                </Show>
                <details>
                    <summary>"Shares as a table"</summary>
                    <table data-testid="compare-table">
                        <thead><tr><th scope="col">"Bin"</th><th scope="col">"Baseline"</th><th scope="col">"Current"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            </section>
        </Show>
    }
}

/// Saves the canvas with this `data-testid` as `COLUMN-WHAT.png`.
fn export_png(testid: &str, what: &str) {
    let state = expect_context::<AppState>();
    let column = state.compare_column.get_untracked().unwrap_or_default();
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("canvas[data-testid='{testid}']")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    if let Some(canvas) = canvas {
        download_canvas_png(&format!("{column}-{what}.png"), &canvas);
    }
}

fn save_svg(name: &str, svg: Result<String, String>) {
    match svg {
        Ok(svg) => download_text(name, "image/svg+xml", &svg),
        Err(e) => web_sys::console::error_1(&format!("tideline: SVG export failed: {e}").into()),
    }
}
