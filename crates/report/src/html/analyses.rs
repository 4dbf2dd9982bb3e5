//! The report's analysis sections: drift, data quality, model quality,
//! bias, attributions, the timeline and the personal-data scan.

use std::fmt::Write as _;

use tideline_charts::{histogram_svg, importance_svg, ImportanceChart};
use tideline_engine::data_quality::TypeRule;
use tideline_engine::drift::text::number_text;
use tideline_engine::timeline::{AlertState, CheckStatus};

use super::escape::{escape, num, opt};
use super::not_run;
use crate::inputs::ReportInputs;

/// Drifted columns drawn first, at most this many charts.
const MAX_HISTOGRAMS: usize = 12;
/// Features in the attribution chart.
const TOP_FEATURES: usize = 12;

fn yes_no(flag: bool) -> &'static str {
    if flag {
        "<span class=\"yes\">yes</span>"
    } else {
        "no"
    }
}

pub(crate) fn drift(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"drift\">Drift</h2>");
    let Some(section) = &inputs.drift else {
        not_run(out, "needs a baseline and current data");
        return;
    };
    let r = &section.report;
    let outputs = r.output_drift_text().map(|o| format!(" Also {o}.")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<p>{}: <strong>{}</strong>.{} Preset {}, correction {}, {} baseline and {} current rows.</p>",
        escape(&r.share_text()),
        if r.dataset_drift { "dataset drift" } else { "no dataset drift" },
        escape(&outputs),
        escape(r.preset.name()),
        escape(r.correction.name()),
        r.n_baseline,
        r.n_current
    );
    let _ = writeln!(
        out,
        "<table><tr><th>Column</th><th>Role</th><th>Kind</th><th>Test</th><th>Statistic</th><th>p-value</th><th>Effect size</th><th>PSI</th><th>Rule</th><th>Verdict</th></tr>"
    );
    for c in &r.columns {
        let verdict = c.verdict_text();
        let verdict = if c.drifted { format!("<span class=\"yes\">{verdict}</span>") } else { verdict.to_owned() };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{verdict}</td></tr>",
            escape(&c.name),
            escape(c.role.as_str()),
            escape(c.kind.as_str()),
            escape(&if c.robust { format!("{} (robust)", c.test.name()) } else { c.test.name().to_owned() }),
            number_text(c.statistic),
            escape(&c.p_values_text()),
            number_text(c.effect_size),
            number_text(c.psi),
            escape(&c.rule_text()),
        );
    }
    let _ = writeln!(out, "</table>");
    let skipped: Vec<(String, String)> = r.skipped.iter().map(|s| (s.name.clone(), s.reason.clone())).collect();
    if !skipped.is_empty() {
        let items: Vec<String> =
            skipped.iter().map(|(name, why)| format!("<li>{}: {}</li>", escape(name), escape(why))).collect();
        let _ = writeln!(out, "<p>Not tested:</p><ul>{}</ul>", items.join(""));
    }
    // Histograms of the drifted columns first, then the others (each found
    // by its column's name, so a column without one shifts nothing).
    let histogram = |i: usize| section.histograms.iter().find(|h| h.column == r.columns[i].name);
    let mut order: Vec<usize> = (0..r.columns.len()).filter(|&i| histogram(i).is_some()).collect();
    order.sort_by_key(|&i| !r.columns[i].drifted);
    let _ = writeln!(out, "<div class=\"charts\">");
    for i in order.into_iter().take(MAX_HISTOGRAMS) {
        if let Some(Ok(svg)) = histogram(i).map(|h| histogram_svg(h, 360, 220)) {
            let _ = writeln!(
                out,
                "<figure>{svg}<figcaption>{}: baseline (blue) and current (orange){}</figcaption></figure>",
                escape(&r.columns[i].name),
                if r.columns[i].drifted { ", drifted" } else { "" }
            );
        }
    }
    let _ = writeln!(out, "</div>");
}

pub(crate) fn data_quality(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"data-quality\">Data quality (Model Monitor)</h2>");
    let Some(q) = &inputs.data_quality else {
        not_run(out, "needs a baseline and current data");
        return;
    };
    let failed: Vec<_> = q.checks.iter().filter(|c| !c.passed).collect();
    let types = match q.types {
        TypeRule::Strict => "Model Monitor's strict data types (the sagemaker preset)",
        TypeRule::Widening => "widening data types (whole numbers fit a fractional column, any value a text one)",
    };
    let _ = writeln!(
        out,
        "<p>{} of {} checks violated; constraints {}; {types}.</p>",
        failed.len(),
        q.checks.len(),
        if q.edited { "edited by the analyst" } else { "suggested from the baseline" }
    );
    not_checked(out, &q.not_checked);
    if failed.is_empty() {
        return;
    }
    let _ = writeln!(out, "<table><tr><th>Feature</th><th>Check</th><th>Description</th></tr>");
    for c in failed {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.feature_name),
            escape(c.check.as_str()),
            escape(&c.description)
        );
    }
    let _ = writeln!(out, "</table>");
}

