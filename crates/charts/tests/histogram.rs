//! The histogram chart rendered to SVG: a snapshot, plus checks of what the
//! picture must contain whatever the layout.

use tideline_charts::histogram_svg;
use tideline_engine::histogram::compare;
use tideline_engine::io::{load_bytes, LoadOptions};

fn tables() -> (tideline_engine::table::Table, tideline_engine::table::Table) {
    let a = load_bytes("a.csv", b"x,c\n0.5,u\n1.5,u\n2.5,v\n3.5,w\n", LoadOptions::default()).unwrap();
    let b = load_bytes("b.csv", b"x,c\n3.5,u\n3.5,z\n", LoadOptions::default()).unwrap();
    (a.table, b.table)
}

#[test]
fn numeric_histogram_svg() {
    let (a, b) = tables();
    let h = compare(a.column("x"), b.column("x"), 4).unwrap();
    let svg = histogram_svg(&h, 640, 320).unwrap();
    // 4 bins × 2 sides = 8 bars plus 2 legend swatches, in the two palette colours.
    assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 4 + 1, "{svg}");
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 4 + 1);
    assert!(svg.contains("baseline (4 rows)") && svg.contains("current (2 rows)"));
    insta::assert_snapshot!(svg);
}

#[test]
fn categorical_histogram_svg() {
    let (a, b) = tables();
    let h = compare(a.column("c"), b.column("c"), 20).unwrap();
    assert_eq!(h.labels, ["u", "v", "w", "z"]);
    let svg = histogram_svg(&h, 640, 320).unwrap();
    for label in ["u", "v", "w", "z"] {
        assert!(svg.contains(&format!(">\n{label}\n</text>")), "label {label} missing");
    }
    // "z" is new in the current data: one outlined bar, one "new" label, one legend entry.
    assert_eq!(svg.matches(">\nnew\n</text>").count(), 1, "{svg}");
    assert!(svg.contains("not in the baseline"));
    insta::assert_snapshot!(svg);
}

#[test]
fn one_side_only() {
    let (a, _) = tables();
    let h = compare(a.column("x"), None, 4).unwrap();
    let svg = histogram_svg(&h, 400, 300).unwrap();
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 0);
    assert!(svg.contains("baseline (4 rows)"));
}
