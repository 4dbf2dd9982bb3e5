//! Readers on fixture files, hostile ones included: each outcome must equal the
//! recorded one (the browser test replays the same cases), and the behaviour
//! each fixture exists for is asserted here in plain terms.

use tideline_engine::io::{load_bytes, LoadOptions, Loader};
use tideline_engine::snapshot::snapshot;
use tideline_engine::table::Table;

include!("fixtures/readers/cases.rs");

fn load(name: &str) -> Table {
    let (_, bytes, _) = CASES.iter().find(|(n, _, _)| *n == name).unwrap();
    load_bytes(name, bytes, LoadOptions::default()).unwrap().table
}

fn keys(table: &Table, column: &str) -> Vec<Option<String>> {
    let c = table.column(column).unwrap_or_else(|| panic!("no column {column}"));
    (0..c.len()).map(|i| c.data.category_key(i)).collect()
}

fn error(name: &str) -> String {
    let (_, bytes, _) = CASES.iter().find(|(n, _, _)| *n == name).unwrap();
    load_bytes(name, bytes, LoadOptions::default()).unwrap_err().to_string()
}

#[test]
fn outcomes_equal_the_recorded_ones() {
    let update = std::env::var_os("TIDELINE_UPDATE_EXPECTED").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers/expected");
    for (name, bytes, expected) in CASES {
        let got = outcome(name, bytes);
        if update {
            let file = dir.join(format!("{}.json", name.replace("capture/", "capture_")));
            std::fs::write(file, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn every_chunking_gives_the_same_table() {
    for (name, bytes, _) in CASES {
        let whole = outcome(name, bytes);
        for chunk in [1, 3, 64] {
            let mut loader = Loader::new(name.rsplit('/').next().unwrap(), LoadOptions::default());
            let mut result = Ok(());
            for piece in bytes.chunks(chunk) {
                result = result.and_then(|()| loader.push(piece));
            }
            let got = match result.and_then(|()| loader.finish()) {
                Ok(l) => serde_json::json!({ "table": snapshot(&l.table) }),
                Err(e) => serde_json::json!({ "error": e.to_string() }),
            };
            match whole.get("error") {
                Some(e) => assert_eq!(got.get("error"), Some(e), "{name} in chunks of {chunk}"),
                None => assert_eq!(got.get("table"), whole.get("table"), "{name} in chunks of {chunk}"),
            }
        }
    }
}

#[test]
fn ragged_rows_are_padded_or_cut_and_reported() {
    let (_, bytes, _) = CASES.iter().find(|(n, _, _)| *n == "ragged.csv").unwrap();
    let loaded = load_bytes("ragged.csv", bytes, LoadOptions::default()).unwrap();
    assert_eq!(loaded.table.n_rows, 4);
    assert_eq!(keys(&loaded.table, "c"), [Some("3".into()), None, Some("8".into()), Some("12".into())]);
    let messages: Vec<&str> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "row 2 has 2 fields where the header has 3: the missing ones are read as missing values",
            "row 3 has 4 fields where the header has 3: the extra ones are ignored"
        ]
    );
    assert_eq!(loaded.warnings[0].row, Some(2));
}

#[test]
fn bom_and_crlf_are_invisible() {
    let t = load("bom_crlf.csv");
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["id", "name", "score"]);
    assert_eq!(keys(&t, "score"), [Some("3.5".into()), Some("4".into()), None]);
    assert_eq!(t.column("score").unwrap().inferred_type().as_str(), "Fractional");
}

#[test]
fn latin1_bytes_are_decoded_and_reported() {
    let (_, bytes, _) = CASES.iter().find(|(n, _, _)| *n == "latin1.csv").unwrap();
    let loaded = load_bytes("latin1.csv", bytes, LoadOptions::default()).unwrap();
    assert_eq!(keys(&loaded.table, "city"), [Some("Zürich".into()), Some("München".into()), Some("São Paulo".into())]);
    assert!(loaded
        .warnings
        .iter()
        .any(|w| w.message == "3 fields were not valid UTF-8 and were read as Windows-1252 (Latin-1)"));
}

#[test]
fn empty_files_are_errors_that_name_the_file() {
    assert_eq!(error("empty.csv"), "the file is empty in empty.csv");
    assert_eq!(error("whitespace_only.csv"), "the file is empty in whitespace_only.csv");
}

#[test]
fn a_header_alone_is_an_error_naming_its_columns() {
    assert_eq!(
        error("header_only.csv"),
        "the file has no data rows: only the header, with 3 columns in header_only.csv"
    );
    assert_eq!(error("scalar.json"), "invalid JSON: the file is named as JSON but starts with \"42\" (line 1), not with [ (an array of records) or { (one record per line) in scalar.json");
}

#[test]
fn utf16_with_a_bom_and_cr_line_endings_read_as_text() {
    for name in ["utf16le.csv", "utf16be_crlf.csv"] {
        let t = load(name);
        assert_eq!(keys(&t, "city"), [Some("Kraków".into()), Some("東京".into()), Some("Łódź".into())], "{name}");
        assert_eq!(keys(&t, "name")[2], Some("𝄞".into()), "{name}");
    }
    let t = load("cr_only.csv");
    assert_eq!(keys(&t, "b"), [Some("x".into()), Some("y".into()), Some("q\nr".into())]);
}

#[test]
fn binary_and_garbage_files_are_refused_by_name() {
    for (name, needle) in [
        ("png.csv", "this is a PNG image"),
        ("nul.csv", "a NUL byte at byte 0"),
        ("utf16_no_bom.csv", "UTF-16 text without a byte-order mark"),
        ("comments.json", "JSON does not allow comments (line 1)"),
        ("prose.txt", "their field counts vary"),
    ] {
        let message = error(name);
        assert!(message.contains(needle) && message.ends_with(&format!(" in {name}")), "{name}: {message}");
    }
}

#[test]
fn a_gzip_file_is_read_through_its_compression() {
    let t = load("gzip.csv");
    assert_eq!((t.n_rows, keys(&t, "a"), keys(&t, "b")), (1, vec![Some("1".into())], vec![Some("2".into())]));
}

#[test]
fn one_data_row() {
    let t = load("one_row.csv");
    assert_eq!(t.n_rows, 1);
    assert_eq!(keys(&t, "y"), [Some("hello".into())]);
}

#[test]
fn duplicate_and_empty_headers_are_renamed() {
    let t = load("duplicate_headers.csv");
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["a", "a.1", "_c2", "b", "a.2"]);
}