/// The columns left out by their role, with why.
fn not_checked(out: &mut String, columns: &[(String, String)]) {
    if columns.is_empty() {
        return;
    }
    let items: Vec<String> =
        columns.iter().map(|(name, note)| format!("<li>{}: {}</li>", escape(name), escape(note))).collect();
    let _ = writeln!(out, "<p>Left out by their role:</p><ul>{}</ul>", items.join(""));
}

pub(crate) fn model_quality(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"model-quality\">Model quality</h2>");
    let Some(m) = &inputs.model_quality else {
        not_run(out, "needs a label and a prediction or score column on both sides");
        return;
    };
    let _ = writeln!(
        out,
        "<p>{} from {}; {} labelled baseline rows, {} labelled current rows.</p>",
        escape(&m.problem),
        escape(&m.columns.join(", ")),
        m.labelled_rows.0,
        m.labelled_rows.1
    );
    let _ = writeln!(out, "<table><tr><th>Metric</th><th>Baseline</th><th>Current</th><th>Change</th></tr>");
    for (metric, current) in &m.current {
        let baseline = m.baseline.iter().find(|(n, _)| n == metric).map(|(_, v)| *v);
        let change = baseline.map(|b| current - b);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(metric),
            opt(baseline),
            num(*current),
            opt(change)
        );
    }
    let _ = writeln!(out, "</table>");
}

pub(crate) fn bias(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"bias\">Bias (Clarify metrics)</h2>");
    let Some(b) = &inputs.bias else {
        not_run(out, "needs a label column and a facet");
        return;
    };
    for (side, run) in [("Baseline", &b.baseline), ("Current", &b.current)] {
        let Some(run) = run else { continue };
        let stages = [
            ("pre-training", &run.analysis.pre_training_bias_metrics),
            ("post-training", &run.analysis.post_training_bias_metrics),
        ];
        for (stage_name, stage) in stages {
            let Some(stage) = stage else { continue };
            let _ = writeln!(
                out,
                "<h3>{side}: {stage_name} metrics (label {} = {})</h3>",
                escape(&stage.label),
                escape(&stage.label_value_or_threshold)
            );
            let _ =
                writeln!(out, "<table><tr><th>Facet</th><th>Value</th><th>Metric</th><th>Value</th><th>Note</th></tr>");
            for (facet, reports) in &stage.facets {
                for report in reports {
                    for metric in &report.metrics {
                        let _ = writeln!(
                            out,
                            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                            escape(facet),
                            escape(&report.value_or_threshold),
                            escape(&metric.name),
                            opt(metric.value),
                            escape(metric.error.as_deref().unwrap_or(""))
                        );
                    }
                }
            }
            let _ = writeln!(out, "</table>");
        }
    }
    if !b.drift.is_empty() {
        let _ = writeln!(out, "<h3>Bias drift against the baseline</h3>");
        let _ = writeln!(out, "<table><tr><th>Facet</th><th>Value</th><th>Metric</th><th>Baseline</th><th>Current</th><th>Current 95% interval</th><th>Check</th></tr>");
        for c in &b.drift {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                escape(&c.facet),
                escape(&c.facet_value),
                escape(&c.metric_name),
                num(c.baseline),
                opt(c.current),
                c.interval.map_or_else(|| "—".to_owned(), |i| format!("[{}, {}]", num(i.lower), num(i.upper))),
                c.verdict()
            );
        }
        let _ = writeln!(out, "</table>");
    }
}

pub(crate) fn attributions(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"attributions\">Feature attributions (SHAP)</h2>");
    let Some(a) = &inputs.attributions else {
        not_run(out, "needs a model, a surrogate or Clarify attributions");
        return;
    };
    let _ = writeln!(
        out,
        "<p>Method {}{}; NDCG of the current ranking against the baseline's (drift under {}):</p>",
        escape(&a.method),
        if a.surrogate { " (on a surrogate of the model)" } else { "" },
        num(a.threshold)
    );
    let _ = writeln!(out, "<table><tr><th>Label</th><th>NDCG</th><th>Drift</th></tr>");
    for (label, ndcg) in a.labels.iter().zip(&a.ndcg) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            escape(label),
            num(*ndcg),
            yes_no(*ndcg < a.threshold)
        );
    }
    let _ = writeln!(out, "</table>\n<div class=\"charts\">");
    for (k, label) in a.labels.iter().enumerate() {
        let (Some(baseline), Some(current)) = (a.baseline_global.get(k), a.current_global.get(k)) else { continue };
        let chart = ImportanceChart {
            title: format!("Mean |SHAP|: {label}"),
            features: a.features.clone(),
            baseline: baseline.clone(),
            current: current.clone(),
            value_label: "mean |SHAP value|".into(),
            top_n: TOP_FEATURES,
            surrogate_caption: a.surrogate.then(|| "explains a surrogate of the model".to_owned()),
        };
        if let Ok(svg) = importance_svg(&chart, 640, 420) {
            let _ = writeln!(
                out,
                "<figure>{svg}<figcaption>Global attributions, baseline and current: {}</figcaption></figure>",
                escape(label)
            );
        }
    }
    let _ = writeln!(out, "</div>");
}

