//! The dependence scatter rendered to SVG: one point per row with a value
//! in its side's colour, rows without a value grey in the strip at the left,
//! a zero line, and "no data" for data with nothing to show.

use tideline_charts::{
    dependence_counts, dependence_svg, DependenceChart, DependenceCounts, DependenceSide, BASELINE, CURRENT,
    MAX_DEPENDENCE_POINTS, MISSING,
};

fn chart() -> DependenceChart {
    DependenceChart {
        title: "Dependence of income".to_owned(),
        feature: "income".to_owned(),
        baseline: DependenceSide {
            feature_values: vec![10.0, 20.0, 30.0, 40.0, 50.0],
            attributions: vec![-0.4, -0.1, 0.0, 0.2, 0.5],
        },
        current: DependenceSide { feature_values: vec![15.0, 35.0, 55.0], attributions: vec![-0.3, 0.1, 0.6] },
        ..DependenceChart::default()
    }
}

/// Circles filled with `colour` (at any opacity).
fn circles(svg: &str, colour: plotters::style::RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
    svg.lines().filter(|l| l.starts_with("<circle") && l.contains(&fill)).count()
}

/// Horizontal lines (`y1 == y2`) drawn as a polyline of two points.
fn horizontal_paths(svg: &str) -> usize {
    svg.lines()
        .filter_map(|l| l.split("points=\"").nth(1)?.split('"').next())
        .filter(|points| {
            let ys: Vec<&str> = points.split_whitespace().filter_map(|p| p.split(',').nth(1)).collect();
            ys.len() == 2 && ys[0] == ys[1]
        })
        .count()
}

#[test]
fn one_point_per_row_in_each_sides_colour_and_a_zero_line() {
    let svg = dependence_svg(&chart(), 800, 400).unwrap();
    assert!(svg.starts_with("<svg"));
    // One circle per row; the legend's swatches are squares in a strip above the plot.
    assert_eq!(circles(&svg, BASELINE), 5, "{svg}");
    assert_eq!(circles(&svg, CURRENT), 3);
    assert_eq!(circles(&svg, MISSING), 0);
    assert!(!svg.contains(">\nmissing\n</text>"));
    assert!(svg.contains(">\nbaseline\n</text>") && svg.contains(">\ncurrent\n</text>"));
    assert!(svg.contains(">\nSHAP value of income\n</text>"));
    assert!(horizontal_paths(&svg) >= 1, "the zero line");
    assert_eq!(dependence_counts(&chart()), DependenceCounts { baseline: 5, current: 3, missing: 0 });
    insta::assert_snapshot!(svg);
}

#[test]
fn rows_without_a_value_are_grey_in_a_strip_apart() {
    let mut with_gaps = chart();
    with_gaps.baseline.feature_values[1] = f64::NAN;
    with_gaps.current.feature_values[2] = f64::NAN;
    with_gaps.current.attributions[0] = f64::NAN;
    let svg = dependence_svg(&with_gaps, 800, 400).unwrap();
    assert_eq!(circles(&svg, BASELINE), 4, "{svg}");
    assert_eq!(circles(&svg, CURRENT), 1, "no attribution, no point");
    assert_eq!(circles(&svg, MISSING), 2);
    assert!(svg.contains(">\nmissing\n</text>"));
    assert!(svg.contains("2 rows without a value, at left"));
    // The grey points sit left of every coloured one.
    let cx = |colour: plotters::style::RGBColor| -> Vec<i32> {
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
        svg.lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&fill))
            .filter_map(|l| l.split("cx=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    };
    let right_of_strip = cx(BASELINE).into_iter().chain(cx(CURRENT)).min().unwrap();
    assert!(cx(MISSING).iter().all(|&x| x < right_of_strip));
    assert_eq!(dependence_counts(&with_gaps), DependenceCounts { baseline: 4, current: 1, missing: 2 });
}

#[test]
fn only_missing_values_still_draw_the_strip() {
    let side = DependenceSide { feature_values: vec![f64::NAN; 3], attributions: vec![0.1, 0.2, 0.3] };
    let svg =
        dependence_svg(&DependenceChart { baseline: side, current: DependenceSide::default(), ..chart() }, 800, 400)
            .unwrap();
    assert_eq!(circles(&svg, MISSING), 3);
    assert_eq!(circles(&svg, BASELINE) + circles(&svg, CURRENT), 0, "no scatter points, no legend");
}

#[test]
fn many_rows_are_thinned_deterministically() {
    let rows = MAX_DEPENDENCE_POINTS + 1;
    let values: Vec<f64> = (0..rows).map(|i| f64::from(u32::try_from(i).unwrap())).collect();
    let side = DependenceSide { feature_values: values.clone(), attributions: values };
    let thinned = DependenceChart { baseline: side, current: DependenceSide::default(), ..chart() };
    let counts = dependence_counts(&thinned);
    assert_eq!(counts.baseline, rows.div_ceil(2));
    let svg = dependence_svg(&thinned, 800, 400).unwrap();
    assert_eq!(circles(&svg, BASELINE), counts.baseline);
}

#[test]
fn nothing_to_show_says_no_data() {
    let cases = [
        DependenceChart::default(),
        DependenceChart {
            baseline: DependenceSide { feature_values: vec![1.0], attributions: vec![f64::NAN] },
            current: DependenceSide::default(),
            ..chart()
        },
        DependenceChart {
            current: DependenceSide { feature_values: vec![1.0, 2.0], attributions: vec![0.1] },
            ..chart()
        },
    ];
    for case in cases {
        let svg = dependence_svg(&case, 400, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("no data: "), "{case:?}");
        assert_eq!(dependence_counts(&case), DependenceCounts::default());
    }
}