#[test]
fn quoted_fields_keep_newlines_quotes_and_delimiters() {
    let t = load("quoted_newlines.csv");
    assert_eq!(t.n_rows, 3);
    assert_eq!(
        keys(&t, "comment"),
        [Some("line one\nline two".into()), Some("He said \"hi\", then left".into()), Some("a,b,c".into())]
    );
    assert_eq!(keys(&t, "score"), [Some("5".into()), Some("6".into()), Some("7".into())]);
}

#[test]
fn nan_inf_and_empty_are_missing() {
    let t = load("missing_markers.csv");
    assert_eq!(keys(&t, "x"), [Some("1.5".into()), None, None, Some("2.5".into())]);
    assert_eq!(keys(&t, "y"), [None, None, None, Some("3".into())]);
    assert_eq!(t.column("y").unwrap().inferred_type().as_str(), "Integral");
    assert_eq!(keys(&t, "z"), [Some("a".into()), None, Some("b".into()), None]);
}

#[test]
fn delimiters_are_sniffed() {
    let t = load("semicolon.csv");
    assert_eq!(keys(&t, "a"), [Some("1,5".into()), Some("3,5".into())]);
    assert_eq!(keys(&load("tabs.tsv"), "value"), [Some("1".into()), Some("2".into())]);
    assert_eq!(keys(&load("pipes.txt"), "b"), [Some("2".into()), Some("4".into())]);
}

#[test]
fn a_first_row_of_numbers_is_data() {
    let t = load("no_header.csv");
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["_c0", "_c1", "_c2"]);
    assert_eq!(t.n_rows, 3);
}

