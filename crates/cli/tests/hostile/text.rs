//! Data files that are not the text they claim to be: binary, compressed
//! and archive formats (by magic bytes), other encodings, empty and
//! header-only files, JSON that is not records, rows of no shape. Each goes
//! through `inspect`, and as either side of `drift`, and as the data of
//! `suggest-baseline`.

use super::case::{accepted, refused, Case, Expect};

/// Magic bytes of formats Tideline does not read, with the word its
/// message must hold.
const BINARY: [(&str, &[u8], &str); 20] = [
    ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03rest of it", "gzip"),
    ("zstd", b"\x28\xb5\x2f\xfd\x00\x58rest", "Zstandard"),
    ("xz", b"\xfd7zXZ\x00\x00rest", "xz"),
    ("lz4", b"\x04\x22\x4d\x18rest", "LZ4"),
    ("bzip2", b"BZh91AY&SYrest", "bzip2"),
    ("zip", b"PK\x03\x04\x14\x00rest", "zip"),
    ("empty zip", b"PK\x05\x06\x00\x00\x00\x00", "zip"),
    ("7z", b"7z\xbc\xaf\x27\x1crest", "7-Zip"),
    ("rar", b"Rar!\x1a\x07\x00rest", "RAR"),
    ("old office", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "Excel"),
    ("parquet", b"PAR1\x15\x04\x15rest", "Parquet"),
    ("arrow", b"ARROW1\x00\x00rest", "Arrow"),
    ("orc", b"ORC\x0a\x03rest", "ORC"),
    ("avro", b"Obj\x01\x04rest", "Avro"),
    ("sqlite", b"SQLite format 3\x00rest", "SQLite"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "GIF"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("elf", b"\x7fELF\x02\x01\x01\x00", "ELF"),
];

/// Other text that is not data, with the file name it is given and the
/// words of its refusal.
fn not_data() -> Vec<(&'static str, &'static str, Vec<u8>, &'static str)> {
    let utf16 = |text: &str| text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    vec![
        ("empty", "empty.csv", Vec::new(), "the file is empty"),
        ("whitespace", "blank.csv", b"  \n\n\t \n".to_vec(), "the file is empty"),
        ("one byte", "one.csv", b"x".to_vec(), "no data rows"),
        ("header only", "header.csv", b"a,b,c\n".to_vec(), "only the header, with 3 columns"),
        ("all NUL", "nul.csv", vec![0; 4096], "NUL byte at byte 0"),
        ("a NUL in text", "nul_inside.csv", b"a,b\n1,\x002\n".to_vec(), "NUL byte at byte 6"),
        ("UTF-16 without BOM", "utf16.csv", utf16("a,b\n1,2\n3,4\n"), "UTF-16 text without a byte-order mark"),
        ("UTF-32", "utf32.csv", b"\xff\xfe\x00\x00a\x00\x00\x00".to_vec(), "UTF-32"),
        ("scalar 42", "number.json", b"42\n".to_vec(), "starts with \"42\" (line 1)"),
        ("scalar string", "string.json", b"\"hello\"".to_vec(), "starts with \"\\\"hello\\\"\" (line 1)"),
        ("scalar null", "null.json", b"\n\nnull".to_vec(), "(line 3)"),
        ("scalar true", "true.json", b"true".to_vec(), "starts with \"true\""),
        ("JSON with // comments", "comment.json", b"// export\n[{\"a\":1}]".to_vec(), "comments (line 1)"),
        ("JSON with /* comments", "block.jsonl", b"\n/* x */ {\"a\":1}\n".to_vec(), "comments (line 2)"),
        ("empty JSON array", "empty_array.json", b"[]".to_vec(), "no data rows"),
        ("JSON array of empty records", "empty_records.json", b"[{}, {}]".to_vec(), "no data rows"),
        ("truncated JSON array", "truncated.json", b"[{\"a\": 1}, {\"a\": 2".to_vec(), "truncated.json"),
        ("JSON Lines broken at line 3", "broken.jsonl", b"{\"a\":1}\n{\"a\":2}\n{\"a\":\n".to_vec(), "row 3"),
        (
            "prose",
            "letter.txt",
            b"Dear team,\nthe numbers\nare, as, you, see\nbelow\n,\nRegards, A. B., Ph.D.\n".to_vec(),
            "field counts vary",
        ),
        ("random bytes", "random.csv", pseudo_random(3000), "random.csv"),
    ]
}

/// Bytes with no structure (a fixed seed), NUL-free so only shape rejects them.
fn pseudo_random(n: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match (state % 251) as u8 {
                0 => b'\n',
                b => b,
            }
        })
        .collect()
}

/// The same bad file through four commands.
fn through_commands(name: &str, file: &str, bytes: &[u8], needles: &[&str], cases: &mut Vec<Case>) {
    let mut all = vec![file];
    all.extend_from_slice(needles);
    let runs: [(&str, Vec<&str>); 4] = [
        ("inspect", vec!["inspect", file]),
        ("drift baseline", vec!["drift", "--baseline", file, "--current", "good.csv", "--out", "out.json"]),
        ("drift current", vec!["drift", "--baseline", "good.csv", "--current", file, "--out", "out.json"]),
        ("suggest-baseline", vec!["suggest-baseline", "--data", file, "--out", "out"]),
    ];
    for (command, args) in runs {
        cases.push(
            Case::new("data files", format!("{name} via {command}"), &args, refused(&all)).good().file(file, bytes),
        );
    }
}

/// Every case of this class.
pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (name, bytes, word) in BINARY {
        let file = format!("{}.csv", name.replace(' ', "_"));
        through_commands(name, &file, bytes, &[word], &mut cases);
    }
    for (name, file, bytes, words) in not_data() {
        through_commands(name, file, &bytes, &[words], &mut cases);
    }
    // Text Tideline reads, in every encoding and line ending it accepts.
    let text = "name,city,n\nZoë,Kraków,1\nAda,東京,2\nBo,Łódź,3\n";
    let utf16 = |little: bool| {
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    };
    let readable: [(&str, Vec<u8>); 6] = [
        ("UTF-8", text.into()),
        ("UTF-8 with BOM", [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat()),
        ("UTF-16 LE with BOM", utf16(true)),
        ("UTF-16 BE with BOM", utf16(false)),
        ("CR line endings", text.replace('\n', "\r").into()),
        ("CRLF line endings", text.replace('\n', "\r\n").into()),
    ];
    for (name, bytes) in readable {
        let expect: Expect = accepted(None);
        cases.push(
            Case::new("encodings", format!("{name} is read"), &["inspect", "t.csv"], expect).file("t.csv", bytes),
        );
    }
    let latin1 = b"name,city\nZo\xeb,Krak\xf3w\nAda,Lyon\n".to_vec();
    cases.push(
        Case::new("encodings", "Latin-1 is read with a warning", &["inspect", "l.csv"], accepted(Some("Latin-1")))
            .file("l.csv", latin1),
    );
    cases
}
