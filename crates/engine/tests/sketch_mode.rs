//! Sketch mode against exact mode on the shared datasets: the same columns
//! tested with the same tests and verdicts, count-based results equal to
//! 1e-9, numeric distances within the bound each result states; states
//! that merge as their union; state files that read back equal, and
//! refusals of bytes that are not one.

include!("fixtures/reference/shared_data.rs");

use tideline_engine::drift::sketched::run_drift_states;
use tideline_engine::drift::{run_drift, ColumnDrift, DriftOptions, DriftReport, Preset};
use tideline_engine::io::{load_bytes, LoadOptions, Loader};
use tideline_engine::roles::guess_pair_roles;
use tideline_engine::sketch::{decode_state, encode_state, DatasetState, StateBuilder, StateError};

/// A state built as sketch mode streams a file: pushed in 64 KB pieces,
/// its rows taken every 256 KB (several chunks per file).
fn streamed(name: &str, bytes: &[u8]) -> DatasetState {
    let mut builder = StateBuilder::default();
    let mut loader = Loader::new(name, LoadOptions::default());
    let mut since = 0;
    for piece in bytes.chunks(64 * 1024) {
        loader.push(piece).unwrap();
        since += piece.len();
        if since >= 256 * 1024 {
            since = 0;
            if let Some(t) = loader.take_rows() {
                builder.add_table(&t);
            }
        }
    }
    let last = loader.finish().unwrap().table;
    if last.n_rows > 0 {
        builder.add_table(&last);
    }
    builder.finish()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0)
}

/// Checks one column of sketch mode against exact mode; true when its
/// numbers were exact (no approximation stated).
fn check_column(context: &str, exact: &ColumnDrift, sketch: &ColumnDrift) -> bool {
    let at = format!("{context} {}", exact.name);
    assert_eq!(sketch.test, exact.test, "{at}: test");
    assert_eq!(sketch.kind, exact.kind, "{at}: kind");
    assert_eq!(sketch.counts.baseline_present, exact.counts.baseline_present, "{at}");
    assert_eq!(sketch.counts.current_present, exact.counts.current_present, "{at}");
    assert_eq!(sketch.counts.baseline_missing, exact.counts.baseline_missing, "{at}");
    assert_eq!(sketch.counts.current_missing, exact.counts.current_missing, "{at}");
    match &sketch.approximation {
        None => {
            assert!(
                close(sketch.statistic, exact.statistic, 1e-9),
                "{at}: {} vs {}",
                sketch.statistic,
                exact.statistic
            );
            assert!(close(sketch.effect_size, exact.effect_size, 1e-9), "{at}: effect");
            assert!(close(sketch.psi, exact.psi, 1e-9), "{at}: psi");
            match (sketch.p_value, exact.p_value) {
                (Some(a), Some(b)) => assert!(close(a, b, 1e-9), "{at}: p {a} vs {b}"),
                (a, b) => assert_eq!(a.is_some(), b.is_some(), "{at}: p-value"),
            }
            assert_eq!(sketch.counts.n_unique, exact.counts.n_unique, "{at}: n_unique");
            assert_eq!(sketch.counts.unseen_rows, exact.counts.unseen_rows, "{at}: unseen");
            assert_eq!(sketch.drifted, exact.drifted, "{at}: verdict");
            true
        }
        Some(a) => {
            if let Some(bound) = a.statistic_within {
                let gap = (sketch.statistic - exact.statistic).abs();
                assert!(
                    gap <= bound + 1e-12,
                    "{at}: statistic {} vs {} beyond {bound}",
                    sketch.statistic,
                    exact.statistic
                );
            }
            if let Some(bound) = a.effect_within {
                let gap = (sketch.effect_size - exact.effect_size).abs();
                assert!(
                    gap <= bound + 1e-12,
                    "{at}: effect {} vs {} beyond {bound}",
                    sketch.effect_size,
                    exact.effect_size
                );
            }
            assert_eq!(sketch.drifted, exact.drifted, "{at}: verdict");
            false
        }
    }
}

fn compare(context: &str, exact: &DriftReport, sketch: &DriftReport) -> (usize, usize) {
    assert_eq!(sketch.n_baseline, exact.n_baseline, "{context}");
    assert_eq!(sketch.n_current, exact.n_current, "{context}");
    let names = |r: &DriftReport| r.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(sketch), names(exact), "{context}: tested columns");
    let skipped = |r: &DriftReport| {
        let mut s: Vec<(String, String)> = r.skipped.iter().map(|s| (s.name.clone(), s.reason.clone())).collect();
        s.sort();
        s
    };
    assert_eq!(skipped(sketch), skipped(exact), "{context}: skipped columns");
    assert_eq!(sketch.dataset_drift, exact.dataset_drift, "{context}: dataset verdict");
    let (mut exact_columns, mut bounded) = (0, 0);
    for (e, s) in exact.columns.iter().zip(&sketch.columns) {
        if check_column(context, e, s) {
            exact_columns += 1;
        } else {
            bounded += 1;
        }
    }
    (exact_columns, bounded)
}

