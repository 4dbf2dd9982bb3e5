//! The files of a drop or a pick: dropped folders are walked (a SageMaker
//! capture prefix of hourly files, a Spark output folder of parts), and
//! hidden files, `_SUCCESS`-style markers and `.crc` checksums are left out,
//! as the CLI leaves them out. Files come in path order.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// Whether a file of this name is data (not a marker, checksum or hidden file).
fn is_data(name: &str) -> bool {
    !(name.starts_with('.') || name.starts_with('_') || name.ends_with(".crc"))
}

/// The files of a picker (a folder picker gives every file under the folder).
pub fn picked(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    let mut files: Vec<(String, File)> = (0..list.length())
        .filter_map(|i| list.get(i))
        .filter(|f| is_data(&f.name()) && (f.size() > 0.0 || !f.type_().is_empty() || f.name().contains('.')))
        .map(|f| (relative_path(&f), f))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.into_iter().map(|(_, f)| f).collect()
}

fn relative_path(file: &File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// The entries of a drop, taken while the drop event lasts (they stay
/// readable after it; the transfer's items do not).
pub fn entries(transfer: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

/// Every data file under the dropped entries, in path order.
pub async fn files_under(entries: Vec<FileSystemEntry>) -> Vec<File> {
    let mut found: Vec<(String, File)> = Vec::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        if !is_data(&entry.name()) {
            continue;
        }
        if entry.is_directory() {
            let Ok(dir) = entry.dyn_into::<FileSystemDirectoryEntry>() else { continue };
            stack.extend(children(&dir).await);
        } else if let Ok(file_entry) = entry.clone().dyn_into::<FileSystemFileEntry>() {
            if let Some(file) = file_of(&file_entry).await {
                found.push((entry.full_path(), file));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, f)| f).collect()
}

/// A callback-taking browser call as a promise: `call(resolve, reject)`.
fn promise(call: impl FnOnce(&Function, &Function)) -> JsFuture {
    let mut call = Some(call);
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    }))
}

/// A folder's entries (read in batches until an empty one, as the API asks).
async fn children(dir: &FileSystemDirectoryEntry) -> Vec<FileSystemEntry> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let batch = promise(|resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(resolve, reject);
        })
        .await;
        let Ok(batch) = batch else { break };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 {
            break;
        }
        out.extend(batch.iter().filter_map(|e| e.dyn_into::<FileSystemEntry>().ok()));
    }
    out
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let file = promise(|resolve, reject| entry.file_with_callback_and_callback(resolve, reject)).await.ok()?;
    file.dyn_into::<File>().ok()
}
