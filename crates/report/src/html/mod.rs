//! The self-contained HTML report: one file, inline CSS, charts as inline
//! SVG, no script and no external reference (its Content-Security-Policy
//! forbids loading anything), readable on screen and printed.

mod analyses;
mod escape;
mod provenance;

use std::fmt::Write as _;

use crate::inputs::ReportInputs;
use crate::overview::{overview, Light};
pub use escape::escape;

/// The report's style sheet (inlined).
const STYLE: &str = include_str!("style.css");

/// The policy: nothing may load, styles inline, images only as `data:`.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The whole report for `inputs`.
#[must_use]
pub fn render_html(inputs: &ReportInputs) -> String {
    let mut body = String::new();
    header(&mut body, inputs);
    lights(&mut body, inputs);
    datasets(&mut body, inputs);
    analyses::drift(&mut body, inputs);
    analyses::data_quality(&mut body, inputs);
    analyses::model_quality(&mut body, inputs);
    analyses::bias(&mut body, inputs);
    analyses::attributions(&mut body, inputs);
    analyses::timeline(&mut body, inputs);
    analyses::personal_data(&mut body, inputs);
    provenance::model_card(&mut body, inputs);
    provenance::audit(&mut body, inputs);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(&inputs.meta.title)
    )
}

/// A section's "did not run" line.
pub(crate) fn not_run(out: &mut String, why: &str) {
    let _ = writeln!(out, "<p class=\"not-run\">Not run: {}</p>", escape(why));
}

fn header(out: &mut String, inputs: &ReportInputs) {
    let m = &inputs.meta;
    let _ = writeln!(out, "<h1>{}</h1>", escape(&m.title));
    let _ =
        write!(out, "<p class=\"meta\">Made by Tideline {} on {}", escape(&m.tool_version), escape(&m.generated_at));
    if let Some(model) = &m.model {
        let _ = write!(out, " · model {}", escape(model));
    }
    let _ = writeln!(out, ". Computed entirely on the analyst's device.</p>");
}

fn light_word(light: Light) -> (&'static str, &'static str) {
    match light {
        Light::Grey => ("light-grey", "not run"),
        Light::Green => ("light-green", "ok"),
        Light::Amber => ("light-amber", "look"),
        Light::Red => ("light-red", "fails"),
    }
}

fn lights(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"overview\">Overview</h2>\n<ul class=\"lights\">");
    for area in overview(inputs).areas {
        let (class, word) = light_word(area.light);
        let _ = writeln!(
            out,
            "<li class=\"{class}\" data-area=\"{}\" data-light=\"{}\"><strong>{}</strong><span class=\"word\">{word}</span><br>{}</li>",
            area.area.key(),
            word,
            area.area.title(),
            escape(&area.headline)
        );
    }
    let _ = writeln!(out, "</ul>");
}

fn datasets(out: &mut String, inputs: &ReportInputs) {
    let _ = writeln!(out, "<h2 id=\"datasets\">Datasets</h2>");
    if inputs.baseline.is_none() && inputs.current.is_none() {
        not_run(out, "no data was loaded");
        return;
    }
    let _ = writeln!(out, "<table><tr><th>Side</th><th>Rows</th><th>Columns</th><th>Roles</th></tr>");
    for (side, summary) in [("Baseline", &inputs.baseline), ("Current", &inputs.current)] {
        let Some(s) = summary else { continue };
        let roles: Vec<String> = s
            .columns
            .iter()
            .filter(|c| !matches!(c.role, tideline_engine::roles::Role::Feature))
            .map(|c| format!("{}: {}", escape(&c.name), escape(c.role.as_str())))
            .collect();
        let rows = s.rows;
        let _ = writeln!(
            out,
            "<tr><td>{side}</td><td class=\"n\">{rows}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            s.columns.len(),
            roles.join(", ")
        );
    }
    let _ = writeln!(out, "</table>");
}
