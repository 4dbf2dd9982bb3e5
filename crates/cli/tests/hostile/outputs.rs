//! Outputs that would overwrite an input or cannot be written: refused
//! before anything is written, the input kept byte for byte.

use super::case::{refused, Case};

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let runs: [(&str, Vec<&str>); 8] = [
        (
            "report over its baseline",
            vec!["report", "--baseline", "good.csv", "--current", "cur.csv", "--out", "good.csv"],
        ),
        (
            "drift over its current data",
            vec!["drift", "--baseline", "good.csv", "--current", "cur.csv", "--out", "cur.csv"],
        ),
        (
            "drift over an input named another way",
            vec!["drift", "--baseline", "good.csv", "--current", "cur.csv", "--out", "./sub/../good.csv"],
        ),
        (
            "timeline over its baseline",
            vec![
                "timeline",
                "--baseline",
                "good.csv",
                "--current",
                "cur.csv",
                "--window",
                "100rows",
                "--out",
                "good.csv",
            ],
        ),
        ("pii-scan --json over its input", vec!["pii-scan", "good.csv", "--json", "good.csv"]),
        ("pii-scan --out over its input", vec!["pii-scan", "good.csv", "--out", "good.csv", "--exclude", "repaid"]),
        (
            "merge-ground-truth over its capture",
            vec![
                "merge-ground-truth",
                "--capture",
                "good.csv",
                "--ground-truth",
                "cur.csv",
                "--capture-id",
                "id",
                "--truth-id",
                "id",
                "--label",
                "repaid",
                "--out",
                "good.csv",
            ],
        ),
        (
            "report --zip over its current data",
            vec!["report", "--baseline", "good.csv", "--current", "cur.csv", "--out", "r.html", "--zip", "cur.csv"],
        ),
    ];
    let mut cases: Vec<Case> = runs
        .into_iter()
        .map(|(name, args)| {
            let case = Case::new("outputs", name, &args, refused(&["also an input"]))
                .good()
                .file("cur.csv", super::case::good_csv());
            case.prepared(|dir| std::fs::create_dir_all(dir.join("sub")).unwrap())
        })
        .collect();
    cases.push(
        Case::new(
            "outputs",
            "drift to a folder",
            &["drift", "--baseline", "good.csv", "--current", "good.csv", "--out", "sub"],
            refused(&["sub is a folder"]),
        )
        .good()
        .prepared(|dir| std::fs::create_dir_all(dir.join("sub")).unwrap()),
    );
    cases.push(
        Case::new(
            "outputs",
            "drift over a hard link to its baseline",
            &["drift", "--baseline", "good.csv", "--current", "cur.csv", "--out", "link.csv"],
            refused(&["also an input"]),
        )
        .good()
        .file("cur.csv", super::case::good_csv())
        .prepared(|dir| std::fs::hard_link(dir.join("good.csv"), dir.join("link.csv")).unwrap()),
    );
    cases
}
