//! A delimited file read in two places (the loader reads the start, a
//! part loader the rest from a line's start, as the browser's two workers
//! do) gives the table and warnings one loader gives; a part that met a
//! quote is refused and its bytes read in order instead.

use tideline_engine::io::{load_bytes, LoadOptions, Loaded, Loader, PartHeader, PartLoader, PartRefused};
use tideline_engine::snapshot::snapshot;

/// Reads `bytes` split near `at`, the part in chunks of `chunk`; returns the
/// result and whether the part was used.
fn split_load(name: &str, bytes: &[u8], at: usize, chunk: usize) -> (Loaded, bool) {
    let at = at.min(bytes.len());
    let cut = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
    let mut loader = Loader::new(name, LoadOptions::default());
    for piece in bytes[..cut].chunks(chunk) {
        loader.push(piece).unwrap();
    }
    let rest = &bytes[cut..];
    let mut used = false;
    if let Some(spec) = loader.part_spec(rest.len() as u64).filter(|_| !rest.is_empty()) {
        let mut part_loader = PartLoader::new(name, spec);
        for piece in rest.chunks(chunk) {
            part_loader.push(piece).unwrap();
            if part_loader.refused() {
                break;
            }
        }
        let part = part_loader.finish().unwrap();
        // As between workers: the header as JSON, each column as bytes.
        let header: PartHeader = serde_json::from_str(&serde_json::to_string(part.header()).unwrap()).unwrap();
        let columns: Vec<Vec<u8>> = part.column_bytes().collect();
        let mut column = |i: usize| columns.get(i).cloned().ok_or_else(|| format!("no column {i}"));
        used = match loader.append_part(&header, rest.len() as u64, &mut column) {
            Ok(()) => true,
            Err(PartRefused::Unusable(_)) => false,
            Err(PartRefused::Damaged(e)) => panic!("{e}"),
        };
    }
    if !used {
        loader.push(rest).unwrap();
    }
    (loader.finish().unwrap(), used)
}

/// About 200 KB of lines whose columns change kind in the second half, with
/// ragged and blank lines, missing markers, CRLF, a Latin-1 byte, a quoted
/// field at `quote_row` (if any) and no final newline.
fn file(quote_row: Option<usize>) -> Vec<u8> {
    let mut text = b"id,x,late,cat,sparse,huge\n".to_vec();
    let rows = 6000;
    for i in 0..rows {
        let line = match i % 613 {
            5 => "1,2\n".to_owned(),
            77 => "\n".to_owned(),
            301 => format!("{i},1,2,3,4,5,6,7\r\n"),
            _ if Some(i) == quote_row => format!("{i},0.5,\"a\nquoted, field\",c1,,1\n"),
            _ => {
                let late = if i > rows * 2 / 3 && i % 41 == 0 { "word".to_owned() } else { format!("{}", i % 9) };
                let sparse = if i % 13 == 0 { "NA" } else { "" };
                format!("{i},{},{late},c{},{sparse},1e999\r\n", i as f64 * 0.731 - 200.0, i % 4)
            }
        };
        text.extend_from_slice(line.as_bytes());
        if i == rows / 2 + 3 {
            text.extend_from_slice(b"9,1.5,\xE9t\xE9,c9,,2\n");
        }
    }
    text.extend_from_slice(b"4242,1,2,c0,,3");
    text
}

fn same(name: &str, bytes: &[u8], at: usize, chunk: usize) -> bool {
    let whole = load_bytes(name, bytes, LoadOptions::default()).unwrap();
    let (split, used) = split_load(name, bytes, at, chunk);
    assert_eq!(snapshot(&split.table), snapshot(&whole.table), "{name} split at {at}");
    assert_eq!(split.warnings, whole.warnings, "{name} split at {at}");
    assert_eq!(split.table.n_rows, whole.table.n_rows);
    assert_eq!(split.bytes, whole.bytes, "{name} split at {at}");
    used
}

