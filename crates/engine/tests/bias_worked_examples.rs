//! The worked examples of smclarify 0.5's unit tests (spec sagemaker.md
//! §5.5), each citing the test it comes from
//! (smclarify `tests/unit/bias/metrics/test_metrics.py` unless noted). The
//! expected values are the ones those tests assert.

use tideline_engine::bias::{compute, count_facet, run_bias, AnalysisConfig, FacetCounts, Metric};
use tideline_engine::io::{load_bytes, LoadOptions};

/// dfBinary: sex, label and prediction of 12 rows.
const X: [&str; 12] = ["M", "F", "F", "M", "F", "M", "F", "F", "M", "M", "F", "F"];
const Y: [u8; 12] = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0];
const YHAT: [u8; 12] = [1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0];

fn bools(v: &[u8]) -> Vec<bool> {
    v.iter().map(|&b| b == 1).collect()
}

fn counts(facet: &str, predicted: &[u8]) -> FacetCounts {
    let d: Vec<bool> = X.iter().map(|x| *x == facet).collect();
    count_facet(&d, &bools(&Y), Some(&bools(predicted)), None)
}

fn value(metric: Metric, c: &FacetCounts) -> f64 {
    compute(metric, c).unwrap()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// test_CI, test_DI, test_DCA, test_DCR, test_RD, test_SD, test_DRR, test_AD,
/// test_DAR, test_TE on dfBinary with d = F; d = M flips every difference.
#[test]
fn df_binary_female_and_male() {
    let f = counts("F", &YHAT);
    let expected = [
        (Metric::CI, -1.0 / 6.0),
        (Metric::DI, 10.0 / 7.0),
        (Metric::DCA, 1.0 / 4.0),
        (Metric::DCR, 1.0 / 3.0),
        (Metric::RD, -2.0 / 3.0),
        (Metric::SD, 1.0 / 6.0),
        (Metric::DRR, 1.0 / 3.0),
        (Metric::AD, -13.0 / 35.0),
        (Metric::DAR, -1.0 / 2.0),
        (Metric::TE, -1.0 / 2.0),
    ];
    let m = counts("M", &YHAT);
    for (metric, v) in expected {
        assert!(close(value(metric, &f), v, 1e-12), "{metric:?}(F) = {} not {v}", value(metric, &f));
        let flipped = if metric == Metric::DI { 7.0 / 10.0 } else { -v };
        assert!(close(value(metric, &m), flipped, 1e-12), "{metric:?}(M) = {} not {flipped}", value(metric, &m));
    }
}

/// test_GE: generalized entropy of dfBinary (no facet needed).
#[test]
fn df_binary_generalized_entropy() {
    assert!(close(value(Metric::GE, &counts("F", &YHAT)), 0.24556213017751485, 1e-15));
}

/// test_DI edge case: no M row predicted positive gives DI(F) = ∞.
#[test]
fn disparate_impact_infinity() {
    let c = counts("F", &[0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1]);
    assert_eq!(value(Metric::DI, &c), f64::INFINITY);
}

/// test_DRR: DRR(F) = 0.5 and DRR(M) = −0.5.
#[test]
fn difference_in_rejection_rates() {
    let yhat = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1];
    assert!(close(value(Metric::DRR, &counts("F", &yhat)), 0.5, 1e-12));
    assert!(close(value(Metric::DRR, &counts("M", &yhat)), -0.5, 1e-12));
}

/// test_DPL: x = [a, a, b, b], y = [1, 1, 0, 1].
#[test]
fn difference_in_positive_proportions() {
    let y = bools(&[1, 1, 0, 1]);
    let a = count_facet(&[true, true, false, false], &y, None, None);
    let b = count_facet(&[false, false, true, true], &y, None, None);
    assert!(close(value(Metric::DPL, &a), -0.5, 1e-12));
    assert!(close(value(Metric::DPL, &b), 0.5, 1e-12));
}

/// test_KL, test_JS, test_LP: label [T,T,T,F,F,F] with d [T,F,F,F,F,F]; then
/// d [T,F,F,F,T,F] (identical distributions) and an empty d (an error).
#[test]
fn label_distribution_metrics() {
    let y = [true, true, true, false, false, false];
    let c = count_facet(&[true, false, false, false, false, false], &y, None, None);
    assert!(close(value(Metric::KL, &c), -0.366516, 1e-6));
    assert!(close(value(Metric::JS, &c), 0.06641431438228168, 1e-15));
    assert!(close(value(Metric::LP, &c), 0.6, 1e-12));
    let same = count_facet(&[true, false, false, false, true, false], &y, None, None);
    for metric in [Metric::KL, Metric::JS, Metric::LP] {
        assert!(close(value(metric, &same), 0.0, 1e-15), "{metric:?}");
    }
    let empty = count_facet(&[false; 6], &y, None, None);
    assert_eq!(
        compute(Metric::KL, &empty).unwrap_err().to_string(),
        "No instance of common facet found, dataset may be too small"
    );
}

