//! Parquet, Arrow IPC and gzip/zstd files read natively: the replay of
//! pyarrow's fixtures against their CSV twins, the parallel Parquet reader,
//! streaming in any chunking, and damaged files refused by name.

use tideline_engine::io::{load_bytes, load_parquet, LoadOptions, Loader};
use tideline_engine::progress::{Flow, ProgressUpdate};
use tideline_engine::snapshot::snapshot;

include!("fixtures/columnar/cases.rs");
include!("fixtures/columnar/replay_columnar.rs");
include!("fixtures/columnar/replay_sketch.rs");

fn fixture(name: &str) -> &'static [u8] {
    COLUMNAR.iter().find(|(n, _, _)| *n == name).map(|(_, b, _)| *b).unwrap()
}

#[test]
fn every_fixture_equals_its_csv_twin() {
    let (failures, compared) = replay_columnar();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(compared, COLUMNAR.len());
    assert!(compared >= 18, "{compared}");
}

#[test]
fn every_fixture_streamed_into_a_state_gives_exact_modes_drift() {
    let (failures, compared) = replay_sketch();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared >= 14, "{compared}");
}

#[test]
fn lists_and_binary_are_left_out_with_a_warning_naming_them() {
    let loaded = load_bytes("types.parquet", fixture("types.parquet"), LoadOptions::default()).unwrap();
    for column in ["tags", "blob"] {
        assert!(loaded.table.column(column).is_none());
        assert!(
            loaded.warnings.iter().any(|w| w.column.as_deref() == Some(column) && w.message.contains("left out")),
            "{column}: {:?}",
            loaded.warnings
        );
    }
    assert!(loaded.table.column("point.x").is_some() && loaded.table.column("point.label").is_some());
}

#[test]
fn the_parallel_reader_gives_the_table_read_from_bytes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columnar");
    let mut read = 0;
    for (name, bytes, _) in COLUMNAR.iter().filter(|(n, _, _)| n.ends_with(".parquet")) {
        let mut updates = 0;
        let mut progress = |_: ProgressUpdate| {
            updates += 1;
            Flow::Continue
        };
        let parallel = load_parquet(&dir.join(name), name, &LoadOptions::default(), &mut progress).unwrap();
        let whole = load_bytes(name, bytes, LoadOptions::default()).unwrap();
        assert_eq!(snapshot(&parallel.table), snapshot(&whole.table), "{name}");
        assert!(updates >= 1, "{name}");
        read += 1;
    }
    assert_eq!(read, 11);
}

#[test]
fn a_cancelled_parquet_load_stops() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/columnar/car_loan_v2_groups.parquet");
    let mut stop = |_: ProgressUpdate| Flow::Stop;
    let e = load_parquet(&path, "groups.parquet", &LoadOptions::default(), &mut stop).unwrap_err();
    assert_eq!(e.to_string(), "loading was cancelled in groups.parquet");
}

#[test]
fn streamed_files_read_the_same_in_any_chunking() {
    let mut checked = 0;
    for (name, bytes, _) in COLUMNAR.iter().filter(|(n, _, _)| !n.ends_with(".parquet")) {
        let whole = snapshot(&load_bytes(name, bytes, LoadOptions::default()).unwrap().table);
        for chunk in [1, 7, 4096] {
            let mut loader = Loader::new(*name, LoadOptions::default());
            for piece in bytes.chunks(chunk) {
                loader.push(piece).unwrap();
            }
            assert_eq!(snapshot(&loader.finish().unwrap().table), whole, "{name} in chunks of {chunk}");
        }
        checked += 1;
    }
    assert_eq!(checked, 8);
}

#[test]
fn damaged_and_truncated_files_are_refused_by_name() {
    let mut refused = 0;
    for (name, bytes, _) in COLUMNAR {
        // A Feather file cut in its footer still holds its whole stream, and reads.
        let ends = if name.ends_with(".feather") { 2 } else { 3 };
        for keep in [bytes.len() / 3, bytes.len() / 2, bytes.len() - 5].into_iter().take(ends) {
            let cut = bytes.get(..keep).unwrap();
            match load_bytes(name, cut, LoadOptions::default()) {
                Ok(l) => panic!("{name} cut to {keep} bytes read as {} rows", l.table.n_rows),
                Err(e) => assert!(e.to_string().ends_with(&format!(" in {name}")), "{e}"),
            }
            refused += 1;
        }
    }
    assert_eq!(refused, 3 * COLUMNAR.len() - 4);
    let e =
        load_bytes("bad.csv.gz", b"\x1f\x8b\x08\x00garbage that is not deflate", LoadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("gzip data cannot be decompressed"), "{e}");
    let e = load_bytes("v1.feather", b"FEA1\0\0\0\0rest", LoadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("Feather v1"), "{e}");
}
