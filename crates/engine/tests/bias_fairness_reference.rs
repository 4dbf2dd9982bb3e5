//! Fairness metrics against Fairlearn 0.15 and AIF360 0.6.1 values recorded
//! by tools/reference/fairness.py, and the bootstrap's intervals against
//! Fairlearn's `MetricFrame(n_boot=…, ci_quantiles=…)`.

include!("fixtures/reference/replay_support.rs");
include!("fixtures/reference/replay_fairness.rs");

use std::time::Instant;

use tideline_engine::bias::fairness::{demographic_parity_difference, demographic_parity_ratio};
use tideline_engine::bias::fairness::{equal_opportunity_difference, equal_opportunity_ratio};
use tideline_engine::bias::{bootstrap_ci, bootstrap_groups_ci, BiasError, BootstrapOptions, Confusion, FacetCounts};

/// A metric over per-group counts.
type GroupsMetric = fn(&[Confusion]) -> f64;

/// Counts are exact and every library divides once: 1e-9 absolute.
#[test]
fn fairness_metrics_match_fairlearn_and_aif360() {
    // bias_fairness.json: per case, 4 values per group (selection rate, TPR,
    // FPR, count) and every Fairlearn and AIF360 entry; 14 cases, 480 values.
    const VALUES: usize = 480;
    let fixture = fairness_fixture();
    let cases = fixture["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 14, "cases in bias_fairness.json");
    let listed: usize = cases
        .iter()
        .map(|c| {
            let len = |key: &str| c[key].as_array().expect(key).len();
            4 * len("groups") + len("fairlearn") + len("aif360")
        })
        .sum();
    assert_eq!(listed, VALUES, "values in bias_fairness.json");
    let (failures, checked) = replay_fairness(1e-9);
    assert_eq!(checked, VALUES, "values checked");
    assert!(failures.is_empty(), "{} mismatches of {checked}:\n{}", failures.len(), failures.join("\n"));
}

/// Tideline's and Fairlearn's bootstraps resample the same way (rows with
/// replacement, no stratification, numpy's linear quantiles) but draw
/// different random numbers, so their bounds differ by Monte Carlo error
/// only. That error is measured rather than assumed: Tideline's bounds are
/// computed with R seeds, and their spread s estimates the standard error of
/// one B-resample bound, Fairlearn's included. The mean of the R bounds and
/// Fairlearn's bound then differ with standard error s·√(1 + 1/R); the test
/// allows 4 of those (a false alarm about once in 16,000 bounds under
/// normality). Theory agrees with the measured s: a 2.5% or 97.5% quantile of
/// B = 2000 resamples has a standard error of about 2.7σ/√B ≈ 0.06σ for a
/// near-normal statistic of bootstrap spread σ, about 1.5% of the interval's
/// width; max − min over small groups is skewed and noisier, which the
/// measured s captures.
#[test]
fn bootstrap_intervals_agree_with_fairlearn() {
    const SEEDS: u64 = 20;
    let fixture = fairness_fixture();
    let cases = fixture["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for entry in fixture["bootstrap"].as_array().unwrap() {
        let case = cases.iter().find(|c| c["name"] == entry["case"]).expect("bootstrap case");
        let counts: Vec<Confusion> = fairness_case(case).groups.iter().map(|(_, c)| *c).collect();
        let resamples = entry["n_boot"].as_u64().unwrap() as usize;
        let level = entry["level"].as_f64().unwrap();
        let metrics: [(&str, GroupsMetric); 4] = [
            ("demographic_parity_difference", demographic_parity_difference),
            ("demographic_parity_ratio", demographic_parity_ratio),
            ("equal_opportunity_difference", equal_opportunity_difference),
            ("equal_opportunity_ratio", equal_opportunity_ratio),
        ];
        for (metric, f) in metrics {
            let expected = &entry["metrics"][metric];
            let (mut lowers, mut uppers) = (Vec::new(), Vec::new());
            for seed in 0..SEEDS {
                let options = BootstrapOptions { resamples, level, seed };
                let ci = bootstrap_groups_ci(&counts, |g| Ok(f(g)), &options).expect("an interval");
                assert_eq!(ci.used, resamples, "{metric}: every resample is defined here");
                lowers.push(ci.lower);
                uppers.push(ci.upper);
            }
            for (bound, ours, i) in [("lower", &lowers, 0), ("upper", &uppers, 1)] {
                let fairlearn = replay_support::number(&expected["interval"][i]).unwrap();
                let n = ours.len() as f64;
                let mean = ours.iter().sum::<f64>() / n;
                let spread = (ours.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
                let tolerance = 4.0 * spread * (1.0 + 1.0 / n).sqrt() + 1e-12;
                if (mean - fairlearn).abs() > tolerance {
                    failures.push(format!(
                        "{}/{metric} {bound}: mean of {SEEDS} seeds {mean} (spread {spread}) vs Fairlearn {fairlearn}",
                        entry["case"]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// d's selection rate minus a's.
fn selection_gap(c: &FacetCounts) -> Result<f64, BiasError> {
    let rate = |g: &Confusion| g.predicted_positives() as f64 / g.n() as f64;
    Ok(rate(&c.d) - rate(&c.a))
}

/// A facet of `scale` times a fixed table (30% in d).
fn scaled_facet(scale: u64) -> FacetCounts {
    FacetCounts {
        d: Confusion { tp: 90 * scale, fp: 30 * scale, tn: 120 * scale, fn_: 60 * scale },
        a: Confusion { tp: 280 * scale, fp: 70 * scale, tn: 240 * scale, fn_: 110 * scale },
        has_predictions: true,
        ..FacetCounts::default()
    }
}

#[test]
fn bootstrap_is_reproducible_brackets_the_estimate_and_narrows_as_root_n() {
    let options = BootstrapOptions::default();
    let small = scaled_facet(10);
    let first = bootstrap_ci(&small, selection_gap, &options).unwrap();
    assert_eq!(Some(first), bootstrap_ci(&small, selection_gap, &options));
    let other_seed = bootstrap_ci(&small, selection_gap, &BootstrapOptions { seed: 1, ..options }).unwrap();
    assert_ne!(first, other_seed);
    let point = selection_gap(&small).unwrap();
    assert!(first.lower < point && point < first.upper, "{point} outside {first:?}");
    assert_eq!((first.resamples, first.used), (1000, 1000));
    // 16 times the rows: a quarter of the width (±15% of Monte Carlo noise).
    let large = bootstrap_ci(&scaled_facet(160), selection_gap, &options).unwrap();
    let shrink = (large.upper - large.lower) / (first.upper - first.lower);
    assert!((shrink - 0.25).abs() < 0.25 * 0.15, "width ratio {shrink}");
    assert!(large.lower < point && point < large.upper);
}

/// 1000 resamples of a million rows cost O(resamples × cells), not O(n):
/// well under 100 ms in an optimised build (the assertion leaves room for a
/// loaded machine).
#[test]
fn bootstrap_of_a_million_rows_is_fast() {
    let million = scaled_facet(1000);
    assert_eq!(million.overall().n(), 1_000_000);
    let start = Instant::now();
    let ci = bootstrap_ci(&million, selection_gap, &BootstrapOptions::default()).unwrap();
    let facet_time = start.elapsed();
    let groups: Vec<Confusion> =
        (1..=8u64).map(|g| Confusion { tp: 20_000 * g, fp: 5_000 * g, tn: 4_000 * g, fn_: 1_000 * g }).collect();
    let start = Instant::now();
    let groups_ci =
        bootstrap_groups_ci(&groups, |g| Ok(demographic_parity_difference(g)), &BootstrapOptions::default());
    let groups_time = start.elapsed();
    eprintln!("1000 resamples: 1M rows in 8 cells {facet_time:?}; 1.08M rows in 32 cells {groups_time:?}");
    assert!(ci.upper > ci.lower && groups_ci.is_some());
    assert!(facet_time.as_millis() < 500 && groups_time.as_millis() < 500);
}
