//! Inputs that are not regular files (a folder, a named pipe, a device, a
//! missing path), SageMaker capture files whose records disagree, and
//! columns or values that are not there.

use std::path::Path;

use super::case::{refused, Case};

fn make_folder(dir: &Path) {
    std::fs::create_dir_all(dir.join("folder.csv")).unwrap();
}

fn make_pipe(dir: &Path) {
    let status = std::process::Command::new("mkfifo").arg(dir.join("pipe.csv")).status().unwrap();
    assert!(status.success());
}

/// A data-capture line of CSV input `input` and output `output`.
fn capture_line(input: &str, output: &str, id: &str) -> String {
    format!(
        r#"{{"captureData":{{"endpointInput":{{"observedContentType":"text/csv","mode":"INPUT","data":"{input}","encoding":"CSV"}},"endpointOutput":{{"observedContentType":"text/csv","mode":"OUTPUT","data":"{output}","encoding":"CSV"}}}},"eventMetadata":{{"eventId":"{id}","inferenceTime":"2024-01-01T00:00:00Z"}},"eventVersion":"0"}}"#
    )
}

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    type Special = (&'static str, &'static str, fn(&Path), &'static str);
    let special: [Special; 4] = [
        ("an empty folder (folders are read as the files they hold)", "folder.csv", make_folder, "folder"),
        ("a named pipe", "pipe.csv", make_pipe, "is a named pipe"),
        ("a device", "/dev/zero", |_| {}, "is a device"),
        ("a missing file", "missing.csv", |_| {}, "cannot open missing.csv"),
    ];
    for (name, path, prepare, words) in special {
        for args in [
            vec!["inspect", path],
            vec!["drift", "--baseline", path, "--current", "good.csv", "--out", "out.json"],
            vec!["explain", "--model", path, "--data", "good.csv", "--out", "out"],
        ] {
            let case =
                Case::new("not regular files", format!("{name} via {}", args[0]), &args, refused(&[path, words]));
            cases.push(case.good().prepared(prepare));
        }
    }
    let varied = [capture_line("1,2", "0.5", "a"), capture_line("3,4,5,6", "0.1", "b"), capture_line("7", "0.9", "c")];
    cases.push(
        Case::new(
            "capture",
            "rows of 3, 5 and 2 values",
            &["inspect", "capture.jsonl"],
            refused(&["capture.jsonl", "do not describe one table"]),
        )
        .file("capture.jsonl", varied.join("\n")),
    );
    let stranger = [capture_line("1,2", "0.5", "a"), r#"{"a": 1}"#.to_owned()];
    cases.push(
        Case::new(
            "capture",
            "a line that is no capture record",
            &["inspect", "--format", "capture", "capture.jsonl"],
            refused(&["capture.jsonl", "row 2", "no captureData"]),
        )
        .file("capture.jsonl", stranger.join("\n")),
    );
    let empty_batch = r#"{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":"","encoding":"CSV"}},"eventMetadata":{"eventId":"a"},"eventVersion":"0"}"#;
    cases.push(
        Case::new(
            "capture",
            "only empty batches",
            &["inspect", "capture.jsonl"],
            refused(&["capture.jsonl", "no data rows"]),
        )
        .file("capture.jsonl", empty_batch),
    );
    // Sizes found by fresh hostile runs: 60,000 columns of one name (a
    // quadratic renaming hung), 5,000 unique labels (a confusion matrix of
    // n² cells ran out of memory at 100,000), a facet of 5,000 ids (each
    // analysed against the rest ran for hours).
    let same_name = format!("{}\n{}\n", vec!["a"; 60_000].join(","), vec!["1"; 60_000].join(","));
    cases.push(
        Case::new(
            "columns and values",
            "60,000 columns of one name",
            &["inspect", "same.csv"],
            super::case::accepted(Some("repeats 'a'")),
        )
        .file("same.csv", same_name),
    );
    let ids: String = (0..5_000).map(|i| format!("{i},L{i},L{},F{i}\n", (i * 7) % 5_000)).collect();
    let ids = format!("id,label,pred,facet\n{ids}");
    let sized: [(&str, &str, &str); 2] = [
        (
            "5,000 unique labels",
            "model-quality --data ids.csv --problem multiclass --label label --prediction pred --out out",
            "at most 1000",
        ),
        (
            "a facet of 5,000 ids",
            "bias --data ids.csv --label label --label-values L1 --facet facet --out out",
            "at most 1000",
        ),
    ];
    for (name, line, word) in sized {
        let args: Vec<&str> = line.split_whitespace().collect();
        cases.push(
            Case::new("columns and values", name, &args, refused(&["ids.csv", word])).file("ids.csv", ids.clone()),
        );
    }
    // Command lines as text (split at spaces; no argument holds one).
    let columns: [(&str, &str, &str); 7] = [
        (
            "a --positive no row holds",
            "model-quality --data good.csv --problem binary --label repaid --prediction y_pred --positive martian --out out",
            "martian",
        ),
        (
            "a missing label column",
            "model-quality --data good.csv --problem binary --label nothing --prediction y_pred --out out",
            "nothing",
        ),
        (
            "a missing facet",
            "bias --data good.csv --label repaid --label-values 1 --facet nothing --out out",
            "nothing",
        ),
        ("a missing drift column", "drift --baseline good.csv --current good.csv --numeric nothing --out out.json", "nothing"),
        (
            "a split no row matches",
            "drift --baseline good.csv --current good.csv --baseline-where repaid=7 --out out.json",
            "repaid = 7",
        ),
        (
            "a missing time column",
            "timeline --baseline good.csv --current good.csv --time-column nothing --window 1d --out out.json",
            "nothing",
        ),
        ("sides that share no column", "drift --baseline good.csv --current numbers.json --out out.json", "share no column"),
    ];
    for (name, line, word) in columns {
        let args: Vec<&str> = line.split_whitespace().collect();
        cases.push(
            Case::new("columns and values", name, &args, refused(&[word])).good().file("numbers.json", "[1, 2, 3]"),
        );
    }
    cases
}
