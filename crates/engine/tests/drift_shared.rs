//! A drift run shared between workers (the browser's helpers judge some
//! columns, their results travel as JSON) equals `run_drift`.

use tideline_engine::drift::{
    assemble_drift, drift_pairs, judge_pair, run_drift, ColumnDrift, DriftOptions, Preset, SkippedColumn,
};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::table::Table;

fn table(seed: u64, shift: f64) -> Table {
    let mut state = seed;
    let mut unit = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1_u64 << 53) as f64
    };
    let mut text = String::from("a,b,c,d,e\n");
    for i in 0..3000 {
        let a = unit() * 10.0 + shift;
        let b = unit();
        let c = ["x", "y", "z"][(unit() * 3.0) as usize % 3];
        let d = if i % 17 == 0 { String::new() } else { format!("{:.2}", unit() * 5.0) };
        let e = (unit() * 4.0) as u32;
        text.push_str(&format!("{a},{b},{c},{d},{e}\n"));
    }
    load_bytes("t.csv", text.as_bytes(), LoadOptions::default()).unwrap().table
}

#[test]
fn pairs_judged_apart_in_any_order_give_the_same_report() {
    let (baseline, current) = (table(7, 0.0), table(11, 3.0));
    for preset in [Preset::Evidently, Preset::Tideline, Preset::Sagemaker] {
        let options = DriftOptions { preset, all_tests: preset == Preset::Tideline, ..DriftOptions::default() };
        let whole = run_drift(&baseline, &current, &options);
        let (pairs, skipped) = drift_pairs(&baseline, &current);
        assert_eq!(pairs.len(), 5);
        // Judged last to first, each result through JSON as between workers.
        let mut judged: Vec<Option<Result<ColumnDrift, SkippedColumn>>> = vec![None; pairs.len()];
        for (i, pair) in pairs.iter().enumerate().rev() {
            let text = serde_json::to_string(&judge_pair(pair, &options)).unwrap();
            judged[i] = Some(serde_json::from_str(&text).unwrap());
        }
        let shared = assemble_drift(
            baseline.n_rows,
            current.n_rows,
            judged.into_iter().map(Option::unwrap).collect(),
            skipped,
            &options,
        );
        assert_eq!(serde_json::to_value(&shared).unwrap(), serde_json::to_value(&whole).unwrap(), "{preset:?}");
        assert!(whole.columns.iter().any(|c| c.name == "a" && c.drifted), "{preset:?}: a moved by 3 of 10");
    }
}
