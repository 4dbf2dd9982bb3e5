//! Reading files from disk through the engine's chunked loader, with a
//! progress bar on stderr for big files.

use std::path::Path;

use clap::Args;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tideline_engine::io::{load_parquet, load_reader, Format, LoadOptions, Loaded};
use tideline_engine::progress::{Flow, ProgressUpdate};
use tideline_engine::table::{concat, Table};

/// Files smaller than this load without a progress bar.
const PROGRESS_BAR_BYTES: u64 = 16 * 1024 * 1024;

/// How to read the input files.
#[derive(Debug, Clone, Default, Args)]
pub struct ReadArgs {
    /// Format of text files: csv, tsv, json, jsonl, capture, ground-truth (sniffed when
    /// absent). Parquet, Arrow IPC (Feather) and gzip/zstd compression are recognised by
    /// their bytes.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// CSV delimiter, one character; `\t` for tab (sniffed when absent).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// The first CSV row is data, not a header.
    #[arg(long, conflicts_with = "header")]
    pub no_header: bool,
    /// The first CSV row is a header.
    #[arg(long)]
    pub header: bool,
    /// Column names, comma-separated (header-less CSV; capture files: outputs first, then inputs).
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    pub names: Option<Vec<String>>,
    /// Only empty cells are missing (NA, NaN, null and inf are kept as text).
    #[arg(long)]
    pub strict_missing: bool,
}

impl ReadArgs {
    /// The engine's options for these arguments.
    pub fn options(&self) -> Result<LoadOptions, String> {
        let format = match self.format.as_deref() {
            None => None,
            Some(name) => Some(
                Format::parse(name)
                    .ok_or_else(|| format!("unknown format '{name}' (csv, tsv, json, jsonl, capture, ground-truth)"))?,
            ),
        };
        let delimiter = match self.delimiter.as_deref() {
            None if self.format.as_deref() == Some("tsv") => Some(b'\t'),
            None => None,
            Some("\\t" | "tab") => Some(b'\t'),
            Some(d) if d.len() == 1 => d.bytes().next(),
            Some(d) => return Err(format!("the delimiter must be one ASCII character, not '{d}'")),
        };
        let has_header = if self.no_header {
            Some(false)
        } else if self.header {
            Some(true)
        } else {
            None
        };
        Ok(LoadOptions {
            format,
            delimiter,
            has_header,
            column_names: self.names.clone(),
            strict_missing: self.strict_missing,
            size_hint: None,
        })
    }
}

/// The progress bars of the files being read, drawn together on stderr.
fn bars() -> &'static MultiProgress {
    static BARS: std::sync::OnceLock<MultiProgress> = std::sync::OnceLock::new();
    BARS.get_or_init(MultiProgress::new)
}

/// Loads one file, drawing a progress bar on stderr when it is big and stderr is a terminal.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Loaded, String> {
    let name = path.display().to_string();
    let mut file = crate::files::open(path)?;
    let total = file.metadata().ok().map(|m| m.len());
    let parquet = is_parquet(&mut file).map_err(|e| format!("cannot read {name}: {e}"))?;
    let bar = progress_bar(&name, total)?;
    let mut progress = |update: ProgressUpdate| {
        if let Some(bar) = &bar {
            bar.set_position(update.bytes_done);
        }
        Flow::Continue
    };
    let result = if parquet {
        // Row groups are read on every core, each thread with its own handle.
        load_parquet(path, &name, options, &mut progress)
    } else {
        load_reader(&name, std::io::BufReader::new(file), total, options.clone(), &mut progress)
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result.map_err(|e| e.to_string())
}

/// A progress bar for a file of `total` bytes, when it is big enough to need one.
pub fn progress_bar(name: &str, total: Option<u64>) -> Result<Option<ProgressBar>, String> {
    Ok(match total {
        Some(len) if len >= PROGRESS_BAR_BYTES => {
            // Files read at once (both sides of a drift run) share the terminal.
            let bar = bars().add(ProgressBar::new(len));
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ({eta})")
                    .map_err(|e| e.to_string())?
                    .progress_chars("=> "),
            );
            bar.set_message(name.to_owned());
            Some(bar)
        }
        _ => None,
    })
}

/// Whether the file starts with Parquet's magic bytes (then rewound).
fn is_parquet(file: &mut std::fs::File) -> std::io::Result<bool> {
    use std::io::{Read, Seek};
    let mut head = [0_u8; 4];
    let mut got = 0;
    while got < head.len() {
        match file.read(head.get_mut(got..).unwrap_or_default())? {
            0 => break,
            n => got += n,
        }
    }
    file.rewind()?;
    Ok(got == 4 && &head == b"PAR1")
}

/// File names joined for a message (`a.csv, b.csv`).
pub fn names(files: &[std::path::PathBuf]) -> String {
    files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// Loads several files as one dataset (stacked), printing their warnings.
pub fn stacked(paths: &[std::path::PathBuf], read: &ReadArgs) -> Result<Table, String> {
    let options = read.options()?;
    let paths = crate::files::expand_folders(paths)?;
    let mut parts = Vec::with_capacity(paths.len());
    for path in &paths {
        let loaded = load_file(path, &options)?;
        for warning in &loaded.warnings {
            eprintln!("warning: {} ({})", warning.message, warning.file);
        }
        parts.push(loaded.table);
    }
    Ok(if parts.len() == 1 { parts.remove(0) } else { concat(&parts) })
}

/// Marks the columns that only tell the two datasets apart (one value
/// throughout each side, a different one on each: a split or period
/// marker) as [`Role::Split`](tideline_engine::roles::Role::Split), so no
/// check judges them, and says so.
pub fn mark_split_columns(baseline: &mut Table, current: &mut Table) {
    for name in tideline_engine::roles::guess_pair_roles(baseline, current) {
        eprintln!(
            "note: {name} holds one value in each dataset, a different one on each side: a split marker, not checked"
        );
    }
}
