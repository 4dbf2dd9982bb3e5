//! Opening inputs: only regular files are read. A named pipe blocked
//! `tideline inspect` until a writer came, and a device (`/dev/zero`) was
//! read until memory ran out; both are refused before any reading, with
//! the path and what it is. Every input opened is remembered, so that an
//! output can never overwrite one (`output.rs`).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Every input this run has opened: its canonical path, and on Unix its
/// device and inode (a hard link is the same file under another name).
static INPUTS: Mutex<Vec<(PathBuf, Option<FileId>)>> = Mutex::new(Vec::new());

/// A file's device and inode.
type FileId = (u64, u64);

#[cfg(unix)]
fn identity(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<FileId> {
    None
}

/// Whether `path` (canonical) is one of this run's inputs, by name or, for
/// an existing file, by identity.
pub fn is_input(path: &Path) -> bool {
    let id = identity(path);
    INPUTS.lock().is_ok_and(|inputs| inputs.iter().any(|(p, i)| p == path || (id.is_some() && *i == id)))
}

fn remember(path: &Path) {
    if let (Ok(canonical), Ok(mut inputs)) = (path.canonicalize(), INPUTS.lock()) {
        inputs.push((canonical, identity(path)));
    }
}

/// What `path` is when it is not a regular file, in words.
fn not_regular(path: &Path) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let kind = meta.file_type();
    if kind.is_file() {
        remember(path);
        return Ok(());
    }
    let what = if kind.is_dir() { "a folder" } else { special(&kind) };
    Err(format!("{} is {what}, not a file: give a file (a copy of the stream, if it is one)", path.display()))
}

#[cfg(unix)]
fn special(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

/// Opens `path` for reading, refusing folders, pipes and devices.
///
/// # Errors
/// A message naming the path.
pub fn open(path: &Path) -> Result<File, String> {
    not_regular(path)?;
    File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))
}

/// The paths with each folder replaced by the data files under it, in
/// name order (a SageMaker capture prefix of hourly files, a Spark output
/// folder of parts): hidden files, `_SUCCESS`-style markers and `.crc`
/// checksums are skipped.
///
/// # Errors
/// A folder that cannot be listed or holds no file.
pub fn expand_folders(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let before = out.len();
        walk(path, &mut out)?;
        if out.len() == before {
            return Err(format!("the folder {} holds no data file", path.display()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let listing = std::fs::read_dir(dir).map_err(|e| format!("cannot list the folder {}: {e}", dir.display()))?;
    let mut entries: Vec<PathBuf> = listing.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') || name.starts_with('_') || name.ends_with(".crc") {
            continue;
        }
        if entry.is_dir() {
            walk(&entry, out)?;
        } else {
            out.push(entry);
        }
    }
    Ok(())
}

/// The whole of `path` as text.
///
/// # Errors
/// Not a regular file, unreadable, or not UTF-8 (a message naming the path).
pub fn read_text(path: &Path) -> Result<String, String> {
    not_regular(path)?;
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The whole of `path` as bytes.
///
/// # Errors
/// Not a regular file or unreadable (a message naming the path).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    not_regular(path)?;
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
