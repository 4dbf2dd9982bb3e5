//! `tideline pii-scan` run as a subprocess: a file of contacts is scanned
//! (kinds, counts, masked samples, JSON), a copy is written with the flagged
//! columns masked and one left out (scanning the copy finds nothing), the
//! corpus evaluation prints its table, and mistakes fail with a message.

mod common;

use common::{json, scratch, tideline};

const CONTACTS: &str = "\
customer_name,email,phone,card,note,amount
Ann Lee,ann.lee@example.org,(415) 555-2671,4111 1111 1111 1111,called twice,12.50
\"Lee, Bo\",bo@example.com,+44 20 7946 0958,5555-5555-5555-4444,DOB: 1984-03-05,3.10
Carlos García,carlos@mail.example.net,020 7946 0958,378282246310005,from 10.0.0.7,99.00
";

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn contacts_are_scanned_masked_and_dropped() {
    let dir = scratch("pii_scan", "contacts");
    let data = dir.join("contacts.csv");
    std::fs::write(&data, CONTACTS).unwrap();
    let (report, masked) = (dir.join("pii.json"), dir.join("masked.csv"));
    let out = tideline(&[
        "pii-scan",
        data.to_str().unwrap(),
        "--json",
        report.to_str().unwrap(),
        "--mask",
        "flagged",
        "--exclude",
        "note",
        "--out",
        masked.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("3 rows, 6 columns scanned"), "{text}");
    assert!(text.contains("a******@example.org"), "{text}");

    let report = json(&report);
    let kinds: Vec<(String, String, u64)> = report["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            c["findings"].as_array().unwrap().iter().map(move |f| {
                (
                    c["column"].as_str().unwrap().to_owned(),
                    f["kind"].as_str().unwrap().to_owned(),
                    f["cells"].as_u64().unwrap(),
                )
            })
        })
        .collect();
    let expected = [
        ("customer_name", "person_name", 3),
        ("email", "email", 3),
        ("phone", "phone", 3),
        ("card", "credit_card", 3),
        ("note", "date_of_birth", 1),
        ("note", "ip_address", 1),
    ];
    assert_eq!(kinds.len(), expected.len(), "{kinds:?}");
    for (column, kind, cells) in expected {
        assert!(kinds.contains(&(column.to_owned(), kind.to_owned(), cells)), "{column} {kind} {cells}: {kinds:?}");
    }

    let copy = std::fs::read_to_string(&masked).unwrap();
    assert!(!copy.contains("note") && !copy.contains("ann.lee@") && !copy.contains("4111 1111"), "{copy}");
    assert!(copy.contains("**** **** **** 1111") && copy.contains("12.5"), "{copy}");
    let again = tideline(&["pii-scan", masked.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("no personal data found"), "{}", stdout(&again));
}

#[test]
fn the_evaluation_prints_every_kind() {
    let out = tideline(&["pii-scan", "--evaluate"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for kind in [
        "email address",
        "phone number",
        "credit-card number",
        "US SSN",
        "IBAN",
        "IP address",
        "date of birth",
        "person name",
    ] {
        assert!(text.lines().any(|l| l.starts_with(&format!("| {kind} |"))), "{kind}: {text}");
    }
}

#[test]
fn unknown_columns_and_a_missing_out_are_refused() {
    let dir = scratch("pii_scan", "mistakes");
    let data = dir.join("contacts.csv");
    std::fs::write(&data, CONTACTS).unwrap();
    let out = tideline(&[
        "pii-scan",
        data.to_str().unwrap(),
        "--mask",
        "emial",
        "--out",
        dir.join("x.csv").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no column 'emial'"));
    let out = tideline(&["pii-scan", data.to_str().unwrap(), "--mask", "email"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give --out FILE"));
}
