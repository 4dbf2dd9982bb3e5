//! Invariants of the categorical and binned drift tests on random counts
//! (proptest), and what each returns on empty and one-category counts.

use proptest::prelude::*;
use tideline_engine::drift::{evidently::binned, evidently::categorical, Counts, Samples, TestOutcome};

fn counts_from(reference: Vec<u64>, current: Vec<u64>) -> Counts {
    let labels = (0..reference.len()).map(|i| format!("c{i}")).collect();
    Counts { labels, reference, current }
}

/// 1–12 categories, each present on at least one side, both sides non-empty.
fn counts() -> impl Strategy<Value = Counts> {
    (1_usize..12)
        .prop_flat_map(|k| (prop::collection::vec(0_u64..300, k), prop::collection::vec(0_u64..300, k)))
        .prop_map(|(r, c)| {
            let (r, c): (Vec<u64>, Vec<u64>) = r.into_iter().zip(c).filter(|(a, b)| a + b > 0).unzip();
            counts_from(r, c)
        })
        .prop_filter("both sides non-empty", |c| c.reference_total() > 0 && c.current_total() > 0)
}

fn swapped(c: &Counts) -> Counts {
    Counts { labels: c.labels.clone(), reference: c.current.clone(), current: c.reference.clone() }
}

/// Every test that returns a p-value, on counts.
fn hypothesis_tests(c: &Counts) -> Vec<(&'static str, TestOutcome)> {
    vec![
        ("chisquare", categorical::chisquare(c)),
        ("z", categorical::z_test(c)),
        ("fisher_exact", categorical::fisher_exact(c)),
        ("g_test", categorical::g_test(c)),
        ("tvd", categorical::tvd(c, 11)),
        ("chi2_homogeneity", tideline_engine::drift::chi2_contingency(c)),
    ]
}

/// Every distance, on counts.
fn distances(c: &Counts) -> Vec<(&'static str, f64)> {
    vec![
        ("linf", tideline_engine::drift::linf(c).statistic),
        ("psi", binned::psi(c).statistic),
        ("kl_div", binned::kl_div(c).statistic),
        ("jensen_shannon", binned::jensen_shannon(c).statistic),
        ("hellinger", binned::hellinger(c).statistic),
    ]
}

fn relatively_close(a: f64, b: f64, tol: f64) -> bool {
    a == b || (a - b).abs() <= tol * a.abs().max(b.abs())
}

proptest! {
    /// p-values lie in [0, 1] (NaN only where documented: scipy's answer for
    /// one category, g_test on unequal totals, fisher_exact beyond 2 categories).
    #[test]
    fn p_values_are_probabilities(c in counts()) {
        let k = c.labels.len();
        let equal_totals = c.reference_total() == c.current_total();
        for (name, outcome) in hypothesis_tests(&c) {
            let p = outcome.p_value.unwrap_or(f64::NAN);
            let nan_allowed = match name {
                "chisquare" => k == 1,
                "g_test" => k == 1 || !equal_totals,
                "fisher_exact" => k > 2,
                _ => false,
            };
            prop_assert!((0.0..=1.0).contains(&p) || (nan_allowed && p.is_nan()), "{name}: p = {p} on {c:?}");
        }
    }

    /// Distances are non-negative and bounded where they should be.
    #[test]
    fn distances_are_in_range(c in counts()) {
        for (name, d) in distances(&c) {
            prop_assert!(d >= -1e-12, "{name} = {d} on {c:?}");
        }
        let linf = tideline_engine::drift::linf(&c).statistic;
        prop_assert!(linf <= 1.0);
        prop_assert!(binned::hellinger(&c).statistic <= 1.0);
        prop_assert!(binned::jensen_shannon(&c).statistic <= std::f64::consts::LN_2.sqrt() + 1e-12);
        // TVD is half the L1 distance: between L∞ and k·L∞ / 2.
        let tvd = categorical::tvd(&c, 0).statistic;
        prop_assert!(tvd + 1e-12 >= linf && tvd <= c.labels.len() as f64 * linf / 2.0 + 1e-12);
    }

    /// Identical counts: every distance is 0 (Hellinger up to the 1e-8 its
    /// `√(1 − Σ)` makes of rounding, as in Evidently), every p-value 1 and the
    /// permutation p-value 1.
    #[test]
    fn identical_counts_show_no_drift(c in counts()) {
        let same = counts_from(c.reference.clone(), c.reference.clone());
        for (name, d) in distances(&same) {
            let tol = if name == "hellinger" { 1e-7 } else { 1e-12 };
            prop_assert!(d.abs() <= tol, "{name} = {d} on {same:?}");
        }
        // Categories only the current side had are absent from both sides here.
        let k = same.reference.iter().filter(|&&n| n > 0).count();
        for (name, outcome) in hypothesis_tests(&same) {
            if k == 1 && matches!(name, "chisquare" | "g_test") {
                continue; // 0 degrees of freedom: NaN, as scipy
            }
            if name == "fisher_exact" && k > 2 {
                continue;
            }
            let p = outcome.p_value.unwrap_or(f64::NAN);
            prop_assert!(relatively_close(p, 1.0, 1e-12), "{name}: p = {p} on {same:?}");
        }
    }

    /// Swapping the sides changes nothing for the symmetric tests.
    #[test]
    fn symmetric_tests_ignore_which_side_is_which(c in counts()) {
        let s = swapped(&c);
        prop_assert_eq!(binned::jensen_shannon(&c).statistic, binned::jensen_shannon(&s).statistic);
        prop_assert_eq!(binned::hellinger(&c).statistic, binned::hellinger(&s).statistic);
        prop_assert_eq!(tideline_engine::drift::linf(&c).statistic, tideline_engine::drift::linf(&s).statistic);
        let (a, b) = (tideline_engine::drift::chi2_contingency(&c), tideline_engine::drift::chi2_contingency(&s));
        prop_assert!(relatively_close(a.statistic, b.statistic, 1e-12), "{a:?} vs {b:?}");
        prop_assert!(relatively_close(a.p_value.unwrap_or(0.0), b.p_value.unwrap_or(0.0), 1e-9), "{a:?} vs {b:?}");
        if c.labels.len() <= 2 {
            let (a, b) = (categorical::fisher_exact(&c), categorical::fisher_exact(&s));
            prop_assert!(relatively_close(a.p_value.unwrap_or(0.0), b.p_value.unwrap_or(0.0), 1e-9), "{a:?} vs {b:?}");
        }
    }

    /// The permutation p-value is reproducible for a seed.
    #[test]
    fn tvd_is_reproducible(c in counts(), seed in any::<u64>()) {
        prop_assert_eq!(categorical::tvd(&c, seed), categorical::tvd(&c, seed));
    }

    /// The numeric binnings keep every value, and the binned distances of a
    /// sample against itself are 0.
    #[test]
    fn numeric_bins_keep_every_value(mut r in prop::collection::vec(-1e3_f64..1e3, 1..300), mut c in prop::collection::vec(-1e3_f64..1e3, 1..300)) {
        r.sort_by(f64::total_cmp);
        c.sort_by(f64::total_cmp);
        let bins = binned::numeric_bins(Samples { reference: &r, current: &c });
        prop_assert_eq!(bins.reference_total(), r.len() as u64);
        prop_assert_eq!(bins.current_total(), c.len() as u64);
        let same = Samples { reference: &r, current: &r };
        prop_assert_eq!(binned::psi(&binned::numeric_bins(same)).statistic, 0.0);
        prop_assert_eq!(tideline_engine::drift::psi_quantile(same).statistic, 0.0);
        prop_assert!(binned::hellinger_numeric(same).statistic <= 1e-7);
        let p = tideline_engine::drift::psi_quantile(Samples { reference: &r, current: &c }).statistic;
        prop_assert!(p >= 0.0);
    }
}