#[test]
fn sketch_mode_agrees_with_exact_mode_on_the_shared_datasets() {
    let (mut compared, mut exact_columns, mut bounded) = (0, 0, 0);
    for pair in ["car_loan", "synthetic_binary_wfh", "car_price_regression", "california_housing", "titanic"] {
        let (b, c) = (format!("nannyml_{pair}_reference.csv"), format!("nannyml_{pair}_analysis.csv"));
        let (bb, cb) = (shared_data::read(&b), shared_data::read(&c));
        let mut baseline = load_bytes(&b, &bb, LoadOptions::default()).unwrap().table;
        let mut current = load_bytes(&c, &cb, LoadOptions::default()).unwrap().table;
        guess_pair_roles(&mut baseline, &mut current);
        let (sb, sc) = (streamed(&b, &bb), streamed(&c, &cb));
        for preset in Preset::ALL {
            let options = DriftOptions { preset, ..DriftOptions::default() };
            let exact = run_drift(&baseline, &current, &options);
            let sketch = run_drift_states(&sb, &sc, &[], &options);
            let (e, s) = compare(&format!("{pair} {}", preset.name()), &exact, &sketch);
            exact_columns += e;
            bounded += s;
            compared += 1;
        }
    }
    assert_eq!(compared, 15);
    // Both paths are exercised: low-cardinality columns exact, continuous ones bounded.
    assert!(exact_columns > 20 && bounded > 20, "{exact_columns} exact, {bounded} bounded");
}

#[test]
fn merged_states_equal_the_state_of_the_union() {
    let name = "nannyml_car_loan_reference.csv";
    let bytes = shared_data::read(name);
    let table = load_bytes(name, &bytes, LoadOptions::default()).unwrap().table;
    // Two files: the first 40 % of the lines, then the header and the rest.
    let header_end = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    let cut = bytes[bytes.len() * 2 / 5..].iter().position(|&b| b == b'\n').unwrap() + bytes.len() * 2 / 5 + 1;
    let second: Vec<u8> = bytes[..header_end].iter().chain(&bytes[cut..]).copied().collect();
    let part = |data: &[u8]| {
        let mut b = StateBuilder::default();
        b.add_table(&load_bytes(name, data, LoadOptions::default()).unwrap().table);
        b.finish()
    };
    let mut merged = part(&bytes[..cut]);
    merged.merge(&part(&second));
    let mut whole = StateBuilder::default();
    whole.add_table(&table);
    let whole = whole.finish();
    assert_eq!(merged.rows(), whole.rows());
    assert_eq!(merged.roles, whole.roles);
    let exact = tideline_engine::data_quality::profile_table(&table);
    let (mut compared, mut summarised) = (0, 0);
    for w in &whole.profile.features {
        let m = merged.feature(&w.name).unwrap();
        // Exact: type counts, value counts, distinct-count registers, count, sum, min, max.
        assert_eq!(m.deequ, w.deequ, "{}", w.name);
        if w.values.strings().is_exact() {
            assert!(m.values.sorted() == w.values.sorted(), "{}: value counts", w.name);
        } else {
            // Beyond the capacity: every kept count within the merged summary's bound of the truth.
            let truth: std::collections::HashMap<String, u64> =
                exact.feature(&w.name).unwrap().values.sorted().into_iter().collect();
            let bound = m.values.strings().error_bound();
            assert!(bound > 0, "{}", w.name);
            for (value, kept) in m.values.sorted() {
                let t = truth[&value];
                assert!(kept <= t && t - kept <= bound, "{}: {value} kept {kept}, true {t}, bound {bound}", w.name);
            }
            summarised += 1;
        }
        assert_eq!(m.distinct, w.distinct, "{}", w.name);
        let (a, b) = (&m.numeric, &w.numeric);
        assert_eq!((a.count, a.sum.value(), a.min, a.max), (b.count, b.sum.value(), b.min, b.max), "{}", w.name);
        assert!(close(a.std_dev(), b.std_dev(), 1e-12), "{}: {} vs {}", w.name, a.std_dev(), b.std_dev());
        // Quantiles: the merged sketch's ranks within its stated bound of the data's.
        if a.count > 0 {
            let mut sorted: Vec<f64> = match &table.column(&w.name).unwrap().data {
                tideline_engine::table::ColumnData::Numeric(v) => v.iter().copied().filter(|x| !x.is_nan()).collect(),
                _ => Vec::new(),
            };
            sorted.sort_by(f64::total_cmp);
            let bound = a.sketch.rank_error_bound();
            for (x, _) in a.sketch.weighted_items().iter().step_by(7) {
                let truth = sorted.partition_point(|v| v <= x) as f64 / sorted.len().max(1) as f64;
                let estimate = a.sketch.rank(*x) as f64 / a.count as f64;
                assert!(
                    (truth - estimate).abs() <= bound + 1e-12,
                    "{}: rank of {x} {estimate} vs {truth}, bound {bound}",
                    w.name
                );
            }
        }
        compared += 1;
    }
    assert_eq!(compared, whole.profile.features.len());
    assert!(compared >= 10 && summarised >= 1, "{compared} columns, {summarised} summarised");
}

#[test]
fn state_files_read_back_equal_and_other_bytes_are_refused() {
    let name = "nannyml_titanic_reference.csv";
    let state = streamed(name, &shared_data::read(name));
    let bytes = encode_state(&state).unwrap();
    assert_eq!(decode_state("t.tl", &bytes).unwrap(), state);
    // Equal states give equal bytes (maps are written sorted).
    assert_eq!(encode_state(&decode_state("t.tl", &bytes).unwrap()).unwrap(), bytes);
    assert!(matches!(decode_state("a.csv", b"PassengerId,Survived\n1,0\n"), Err(StateError::NotState(_))));
    let mut newer = bytes.clone();
    newer[16] = 9;
    assert!(matches!(decode_state("t.tl", &newer), Err(StateError::Version { found: 9, .. })));
    for cut in [10, 20, 30, bytes.len() / 2, bytes.len() - 1] {
        let err = decode_state("t.tl", &bytes[..cut]).unwrap_err();
        assert!(err.to_string().contains("t.tl"), "{err}");
    }
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    assert!(decode_state("t.tl", &flipped).is_err() || decode_state("t.tl", &flipped).is_ok());
    let mut huge = bytes.clone();
    huge[20..28].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(decode_state("t.tl", &huge).unwrap_err().to_string().contains("more than"));
}