/// Deequ's DataType rules (spec §2.2) column by column.
#[test]
fn deequ_types_per_column() {
    let t = load("deequ_types.csv");
    let types: Vec<(&str, &str)> = t.columns.iter().map(|c| (c.name.as_str(), c.inferred_type().as_str())).collect();
    assert_eq!(
        types,
        [
            ("integral", "Integral"),
            ("fractional", "Fractional"),
            ("boolean", "Boolean"),
            ("mixed_bool_num", "String"),
            ("string", "String"),
            ("unknown", "Unknown"),
            ("exponent", "Fractional"),
            ("signed", "Integral"),
            ("leading_dot", "String"),
        ]
    );
    assert_eq!(t.column("boolean").unwrap().data.storage_name(), "boolean");
}

#[test]
fn json_records_flatten_objects_and_union_keys() {
    let t = load("array.json");
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["id", "name", "score", "tags", "meta.team", "extra"]);
    assert_eq!(keys(&t, "score"), [Some("3.5".into()), None, Some("4".into())]);
    assert_eq!(keys(&t, "tags"), [Some("[\"x\"]".into()), None, None]);
    assert_eq!(keys(&t, "extra"), [None, Some("true".into()), None]);
    let lines = load("lines.jsonl");
    assert_eq!(lines.n_rows, 3);
    assert_eq!(keys(&lines, "a"), [Some("1".into()), Some("2.5".into()), None]);
    assert_eq!(keys(&load("array_of_arrays.json"), "_c1"), [Some("a".into()), Some("b".into())]);
}

#[test]
fn broken_json_says_where() {
    assert_eq!(error("truncated.json"), "the file ends in the middle of a record (the JSON array has no closing ']') (at row 3, byte 19) in truncated.json");
    let message = error("malformed.jsonl");
    assert!(
        message.starts_with("invalid JSON: expected value at line 1 column 7 (at row 2, byte 9) in malformed.jsonl"),
        "{message}"
    );
}

#[test]
fn datetimes_become_timestamps() {
    let t = load("datetimes.csv");
    assert_eq!(t.column("when").unwrap().data.storage_name(), "timestamp");
    assert_eq!(
        keys(&t, "when"),
        [
            Some("2022-04-18T00:21:48Z".into()),
            Some("2022-04-18T01:00:00.250Z".into()),
            Some("2022-04-18T00:00:00Z".into())
        ]
    );
    assert_eq!(t.column("day").unwrap().kind.as_str(), "datetime");
    assert_eq!(t.column("when").unwrap().inferred_type().as_str(), "String");
}

#[test]
fn five_thousand_columns() {
    let t = load("wide_5000.csv");
    assert_eq!((t.columns.len(), t.n_rows), (5000, 3));
    assert_eq!(t.columns[4999].name, "c4999");
}

/// Big runs of lines are read column-parallel natively; small chunks one
/// thread at a time. Both must give the same table and warnings.
#[test]
fn threaded_reading_equals_sequential_reading() {
    let mut text = String::from("id,x,label,when,flag,note\n");
    for i in 0..40_000 {
        match i % 997 {
            0 => text.push_str(&format!("{i},{}\n", i as f64 / 7.0)),
            1 => text.push('\n'),
            2 => text.push_str(&format!("{i},1,a,2022-01-01,true,x,extra\r\n")),
            _ => text.push_str(&format!(
                "{i},{},{},2022-01-{:02},{},n{}\n",
                i as f64 * 0.37,
                ["a", "b", "c"][i % 3],
                1 + i % 28,
                i % 2 == 0,
                i % 5
            )),
        }
    }
    assert!(text.len() > 1_000_000);
    let whole = load_bytes("big.csv", text.as_bytes(), LoadOptions::default()).unwrap();
    let mut loader = Loader::new("big.csv", LoadOptions::default());
    for piece in text.as_bytes().chunks(64 * 1024) {
        loader.push(piece).unwrap();
    }
    let chunked = loader.finish().unwrap();
    assert_eq!(whole.table.n_rows, 40_000 - 40_000 / 997 - 1);
    assert_eq!(snapshot(&whole.table), snapshot(&chunked.table));
    assert_eq!(whole.warnings, chunked.warnings);
    assert_eq!(whole.table, chunked.table);
}
