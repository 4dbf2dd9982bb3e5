//! Number flags that would silently switch checks off are refused before
//! anything runs (issue 18): `--threshold NaN` compared false with every
//! p-value, a probability of 2 made every score negative.

mod common;

use common::{fixture, path, scratch, tideline};

#[test]
fn nan_and_out_of_range_numbers_are_refused_with_the_flag_named() {
    let dir = scratch("bad_numbers", "refused");
    let data = fixture("car_loan_reference_300.csv");
    let out_file = dir.join("drift.json");
    let cases: [(&[&str], &str); 4] = [
        (&["drift", "--baseline", path(&data), "--current", path(&data), "--threshold", "NaN"], "--threshold"),
        (&["drift", "--baseline", path(&data), "--current", path(&data), "--drift-share", "1.5"], "--drift-share"),
        (&["scenario", "covariate-shift", "--strength", "inf"], "--strength"),
        (
            &["timeline", "--baseline", path(&data), "--current", path(&data), "--ndcg-threshold", "1.5"],
            "--ndcg-threshold",
        ),
    ];
    for (args, flag) in cases {
        let mut args = args.to_vec();
        args.extend(["--out", path(&out_file)]);
        let out = tideline(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(flag) && !stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!out_file.exists(), "{args:?} wrote its output");
    }
}
