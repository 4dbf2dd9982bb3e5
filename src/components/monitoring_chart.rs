//! The picked series across windows, drawn with the charts crate: threshold
//! band, reference value, violations, and the estimated performance beside
//! the realised one.

use leptos::html;
use leptos::prelude::*;
use tideline_charts::{draw_series_chart, SeriesChart};
use tideline_engine::timeline::{CheckStatus, CheckTimeline, Timeline};

use super::canvas_draw::draw_on_canvas;
use super::monitoring_groups::split_name;
use super::monitoring_view::{short_label, Selection};

/// The series to chart: the picked one, else the first with a violation, else the first.
fn charted<'a>(timeline: &'a Timeline, picked: Option<&str>) -> Option<&'a CheckTimeline> {
    let checks = &timeline.checks;
    picked
        .and_then(|name| checks.iter().find(|c| c.name == name))
        .or_else(|| checks.iter().find(|c| c.cells.iter().any(|x| x.status == CheckStatus::Violation)))
        .or_else(|| checks.first())
}

/// Realised and estimated performance of the same metric pair up.
fn companion<'a>(timeline: &'a Timeline, name: &str) -> Option<&'a CheckTimeline> {
    let other = match split_name(name) {
        ("model_quality", metric) => format!("estimated_performance:{metric}"),
        ("estimated_performance", metric) => format!("model_quality:{metric}"),
        _ => return None,
    };
    timeline.checks.iter().find(|c| c.name == other)
}

/// The chart of the picked series.
#[component]
pub fn MonitoringChart(
    /// The timeline shown.
    timeline: Memo<Option<Timeline>>,
    /// The picked series and window.
    selection: Selection,
) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let name = move || {
        let picked = selection.series.get();
        timeline.with(|t| t.as_ref().and_then(|t| charted(t, picked.as_deref())).map(|c| c.name.clone()))
    };
    Effect::new(move |_| {
        let picked = selection.series.get();
        let window = selection.window.get();
        timeline.with(|t| {
            let Some(t) = t else { return };
            let Some(series) = charted(t, picked.as_deref()) else { return };
            let labels: Vec<String> = t.windows.iter().map(|w| short_label(&w.label)).collect();
            let chart =
                SeriesChart { series, companion: companion(t, &series.name), labels: &labels, selected: window };
            draw_on_canvas(canvas, |area| draw_series_chart(area, &chart));
        });
    });
    view! {
        <Show when=move || timeline.with(Option::is_some)>
            <h3 data-testid="monitoring-chart-title">{move || name().map(|n| format!("Across windows: {n}"))}</h3>
        </Show>
        <canvas node_ref=canvas width="1100" height="360" data-testid="monitoring-chart" role="img"
            class:hidden=move || timeline.with(Option::is_none)
            aria-label=move || name().map(|n| format!("{n} per window, with its threshold band, the reference value dashed and violations crossed")).unwrap_or_default()></canvas>
    }
}
