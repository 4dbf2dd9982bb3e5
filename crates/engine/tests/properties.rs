//! Invariants the readers guarantee, checked on random tables (proptest).

use proptest::prelude::*;
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::summary::summarize;

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (-1000_i64..1000).prop_map(|i| i.to_string()),
        (-1e6_f64..1e6).prop_map(|x| format!("{x}")),
        prop::sample::select(vec!["a", "b", "true", "false", "NaN", "x y", "1.0", "é"]).prop_map(str::to_owned),
    ]
}

fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("c0,c1,c2\n");
    for row in rows {
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

proptest! {
    /// A column's profile does not depend on row order (the mean up to rounding).
    #[test]
    fn row_order_does_not_change_profiles(rows in prop::collection::vec(prop::collection::vec(cell(), 3), 2..60), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        // A seeded Fisher–Yates shuffle keeps the case reproducible.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        // Keep the first row in place: it decides whether there is a header.
        let options = LoadOptions { has_header: Some(true), ..LoadOptions::default() };
        let a = summarize(&load_bytes("a.csv", csv(&rows).as_bytes(), options.clone()).unwrap().table);
        let b = summarize(&load_bytes("b.csv", csv(&shuffled).as_bytes(), options).unwrap().table);
        prop_assert_eq!(a.rows, b.rows);
        for (x, y) in a.columns.iter().zip(&b.columns) {
            prop_assert_eq!((&x.name, x.inferred_type, x.kind, x.present, x.missing, x.distinct), (&y.name, y.inferred_type, y.kind, y.present, y.missing, y.distinct));
            prop_assert_eq!((x.min, x.max), (y.min, y.max));
            prop_assert_eq!(&x.top_values, &y.top_values);
            if let (Some(m), Some(n)) = (x.mean, y.mean) {
                prop_assert!((m - n).abs() <= 1e-9 * m.abs().max(1.0));
            }
        }
    }

    /// No input makes a reader panic; it gives a table or an error.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = load_bytes("random.csv", &bytes, LoadOptions::default());
        let _ = load_bytes("random.json", &bytes, LoadOptions { format: Some(tideline_engine::io::Format::Json), ..LoadOptions::default() });
        let _ = load_bytes("random.jsonl", &bytes, LoadOptions { format: Some(tideline_engine::io::Format::Capture), ..LoadOptions::default() });
    }
}
