//! Decoding one captured payload (`endpointInput` or `endpointOutput`) into
//! rows of fields, as SageMaker Model Monitor reads them (spec §1).
//!
//! The block's `encoding` says how `data` is stored: `CSV` (CSV text, several
//! lines being a batch of rows, quotes handled by `csv-core`), `JSON` (a JSON
//! document serialized as a string; a stream of documents, as JSON Lines
//! payloads are, gives the rows of each in turn) or `BASE64` (bytes whose
//! `observedContentType` says CSV or JSON). Blank data is one row of no fields.
//!
//! JSON documents become rows by their shape:
//! - an array of scalars is one row of positional fields;
//! - an array of arrays, or of objects, is one row per element;
//! - an object with an `instances` or `predictions` array is one row per element;
//! - an object with a `features` array gives its elements as positional fields
//!   (other keys as named fields);
//! - any other object gives named fields, nested objects flattened with dots
//!   (`a.b`) and arrays kept as JSON text;
//! - a scalar is one positional field.
//!
//! Elements of an array or of `instances`/`predictions` follow the same rules
//! (an array is positional, an object named or `features`, a scalar one field).

use base64::Engine as _;
use csv_core::{ReadRecordResult, Reader};
use serde_json::{Map, Value};

use super::json::scalar_text;
use super::payload_error::PayloadError;

/// One field of a payload row: positional (`name` is `None`) or named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    /// The JSON key (dotted when nested), or `None` for a positional field.
    pub(crate) name: Option<String>,
    /// The cell text; `None` for a JSON null.
    pub(crate) value: Option<String>,
}

/// A payload row.
pub(crate) type Row = Vec<Field>;

/// How a payload's `data` is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// CSV text.
    Csv,
    /// A JSON document serialized as a string.
    Json,
    /// Base64 of bytes typed by `observedContentType`.
    Base64,
}

/// The block's `encoding`, read case-insensitively.
pub(crate) fn encoding(block: &Map<String, Value>, what: &'static str) -> Result<Encoding, PayloadError> {
    let Some(name) = block.get("encoding").and_then(Value::as_str) else {
        return Err(PayloadError::NoEncoding { what });
    };
    [("CSV", Encoding::Csv), ("JSON", Encoding::Json), ("BASE64", Encoding::Base64)]
        .into_iter()
        .find_map(|(known, encoding)| name.eq_ignore_ascii_case(known).then_some(encoding))
        .ok_or_else(|| PayloadError::UnknownEncoding { what, encoding: name.to_owned() })
}

/// The block's `data` as text (a non-string value gives its JSON text).
pub(crate) fn data_text<'a>(
    block: &'a Map<String, Value>,
    what: &'static str,
) -> Result<std::borrow::Cow<'a, str>, PayloadError> {
    match block.get("data") {
        None | Some(Value::Null) => Err(PayloadError::NoData { what }),
        Some(Value::String(text)) => Ok(std::borrow::Cow::Borrowed(text)),
        Some(other) => Ok(std::borrow::Cow::Owned(other.to_string())),
    }
}

/// Decodes base64 text (whitespace ignored) into UTF-8 text.
pub(crate) fn base64_text(data: &str, what: &'static str) -> Result<String, PayloadError> {
    let compact: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| PayloadError::Base64 { what, reason: e.to_string() })?;
    String::from_utf8(bytes).map_err(|_| PayloadError::NotUtf8 { what })
}

/// The rows of one capture block (`what` names it in messages).
pub(crate) fn block_rows(block: &Value, what: &'static str) -> Result<Vec<Row>, PayloadError> {
    let Some(block) = block.as_object() else {
        return Err(PayloadError::NotAnObject { what });
    };
    let data = data_text(block, what)?;
    match encoding(block, what)? {
        Encoding::Csv => csv_payload(&data, what),
        Encoding::Json => match block.get("data") {
            Some(Value::String(_)) | None => json_payload(&data, what),
            Some(inline) => Ok(document_rows(inline.clone())),
        },
        Encoding::Base64 => {
            let content_type = block.get("observedContentType").and_then(Value::as_str).unwrap_or("");
            let lower = content_type.to_ascii_lowercase();
            if lower.contains("csv") {
                csv_payload(&base64_text(&data, what)?, what)
            } else if lower.contains("json") {
                json_payload(&base64_text(&data, what)?, what)
            } else {
                Err(PayloadError::ContentType { what, content_type: content_type.to_owned() })
            }
        }
    }
}

fn csv_payload(text: &str, what: &'static str) -> Result<Vec<Row>, PayloadError> {
    let rows = csv_rows(text).ok_or(PayloadError::CsvFields { what })?;
    Ok(rows.into_iter().map(|fields| fields.into_iter().map(|v| positional(Some(v))).collect()).collect())
}

