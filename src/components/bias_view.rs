//! The Bias view: Clarify's pre- and post-training metrics of the loaded
//! data, the fairness metrics Clarify lacks (AIF360, Fairlearn, with the
//! intersections of two facets), bias drift against the baseline, and the
//! files to download.

use leptos::prelude::*;
use tideline_engine::bias::fairness::FairnessReport;

use super::bias_controls::BiasControls;
use super::bias_results::{BiasBars, BiasConfusion, BiasTables};
use crate::download::download_text;
use crate::protocol::BiasResult;
use crate::state::AppState;

fn fairness_view(result: &BiasResult) -> impl IntoView {
    let Ok(report) = serde_json::from_str::<FairnessReport>(&result.fairness) else {
        return view! { <p class="help" data-testid="bias-fairness-error">{format!("Fairness metrics unavailable: {}", result.fairness)}</p> }.into_any();
    };
    let intersections = report.intersections.clone();
    report
        .facets
        .into_iter()
        .map(|f| {
            let intersection = f.facet.contains(" × ");
            let testid = if intersection { "bias-intersection".to_owned() } else { format!("bias-fairness-{}", f.facet) };
            let metrics = f
                .aif360
                .iter()
                .chain(&f.fairlearn)
                .map(|m| {
                    let ci = m.interval.as_ref().map(|i| format!("[{:.4}, {:.4}]", i.lower, i.upper)).unwrap_or_default();
                    view! { <tr><th scope="row">{m.name.clone()}</th><td class="num">{format!("{:.4}", m.value)}</td><td class="num">{ci}</td><td>{m.description.clone()}</td><td>{m.reference.clone()}</td></tr> }
                })
                .collect_view();
            let groups = f
                .groups
                .iter()
                .map(|g| {
                    let pct = |x: Option<f64>| x.map(|v| format!("{:.1} %", v * 100.0)).unwrap_or_else(|| "—".into());
                    let no_predictions = f.fairlearn.is_empty();
                    let undefined = move |x: Option<f64>, why: &'static str| if x.is_some() { "" } else if no_predictions { "no predicted label: rates of predictions are undefined" } else { why };
                    let ratio = g.impact_ratio.map(|r| format!("{r:.3}")).unwrap_or_else(|| "—".into());
                    // Crossed groups also show Clarify's DI and DPPL against all other rows.
                    let clarify = |name: &str| {
                        intersections
                            .iter()
                            .find(|r| r.value_or_threshold == g.group)
                            .and_then(|r| r.metrics.iter().find(|m| m.name == name))
                            .and_then(|m| m.value)
                            .map(|v| format!("{v:.3}"))
                            .unwrap_or_else(|| "—".into())
                    };
                    let (di, dppl) = if intersection { (clarify("DI"), clarify("DPPL")) } else { (String::new(), String::new()) };
                    let flagged = g.impact_ratio.is_some_and(|r| r < 0.8);
                    view! {
                        <tr class=if flagged { "concern" } else { "" }>
                            <th scope="row">{g.group.clone()}</th><td class="num">{g.n}</td>
                            <td class="num" title=undefined(g.base_rate, "an empty group")>{pct(g.base_rate)}</td><td class="num" title=undefined(g.selection_rate, "an empty group")>{pct(g.selection_rate)}</td>
                            <td class="num" title=undefined(g.true_positive_rate, "no positive label in the group")>{pct(g.true_positive_rate)}</td><td class="num" title=undefined(g.false_positive_rate, "no negative label in the group")>{pct(g.false_positive_rate)}</td><td class="num" title=undefined(g.impact_ratio, "no group is ever selected")>{ratio}</td>
                            <td class="num">{di}</td><td class="num">{dppl}</td>
                        </tr>
                    }
                })
                .collect_view();
            let undefined_note = f.fairlearn.is_empty().then(|| view! { <p class="help" data-testid="bias-no-predictions">"No predicted label is set: selection rate, TPR, FPR and impact ratio need one, so they show —."</p> });
            let notes = f.flags.iter().map(|x| x.message.clone()).chain(f.warnings.iter().map(|w| w.message.clone())).map(|m| view! { <li>{m}</li> }).collect_view();
            view! {
                <div class="fairness-facet" data-testid=testid>
                    <h4>{if intersection { format!("Intersections: {}", f.facet) } else { format!("Groups of {}", f.facet) }}</h4>
                    <div class="table-scroll"><table>
                        <thead><tr><th scope="col">"Group"</th><th scope="col">"Rows"</th><th scope="col">"Positive labels"</th><th scope="col">"Selection rate"</th><th scope="col">"TPR"</th><th scope="col">"FPR"</th><th scope="col">"Impact ratio"</th><th scope="col" title="Clarify's DI of this group against all other rows (intersections)">"DI vs rest"</th><th scope="col" title="Clarify's DPPL of this group against all other rows (intersections)">"DPPL vs rest"</th></tr></thead>
                        <tbody>{groups}</tbody>
                    </table></div>
                    {undefined_note}
                    <div class="table-scroll"><table>
                        <thead><tr><th scope="col">"Metric"</th><th scope="col">"Value"</th><th scope="col">"95 % CI"</th><th scope="col">"Meaning"</th><th scope="col">"Source"</th></tr></thead>
                        <tbody>{metrics}</tbody>
                    </table></div>
                    <ul class="warnings">{notes}</ul>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

fn drift_view(result: &BiasResult) -> impl IntoView {
    let violated = result.drift.iter().filter(|c| c.violated).count();
    let beyond = result.drift.iter().filter(|c| c.beyond_noise).count();
    let rows = result
        .drift
        .iter()
        .map(|c| {
            let testid = format!("bias-drift-{}-{}", c.metric_name, c.facet_value);
            view! {
                <tr data-testid=testid data-violated=c.violated.to_string() data-beyond-noise=c.beyond_noise.to_string() class=if c.beyond_noise { "concern" } else { "" }>
                    <th scope="row">{c.metric_name.clone()}</th><td>{format!("{} = {}", c.facet, c.facet_value)}</td>
                    <td class="num">{format!("{:.4}", c.baseline)}</td><td class="num">{c.current.map(|v| format!("{v:.4}")).unwrap_or_else(|| "—".into())}</td>
                    <td class="num">{c.interval.map(|i| format!("[{:.4}, {:.4}]", i.lower, i.upper)).unwrap_or_else(|| "—".into())}</td>
                    <td>{c.verdict()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>"Bias drift (current vs baseline)"</h3>
        <p data-testid="bias-drift-verdict" data-violations=violated data-beyond-noise=beyond>{format!("{beyond} of {} metrics moved away from no bias beyond their current 95% bootstrap interval ({violated} farther by Model Monitor's rule, which any noise trips; its constraint_violations.json keeps them all).", result.drift.len())}</p>
        <div class="table-scroll"><table data-testid="bias-drift">
            <thead><tr><th scope="col">"Metric"</th><th scope="col">"Facet"</th><th scope="col">"Baseline"</th><th scope="col">"Current"</th><th scope="col">"Current 95% interval"</th><th scope="col">"Check"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

/// The whole Bias section.
#[component]
pub fn BiasView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save = move |name: &'static str, pick: fn(&BiasResult) -> Option<String>| {
        move |_| {
            if let Some(text) = state.bias.result.with_untracked(|b| b.as_ref().and_then(pick)) {
                download_text(name, "application/json", &text);
            }
        }
    };
    let results = move || {
        state.bias.result.get().map(|r| {
            let concerns = r.run.analysis.concerns().len();
            let warnings = r.run.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view();
            let has_drift = !r.drift.is_empty();
            let side = r.side.as_str();
            let methods = r.run.analysis.pre_training_bias_metrics.iter().chain(&r.run.analysis.post_training_bias_metrics).flat_map(|s| s.facets.values().flatten().take(1)).flat_map(|v| v.metrics.iter().map(|m| m.name.clone())).collect::<Vec<_>>().join(",");
            let group = r.config.group_variable.as_ref().map(|g| match g { tideline_engine::bias::ColumnRef::Name(n) => n.clone(), tideline_engine::bias::ColumnRef::Index(i) => i.to_string() }).unwrap_or_default();
            view! {
                <p class=if concerns == 0 { "verdict" } else { "verdict drifted" } data-testid="bias-verdict" data-millis=r.millis data-metrics-millis=r.metrics_millis data-methods=methods data-group=group data-concerns=concerns data-side=side>
                    {format!("{concerns} metrics beyond their rule-of-thumb thresholds on the {side} data ({:.0} ms).", r.millis)}
                </p>
                <ul class="warnings" data-testid="bias-warnings">{warnings}</ul>
                <BiasTables result=r.clone()/>
                <BiasBars result=r.clone()/>
                <BiasConfusion result=r.clone()/>
                <h3>"Beyond Clarify: AIF360 and Fairlearn metrics"</h3>
                {fairness_view(&r)}
                {has_drift.then(|| drift_view(&r))}
            }
        })
    };
    view! {
        <Show when=move || state.any_loaded()>
            <section class="bias" aria-labelledby="bias-title" data-testid="bias-view">
                <h2 id="bias-title">"Bias (Clarify metrics)"</h2>
                <BiasControls/>
                <Show when=move || state.bias.error.with(Option::is_some)>
                    <p class="notice" role="alert" data-testid="bias-error">{move || state.bias.error.get()}</p>
                </Show>
                <Show when=move || state.bias.running.get()>
                    <p class="running" role="status">"Computing bias metrics…"</p>
                </Show>
                {results}
                <div class="chart-actions">
                    <button data-testid="download-analysis" on:click=save("analysis.json", |b| Some(b.run.analysis.to_json()))>"analysis.json"</button>
                    <button data-testid="download-fairness" on:click=save("fairness.json", |b| Some(b.fairness.clone()))>"fairness.json"</button>
                    <button data-testid="download-analysis-config" on:click=save("analysis_config.json", |b| Some(b.config.to_json()))>"analysis_config.json"</button>
                    <button data-testid="download-bias-violations" on:click=save("constraint_violations.json", |b| b.violations.clone())>"constraint_violations.json"</button>
                </div>
            </section>
        </Show>
    }
}
