//! The attribution-drift chart rendered to SVG: a line and a baseline mark
//! per top feature, the NDCG points against the threshold line, windows in
//! violation shaded and red, the window columns a click maps to, and
//! "no data" for data with nothing to show.

use plotters::style::RGBColor;
use tideline_charts::{
    attribution_drift_svg, draw_attribution_drift, AttributionDriftChart, HIGHLIGHT, SERIES, VIOLATION_SHADE,
};

fn chart() -> AttributionDriftChart {
    AttributionDriftChart {
        features: ["age", "income", "tenure"].map(String::from).to_vec(),
        baseline: vec![0.2, 0.05, 0.5],
        windows: ["w1", "w2", "w3", "w4"].map(String::from).to_vec(),
        values: vec![vec![0.2, 0.05, 0.5], vec![0.25, 0.06, f64::NAN], vec![0.6, 0.1, 0.3], vec![0.7, 0.1, 0.2]],
        ndcg: vec![1.0, 0.97, 0.85, 0.8],
        violations: vec![false, false, true, true],
        top_n: 2,
        ..AttributionDriftChart::default()
    }
}

fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// Lines of `svg` opening `tag` that carry every one of `attributes`.
fn tags<'a>(svg: &'a str, tag: &str, attributes: &[String]) -> Vec<&'a str> {
    svg.lines().filter(|l| l.starts_with(tag) && attributes.iter().all(|a| l.contains(a.as_str()))).collect()
}

/// The numeric attribute `name` of an SVG element line.
fn attr(line: &str, name: &str) -> f64 {
    line.split(&format!(" {name}=\"")).nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok()).unwrap()
}

#[test]
fn a_line_and_a_baseline_mark_per_top_feature() {
    let svg = attribution_drift_svg(&chart(), 1000, 520).unwrap();
    assert!(svg.starts_with("<svg"));
    // top_n = 2: tenure (0.5) and age (0.2) by baseline value, in the first two colours.
    let (tenure, age, third) = (hex(SERIES[0]), hex(SERIES[1]), hex(SERIES[2]));
    let line = |c: &str| tags(&svg, "<polyline", &[format!("stroke=\"{c}\""), "stroke-width=\"2\"".into()]);
    // Tenure has no value in window 2: two runs, and a legend swatch each.
    assert_eq!(line(&tenure).len(), 2 + 1, "{svg}");
    assert_eq!(line(&age).len(), 1 + 1);
    assert!(line(&third).is_empty(), "income is not drawn");
    let dots = |c: &str| tags(&svg, "<circle", &[format!("fill=\"{c}\""), "r=\"3\"".into()]).len();
    assert_eq!(dots(&tenure), 3 + 1, "one per finite window and the legend's");
    assert_eq!(dots(&age), 4 + 1);
    // The baseline mark at the "baseline" position, and its value carried across dashed.
    assert_eq!(tags(&svg, "<rect", &[format!("fill=\"{tenure}\"")]).len(), 1);
    assert!(tags(&svg, "<polyline", &[format!("stroke=\"{age}\""), "stroke-width=\"1\"".into()]).len() > 3);
    assert!(svg.contains(">\nbaseline\n</text>") && svg.contains(">\nbaseline value\n</text>"));
    assert!(svg.contains(">\ntenure\n</text>") && !svg.contains(">\nincome\n</text>"));
    assert!(svg.contains("1 more feature not shown"));
    insta::assert_snapshot!(svg);
}

#[test]
fn windows_in_violation_are_shaded_and_red_below_the_threshold_line() {
    let svg = attribution_drift_svg(&chart(), 1000, 520).unwrap();
    let red = hex(HIGHLIGHT);
    // Two windows in violation, shaded in both panels.
    let bands = tags(&svg, "<rect", &[format!("opacity=\"{VIOLATION_SHADE}\""), format!("fill=\"{red}\"")]);
    assert_eq!(bands.len(), 2 * 2, "{svg}");
    let big = tags(&svg, "<circle", &[format!("fill=\"{red}\""), "r=\"5\"".into()]);
    assert_eq!(big.len(), 2);
    let passing = tags(&svg, "<circle", &["fill=\"#000000\"".into(), "r=\"3\"".into()]);
    assert_eq!(passing.len(), 2);
    // The threshold: a dashed red line, drawn where 0.90 is: below the passing points, above the failing.
    assert!(svg.contains(">\nthreshold 0.90\n</text>"));
    let dashes = tags(&svg, "<polyline", &[format!("stroke=\"{red}\""), "stroke-width=\"2\"".into()]);
    assert!(dashes.len() > 5);
    let y_of = |l: &str| -> f64 {
        let points = l.split("points=\"").nth(1).unwrap();
        points.split_whitespace().next().unwrap().split(',').nth(1).unwrap().parse().unwrap()
    };
    let threshold_y = y_of(dashes[0]);
    assert!(dashes.iter().all(|d| y_of(d) == threshold_y), "one horizontal line");
    assert!(passing.iter().all(|p| attr(p, "cy") < threshold_y) && big.iter().all(|p| attr(p, "cy") > threshold_y));
    // The bands sit over the failing windows' points.
    for point in &big {
        let x = attr(point, "cx");
        assert!(bands.iter().any(|b| attr(b, "x") <= x && x <= attr(b, "x") + attr(b, "width")));
    }
}

#[test]
fn the_columns_map_a_click_to_its_window() {
    use plotters::prelude::*;
    let mut svg = String::new();
    let columns = {
        let area = SVGBackend::with_string(&mut svg, (1000, 520)).into_drawing_area();
        draw_attribution_drift(&area, &chart()).unwrap()
    };
    assert_eq!(columns.centres.len(), 4);
    let step = columns.centres[1] - columns.centres[0];
    assert!(step > 50 && columns.centres.windows(2).all(|w| (w[1] - w[0] - step).abs() <= 1), "{columns:?}");
    for (i, &c) in columns.centres.iter().enumerate() {
        assert_eq!(columns.window_at(f64::from(c) + 0.4 * f64::from(step)), Some(i));
    }
    // The baseline position, left of the first window, opens nothing.
    assert_eq!(columns.window_at(f64::from(columns.centres[0] - step)), None);
    // The red points are drawn at their windows' centres.
    let red = hex(HIGHLIGHT);
    let big = tags(&svg, "<circle", &[format!("fill=\"{red}\""), "r=\"5\"".into()]);
    let xs: Vec<f64> = big.iter().map(|p| attr(p, "cx")).collect();
    assert_eq!(xs, [f64::from(columns.centres[2]), f64::from(columns.centres[3])]);
}

#[test]
fn nothing_to_show_says_no_data() {
    let cases = [
        AttributionDriftChart::default(),
        AttributionDriftChart {
            windows: Vec::new(),
            values: Vec::new(),
            ndcg: Vec::new(),
            violations: Vec::new(),
            ..chart()
        },
        AttributionDriftChart { ndcg: vec![1.0], ..chart() },
        AttributionDriftChart { baseline: vec![0.1], ..chart() },
        AttributionDriftChart { values: vec![vec![0.1]; 4], ..chart() },
    ];
    for case in cases {
        let svg = attribution_drift_svg(&case, 400, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("no data: "), "{case:?}");
        let mut out = String::new();
        let area = plotters::prelude::IntoDrawingArea::into_drawing_area(plotters::prelude::SVGBackend::with_string(
            &mut out,
            (400, 300),
        ));
        assert!(draw_attribution_drift(&area, &case).unwrap().centres.is_empty());
    }
}
