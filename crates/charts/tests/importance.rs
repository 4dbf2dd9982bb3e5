//! The global importance chart rendered to SVG: bars per side, names, the
//! note on hidden features, and "no data" for data with nothing to show.

use tideline_charts::{importance_svg, ImportanceChart};

fn chart() -> ImportanceChart {
    ImportanceChart {
        features: ["age", "income", "tenure", "region"].map(String::from).to_vec(),
        baseline: vec![0.30, 0.12, 0.05, 0.01],
        current: vec![0.10, 0.25, 0.04, 0.02],
        top_n: 3,
        ..ImportanceChart::default()
    }
}

#[test]
fn one_bar_per_feature_and_side_largest_current_first() {
    let svg = importance_svg(&chart(), 640, 360).unwrap();
    assert!(svg.starts_with("<svg"));
    // 3 shown features × 1 bar, plus the legend swatch, per side.
    assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 3 + 1, "{svg}");
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 3 + 1);
    for name in ["age", "income", "tenure"] {
        assert!(svg.contains(&format!(">\n{name}\n</text>")), "{name} missing");
    }
    assert!(!svg.contains(">\nregion\n</text>"), "the fourth feature is beyond top_n");
    assert!(svg.contains("mean |SHAP|  (1 more feature not shown)"));
    // Sorted by current: income is drawn above (smaller y) age.
    let y_of = |name: &str| {
        let at = svg.find(&format!(">\n{name}\n</text>")).unwrap();
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let y = tag.split("y=\"").nth(1).unwrap().split('"').next().unwrap();
        y.parse::<f64>().unwrap()
    };
    assert!(y_of("income") < y_of("age") && y_of("age") < y_of("tenure"));
    insta::assert_snapshot!(svg);
}

#[test]
fn one_side_and_surrogate_caption() {
    let chart = ImportanceChart {
        current: Vec::new(),
        surrogate_caption: Some("surrogate attributions (R² 0.93)".to_owned()),
        ..chart()
    };
    let svg = importance_svg(&chart, 640, 360).unwrap();
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 0);
    assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 3 + 1);
    assert!(svg.contains("surrogate attributions (R² 0.93)"));
}

#[test]
fn nothing_to_show_says_no_data() {
    let cases = [
        ImportanceChart::default(),
        ImportanceChart { baseline: vec![0.0; 4], current: vec![0.0; 4], ..chart() },
        ImportanceChart { baseline: vec![f64::NAN; 4], current: Vec::new(), ..chart() },
        ImportanceChart { baseline: vec![1.0], ..chart() },
    ];
    for case in cases {
        let svg = importance_svg(&case, 400, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("no data: "), "{case:?}");
    }
}

#[test]
fn a_missing_value_draws_no_bar_and_output_is_deterministic() {
    let chart = ImportanceChart { current: vec![0.1, f64::NAN, 0.04, 0.02], top_n: 4, ..chart() };
    let svg = importance_svg(&chart, 640, 360).unwrap();
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 3 + 1);
    assert_eq!(svg, importance_svg(&chart, 640, 360).unwrap());
}
