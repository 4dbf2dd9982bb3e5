//! The waterfall rendered to SVG: one bar per shown feature plus the folded
//! rest, the "feature = value" labels, E[f(X)] and f(x), and "no data".

use tideline_charts::{waterfall_svg, WaterfallChart, NEGATIVE, POSITIVE};

fn fill(colour: plotters::style::RGBColor) -> String {
    format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2)
}

fn chart() -> WaterfallChart {
    WaterfallChart {
        expected_value: 0.25,
        features: ["age", "income", "tenure", "region", "smoker"].map(String::from).to_vec(),
        feature_values: ["37", "52000", "4", "north", ""].map(String::from).to_vec(),
        contributions: vec![0.5, -0.25, 0.125, -0.0625, 0.0375],
        top_n: 4,
        ..WaterfallChart::default()
    }
}

#[test]
fn bars_labels_and_ends() {
    let svg = waterfall_svg(&chart(), 640, 400).unwrap();
    assert!(svg.starts_with("<svg"));
    // top_n = 4 bars: age, income, tenure, and "2 other features" (−0.0625 + 0.0375 < 0).
    assert_eq!(svg.matches(&fill(POSITIVE)).count(), 2, "{svg}");
    assert_eq!(svg.matches(&fill(NEGATIVE)).count(), 2);
    for label in ["age = 37", "income = 52000", "tenure = 4", "2 other features", "E[f(X)] = 0.25", "f(x) = 0.6"] {
        assert!(svg.contains(&format!(">\n{label}\n</text>")), "{label} missing");
    }
    assert!(svg.contains(">\n+0.5\n</text>") && svg.contains(">\n−0.25\n</text>"));
    insta::assert_snapshot!(svg);
}

#[test]
fn all_features_fit_and_empty_values_show_the_name_only() {
    let svg = waterfall_svg(&WaterfallChart { top_n: 10, ..chart() }, 640, 400).unwrap();
    assert_eq!(svg.matches(&fill(POSITIVE)).count() + svg.matches(&fill(NEGATIVE)).count(), 5);
    assert!(svg.contains(">\nsmoker\n</text>") && !svg.contains("other features"));
}

#[test]
fn non_finite_contributions_are_left_out_and_counted() {
    let chart = WaterfallChart { contributions: vec![0.5, f64::NAN, 0.125, -0.0625, 0.0375], top_n: 10, ..chart() };
    let svg = waterfall_svg(&chart, 640, 400).unwrap();
    assert_eq!(svg.matches(&fill(POSITIVE)).count() + svg.matches(&fill(NEGATIVE)).count(), 4);
    assert!(svg.contains("1 feature without a contribution left out"));
    assert_eq!(svg, waterfall_svg(&chart, 640, 400).unwrap());
}

#[test]
fn degenerate_data() {
    for case in [
        WaterfallChart::default(),
        WaterfallChart { contributions: vec![0.1], ..chart() },
        WaterfallChart { expected_value: f64::NAN, ..chart() },
    ] {
        let svg = waterfall_svg(&case, 400, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("no data: "), "{case:?}");
    }
    // All-zero contributions are drawn: f(x) equals E[f(X)].
    let zero = WaterfallChart { contributions: vec![0.0; 5], ..chart() };
    let svg = waterfall_svg(&zero, 400, 300).unwrap();
    assert!(svg.contains(">\nf(x) = 0.25\n</text>"), "{svg}");
}
