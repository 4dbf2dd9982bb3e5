//! The CDF chart and the sparkline rendered to SVG.

use plotters::prelude::*;
use tideline_charts::{cdf_svg, draw_sparkline};
use tideline_engine::cdf::cdf_pair;
use tideline_engine::histogram::compare;
use tideline_engine::io::{load_bytes, LoadOptions};

#[test]
fn cdf_chart_marks_the_ks_gap() {
    let a = load_bytes("a.csv", b"x\n1\n2\n3\n4\n", LoadOptions::default()).unwrap().table;
    let b = load_bytes("b.csv", b"x\n3\n4\n5\n6\n", LoadOptions::default()).unwrap().table;
    let pair = cdf_pair(&a.columns[0], &b.columns[0], 100).unwrap();
    let svg = cdf_svg(&pair, 640, 320).unwrap();
    assert!(svg.contains("largest gap (KS D) 0.500 at 2"), "{svg}");
    assert!(
        svg.contains("stroke=\"#0072B2\"") && svg.contains("stroke=\"#E69F00\"") && svg.contains("stroke=\"#D55E00\"")
    );
    insta::assert_snapshot!(svg);
}

#[test]
fn sparkline_draws_both_sides() {
    let a = load_bytes("a.csv", b"x\n1\n2\n3\n4\n", LoadOptions::default()).unwrap().table;
    let b = load_bytes("b.csv", b"x\n3\n4\n5\n6\n", LoadOptions::default()).unwrap().table;
    let h = compare(a.column("x"), b.column("x"), 5).unwrap();
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (120, 24)).into_drawing_area();
        draw_sparkline(&area, &h).unwrap();
    }
    let bars = |colour: &str| svg.matches(&format!("fill=\"{colour}\"")).count();
    assert_eq!(bars("#0072B2"), 5);
    assert_eq!(bars("#E69F00"), 5);
}