/// What each test returns with no category at all.
#[test]
fn empty_counts() {
    let empty = Counts::default();
    let nan_both = |o: TestOutcome| o.statistic.is_nan() && o.p_value.is_some_and(f64::is_nan);
    assert!(nan_both(categorical::chisquare(&empty)));
    assert!(nan_both(categorical::z_test(&empty)));
    assert!(nan_both(categorical::tvd(&empty, 0)));
    assert!(nan_both(tideline_engine::drift::chi2_contingency(&empty)));
    // scipy: fisher_exact of an all-zero table is (nan, 1); power_divergence([], []) is (0, nan).
    let fisher = categorical::fisher_exact(&empty);
    assert!(fisher.statistic.is_nan() && fisher.p_value == Some(1.0));
    let g = categorical::g_test(&empty);
    assert!(g.statistic == 0.0 && g.p_value.is_some_and(f64::is_nan));
    for (name, d) in distances(&empty) {
        assert!(d.is_nan(), "{name} = {d}");
    }
    let none: [f64; 0] = [];
    let samples = Samples { reference: &none, current: &none };
    assert!(tideline_engine::drift::psi_quantile(samples).statistic.is_nan());
    assert!(binned::hellinger_numeric(samples).statistic.is_nan());
    assert_eq!(binned::numeric_bins(samples), Counts::default());
    assert_eq!(categorical::value_counts(&none, &none), Counts::default());
}

/// One side empty: every test is NaN except fisher_exact (p = 1, scipy's
/// answer for an empty row).
#[test]
fn one_side_empty() {
    let c = counts_from(vec![5, 3], vec![0, 0]);
    for (name, o) in hypothesis_tests(&c) {
        if name == "fisher_exact" {
            assert_eq!(o.p_value, Some(1.0));
        } else {
            assert!(o.p_value.is_some_and(f64::is_nan), "{name}: {o:?}");
        }
    }
    for (name, d) in distances(&c) {
        assert!(d.is_nan(), "{name} = {d}");
    }
}

/// One category on both sides: no drift, where the test defines an answer.
#[test]
fn single_category() {
    let c = counts_from(vec![40], vec![25]);
    assert_eq!(categorical::z_test(&c), TestOutcome::test(0.0, 1.0));
    assert_eq!(categorical::tvd(&c, 0), TestOutcome::test(0.0, 1.0));
    assert_eq!(tideline_engine::drift::chi2_contingency(&c), TestOutcome::test(0.0, 1.0));
    let chi = categorical::chisquare(&c);
    assert!(chi.statistic == 0.0 && chi.p_value.is_some_and(f64::is_nan));
    let fisher = categorical::fisher_exact(&c);
    assert!(fisher.statistic.is_nan() && fisher.p_value == Some(1.0));
    assert!(categorical::g_test(&c).statistic.is_nan()); // unequal totals
    for (name, d) in distances(&c) {
        assert_eq!(d, 0.0, "{name}");
    }
}

/// A million rows: the permutation p-value draws category counts, not rows,
/// so it stays fast (release builds take a few milliseconds).
#[test]
fn tvd_on_a_million_rows() {
    let c = counts_from(vec![300_000, 150_000, 50_000], vec![299_000, 151_500, 49_500]);
    let outcome = categorical::tvd(&c, 1);
    assert!(outcome.statistic > 0.0);
    assert!(outcome.p_value.is_some_and(|p| (0.0..=1.0).contains(&p)));
}
