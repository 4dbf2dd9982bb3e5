//! Invariants of the numeric drift tests on random samples (proptest).
//!
//! Degenerate inputs are part of the contract: an empty side gives a NaN
//! statistic and (for tests) a NaN p-value; Cramér-von Mises and MMD need two
//! values per side, Epps-Singleton five and a non-zero pooled interquartile
//! range, Anderson-Darling two distinct values; the rest return what scipy
//! returns (e.g. KS on one value per side, t = ±inf with p = 0 for two
//! different constants).

use proptest::prelude::*;
use tideline_engine::drift::{evidently::numeric, Samples, TestOutcome};

/// Every numeric test, by name (MMD with a fixed seed).
fn all_tests(s: Samples) -> Vec<(&'static str, TestOutcome)> {
    vec![
        ("ks", numeric::ks(s)),
        ("wasserstein_normed", numeric::wasserstein_normed(s)),
        ("anderson", numeric::anderson(s)),
        ("cramer_von_mises", numeric::cramer_von_mises(s)),
        ("mann_whitney", numeric::mann_whitney(s)),
        ("t_test", numeric::t_test(s)),
        ("epps_singleton", numeric::epps_singleton(s)),
        ("energy", numeric::energy(s)),
        ("empirical_mmd", numeric::empirical_mmd(s, 7)),
    ]
}

/// A sorted sample: a few distinct grid values (many ties) or continuous.
fn sample(sizes: std::ops::Range<usize>) -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec((0_i32..6).prop_map(f64::from), sizes.clone()),
        prop::collection::vec(-1e3_f64..1e3, sizes),
    ]
    .prop_map(|mut v| {
        v.sort_by(f64::total_cmp);
        v
    })
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// p-values lie in [0, 1]; with enough distinct data nothing is NaN.
    #[test]
    fn p_values_are_probabilities(a in sample(5..25), b in sample(5..25)) {
        let s = Samples { reference: &a, current: &b };
        let distinct = {
            let mut all: Vec<f64> = a.iter().chain(&b).copied().collect();
            all.sort_by(f64::total_cmp);
            all.dedup();
            all.len()
        };
        for (name, out) in all_tests(s) {
            if let Some(p) = out.p_value {
                prop_assert!(p.is_nan() || (0.0..=1.0).contains(&p), "{name}: p = {p}");
            }
            // Epps-Singleton is undefined on a zero interquartile range,
            // Anderson-Darling on one distinct value, and t is ±inf for two
            // different constants; the rest always exist.
            if name != "epps_singleton" && (name != "anderson" || distinct > 1) && name != "t_test" {
                prop_assert!(out.statistic.is_finite(), "{name}: statistic {}", out.statistic);
            }
        }
    }

    /// Tests that treat the samples alike give the same answer swapped.
    #[test]
    fn symmetric_tests_are_symmetric(a in sample(2..14), b in sample(2..14)) {
        let ab = Samples { reference: &a, current: &b };
        let ba = Samples { reference: &b, current: &a };
        for (name, f) in [
            ("ks", numeric::ks as fn(Samples) -> TestOutcome),
            ("cramer_von_mises", numeric::cramer_von_mises),
            ("anderson", numeric::anderson),
            ("energy", numeric::energy),
        ] {
            let (x, y) = (f(ab), f(ba));
            prop_assert!(close(x.statistic, y.statistic), "{name}: {} vs {}", x.statistic, y.statistic);
            prop_assert!(x.p_value.zip(y.p_value).is_none_or(|(p, q)| close(p, q)), "{name}: p differs");
        }
        // t flips sign; its two-sided p-value does not move.
        let (x, y) = (numeric::t_test(ab), numeric::t_test(ba));
        prop_assert!(close(x.statistic, -y.statistic));
        prop_assert!(x.p_value.zip(y.p_value).is_some_and(|(p, q)| close(p, q)));
    }

    /// Mann-Whitney as Evidently calls it is one-sided ("less"), so its
    /// p-value is not symmetric; its U statistics are complementary.
    #[test]
    fn mann_whitney_statistics_are_complementary(a in sample(1..30), b in sample(1..30)) {
        let u_ab = numeric::mann_whitney(Samples { reference: &a, current: &b }).statistic;
        let u_ba = numeric::mann_whitney(Samples { reference: &b, current: &a }).statistic;
        prop_assert_eq!(u_ab + u_ba, (a.len() * b.len()) as f64);
    }

    /// Identical samples: the distances are zero and KS sees no difference.
    #[test]
    fn identical_samples_have_no_distance(a in sample(1..60)) {
        let s = Samples { reference: &a, current: &a };
        prop_assert_eq!(numeric::wasserstein_normed(s).statistic, 0.0);
        prop_assert_eq!(numeric::energy(s).statistic, 0.0);
        let ks = numeric::ks(s);
        prop_assert_eq!(ks.statistic, 0.0);
        prop_assert_eq!(ks.p_value, Some(1.0));
    }

    /// Tiny and constant samples never panic, and give numbers or NaN.
    #[test]
    fn tiny_samples_do_not_panic(na in 0_usize..3, nb in 0_usize..3, value in -5.0_f64..5.0, constant in any::<bool>()) {
        let a: Vec<f64> = (0..na).map(|i| if constant { value } else { value + i as f64 }).collect();
        let b: Vec<f64> = (0..nb).map(|i| if constant { value } else { value - i as f64 }).collect();
        let mut b = b;
        b.sort_by(f64::total_cmp);
        for (name, out) in all_tests(Samples { reference: &a, current: &b }) {
            if na == 0 || nb == 0 {
                prop_assert!(out.statistic.is_nan(), "{name}: empty side gives {}", out.statistic);
            }
            if let Some(p) = out.p_value {
                prop_assert!(p.is_nan() || (0.0..=1.0).contains(&p), "{name}: p = {p}");
            }
        }
    }
}

/// The MMD p-value is reproducible for a seed, and the statistic does not
/// depend on the seed below the subsampling cap.
#[test]
fn mmd_is_seeded() {
    let a: Vec<f64> = (0..40).map(|i| f64::from(i) * 0.1).collect();
    let b: Vec<f64> = (0..30).map(|i| f64::from(i) * 0.12 + 0.5).collect();
    let s = Samples { reference: &a, current: &b };
    assert_eq!(numeric::empirical_mmd(s, 1), numeric::empirical_mmd(s, 1));
    assert_eq!(numeric::empirical_mmd(s, 1).statistic, numeric::empirical_mmd(s, 2).statistic);
}

/// Above the cap the MMD still answers (on a seeded subsample) in bounded time.
#[test]
fn mmd_caps_large_samples() {
    let n = 5 * numeric::MMD_MAX_PER_SIDE;
    let a: Vec<f64> = (0..n).map(|i| (i as f64).sqrt()).collect();
    let b: Vec<f64> = (0..n).map(|i| (i as f64).sqrt() + 1.0).collect();
    let out = numeric::empirical_mmd(Samples { reference: &a, current: &b }, 3);
    assert!(out.statistic.is_finite() && out.p_value.is_some_and(|p| (0.0..=1.0).contains(&p)));
}
