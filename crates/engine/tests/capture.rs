//! SageMaker data capture and ground truth (spec §1): reading capture files in
//! every encoding, reading ground truth, and merging the two.
//!
//! Fixtures are in `tests/fixtures/capture/`, written by hand. The BASE64
//! payloads in `base64.jsonl` and `ground_truth_encodings.jsonl` were made with
//! `python3 -c 'import base64; print(base64.b64encode(b"...").decode())'` on:
//! `b"1,2,3\n"` → `MSwyLDMK`, `b'{"predictions": [0.5]}'` →
//! `eyJwcmVkaWN0aW9ucyI6IFswLjVdfQ==`, `b"[4, 5.5]"` → `WzQsIDUuNV0=`,
//! `b"0.25"` → `MC4yNQ==`, `b"yes\n"` → `eWVzCg==`.

use tideline_engine::io::{
    load_bytes, merge_ground_truth, ErrorKind, Format, IoError, LoadOptions, Loaded, Loader, MergeError, MergeReport,
};
use tideline_engine::roles::Role;
use tideline_engine::table::{ColumnData, Table};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/capture/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn load_with(name: &str, options: LoadOptions) -> Loaded {
    load_bytes(name, &fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load(name: &str) -> Loaded {
    load_with(name, LoadOptions::default())
}

fn load_error(bytes: &str) -> IoError {
    load_bytes(
        "inline.jsonl",
        bytes.as_bytes(),
        LoadOptions { format: Some(Format::Capture), ..LoadOptions::default() },
    )
    .expect_err("the load should fail")
}

fn names(table: &Table) -> Vec<&str> {
    table.columns.iter().map(|c| c.name.as_str()).collect()
}

fn keys(table: &Table, column: &str) -> Vec<Option<String>> {
    let column = table.column(column).unwrap_or_else(|| panic!("no column {column}"));
    (0..table.n_rows).map(|i| column.data.category_key(i)).collect()
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some((*v).to_owned())).collect()
}

fn inferred(table: &Table, column: &str) -> &'static str {
    table.column(column).map_or("no such column", |c| c.inferred_type().as_str())
}

