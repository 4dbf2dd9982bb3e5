//! What the first bytes say a file is, before any parsing: text Tideline
//! reads (UTF-8 with or without a byte-order mark, UTF-16 LE/BE with one,
//! transcoded to UTF-8 as it streams; lines ending in CR, LF or CRLF), or a
//! format it does not read, recognised by its magic bytes and refused by
//! name (a gzip, zip or PNG file read as CSV gave "no drift").

use super::error::ErrorKind;

/// Magic bytes at the start of a file, the format's name, and what to do.
const MAGIC: [(&[u8], &str, &str); 19] = [
    // gzip and zstd files are decompressed (inflate.rs): these are files compressed twice.
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file", "decompress it first (unzstd)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first (unxz)"),
    (b"\x04\x22\x4d\x18", "an LZ4-compressed file", "decompress it first (unlz4)"),
    (b"BZh", "a bzip2-compressed file", "decompress it first (bunzip2)"),
    (
        b"PK\x03\x04",
        "a zip archive (or an Excel/Office file)",
        "extract the CSV or JSON file inside, or save the sheet as CSV",
    ),
    (b"PK\x05\x06", "an empty zip archive", "extract the CSV or JSON file it should hold"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract the CSV or JSON file inside"),
    (b"Rar!\x1a\x07", "a RAR archive", "extract the CSV or JSON file inside"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel/Office document", "save the sheet as CSV"),
    (b"FEA1", "a Feather v1 file", "save it again as Feather v2 (pyarrow.feather.write_feather) or Parquet"),
    (b"ORC", "an ORC file", "export it as CSV or JSON Lines"),
    (b"Obj\x01", "an Avro file", "export it as CSV or JSON Lines"),
    (b"SQLite format 3\x00", "an SQLite database", "export a table as CSV"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "give a data file"),
    (b"\xff\xd8\xff", "a JPEG image", "give a data file"),
    (b"GIF8", "a GIF image", "give a data file"),
    (b"%PDF-", "a PDF document", "give a data file"),
    (b"\x7fELF", "a program (ELF)", "give a data file"),
];

/// How a file's bytes become the UTF-8 the readers parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decoding {
    /// UTF-8 (a BOM, when present, is skipped).
    Utf8,
    /// UTF-16 after its BOM; `pending` holds a byte or a high surrogate
    /// split across chunks.
    Utf16 { little: bool, odd: Option<u8>, high: Option<u16> },
    /// Old Mac line endings: each CR is a line break.
    CrLines,
}

/// What the sample (the file's first bytes) calls for: how many bytes of
/// byte-order mark to skip and how to decode the rest.
///
/// # Errors
/// A recognised binary format, UTF-32, or NUL bytes (binary data or UTF-16
/// without a byte-order mark), with the format named.
pub(crate) fn classify(sample: &[u8]) -> Result<(usize, Decoding), ErrorKind> {
    let refuse = |what: &str, hint: &str| {
        Err(ErrorKind::NotText(format!("this is {what}, not CSV, TSV, JSON or JSON Lines text: {hint}")))
    };
    if sample.starts_with(b"\xff\xfe\x00\x00") || sample.starts_with(b"\x00\x00\xfe\xff") {
        return refuse("UTF-32 text", "save it as UTF-8");
    }
    if sample.starts_with(b"\xef\xbb\xbf") {
        return Ok((3, plain(sample.get(3..).unwrap_or_default())?));
    }
    for (bom, little) in [(b"\xff\xfe", true), (b"\xfe\xff", false)] {
        if sample.starts_with(bom) {
            return Ok((2, Decoding::Utf16 { little, odd: None, high: None }));
        }
    }
    for (magic, what, hint) in MAGIC {
        if sample.starts_with(magic) {
            return refuse(what, hint);
        }
    }
    if sample.get(257..262) == Some(b"ustar") {
        return refuse("a tar archive", "extract the CSV or JSON file inside");
    }
    Ok((0, plain(sample)?))
}

/// UTF-8 text, with its line endings: NUL bytes are refused.
fn plain(sample: &[u8]) -> Result<Decoding, ErrorKind> {
    if let Some(at) = memchr::memchr(0, sample) {
        let head = sample.get(..sample.len().min(4096)).unwrap_or_default();
        let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
        let half = head.len() / 2;
        let (even, odd) = (zeros_at(0), zeros_at(1));
        // One byte of each pair is NUL, the other is not: UTF-16.
        let utf16 = |zeros: usize, other: usize| zeros * 4 > half * 3 && other * 4 < half;
        let why = if half >= 2 && (utf16(even, odd) || utf16(odd, even)) {
            "it looks like UTF-16 text without a byte-order mark: save it as UTF-8".to_owned()
        } else {
            format!("a NUL byte at byte {at} shows binary data, not CSV, TSV, JSON or JSON Lines text")
        };
        return Err(ErrorKind::NotText(why));
    }
    let cr_only = memchr::memchr(b'\r', sample).is_some() && memchr::memchr(b'\n', sample).is_none();
    Ok(if cr_only { Decoding::CrLines } else { Decoding::Utf8 })
}

impl Decoding {
    /// Whether bytes pass through unchanged (so byte offsets are the file's
    /// and a part of the file may be read elsewhere).
    pub(crate) fn is_identity(&self) -> bool {
        matches!(self, Self::Utf8)
    }

    /// Appends `chunk`, decoded, to `out`.
    pub(crate) fn decode(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        match self {
            Self::Utf8 => out.extend_from_slice(chunk),
            Self::CrLines => out.extend(chunk.iter().map(|&b| if b == b'\r' { b'\n' } else { b })),
            Self::Utf16 { little, odd, high } => {
                let mut bytes = chunk.iter().copied();
                let unit_from =
                    |a: u8, b: u8| if *little { u16::from_le_bytes([a, b]) } else { u16::from_be_bytes([a, b]) };
                let mut units = Vec::with_capacity(chunk.len() / 2 + 1);
                if let Some(first) = odd.take() {
                    match bytes.next() {
                        Some(second) => units.push(unit_from(first, second)),
                        None => *odd = Some(first),
                    }
                }
                loop {
                    match (bytes.next(), bytes.next()) {
                        (Some(a), Some(b)) => units.push(unit_from(a, b)),
                        (Some(a), None) => {
                            *odd = Some(a);
                            break;
                        }
                        _ => break,
                    }
                }
                push_utf16(high, &units, out);
            }
        }
    }

    /// What is left at the end of the file (a lone byte or surrogate),
    /// written as U+FFFD.
    pub(crate) fn finish(&mut self, out: &mut Vec<u8>) {
        if let Self::Utf16 { odd, high, .. } = self {
            if odd.take().is_some() || high.take().is_some() {
                out.extend_from_slice("\u{fffd}".as_bytes());
            }
        }
    }
}

/// Appends UTF-16 `units` as UTF-8, carrying a high surrogate in `high`.
fn push_utf16(high: &mut Option<u16>, units: &[u16], out: &mut Vec<u8>) {
    let mut buffer = [0_u8; 4];
    for &unit in units {
        let c = match (high.take(), unit) {
            (None, 0xD800..=0xDBFF) => {
                *high = Some(unit);
                continue;
            }
            (Some(h), 0xDC00..=0xDFFF) => {
                char::from_u32(0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00))
            }
            (Some(_), 0xD800..=0xDBFF) => {
                out.extend_from_slice("\u{fffd}".as_bytes());
                *high = Some(unit);
                continue;
            }
            (Some(_), _) => {
                out.extend_from_slice("\u{fffd}".as_bytes());
                char::from_u32(u32::from(unit))
            }
            (None, _) => char::from_u32(u32::from(unit)),
        };
        out.extend_from_slice(c.unwrap_or('\u{fffd}').encode_utf8(&mut buffer).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            bytes.extend(if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        bytes
    }

    /// Decodes `bytes` fed in chunks of `step` bytes.
    fn decoded(bytes: &[u8], step: usize) -> String {
        let (skip, mut decoding) = classify(bytes).unwrap();
        let mut out = Vec::new();
        for chunk in bytes[skip..].chunks(step) {
            decoding.decode(chunk, &mut out);
        }
        decoding.finish(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn utf16_with_a_bom_decodes_across_any_chunk_boundary() {
        let text = "name,city\nZoë,Kraków\n𝄞,東京\n";
        for little in [true, false] {
            let bytes = utf16(text, little);
            for step in [1, 2, 3, 5, 64] {
                assert_eq!(decoded(&bytes, step), text, "little {little}, step {step}");
            }
        }
    }

    #[test]
    fn cr_line_endings_become_line_feeds() {
        assert_eq!(classify(b"a,b\r1,2\r").unwrap(), (0, Decoding::CrLines));
        assert_eq!(classify(b"a,b\r\n1,2\r\n").unwrap(), (0, Decoding::Utf8));
        assert_eq!(decoded(b"a,b\r1,2\r", 3), "a,b\n1,2\n");
    }

    #[test]
    fn binary_formats_are_named() {
        let cases: [(&[u8], &str); 7] = [
            (b"\x1f\x8b\x08\x00rest", "gzip"),
            (b"PK\x03\x04rest", "zip"),
            (b"\x89PNG\r\n\x1a\nrest", "PNG"),
            (b"FEA1rest", "Feather v1"),
            (b"\x00\x00\x00\x00", "NUL byte at byte 0"),
            (b"a\x00b\x00,\x00c\x00\n\x00", "UTF-16"),
            (b"\xff\xfe\x00\x00a\x00\x00\x00", "UTF-32"),
        ];
        for (bytes, name) in cases {
            match classify(bytes) {
                Err(ErrorKind::NotText(why)) => assert!(why.contains(name), "{name}: {why}"),
                other => panic!("{name}: {other:?}"),
            }
        }
    }
}
