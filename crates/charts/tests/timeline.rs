//! The monitoring series chart rendered to SVG.

use tideline_charts::{series_chart_svg, SeriesChart};
use tideline_engine::timeline::{AlertRule, CheckTimeline, Threshold};

#[test]
fn series_chart_marks_violations_and_draws_the_companion() {
    let threshold = Threshold { lower: Some(0.7), upper: None };
    let rule = AlertRule::default();
    let realised =
        CheckTimeline::from_values("model_quality:f1", Some(0.8), &[0.9, 0.6, f64::NAN, 0.5], threshold, rule);
    let estimated =
        CheckTimeline::from_values("estimated_performance:f1", None, &[0.85, 0.7, 0.65, 0.6], threshold, rule);
    let labels: Vec<String> = ["w1", "w2", "w3", "w4"].map(String::from).to_vec();
    let chart = SeriesChart { series: &realised, companion: Some(&estimated), labels: &labels, selected: Some(1) };
    let svg = series_chart_svg(&chart, 640, 320).unwrap();
    for text in ["model_quality:f1", "estimated (CBPE), dashed", "reference 0.8", "violation", "w2"] {
        assert!(svg.contains(text), "{text} missing");
    }
    // Two violations (0.6 and 0.5), each a cross of two strokes, plus the legend's swatch.
    let crosses = svg.matches("stroke=\"#D55E00\"").count();
    assert_eq!(crosses, 2 * 2 + 1, "{svg}");
}
