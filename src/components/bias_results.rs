//! The Bias view's results: per facet value, each metric with its full
//! name, value, bootstrap interval, plain reading, range and ideal; bars of
//! DPPL and DI per facet value (DI with the 0.8 and 1.25 lines); each
//! group's confusion matrix.

use leptos::prelude::*;
use tideline_engine::bias::{Metric, MetricResult};

use crate::protocol::BiasResult;

fn number(v: f64) -> String {
    if v.is_infinite() {
        if v > 0.0 { "∞" } else { "−∞" }.into()
    } else {
        format!("{v:.4}")
    }
}

fn slug(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

fn metric_row(result: &BiasResult, facet: &str, value: &str, m: MetricResult) -> impl IntoView {
    let metric = Metric::parse(&m.name);
    let interval = result
        .intervals
        .iter()
        .find(|i| i.facet == facet && i.value_or_threshold == value && i.metric == m.name)
        .map(|i| format!("[{}, {}]", number(i.interval.lower), number(i.interval.upper)))
        .unwrap_or_default();
    let (range, ideal) = metric.map(|x| (x.info().range, x.info().ideal.to_string())).unwrap_or_default();
    let concern = matches!((metric, m.value), (Some(x), Some(v)) if x.is_concern(v));
    let reading = match (metric, m.value, &m.error) {
        (Some(x), Some(v), _) => x.reading(v),
        (_, _, Some(e)) => format!("not computable: {e}"),
        _ => String::new(),
    };
    let testid = format!("bias-metric-{}-{}-{}", slug(facet), slug(value), m.name);
    let shown = m.value.map(number).unwrap_or_else(|| "—".into());
    view! {
        <tr data-testid=testid data-value=m.value.map(|v| v.to_string()).unwrap_or_default() class=if concern { "concern" } else { "" }>
            <th scope="row"><abbr title=m.description.clone()>{m.name.clone()}</abbr></th>
            <td>{m.description.clone()}</td>
            <td class="num">{shown}</td>
            <td class="num">{interval}</td>
            <td>{reading}</td>
            <td>{range}</td>
            <td class="num">{ideal}</td>
        </tr>
    }
}

/// One table per stage and facet value.
#[component]
pub fn BiasTables(result: BiasResult) -> impl IntoView {
    let mut tables = Vec::new();
    let mut first = true;
    for (stage, report) in [
        ("Pre-training (labels)", &result.run.analysis.pre_training_bias_metrics),
        ("Post-training (predictions)", &result.run.analysis.post_training_bias_metrics),
    ] {
        let Some(report) = report else { continue };
        for (facet, values) in &report.facets {
            for v in values {
                let caption = format!(
                    "{stage}: {facet} = {} vs the rest (label {} = {})",
                    v.value_or_threshold, report.label, report.label_value_or_threshold
                );
                let rows = v
                    .metrics
                    .iter()
                    .cloned()
                    .map(|m| metric_row(&result, facet, &v.value_or_threshold, m))
                    .collect_view();
                // The first table of each stage is open; the others fold away.
                let open = first;
                first = false;
                tables.push(view! {
                    <details class="bias-facet" open=open>
                    <summary>{caption}</summary>
                    <div class="table-scroll">
                        <table class="bias-table">
                            <thead><tr><th scope="col">"Metric"</th><th scope="col">"Name"</th><th scope="col">"Value"</th><th scope="col">"95 % CI"</th><th scope="col">"Reading"</th><th scope="col">"Range"</th><th scope="col">"Ideal"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    </details>
                });
            }
        }
        first = true;
    }
    tables.collect_view()
}

/// Horizontal bars of one post-training metric across a facet's values.
fn bars(result: &BiasResult, metric: Metric) -> Option<impl IntoView> {
    let report = result.run.analysis.post_training_bias_metrics.as_ref()?;
    let mut items: Vec<(String, f64)> = Vec::new();
    for (facet, values) in &report.facets {
        for v in values {
            if let Some(x) =
                v.metrics.iter().find(|m| m.name == metric.name()).and_then(|m| m.value).filter(|x| x.is_finite())
            {
                items.push((format!("{facet} = {}", v.value_or_threshold), x));
            }
        }
    }
    if items.is_empty() {
        return None;
    }
    let (lo, hi) = if metric == Metric::DI {
        (0.0, items.iter().map(|i| i.1).fold(1.5_f64, f64::max))
    } else {
        let m = items.iter().map(|i| i.1.abs()).fold(0.25_f64, f64::max);
        (-m, m)
    };
    let (left, width, row) = (150.0, 300.0, 22.0);
    let x = move |v: f64| left + (v - lo) / (hi - lo) * width;
    let height = row * items.len() as f64 + 24.0;
    let lines: Vec<f64> = if metric == Metric::DI { vec![0.8, 1.0, 1.25] } else { vec![0.0] };
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (name, v))| {
            let y = row * i as f64 + 4.0;
            let base = x(0.0);
            let (start, end) = if x(*v) < base { (x(*v), base) } else { (base, x(*v)) };
            let concern = metric.is_concern(*v);
            view! {
                <text x=left - 6.0 y=y + 14.0 text-anchor="end" class="bar-label">{name.clone()}</text>
                <rect x=start y=y width=(end - start).max(1.0) height=row - 6.0 class=if concern { "bar concern" } else { "bar" }><title>{format!("{name}: {}", number(*v))}</title></rect>
                <text x=end + 4.0 y=y + 14.0 class="bar-value">{number(*v)}</text>
            }
        })
        .collect_view();
    let rules = lines
        .into_iter()
        .map(|l| view! { <line x1=x(l) x2=x(l) y1=0 y2=height - 18.0 class="rule"/><text x=x(l) y=height - 4.0 text-anchor="middle" class="rule-label">{format!("{l}")}</text> })
        .collect_view();
    let testid = format!("bias-bars-{}", metric.name());
    Some(view! {
        <figure class="bias-bars" data-testid=testid>
            <figcaption>{metric.description()}</figcaption>
            <svg viewBox=format!("0 0 520 {height}") width="520" height=height role="img" aria-label=format!("{} per facet value", metric.name())>{rules}{bars}</svg>
        </figure>
    })
}