/// test_KS: labels ["1","0","0","1","1"], x = [a, a, b, b, b], d = b.
#[test]
fn kolmogorov_smirnov_of_label_shares() {
    let c = count_facet(&[false, false, true, true, true], &[true, false, false, true, true], None, None);
    assert!(close(value(Metric::KS, &c), 0.1666667, 1e-7));
}

/// test_CDDL: 24 rows with a group variable; CDDL(F) = −CDDL(M).
#[test]
fn conditional_demographic_disparity() {
    let x = "MMMFFFFMMMMFMMFMFFMMFMMF";
    let pos = [0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0];
    let group = [1, 0, 2, 2, 1, 1, 2, 1, 1, 2, 0, 1, 2, 0, 1, 1, 1, 2, 0, 1, 0, 0, 1, 1];
    let csv: String = std::iter::once("x,pos,group".to_owned())
        .chain(x.chars().zip(pos).zip(group).map(|((x, p), g)| format!("{x},{p},{g}")))
        .collect::<Vec<_>>()
        .join("\n");
    let table = load_bytes("cddl.csv", csv.as_bytes(), LoadOptions::default()).unwrap().table;
    for (facet, expected) in [("F", 0.3982142857), ("M", -0.3982142857)] {
        // Two distinct values in 24 rows pass smclarify's 5 % uniqueness rule, which would make
        // the int label a threshold; giving the value twice keeps it categorical (pos == 1).
        let config = AnalysisConfig::from_json(&format!(
            r#"{{"label":"pos","label_values_or_threshold":[1, 1],"facet":[{{"name_or_index":"x","value_or_threshold":["{facet}"]}}],
               "group_variable":"group","methods":{{"pre_training_bias":{{"methods":["CDDL"]}}}}}}"#
        ))
        .unwrap();
        let run = run_bias(&table, &config).unwrap();
        let report = run.analysis.pre_training_bias_metrics.unwrap();
        let cddl = report.facets["x"][0].metrics[0].value.unwrap();
        assert!(close(cddl, expected, 1e-9), "CDDL({facet}) = {cddl}");
    }
}

/// test_report.py (full report): x = [a, b, b, b], y = [1, 1, 0, 0], labels [0]:
/// the int label is continuous, so positive means y > 0.
#[test]
fn full_report_on_four_rows() {
    let table = load_bytes("r.csv", b"x,y,z\na,1,1\nb,1,1\nb,0,1\nb,0,0\n", LoadOptions::default()).unwrap().table;
    let config = AnalysisConfig::from_json(
        r#"{"label":"y","label_values_or_threshold":[0],"facet":[{"name_or_index":"x"}],"group_variable":"z",
            "methods":{"pre_training_bias":{"methods":"all"}}}"#,
    )
    .unwrap();
    let run = run_bias(&table, &config).unwrap();
    let report = run.analysis.pre_training_bias_metrics.unwrap();
    let get = |value: &str, metric: &str| {
        let v = report.facets["x"].iter().find(|r| r.value_or_threshold == value).unwrap();
        v.metrics.iter().find(|m| m.name == metric).unwrap().value.unwrap()
    };
    let expected_a = [
        ("CDDL", -0.375),
        ("CI", 0.5),
        ("DPL", -2.0 / 3.0),
        ("JS", 0.08720802),
        ("KL", -0.36620410),
        ("KS", 2.0 / 3.0),
        ("LP", 2.0 / 3.0),
        ("TVD", 1.0 / 3.0),
    ];
    for (metric, v) in expected_a {
        assert!(close(get("a", metric), v, 1e-8), "{metric}(a) = {}", get("a", metric));
    }
    for (metric, v) in [("CDDL", 0.625), ("CI", -0.5), ("DPL", 2.0 / 3.0), ("KL", 1.09861229)] {
        assert!(close(get("b", metric), v, 1e-8), "{metric}(b) = {}", get("b", metric));
    }
}