#[test]
fn a_part_read_apart_gives_the_whole_files_table() {
    let bytes = file(None);
    assert!(bytes.len() > 150_000, "{}", bytes.len());
    let mut used = 0;
    for at in [70_000, 100_000, 123_457, bytes.len() - 20, bytes.len()] {
        for chunk in [4096, 65_536, 1 << 20] {
            used += usize::from(same("mixed.csv", &bytes, at, chunk));
        }
    }
    // Every split past the sniffed sample and before the end used the part.
    assert_eq!(used, 4 * 3);
}

#[test]
fn a_quote_before_after_or_across_the_split_is_read_in_order() {
    for quote_row in [100, 2900, 3900, 5990] {
        let bytes = file(Some(quote_row));
        for at in [80_000, 110_000, 150_000] {
            let used = same("quoted.csv", &bytes, at, 8192);
            let quote_at = memchr::memchr(b'"', &bytes).unwrap();
            // A quote in the part refuses it; one before the split leaves the part usable.
            if quote_at > at + 1000 {
                assert!(!used, "quote at byte {quote_at}, split at {at}");
            }
            if quote_at + 1000 < at {
                assert!(used, "quote at byte {quote_at}, split at {at}");
            }
        }
    }
}

#[test]
fn a_damaged_part_fails_the_file_and_a_refused_one_changes_nothing() {
    let bytes = file(None);
    let start = |at: usize| {
        let mut loader = Loader::new("x.csv", LoadOptions::default());
        loader.push(&bytes[..at]).unwrap();
        loader
    };
    let mut loader = start(100_000);
    let spec = loader.part_spec(1000).unwrap();
    assert_eq!(spec.names, ["id", "x", "late", "cat", "sparse", "huge"]);
    let mut part_loader = PartLoader::new("x.csv", spec.clone());
    part_loader.push(b"1,2,3,4,5,6\n7,8,9,10,11,12\n").unwrap();
    let part = part_loader.finish().unwrap();
    assert_eq!(part.header().rows, 2);
    let columns: Vec<Vec<u8>> = part.column_bytes().collect();

    // Mid-line: refused, and the loader reads on as if nothing happened.
    let mut column = |i: usize| Ok::<_, String>(columns[i].clone());
    assert!(matches!(loader.append_part(part.header(), 28, &mut column), Err(PartRefused::Unusable(_))));

    let cut = 100_000 + memchr::memchr(b'\n', &bytes[100_000..]).unwrap() + 1;
    for damage in [0, 7, 40, columns[2].len() - 1] {
        let mut loader = start(cut);
        let mut column =
            |i: usize| Ok::<_, String>(if i == 2 { columns[i][..damage].to_vec() } else { columns[i].clone() });
        let result = loader.append_part(part.header(), 28, &mut column);
        assert!(matches!(result, Err(PartRefused::Damaged(_))), "cut at {damage}");
        assert!(loader.finish().unwrap_err().to_string().contains("part"));
    }
    let mut loader = start(cut);
    let mut column = |i: usize| Ok::<_, String>(columns[i].clone());
    loader.append_part(part.header(), 28, &mut column).unwrap();
    let whole =
        load_bytes("x.csv", &[&bytes[..cut], b"1,2,3,4,5,6\n7,8,9,10,11,12\n"].concat(), LoadOptions::default());
    assert_eq!(snapshot(&loader.finish().unwrap().table), snapshot(&whole.unwrap().table));

    // A quote in the part: refused.
    let mut quoted = PartLoader::new("x.csv", spec);
    quoted.push(b"1,\"2\",3,4,5,6\n").unwrap();
    assert!(quoted.refused());
    let quoted = quoted.finish().unwrap();
    let mut loader = start(cut);
    let mut column = |_: usize| Err::<Vec<u8>, _>("never asked".to_owned());
    assert!(matches!(loader.append_part(quoted.header(), 14, &mut column), Err(PartRefused::Unusable(_))));
}
