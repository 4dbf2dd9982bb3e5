//! The beeswarm rendered to SVG: one point per row and shown feature, the
//! colour legend, and "no data" for data with nothing to show.

use tideline_charts::{beeswarm_svg, BeeswarmChart, MAX_BEESWARM_POINTS, MISSING};

fn chart() -> BeeswarmChart {
    BeeswarmChart {
        features: ["age", "income", "tenure"].map(String::from).to_vec(),
        attributions: vec![vec![0.5, -0.2, 0.1, 0.4], vec![0.01, -0.02, 0.0, 0.03], vec![-0.9, 0.8, 0.7, -0.6]],
        feature_values: vec![vec![30.0, 40.0, 50.0, 60.0], vec![1.0, f64::NAN, 2.0, 3.0], vec![0.0, 1.0, 1.0, 0.0]],
        top_n: 2,
        ..BeeswarmChart::default()
    }
}

fn grey(svg: &str) -> usize {
    svg.matches(&format!("fill=\"#{:02X}{:02X}{:02X}\"", MISSING.0, MISSING.1, MISSING.2)).count()
}

#[test]
fn one_point_per_row_of_each_shown_feature() {
    let svg = beeswarm_svg(&chart(), 640, 360).unwrap();
    assert!(svg.starts_with("<svg"));
    // top_n = 2: tenure and age (largest mean |value|), 4 rows each.
    assert_eq!(svg.matches("<circle").count(), 2 * 4, "{svg}");
    assert!(svg.contains(">\ntenure\n</text>") && svg.contains(">\nage\n</text>"));
    assert!(!svg.contains(">\nincome\n</text>"));
    assert!(svg.contains("1 more feature not shown"));
    assert!(svg.contains(">\nhigh\n</text>") && svg.contains(">\nlow\n</text>"));
    assert_eq!(grey(&svg), 0, "no missing value among the shown features");
    insta::assert_snapshot!(svg);
}

#[test]
fn missing_feature_values_are_grey_and_listed_in_the_legend() {
    let svg = beeswarm_svg(&BeeswarmChart { top_n: 3, ..chart() }, 640, 360).unwrap();
    assert_eq!(svg.matches("<circle").count(), 3 * 4);
    // One grey point and the legend's grey swatch.
    assert_eq!(grey(&svg), 1 + 1, "{svg}");
    assert!(svg.contains(">\nmissing\n</text>"));
}

#[test]
fn many_rows_are_thinned_deterministically() {
    let rows = 2 * MAX_BEESWARM_POINTS + 10;
    let values: Vec<f64> = (0..rows).map(|i| f64::from(u32::try_from(i % 97).unwrap()) / 97.0 - 0.5).collect();
    let chart = BeeswarmChart {
        features: vec!["x".to_owned()],
        attributions: vec![values.clone()],
        feature_values: vec![values],
        ..BeeswarmChart::default()
    };
    let svg = beeswarm_svg(&chart, 640, 360).unwrap();
    assert_eq!(svg.matches("<circle").count(), rows.div_ceil(3));
    assert!(svg.contains("1 in 3 rows shown"));
    assert_eq!(svg, beeswarm_svg(&chart, 640, 360).unwrap());
}

#[test]
fn without_feature_values_there_is_no_legend() {
    let svg = beeswarm_svg(&BeeswarmChart { feature_values: Vec::new(), ..chart() }, 640, 360).unwrap();
    assert_eq!(svg.matches("<circle").count(), 2 * 4);
    assert!(!svg.contains(">\nhigh\n</text>"));
}

#[test]
fn nothing_to_show_says_no_data() {
    let cases = [
        BeeswarmChart::default(),
        BeeswarmChart { attributions: vec![Vec::new(); 3], ..chart() },
        BeeswarmChart { attributions: vec![vec![f64::NAN; 4]; 3], ..chart() },
        BeeswarmChart { attributions: vec![vec![0.0; 4]], ..chart() },
        BeeswarmChart { feature_values: vec![vec![0.0; 4]], ..chart() },
    ];
    for case in cases {
        let svg = beeswarm_svg(&case, 400, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("no data: "), "{case:?}");
    }
    // All-zero attributions are data: the points sit on the zero line.
    let zero = BeeswarmChart { attributions: vec![vec![0.0; 4]; 3], ..chart() };
    assert_eq!(beeswarm_svg(&zero, 400, 300).unwrap().matches("<circle").count(), 2 * 4);
}