/// DPPL and DI bars.
#[component]
pub fn BiasBars(result: BiasResult) -> impl IntoView {
    view! { <div class="bias-charts">{bars(&result, Metric::DPPL)}{bars(&result, Metric::DI)}</div> }
}

/// Each facet value's confusion matrix for groups d and a.
#[component]
pub fn BiasConfusion(result: BiasResult) -> impl IntoView {
    let predicted = result.run.groups.iter().any(|g| g.counts.as_ref().is_ok_and(|c| c.has_predictions));
    let rows = result
        .run
        .groups
        .iter()
        .filter_map(|g| g.counts.as_ref().ok().map(|c| (g, c)))
        .flat_map(|(g, c)| {
            [("d", c.d), ("a (rest)", c.a)].map(|(side, x)| {
                view! {
                    <tr>
                        <th scope="row">{format!("{} = {}: {side}", g.facet, g.value_or_threshold)}</th>
                        <td class="num">{x.n()}</td><td class="num">{x.positives()}</td>
                        <td class="num">{x.tp}</td><td class="num">{x.fp}</td><td class="num">{x.tn}</td><td class="num">{x.fn_}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    view! {
        <Show when=move || predicted>
            <div class="table-scroll">
                <table data-testid="bias-confusion">
                    <caption>"Confusion matrix per group"</caption>
                    <thead><tr><th scope="col">"Group"</th><th scope="col">"Rows"</th><th scope="col">"Positive labels"</th><th scope="col">"TP"</th><th scope="col">"FP"</th><th scope="col">"TN"</th><th scope="col">"FN"</th></tr></thead>
                    <tbody>{rows.clone()}</tbody>
                </table>
            </div>
        </Show>
    }
}