/// Splits CSV text into rows of fields; blank lines are skipped and blank text
/// is one row of no fields. `None` only if `csv-core` runs out of room, which
/// buffers as large as the text rule out.
pub(crate) fn csv_rows(text: &str) -> Option<Vec<Vec<String>>> {
    if text.trim().is_empty() {
        return Some(vec![Vec::new()]);
    }
    let mut reader = Reader::new();
    let mut input = text.as_bytes();
    let mut output = vec![0_u8; input.len() + 1];
    let mut ends = vec![0_usize; input.len() + 1];
    let (mut output_len, mut ends_len) = (0, 0);
    let mut rows = Vec::new();
    loop {
        let (result, n_in, n_out, n_ends) = reader.read_record(
            input,
            output.get_mut(output_len..).unwrap_or_default(),
            ends.get_mut(ends_len..).unwrap_or_default(),
        );
        input = input.get(n_in..).unwrap_or_default();
        output_len += n_out;
        ends_len += n_ends;
        match result {
            // The next call passes the empty rest, which csv-core reads as the end.
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::Record => {
                let bytes = output.get(..output_len).unwrap_or_default();
                let mut start = 0;
                let fields: Vec<String> = ends
                    .get(..ends_len)
                    .unwrap_or_default()
                    .iter()
                    .map(|&end| {
                        let field = String::from_utf8_lossy(bytes.get(start..end).unwrap_or_default()).into_owned();
                        start = end;
                        field
                    })
                    .collect();
                if !(fields.len() == 1 && fields.iter().all(|f| f.trim().is_empty())) {
                    rows.push(fields);
                }
                (output_len, ends_len) = (0, 0);
            }
            ReadRecordResult::End => return Some(rows),
            ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull => return None,
        }
    }
}

fn json_payload(text: &str, what: &'static str) -> Result<Vec<Row>, PayloadError> {
    let documents: Vec<Value> = serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .map_err(|e| PayloadError::Json { what, reason: e.to_string() })?;
    if documents.is_empty() {
        return Ok(vec![Vec::new()]);
    }
    Ok(documents.into_iter().flat_map(document_rows).collect())
}

/// The rows of one JSON document (see the module docs for the shapes).
fn document_rows(document: Value) -> Vec<Row> {
    match document {
        Value::Array(items) if !items.is_empty() && items.iter().all(|v| v.is_array() || v.is_object()) => {
            items.into_iter().map(element_row).collect()
        }
        Value::Object(mut map) => {
            let key = ["instances", "predictions"].into_iter().find(|k| map.get(*k).is_some_and(Value::is_array));
            match key.and_then(|k| map.remove(k)) {
                Some(Value::Array(items)) => items.into_iter().map(element_row).collect(),
                _ => vec![object_row(map)],
            }
        }
        other => vec![element_row(other)],
    }
}

/// One row from an element: an array is positional, an object named (or
/// `features`), a scalar one positional field.
fn element_row(element: Value) -> Row {
    match element {
        Value::Array(items) => items.iter().map(|v| positional(scalar_text(v))).collect(),
        Value::Object(map) => object_row(map),
        scalar => vec![positional(scalar_text(&scalar))],
    }
}

fn object_row(mut map: Map<String, Value>) -> Row {
    let mut row = Row::new();
    if map.get("features").is_some_and(Value::is_array) {
        if let Some(Value::Array(features)) = map.remove("features") {
            row.extend(features.iter().map(|v| positional(scalar_text(v))));
        }
    }
    flatten(&map, "", &mut row);
    row
}

fn flatten(map: &Map<String, Value>, prefix: &str, row: &mut Row) {
    for (key, value) in map {
        let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            Value::Object(inner) if !inner.is_empty() => flatten(inner, &name, row),
            other => row.push(Field { name: Some(name), value: scalar_text(other) }),
        }
    }
}

fn positional(value: Option<String>) -> Field {
    Field { name: None, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(rows: &[Row]) -> Vec<Vec<(Option<&str>, Option<&str>)>> {
        rows.iter().map(|r| r.iter().map(|f| (f.name.as_deref(), f.value.as_deref())).collect()).collect()
    }

    #[test]
    fn csv_rows_handle_quotes_batches_and_blank_text() {
        assert_eq!(csv_rows("1,\"a,b\",3\n"), Some(vec![vec!["1".into(), "a,b".into(), "3".into()]]));
        assert_eq!(csv_rows("1,2\r\n\r\n3,4").map(|r| r.len()), Some(2));
        assert_eq!(csv_rows(" \n"), Some(vec![Vec::new()]));
        assert_eq!(csv_rows("\"unterminated"), Some(vec![vec!["unterminated".into()]]));
    }

    #[test]
    fn json_shapes() {
        let rows = json_payload(r#"{"instances":[{"a":{"b":1}},[2,3],{"features":[4],"id":"x"},5]}"#, "in").unwrap();
        assert_eq!(
            values(&rows),
            vec![
                vec![(Some("a.b"), Some("1"))],
                vec![(None, Some("2")), (None, Some("3"))],
                vec![(None, Some("4")), (Some("id"), Some("x"))],
                vec![(None, Some("5"))],
            ]
        );
        let rows = json_payload("[[1,null],[2,[3]]]", "in").unwrap();
        assert_eq!(
            values(&rows),
            vec![vec![(None, Some("1")), (None, None)], vec![(None, Some("2")), (None, Some("[3]"))]]
        );
        assert_eq!(json_payload("{\"a\":1}\n{\"a\":2}\n", "in").unwrap().len(), 2);
        assert_eq!(json_payload("  ", "in").unwrap(), vec![Vec::new()]);
        assert_eq!(json_payload("[]", "in").unwrap(), vec![Vec::new()]);
        assert_eq!(json_payload(r#"{"predictions":[]}"#, "out").unwrap(), Vec::<Row>::new());
        assert!(json_payload("{", "in").unwrap_err().to_string().starts_with("in data is not valid JSON"));
    }
}