pub(crate) fn timeline(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"timeline\">Timeline</h2>");
    let Some(t) = &inputs.timeline else {
        not_run(out, "needs a timestamp column or a window size");
        return;
    };
    let _ = writeln!(
        out,
        "<p>{} windows of {}; alert rule {} of the last {}. Cells: value (V = outside its bounds); ▲ = in alert.</p>",
        t.windows.len(),
        escape(&t.window),
        t.alert_rule.datapoints_to_alert(),
        t.alert_rule.evaluation_period()
    );
    let first = t.windows.first().map(|w| w.label.split('/').next().unwrap_or(&w.label).to_owned());
    let last = t.windows.last().map(|w| w.label.split('/').next().unwrap_or(&w.label).to_owned());
    let _ = writeln!(
        out,
        "<p>Windows: one symbol each, from {} to {}: ✓ within bounds, V violation, ▲ in alert (V▲ both), · no value.</p>",
        escape(first.as_deref().unwrap_or("")),
        escape(last.as_deref().unwrap_or(""))
    );
    // One row per check, its windows as a strip of symbols: as narrow as the
    // page however many windows there are (one column per window made a
    // table 7,729 px wide).
    let _ = writeln!(
        out,
        "<table class=\"timeline\"><tr><th>Check</th><th>Judged</th><th>Violations</th><th>In alert</th><th>Now</th><th>Last value</th><th>Windows</th></tr>"
    );
    for check in &t.checks {
        let judged = check.cells.iter().filter(|c| c.status != CheckStatus::Missing).count();
        let violations = check.cells.iter().filter(|c| c.status == CheckStatus::Violation).count();
        let alerts = check.alert_states.iter().filter(|a| **a == AlertState::InAlert).count();
        let now = match (check.cells.last().map(|c| c.status), check.alert_states.last()) {
            (_, Some(AlertState::InAlert)) => "<span class=\"cell-violation\">in alert ▲</span>",
            (Some(CheckStatus::Violation), _) => "<span class=\"cell-violation\">violation V</span>",
            (Some(CheckStatus::Missing), _) => "no value",
            _ => "<span class=\"cell-ok\">ok</span>",
        };
        let last_value = check.cells.iter().rev().find_map(|c| c.value);
        let strip: String = check
            .cells
            .iter()
            .zip(&check.alert_states)
            .map(|(cell, alert)| {
                let (class, mark) = match cell.status {
                    CheckStatus::Ok => ("cell-ok", "✓"),
                    CheckStatus::Violation => ("cell-violation", "V"),
                    CheckStatus::Missing => ("cell-missing", "·"),
                };
                let alert = if *alert == AlertState::InAlert { "▲" } else { "" };
                format!("<span class=\"{class}\">{mark}{alert}</span>")
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{judged}</td><td class=\"n\">{violations}</td><td class=\"n\">{alerts}</td><td>{now}</td><td class=\"n\">{}</td><td class=\"strip\">{strip}</td></tr>",
            escape(&check.name),
            opt(last_value)
        );
    }
    let _ = writeln!(out, "</table>");
}

pub(crate) fn personal_data(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"personal-data\">Personal data</h2>");
    let Some(p) = &inputs.pii else {
        not_run(out, "no data was scanned");
        return;
    };
    let flagged: Vec<_> = [("baseline", &p.baseline), ("current", &p.current)]
        .into_iter()
        .flat_map(|(side, report)| report.flagged().map(move |c| (side, c)))
        .collect();
    if flagged.is_empty() {
        let _ = writeln!(out, "<p>No personal data found in the text columns.</p>");
        return;
    }
    let _ = writeln!(
        out,
        "<table><tr><th>Side</th><th>Column</th><th>Kind</th><th>Cells</th><th>Share</th><th>Action</th></tr>"
    );
    for (side, column) in flagged {
        let action = p.actions.iter().find(|(c, _)| c == &column.column).map_or("none", |(_, a)| a.as_str());
        for f in &column.findings {
            let _ = writeln!(
                out,
                "<tr><td>{side}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                escape(&column.column),
                escape(f.kind.as_str()),
                f.cells,
                num(f.share),
                escape(action)
            );
        }
    }
    let _ = writeln!(out, "</table>");
}
