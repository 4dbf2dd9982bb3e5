//! Invariants of profiles and the KLL sketch (proptest): merging two parts'
//! profiles equals profiling the whole (counts, sum, min, max, distinct
//! values and buckets exactly; the sketch within KLL's rank error), and a
//! sketch's CDF is monotone and ends at the total weight.

use proptest::prelude::*;
use tideline_engine::data_quality::{profile_table, KllSketch};
use tideline_engine::io::{load_bytes, LoadOptions};

/// Rank error allowed between a merged and a whole sketch (normalized rank);
/// KLL's error at k = 2048 is far below this for these sizes.
const KLL_EPSILON: f64 = 0.01;

fn csv(rows: &[(i32, u8)]) -> String {
    let mut out = String::from("x,c\n");
    for (x, c) in rows {
        let cell = if *x % 17 == 0 { String::new() } else { format!("{}", f64::from(*x) / 8.0) };
        out.push_str(&format!("{cell},{}\n", ["p", "q", "r", "s", ""][usize::from(*c % 5)]));
    }
    out
}

fn profile(rows: &[(i32, u8)]) -> tideline_engine::data_quality::DatasetProfile {
    let options = LoadOptions { has_header: Some(true), ..LoadOptions::default() };
    profile_table(&load_bytes("t.csv", csv(rows).as_bytes(), options).unwrap().table)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn merged_profile_equals_the_whole(rows in prop::collection::vec((-5000_i32..5000, any::<u8>()), 2..400), cut in 0.0_f64..1.0) {
        // Both parts hold rows: a file of a header alone is refused by the reader.
        let at = 1 + (((rows.len() - 2) as f64) * cut) as usize;
        let (a, b) = rows.split_at(at);
        let mut merged = profile(a);
        merged.merge(&profile(b));
        let whole = profile(&rows);
        let (m, w) = (merged.to_statistics(), whole.to_statistics());
        prop_assert_eq!(m.dataset, w.dataset);
        for (mf, wf) in m.features.iter().zip(&w.features) {
            prop_assert_eq!(&mf.name, &wf.name);
            prop_assert_eq!(mf.common(), wf.common());
            prop_assert_eq!(mf.string_statistics.as_ref(), wf.string_statistics.as_ref());
            if let (Some(mn), Some(wn)) = (&mf.numerical_statistics, &wf.numerical_statistics) {
                prop_assert_eq!((mn.sum, mn.min, mn.max, mn.mean), (wn.sum, wn.min, wn.max, wn.mean));
                prop_assert!((mn.std_dev - wn.std_dev).abs() <= 1e-9 * wn.std_dev.max(1.0));
            }
        }
    }

    #[test]
    fn merged_sketch_is_within_rank_error(values in prop::collection::vec(-1e6_f64..1e6, 3000..12000), cut in 0.0_f64..1.0) {
        let at = ((values.len() as f64) * cut) as usize;
        let mut whole = KllSketch::default();
        whole.update_all(&values);
        let (mut left, mut right) = (KllSketch::default(), KllSketch::default());
        left.update_all(&values[..at]);
        right.update_all(&values[at..]);
        left.merge(&right);
        let n = values.len() as u64;
        prop_assert_eq!(left.total_weight(), n);
        prop_assert_eq!(whole.total_weight(), n);
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        let mut previous = 0;
        for q in 1..20 {
            let x = sorted[sorted.len() * q / 20];
            let exact = sorted.partition_point(|&v| v <= x) as f64 / n as f64;
            for sketch in [&left, &whole] {
                let rank = sketch.rank(x);
                prop_assert!((rank as f64 / n as f64 - exact).abs() <= KLL_EPSILON);
            }
            // The CDF never decreases.
            let rank = left.rank(x);
            prop_assert!(rank >= previous);
            previous = rank;
        }
        prop_assert_eq!(left.rank(sorted[sorted.len() - 1]), n);
    }
}