fn record(input: Option<&str>, output: Option<&str>, event_id: &str) -> String {
    let block = |mode: &str, data: &str| {
        format!(r#"{{"observedContentType":"text/csv","mode":"{mode}","data":{data:?},"encoding":"CSV"}}"#)
    };
    let mut blocks = Vec::new();
    if let Some(data) = input {
        blocks.push(format!(r#""endpointInput":{}"#, block("INPUT", data)));
    }
    if let Some(data) = output {
        blocks.push(format!(r#""endpointOutput":{}"#, block("OUTPUT", data)));
    }
    format!(
        r#"{{"captureData":{{{}}},"eventMetadata":{{"eventId":"{event_id}"}},"eventVersion":"0"}}"#,
        blocks.join(",")
    )
}

#[test]
fn csv_encoding_puts_output_first_then_input_then_metadata() {
    let loaded = load("csv.jsonl");
    assert_eq!(loaded.format, Format::Capture);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let t = &loaded.table;
    // Three records, the last a batch of two rows; the blank line 2 is skipped.
    assert_eq!(t.n_rows, 4);
    assert_eq!(names(t), ["_c0", "_c1", "_c2", "_c3", "eventId", "inferenceId", "inferenceTime"]);
    assert_eq!(keys(t, "_c0"), some(&["0.0363", "0.9", "0.1", "0.2"]));
    assert_eq!(keys(t, "_c1"), some(&["132", "45", "50", "61"]));
    assert_eq!(keys(t, "_c2"), some(&["Lee, Ann", "Bo", "Cy", "Di"]));
    assert_eq!(keys(t, "_c3"), some(&["182.9", "170", "160.5", "175.25"]));
    assert_eq!(keys(t, "eventId"), some(&["e1", "e2", "e3", "e3"]));
    assert_eq!(keys(t, "inferenceId"), [Some("i1".to_owned()), None, None, None]);
    assert_eq!(keys(t, "inferenceTime")[0].as_deref(), Some("2022-04-18T00:21:48Z"));
    assert!(matches!(t.column("inferenceTime").map(|c| &c.data), Some(ColumnData::Timestamp(_))));
    assert_eq!(inferred(t, "_c0"), "Fractional");
    assert_eq!(inferred(t, "_c1"), "Integral");
    assert_eq!(inferred(t, "_c2"), "String");
    // "170.0" is written with a fraction, so Deequ says Fractional.
    assert_eq!(inferred(t, "_c3"), "Fractional");
}

#[test]
fn json_encoding_positional_shapes() {
    // A flat array with a scalar output; {"instances": [[...], [...]]} with
    // {"predictions": [...]}; {"instances": [{"features": [...]}]} with "[0.3]".
    let loaded = load("json.jsonl");
    let t = &loaded.table;
    assert_eq!(t.n_rows, 4);
    assert_eq!(names(t), ["_c0", "_c1", "_c2", "_c3", "eventId", "inferenceTime"]);
    assert!(t.column("inferenceId").is_none(), "no record has an inferenceId");
    assert_eq!(keys(t, "_c0"), some(&["0.7", "0.1", "0.2", "0.3"]));
    assert_eq!(keys(t, "_c1"), some(&["1", "3", "5", "7"]));
    assert_eq!(keys(t, "_c2"), some(&["2.5", "4.5", "6.5", "8.5"]));
    assert_eq!(keys(t, "_c3"), some(&["red", "blue", "green", "pink"]));
    assert_eq!(keys(t, "eventId"), some(&["j1", "j2", "j2", "j3"]));
    assert_eq!(
        [inferred(t, "_c0"), inferred(t, "_c1"), inferred(t, "_c2"), inferred(t, "_c3")],
        ["Fractional", "Integral", "Fractional", "String"]
    );
}

#[test]
fn json_encoding_named_fields_are_flattened() {
    let loaded = load("json_named.jsonl");
    let t = &loaded.table;
    assert_eq!(t.n_rows, 2);
    assert_eq!(names(t), ["score", "predicted_label", "age", "address.city", "tags", "eventId", "inferenceTime"]);
    assert_eq!(keys(t, "score"), some(&["0.8", "0.1"]));
    assert_eq!(keys(t, "predicted_label"), some(&["1", "0"]));
    assert_eq!(keys(t, "age"), [Some("30".to_owned()), None]);
    assert_eq!(keys(t, "address.city"), some(&["Oslo", "Bergen"]));
    assert_eq!(keys(t, "tags"), some(&[r#"["a","b"]"#, "[]"]));
    assert_eq!(inferred(t, "score"), "Fractional");
    assert_eq!(inferred(t, "age"), "Integral");
    assert_eq!(inferred(t, "tags"), "String");
}

#[test]
fn base64_encoding_follows_the_content_type() {
    // Line 1: input text/csv "1,2,3\n", output application/json {"predictions": [0.5]}.
    // Line 2: input application/json [4, 5.5], output text/csv "0.25".
    let loaded = load("base64.jsonl");
    let t = &loaded.table;
    assert_eq!(t.n_rows, 2);
    assert_eq!(names(t), ["_c0", "_c1", "_c2", "_c3", "eventId", "inferenceTime"]);
    assert_eq!(keys(t, "_c0"), some(&["0.5", "0.25"]));
    assert_eq!(keys(t, "_c1"), some(&["1", "4"]));
    assert_eq!(keys(t, "_c2"), some(&["2", "5.5"]));
    assert_eq!(keys(t, "_c3"), [Some("3".to_owned()), None]);
    assert_eq!([inferred(t, "_c0"), inferred(t, "_c2"), inferred(t, "_c3")], ["Fractional", "Fractional", "Integral"]);
}

#[test]
fn input_only_records_start_at_c0() {
    let loaded = load("input_only.jsonl");
    let t = &loaded.table;
    assert_eq!(t.n_rows, 2);
    assert_eq!(names(t), ["_c0", "_c1", "eventId", "inferenceTime"]);
    assert_eq!(keys(t, "_c0"), some(&["1", "3"]));
    assert_eq!(keys(t, "_c1"), some(&["2", "4"]));
    assert_eq!(inferred(t, "_c1"), "Integral");
}

#[test]
fn user_names_cover_output_then_input_and_extra_positions_warn_once() {
    let names_given = vec!["score".to_owned(), "weight".to_owned(), "name".to_owned()];
    let loaded = load_with("csv.jsonl", LoadOptions { column_names: Some(names_given), ..LoadOptions::default() });
    let t = &loaded.table;
    assert_eq!(names(t), ["score", "weight", "name", "_c3", "eventId", "inferenceId", "inferenceTime"]);
    assert_eq!(keys(t, "score"), some(&["0.0363", "0.9", "0.1", "0.2"]));
    assert_eq!(keys(t, "_c3"), some(&["182.9", "170", "160.5", "175.25"]));
    let extra: Vec<_> = loaded.warnings.iter().filter(|w| w.message.contains("than the column names given")).collect();
    assert_eq!(extra.len(), 1, "{:?}", loaded.warnings);
    assert!(extra[0].message.contains("_c3"), "{}", extra[0].message);
    assert_eq!(extra[0].row, Some(1));
}

#[test]
fn user_names_are_enough_for_input_only_records() {
    let names_given = vec!["a".to_owned(), "b".to_owned()];
    let loaded =
        load_with("input_only.jsonl", LoadOptions { column_names: Some(names_given), ..LoadOptions::default() });
    assert_eq!(names(&loaded.table), ["a", "b", "eventId", "inferenceTime"]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn blank_lines_are_skipped_but_counted_as_lines() {
    let good = record(Some("1,2"), Some("0.5"), "x");
    let text = format!("\n{good}\n   \n{good}\n\n");
    let loaded = load_bytes("blank.jsonl", text.as_bytes(), LoadOptions::default()).unwrap();
    assert_eq!(loaded.format, Format::Capture);
    assert_eq!(loaded.table.n_rows, 2);
    // Line numbers in errors count the blank lines.
    let text = format!("{good}\n\n{{\"eventVersion\":\"0\"}}\n");
    let err = load_error(&text);
    assert_eq!(err.row, Some(3));
}

#[test]
fn a_batch_record_pairs_output_row_i_with_input_row_i() {
    let text = record(Some("1,a\n2,b\n"), Some("0.1\n0.2"), "batch");
    let loaded = load_bytes("batch.jsonl", text.as_bytes(), LoadOptions::default()).unwrap();
    let t = &loaded.table;
    assert_eq!(t.n_rows, 2);
    assert_eq!(keys(t, "_c0"), some(&["0.1", "0.2"]));
    assert_eq!(keys(t, "_c1"), some(&["1", "2"]));
    assert_eq!(keys(t, "_c2"), some(&["a", "b"]));
    assert_eq!(keys(t, "eventId"), some(&["batch", "batch"]));
}

#[test]
fn a_batch_with_unequal_counts_is_an_error_naming_both() {
    let first = record(Some("1"), Some("0.1"), "ok");
    for (input, output, n_out, n_in) in
        [("1\n2\n", "0.1", "1 row", "2 rows"), ("1", "0.1\n0.2\n0.3", "3 rows", "1 row")]
    {
        let err = load_error(&format!("{first}\n{}\n", record(Some(input), Some(output), "bad")));
        assert_eq!(err.row, Some(2));
        let ErrorKind::Capture(message) = &err.kind else { panic!("{err}") };
        assert!(message.contains(&format!("endpointOutput holds {n_out}")), "{message}");
        assert!(message.contains(&format!("endpointInput holds {n_in}")), "{message}");
    }
}

#[test]
fn an_empty_batch_is_skipped_with_a_warning() {
    let empty = concat!(
        r#"{"captureData":{"endpointInput":{"data":"{\"instances\":[]}","encoding":"JSON"},"#,
        r#""endpointOutput":{"data":"{\"predictions\":[]}","encoding":"JSON"}},"eventMetadata":{"eventId":"z"}}"#
    );
    let text = format!("{}\n{empty}\n", record(Some("1"), None, "a"));
    let loaded = load_bytes("empty.jsonl", text.as_bytes(), LoadOptions::default()).unwrap();
    assert_eq!(loaded.table.n_rows, 1);
    assert!(
        loaded.warnings.iter().any(|w| w.row == Some(2) && w.message.contains("empty batch")),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn a_line_without_capture_data_is_an_error_with_its_line_number() {
    let good = record(Some("1"), Some("0"), "a");
    let err = load_error(&format!("{good}\n{good}\n{{\"eventMetadata\":{{\"eventId\":\"b\"}}}}\n"));
    assert_eq!(err.row, Some(3));
    assert_eq!(err.byte, Some(2 * (good.len() as u64 + 1)));
    assert!(matches!(&err.kind, ErrorKind::Capture(m) if m.contains("no captureData")), "{err}");
}

#[test]
fn a_line_that_is_not_json_is_an_error_with_row_and_byte() {
    let good = record(Some("1"), Some("0"), "a");
    let err = load_error(&format!("{good}\nthis is not json\n{good}\n"));
    assert_eq!(err.row, Some(2));
    assert_eq!(err.byte, Some(good.len() as u64 + 1));
    assert!(matches!(err.kind, ErrorKind::Json(_)), "{err}");
    let shown = err.to_string();
    assert!(shown.contains("row 2") && shown.contains("inline.jsonl"), "{shown}");
}

#[test]
fn an_unknown_encoding_is_an_error_naming_it() {
    let text = record(Some("1"), None, "a").replace("\"CSV\"", "\"XML\"");
    let err = load_error(&text);
    assert_eq!(err.row, Some(1));
    assert!(
        matches!(&err.kind, ErrorKind::Capture(m) if m.contains("\"XML\"") && m.contains("endpointInput")),
        "{err}"
    );
}

#[test]
fn invalid_or_untyped_base64_is_an_error() {
    let base64 = |content_type: &str, data: &str| {
        format!(
            concat!(
                r#"{{"captureData":{{"endpointInput":{{"observedContentType":"{content_type}","data":"{data}","#,
                r#""encoding":"BASE64"}}}},"eventMetadata":{{"eventId":"a"}}}}"#
            ),
            content_type = content_type,
            data = data
        )
    };
    let err = load_error(&base64("text/csv", "not base64!"));
    assert!(matches!(&err.kind, ErrorKind::Capture(m) if m.contains("not valid BASE64")), "{err}");
    let err = load_error(&base64("application/x-image", "MSwyLDMK"));
    assert!(matches!(&err.kind, ErrorKind::Capture(m) if m.contains("\"application/x-image\"")), "{err}");
}

#[test]
fn a_record_with_neither_block_or_bad_json_data_is_an_error() {
    let err = load_error(r#"{"captureData":{},"eventMetadata":{"eventId":"a"}}"#);
    assert!(
        matches!(&err.kind, ErrorKind::Capture(m) if m.contains("neither endpointInput nor endpointOutput")),
        "{err}"
    );
    let err = load_error(r#"{"captureData":{"endpointInput":{"data":"[1,","encoding":"JSON"}}}"#);
    assert!(matches!(&err.kind, ErrorKind::Capture(m) if m.contains("endpointInput data is not valid JSON")), "{err}");
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "{}",
        "[1,2]",
        "null",
        r#"{"captureData":null}"#,
        r#"{"captureData":[]}"#,
        r#"{"captureData":{"endpointInput":"x"}}"#,
        r#"{"captureData":{"endpointInput":{"encoding":"CSV"}}}"#,
        r#"{"captureData":{"endpointInput":{"data":"1"}}}"#,
        r#"{"captureData":{"endpointInput":{"data":"\"open","encoding":"CSV"}}}"#,
        r#"{"captureData":{"endpointInput":{"data":{"inline":[1]},"encoding":"JSON"}},"eventMetadata":7}"#,
        r#"{"captureData":{"endpointInput":{"data":"","encoding":"CSV"}},"eventMetadata":{"eventId":null}}"#,
    ] {
        let _ = load_bytes(
            "odd.jsonl",
            text.as_bytes(),
            LoadOptions { format: Some(Format::Capture), ..LoadOptions::default() },
        );
    }
}

#[test]
fn chunked_reading_matches_reading_at_once() {
    // Larger than the 64 KiB the loader samples first, so chunks really go
    // through the line splitter one by one.
    let mut bytes = Vec::new();
    while bytes.len() < 150_000 {
        for name in ["csv.jsonl", "json.jsonl", "json_named.jsonl", "base64.jsonl"] {
            bytes.extend(fixture(name));
        }
    }
    let whole = load_bytes("big.jsonl", &bytes, LoadOptions::default()).unwrap();
    for chunk_size in [1, 7, 4096] {
        let mut loader = Loader::new("big.jsonl", LoadOptions::default());
        for chunk in bytes.chunks(chunk_size) {
            loader.push(chunk).unwrap();
        }
        assert_eq!(loader.rows(), whole.table.n_rows as u64, "every line ends with a newline");
        let chunked = loader.finish().unwrap();
        assert_eq!(format!("{:?}", chunked.table), format!("{:?}", whole.table), "chunks of {chunk_size}");
        assert_eq!(chunked.warnings, whole.warnings);
    }
}

#[test]
fn ground_truth_is_read_into_label_and_event_id() {
    let loaded = load("ground_truth_encodings.jsonl");
    assert_eq!(loaded.format, Format::GroundTruth);
    let t = &loaded.table;
    assert_eq!(names(t), ["groundTruthData", "eventId"]);
    assert_eq!(t.n_rows, 5);
    // CSV less its newline, a quoted CSV field unquoted, a JSON string, BASE64 of "yes\n", a null.
    let labels = keys(t, "groundTruthData");
    assert_eq!(labels[..4], some(&["yes", "no, never", "maybe", "yes"]));
    assert_eq!(labels[4], None);
    assert_eq!(keys(t, "eventId"), some(&["g1", "g2", "g3", "g4", "g5"]));
    assert_eq!(inferred(t, "groundTruthData"), "String");

    let loaded = load("ground_truth.jsonl");
    assert_eq!(loaded.table.n_rows, 5, "the blank line is skipped");
    assert_eq!(keys(&loaded.table, "groundTruthData"), some(&["1", "0", "1", "0", "1"]));
    assert_eq!(inferred(&loaded.table, "groundTruthData"), "Integral");
}

#[test]
fn ground_truth_errors_carry_the_line() {
    let options = || LoadOptions { format: Some(Format::GroundTruth), ..LoadOptions::default() };
    let good = r#"{"groundTruthData":{"data":"1","encoding":"CSV"},"eventMetadata":{"eventId":"a"}}"#;
    for (bad, expected) in [
        (r#"{"eventMetadata":{"eventId":"b"}}"#, "no groundTruthData"),
        (r#"{"groundTruthData":{"data":"1","encoding":"CSV"}}"#, "no eventMetadata.eventId"),
        (r#"{"groundTruthData":{"data":"1","encoding":"TSV"},"eventMetadata":{"eventId":"b"}}"#, "\"TSV\""),
        (r#"{"groundTruthData":{"data":"%%","encoding":"BASE64"},"eventMetadata":{"eventId":"b"}}"#, "BASE64"),
    ] {
        let err = load_bytes("gt.jsonl", format!("{good}\n{bad}\n").as_bytes(), options()).unwrap_err();
        assert_eq!(err.row, Some(2));
        assert!(matches!(&err.kind, ErrorKind::GroundTruth(m) if m.contains(expected)), "{err}");
    }
    let err = load_bytes("gt.jsonl", format!("{good}\n{{\n").as_bytes(), options()).unwrap_err();
    assert_eq!((err.row, err.byte), (Some(2), Some(good.len() as u64 + 1)));
    assert!(matches!(err.kind, ErrorKind::Json(_)));
}

#[test]
fn merge_joins_by_inference_id_else_event_id_and_keeps_every_row() {
    let capture = load("merge_capture.jsonl").table;
    let ground_truth = load("ground_truth.jsonl").table;
    let merged = merge_ground_truth(&capture, &ground_truth).unwrap();
    let t = &merged.table;
    assert_eq!(t.n_rows, 5);
    assert_eq!(t.columns.len(), capture.columns.len() + 1);
    assert_eq!(names(t).last(), Some(&"groundTruthData"));
    // Row 1 by inferenceId i1; rows 2 and 4 by eventId e2 (the last label for
    // e2, "1", wins over "0"); row 3 (e3) has no label; row 5 has inferenceId
    // i5, so the label for its eventId e5 does not apply.
    assert_eq!(
        keys(t, "groundTruthData"),
        [Some("1".to_owned()), Some("1".to_owned()), None, Some("1".to_owned()), None]
    );
    assert_eq!(inferred(t, "groundTruthData"), "Integral");
    assert_eq!(
        merged.report,
        MergeReport {
            matched: 3,
            unmatched_capture: 2,
            unmatched_ground_truth: 2,
            duplicate_ground_truth_ids: 1,
            duplicate_capture_ids: 1,
        }
    );
    assert_eq!(
        merged.report.describe(),
        "3 of 5 captured rows have a ground-truth label (2 have none); 2 labels match no captured row; \
         1 repeated ground-truth id (the last label wins); 1 captured row repeats an earlier row's id."
    );
    assert_eq!(t.column("groundTruthData").map(|c| c.role), Some(Role::Label));
    for column in &capture.columns {
        assert_eq!(t.column(&column.name).map(|c| c.role), Some(column.role), "{}", column.name);
    }
    let json = serde_json::to_string(&merged.report).unwrap();
    assert_eq!(serde_json::from_str::<MergeReport>(&json).unwrap(), merged.report);
}

#[test]
fn merging_again_replaces_the_label_column() {
    let capture = load("merge_capture.jsonl").table;
    let once = merge_ground_truth(&capture, &load("ground_truth.jsonl").table).unwrap().table;
    let labels =
        "{\"groundTruthData\":{\"data\":\"yes\",\"encoding\":\"CSV\"},\"eventMetadata\":{\"eventId\":\"e3\"}}\n";
    let labels = load_bytes("gt.jsonl", labels.as_bytes(), LoadOptions::default()).unwrap().table;
    let twice = merge_ground_truth(&once, &labels).unwrap();
    assert_eq!(names(&twice.table), names(&once));
    assert_eq!(keys(&twice.table, "groundTruthData"), [None, None, Some("yes".to_owned()), None, None]);
    assert_eq!(inferred(&twice.table, "groundTruthData"), "String");
    assert_eq!(twice.report.matched, 1);
}

#[test]
fn merge_compares_ids_by_their_category_key() {
    // Numeric event ids in the capture, the same ids as strings in the labels.
    let capture = (1..=3)
        .map(|id| {
            let block = format!(r#"{{"endpointInput":{{"data":"{id}","encoding":"CSV"}}}}"#);
            format!(r#"{{"captureData":{block},"eventMetadata":{{"eventId":{id}}}}}"#)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let labels = r#"{"groundTruthData":{"data":"0.5","encoding":"CSV"},"eventMetadata":{"eventId":"2"}}"#;
    let capture = load_bytes("c.jsonl", capture.as_bytes(), LoadOptions::default()).unwrap().table;
    let labels = load_bytes("g.jsonl", labels.as_bytes(), LoadOptions::default()).unwrap().table;
    let merged = merge_ground_truth(&capture, &labels).unwrap();
    assert_eq!(keys(&merged.table, "groundTruthData"), [None, Some("0.5".to_owned()), None]);
    assert_eq!(inferred(&merged.table, "groundTruthData"), "Fractional");
}

#[test]
fn merge_needs_its_id_and_label_columns() {
    let capture = load("merge_capture.jsonl").table;
    let ground_truth = load("ground_truth.jsonl").table;
    let without = |table: &Table, name: &str| {
        let mut table = table.clone();
        table.columns.retain(|c| c.name != name);
        table
    };
    assert_eq!(merge_ground_truth(&capture, &without(&ground_truth, "eventId")), Err(MergeError::NoGroundTruthId));
    assert_eq!(
        merge_ground_truth(&capture, &without(&ground_truth, "groundTruthData")),
        Err(MergeError::NoGroundTruthLabel)
    );
    let no_ids = without(&without(&capture, "eventId"), "inferenceId");
    let err = merge_ground_truth(&no_ids, &ground_truth).unwrap_err();
    assert_eq!(err, MergeError::NoCaptureId);
    assert_eq!(err.to_string(), "the captured data has neither an inferenceId nor an eventId column");
    // One of the two capture ids is enough: without inferenceId every row joins by eventId.
    let merged = merge_ground_truth(&without(&capture, "inferenceId"), &ground_truth).unwrap();
    assert_eq!(merged.report.matched, 3, "e2, e2 and e5");
}

#[test]
fn captured_rows_of_varied_lengths_are_refused() {
    // Rows of 3, 5 and 2 values (output first): no one table.
    let record_of = |input: &str, id: &str| record(Some(input), Some("0.5"), id);
    let text = [record_of("1,2", "a"), record_of("3,4,5,6", "b"), record_of("7", "c")].join("\n");
    assert_eq!(
        load_error(&text).to_string(),
        "not a SageMaker data-capture record: 2 of 3 captured rows do not hold the 3 unnamed values of line 1, and \
         their counts vary: these records do not describe one table in inline.jsonl"
    );
    // One row short is a warning, and the row is padded.
    let text = [record_of("1,2", "a"), record_of("3", "b"), record_of("4,5", "c")].join("\n");
    let loaded = load_bytes(
        "inline.jsonl",
        text.as_bytes(),
        LoadOptions { format: Some(Format::Capture), ..LoadOptions::default() },
    )
    .unwrap();
    assert_eq!(loaded.table.n_rows, 3);
    assert!(loaded.warnings.iter().any(|w| w.message.contains("line 2 holds 2 unnamed values where line 1 held 3")));
}
