//! The report's last sections: the model card as rendered text, and the
//! audit record (inputs by SHA-256, settings, the results' hash).

use std::fmt::Write as _;

use serde_json::Value;

use super::escape::escape;
use super::not_run;
use crate::audit::audit_record;
use crate::inputs::ReportInputs;
use crate::model_card::model_card as card_json;

/// One of the card's objects as a two-column table (keys as the schema spells them).
fn fields(out: &mut String, title: &str, value: &Value) {
    let Some(map) = value.as_object().filter(|m| !m.is_empty()) else { return };
    let _ = writeln!(out, "<h3>{}</h3>\n<table>", escape(title));
    for (key, v) in map {
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", escape(key), escape(&text));
    }
    let _ = writeln!(out, "</table>");
}

pub(crate) fn model_card(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"model-card\">Model card (SageMaker Model Card fields)</h2>");
    let card = card_json(inputs, &inputs.model_card.clone().unwrap_or_default());
    fields(out, "model_overview", &card["model_overview"]);
    fields(out, "intended_uses", &card["intended_uses"]);
    fields(out, "business_details", &card["business_details"]);
    fields(out, "training_details", &card["training_details"]);
    let evaluations = card["evaluation_details"].as_array().cloned().unwrap_or_default();
    if evaluations.is_empty() {
        not_run(out, "no evaluation ran");
    }
    for evaluation in &evaluations {
        let name = evaluation["name"].as_str().unwrap_or_default();
        let observation = evaluation["evaluation_observation"].as_str().unwrap_or_default();
        let _ = writeln!(out, "<h3>evaluation_details: {}</h3>\n<p>{}</p>", escape(name), escape(observation));
        let _ = writeln!(out, "<table><tr><th>Metric group</th><th>Metric</th><th>Value</th></tr>");
        for group in evaluation["metric_groups"].as_array().into_iter().flatten() {
            let group_name = group["name"].as_str().unwrap_or_default();
            for metric in group["metric_data"].as_array().into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                    escape(group_name),
                    escape(metric["name"].as_str().unwrap_or_default()),
                    escape(&metric["value"].to_string())
                );
            }
        }
        let _ = writeln!(out, "</table>");
    }
}

pub(crate) fn audit(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"audit\">Audit record</h2>");
    let record = match audit_record(inputs) {
        Ok(r) => r,
        Err(message) => {
            not_run(out, &message);
            return;
        }
    };
    let _ = writeln!(
        out,
        "<p>Tool {} {}, made {}. The results' SHA-256 is over their canonical JSON (keys sorted, no whitespace), recomputable from the exported audit.json's inputs.</p>",
        escape(&record.tool),
        escape(&record.tool_version),
        escape(&record.generated_at)
    );
    let _ = writeln!(out, "<table><tr><th>Role</th><th>File</th><th>Bytes</th><th>SHA-256</th></tr>");
    for f in &record.inputs {
        let hash = if f.sha256.is_empty() { "not hashed (made in memory)".to_owned() } else { f.sha256.clone() };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"hash\">{}</td></tr>",
            escape(&f.role),
            escape(&f.name),
            f.bytes,
            escape(&hash)
        );
    }
    let _ = writeln!(
        out,
        "</table>\n<p>Results SHA-256: <span class=\"hash\" id=\"results-sha256\">{}</span></p>",
        escape(&record.results_sha256)
    );
    let settings = serde_json::to_string_pretty(&record.settings).unwrap_or_default();
    let _ = writeln!(out, "<h3>Settings</h3>\n<pre><code>{}</code></pre>", escape(&settings));
}
