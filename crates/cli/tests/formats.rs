//! Parquet, Arrow IPC and compressed inputs through the CLI (issue 19): the
//! same drift report as from the CSV twins, folders mixing formats read as
//! one dataset, damaged files refused by name with nothing written.

mod common;

use common::{engine_fixture, json, path, scratch, tideline};

fn columnar(name: &str) -> std::path::PathBuf {
    engine_fixture("columnar", name)
}

fn drift(baseline: &[&str], current: &[&str], out: &std::path::Path) -> serde_json::Value {
    let mut args = vec!["drift"];
    for b in baseline {
        args.extend(["--baseline", b]);
    }
    for c in current {
        args.extend(["--current", c]);
    }
    args.extend(["--out", path(out)]);
    let run = tideline(&args);
    assert!(run.status.success(), "{args:?}: {}", String::from_utf8_lossy(&run.stderr));
    json(out)
}

#[test]
fn every_format_gives_the_drift_report_of_the_csv() {
    let dir = scratch("formats", "same_report");
    let twin = columnar("car_loan.csv");
    let expected = drift(&[path(&twin)], &[path(&twin)], &dir.join("csv.json"));
    let mut compared = 0;
    for name in [
        "car_loan_snappy.parquet",
        "car_loan_zstd.parquet",
        "car_loan_v2_groups.parquet",
        "car_loan_lz4.feather",
        "car_loan.arrows",
        "car_loan.csv.gz",
        "car_loan.csv.zst",
    ] {
        let file = columnar(name);
        let got = drift(&[path(&file)], &[path(&twin)], &dir.join(format!("{name}.json")));
        assert_eq!(got, expected, "{name}");
        compared += 1;
    }
    assert_eq!(compared, 7);
}

#[test]
fn a_folder_of_parts_in_mixed_formats_is_one_dataset() {
    let dir = scratch("formats", "folder");
    let parts = dir.join("capture/2024/01");
    std::fs::create_dir_all(&parts).unwrap();
    std::fs::copy(columnar("car_loan_zstd.parquet"), parts.join("part-0.parquet")).unwrap();
    std::fs::copy(columnar("car_loan.csv.gz"), parts.join("part-1.csv.gz")).unwrap();
    std::fs::write(dir.join("capture/_SUCCESS"), b"").unwrap();
    std::fs::write(parts.join(".part-0.parquet.crc"), b"junk").unwrap();
    let out = dir.join("drift.json");
    let twin = columnar("car_loan.csv");
    let report = drift(&[path(&dir.join("capture"))], &[path(&twin)], &out);
    assert_eq!((report["n_baseline"].as_u64(), report["n_current"].as_u64()), (Some(6000), Some(3000)));
    assert_eq!(report["n_drifted"].as_u64(), Some(0), "the same rows twice do not drift");
}

#[test]
fn a_damaged_parquet_file_is_refused_by_name_and_nothing_is_written() {
    let dir = scratch("formats", "damaged");
    let bytes = std::fs::read(columnar("car_loan_snappy.parquet")).unwrap();
    let cut = dir.join("cut.parquet");
    std::fs::write(&cut, bytes.get(..bytes.len() / 2).unwrap()).unwrap();
    let out = dir.join("drift.json");
    let twin = columnar("car_loan.csv");
    let run = tideline(&["drift", "--baseline", path(&cut), "--current", path(&twin), "--out", path(&out)]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cut.parquet") && !stderr.contains("panicked"), "{stderr}");
    assert!(!out.exists());
}
