//! The HTML report on engine results: every section, nothing external to
//! load, user text escaped (a column named as a script), charts inline as
//! SVG, and "not run" for each analysis that did not run.

mod common;

use common::{full_inputs, HOSTILE};
use tideline_report::{render_html, ReportInputs};

const SECTIONS: [&str; 11] = [
    "overview",
    "datasets",
    "drift",
    "data-quality",
    "model-quality",
    "bias",
    "attributions",
    "timeline",
    "personal-data",
    "model-card",
    "audit",
];

/// The values of every `src=`, `href=` and `url(` in `html`.
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["src=", "href=", "url("] {
        for (at, _) in html.match_indices(marker) {
            let rest = html[at + marker.len()..].trim_start_matches(['"', '\'', ' ']);
            found.push(rest.chars().take_while(|c| !matches!(c, '"' | '\'' | ')' | ' ' | '>')).collect());
        }
    }
    found
}

/// The text of the section with `id`, up to the next `<h2`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<h2 id=\"{id}\"")).unwrap_or_else(|| panic!("section {id}"));
    let end = html[start + 4..].find("<h2").map_or(html.len(), |e| start + 4 + e);
    &html[start..end]
}

#[test]
fn a_full_report_has_every_section_and_references_nothing_outside() {
    let html = render_html(&full_inputs());
    for id in SECTIONS {
        let text = section(&html, id);
        assert!(!text.contains("Not run"), "section {id} ran:\n{text}");
    }
    for reference in references(&html) {
        assert!(reference.starts_with("data:") || reference.starts_with('#'), "external reference {reference}");
    }
    for forbidden in ["<link", "<script", "<iframe", "<object", "<embed", "@import"] {
        assert!(!html.contains(forbidden), "{forbidden} in the report");
    }
    // An address appears only as the SVG namespace's name, which loads nothing.
    for (at, _) in html.match_indices("http:").chain(html.match_indices("https:")) {
        let before = &html[..at];
        assert!(
            before.ends_with("xmlns=\"") && html[at..].starts_with("http://www.w3.org/2000/svg\""),
            "an address in the report: {}",
            &html[at.saturating_sub(40)..(at + 60).min(html.len())]
        );
    }
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ));
}

#[test]
fn lights_and_timeline_cells_say_their_state_in_words_too() {
    let inputs = full_inputs();
    let html = render_html(&inputs);
    let lights = section(&html, "overview");
    for area in tideline_report::overview(&inputs).areas {
        let word = match area.light {
            tideline_report::Light::Grey => "not run",
            tideline_report::Light::Green => "ok",
            tideline_report::Light::Amber => "look",
            tideline_report::Light::Red => "fails",
        };
        let item = format!("data-area=\"{}\" data-light=\"{word}\"", area.area.key());
        assert!(lights.contains(&item), "{item}");
    }
    assert!(lights.matches("<span class=\"word\">").count() == tideline_report::Area::ALL.len());
    let timeline = section(&html, "timeline");
    assert!(timeline.contains("<table class=\"timeline\">"), "one row per check, not one column per window");
    assert!(timeline.contains("<span class=\"cell-violation\">V"), "violations marked by a letter too");
    assert!(timeline.contains("▲</span>"), "alert states marked");
}

#[test]
fn the_reference_scan_catches_an_external_asset() {
    let html = "<img src=\"https://x.test/a.png\"><a href=\"#top\"></a><div style=\"background:url(data:,)\">";
    assert_eq!(references(html), ["https://x.test/a.png", "#top", "data:,"]);
}

#[test]
fn user_text_is_escaped_everywhere() {
    let html = render_html(&full_inputs());
    assert!(!html.contains(HOSTILE), "the raw markup never reaches the page");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for id in ["drift", "audit"] {
        assert!(section(&html, id).contains(escaped), "{id} names the column or file, escaped");
    }
    assert!(html.contains(&format!("<title>Car loans {escaped}</title>")));
}

#[test]
fn drift_and_attributions_are_drawn_inline() {
    let html = render_html(&full_inputs());
    let drift = section(&html, "drift");
    let histograms = drift.matches("<svg").count();
    assert!((1..=12).contains(&histograms), "{histograms} histograms");
    // The drifted columns come first: the first figure is of a drifted column.
    let first = drift.split("</figcaption>").next().unwrap();
    assert!(first.contains("</svg>") && first.ends_with(", drifted"), "{}", &first[first.len().saturating_sub(200)..]);
    assert_eq!(section(&html, "attributions").matches("<svg").count(), 1);
}

#[test]
fn an_empty_analysis_says_what_did_not_run() {
    let html = render_html(&ReportInputs::default());
    for id in
        ["datasets", "drift", "data-quality", "model-quality", "bias", "attributions", "timeline", "personal-data"]
    {
        assert!(section(&html, id).contains("Not run: "), "section {id}");
    }
    assert!(!html.contains("<svg"));
}
