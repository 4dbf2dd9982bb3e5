//! The `.tl` state file: a header naming the format and its version, then
//! the [`DatasetState`] in postcard's binary serde format, zstd-compressed.
//! Every size in it is checked when read back (a hand-made file cannot ask
//! for more memory than its own length suggests), and bytes of another
//! kind are refused by name.

use super::DatasetState;

/// Rows a state file may claim (counts stay exact as doubles; thousands of
/// such states still merge without overflow).
const MAX_STATE_ROWS: u64 = 1 << 53;
/// The first bytes of every state file.
pub const STATE_MAGIC: &[u8; 16] = b"TIDELINE-STATE\n\0";
/// The version this build writes and reads.
pub const STATE_VERSION: u32 = 1;
/// Decompressed bytes a state file may expand to (1 GB: 20,000 columns at
/// the default category capacity).
const MAX_STATE_BYTES: u64 = 1 << 30;

/// Why a state file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    /// Not a state file at all.
    #[error("{0} is not a Tideline state file (written by `tideline profile --out FILE.tl`)")]
    NotState(String),
    /// A newer or unknown version.
    #[error("{file} is a Tideline state file of version {found}; this build reads version {STATE_VERSION}")]
    Version {
        /// The file.
        file: String,
        /// The version it claims.
        found: u32,
    },
    /// The bytes after the header do not decode.
    #[error("{file} is a damaged Tideline state file: {why}")]
    Damaged {
        /// The file.
        file: String,
        /// What failed.
        why: String,
    },
}

/// True when `bytes` start like a state file.
#[must_use]
pub fn is_state(bytes: &[u8]) -> bool {
    bytes.starts_with(STATE_MAGIC)
}

/// The state file's bytes.
///
/// # Errors
/// Serialization or compression failed (not expected for a built state).
pub fn encode_state(state: &DatasetState) -> Result<Vec<u8>, StateError> {
    let damaged = |why: String| StateError::Damaged { file: "the state".into(), why };
    let body = postcard::to_allocvec(state).map_err(|e| damaged(e.to_string()))?;
    let compressed = zstd::bulk::compress(&body, 3).map_err(|e| damaged(e.to_string()))?;
    let mut out = Vec::with_capacity(STATE_MAGIC.len() + 12 + compressed.len());
    out.extend_from_slice(STATE_MAGIC);
    out.extend_from_slice(&STATE_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&compressed);
    Ok(out)
}

/// Reads a state file's bytes; `file` names it in errors.
///
/// # Errors
/// Not a state file, another version, or damaged bytes.
pub fn decode_state(file: &str, bytes: &[u8]) -> Result<DatasetState, StateError> {
    let rest = bytes.strip_prefix(STATE_MAGIC.as_slice()).ok_or_else(|| StateError::NotState(file.to_owned()))?;
    let damaged = |why: String| StateError::Damaged { file: file.to_owned(), why };
    let (Some(version), Some(size), Some(body)) = (rest.get(..4), rest.get(4..12), rest.get(12..)) else {
        return Err(damaged("it ends inside its header".into()));
    };
    let version = u32::from_le_bytes(version.try_into().unwrap_or_default());
    if version != STATE_VERSION {
        return Err(StateError::Version { file: file.to_owned(), found: version });
    }
    let size = u64::from_le_bytes(size.try_into().unwrap_or_default());
    if size > MAX_STATE_BYTES {
        return Err(damaged(format!("it claims {size} bytes of state, more than the {MAX_STATE_BYTES} allowed")));
    }
    let plain = zstd::bulk::decompress(body, usize::try_from(size).unwrap_or(0)).map_err(|e| damaged(e.to_string()))?;
    if plain.len() as u64 != size {
        return Err(damaged(format!("it holds {} bytes of state, not the {size} its header says", plain.len())));
    }
    decode_state_body(file, &plain)
}

/// Reads a state from its decompressed body (the fuzzer reaches the
/// decoder's checks through it without recompressing).
///
/// # Errors
/// Bytes that do not decode, or counts that do not add up.
pub fn decode_state_body(file: &str, plain: &[u8]) -> Result<DatasetState, StateError> {
    let damaged = |why: String| StateError::Damaged { file: file.to_owned(), why };
    let state: DatasetState = postcard::from_bytes(plain).map_err(|e| damaged(e.to_string()))?;
    check(&state).map_err(damaged)?;
    Ok(state)
}

/// Refuses counts that do not add up: every analysis may then trust them
/// (no sum overflows, no count exceeds the rows).
fn check(state: &DatasetState) -> Result<(), String> {
    let rows = state.profile.item_count;
    if rows > MAX_STATE_ROWS {
        return Err(format!("it claims {rows} rows, more than the 2^53 a state may hold"));
    }
    for f in &state.profile.features {
        let d = &f.deequ;
        let cells =
            [d.null, d.integral, d.fractional, d.boolean, d.string].iter().try_fold(0_u64, |s, &c| s.checked_add(c));
        let present = cells.and_then(|c| c.checked_sub(d.null));
        let bad = |what: &str| Err(format!("column '{}' {what}", f.name));
        let Some(present) = present.filter(|_| cells == Some(rows)) else {
            return bad(&format!("counts {} cells in {rows} rows", cells.map_or("too many".into(), |c| c.to_string())));
        };
        let n = &f.numeric;
        if n.count > present || n.sketch.checked_total_weight() != Some(n.count) {
            return bad("holds a numeric summary that does not add up");
        }
        if f.datetime_cells > present || !f.values.strings().is_consistent() || f.values.strings().total() > present {
            return bad("holds value counts that do not add up");
        }
        let numbers = f.values.numbers().map(|mut it| it.try_fold(0_u64, |s, (_, c)| s.checked_add(c)));
        if numbers.is_some_and(|total| total.is_none_or(|t| t > n.count)) {
            return bad("holds number counts that do not add up");
        }
    }
    Ok(())
}
