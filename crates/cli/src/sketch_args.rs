//! `--mode` and `--memory-budget`: exact mode holds every value; sketch
//! mode streams the inputs into mergeable states in bounded memory. The
//! mode is chosen from the inputs' estimated typed size unless forced.

use std::path::{Path, PathBuf};

use clap::Args;
use tideline_engine::data_quality::{DatasetProfile, Profiler};
use tideline_engine::progress::{Flow, ProgressUpdate};
use tideline_engine::sketch::{decode_state, is_state, profile_file, DatasetState, StateBuilder, STATE_MAGIC};

use crate::load::{progress_bar, ReadArgs};

/// How much memory a run may use, and whether to stream.
#[derive(Debug, Clone, Default, Args)]
pub struct SketchArgs {
    /// exact (every value in memory), sketch (streamed into mergeable sketches, bounded memory) or
    /// auto (sketch when the inputs' typed size exceeds --memory-budget).
    #[arg(long, default_value = "auto", value_name = "MODE")]
    pub mode: String,
    /// Memory a run may use, e.g. 512M, 4G (default: half of this machine's memory).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub memory_budget: Option<u64>,
}

/// The mode a run takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Every value in memory.
    Exact,
    /// Streamed into states.
    Sketch,
}

impl SketchArgs {
    /// The budget in bytes.
    pub fn budget(&self) -> u64 {
        self.memory_budget.unwrap_or_else(default_budget)
    }

    /// The mode for these inputs: forced, or sketch when their estimated
    /// typed size exceeds the budget (said on stderr).
    pub fn mode_for(&self, inputs: &[PathBuf]) -> Result<RunMode, String> {
        match self.mode.as_str() {
            "exact" => Ok(RunMode::Exact),
            "sketch" => Ok(RunMode::Sketch),
            "auto" => {
                let typed = typed_estimate(inputs);
                let budget = self.budget();
                if typed > budget {
                    eprintln!(
                        "note: the inputs hold about {} as typed columns, more than the memory budget of {}: \
                         sketch mode (bounded memory; each result says how far it may be from exact mode's)",
                        size_text(typed),
                        size_text(budget)
                    );
                    Ok(RunMode::Sketch)
                } else {
                    Ok(RunMode::Exact)
                }
            }
            other => Err(format!("unknown mode '{other}' (exact, sketch, auto)")),
        }
    }
}

/// Bytes from `512M`, `4G`, `1.5GB`, `800000` (powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim().to_ascii_uppercase();
    let t = t.strip_suffix("IB").or_else(|| t.strip_suffix('B')).unwrap_or(&t);
    let (number, unit) = match t.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let scale: u64 = match unit {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => return Err(format!("'{text}' is not a size (e.g. 512M, 4G)")),
    };
    let value: f64 = number.trim().parse().map_err(|_| format!("'{text}' is not a size (e.g. 512M, 4G)"))?;
    if !(value.is_finite() && value > 0.0) {
        return Err(format!("the memory budget must be positive, not '{text}'"));
    }
    let bytes = value * scale as f64;
    if bytes < (16 << 20) as f64 {
        return Err(format!("a memory budget of {text} is too small to read anything (at least 16M)"));
    }
    Ok(bytes.min(u64::MAX as f64) as u64)
}

/// Half of this machine's memory (`/proc/meminfo`), else 4 GiB.
fn default_budget() -> u64 {
    let total = std::fs::read_to_string("/proc/meminfo").ok().and_then(|text| {
        let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    });
    total.map_or(4 << 30, |t| t / 2)
}

/// The typed size the inputs would take in exact mode: about their text
/// size for plain text, four times their size for compressed and columnar
/// files (which decompress), nothing for state files.
fn typed_estimate(inputs: &[PathBuf]) -> u64 {
    inputs
        .iter()
        .map(|p| {
            let size = std::fs::metadata(p).map_or(0, |m| m.len());
            match head(p).as_slice() {
                h if h.starts_with(STATE_MAGIC) => 0,
                [b'P', b'A', b'R', b'1', ..]
                | [0x1f, 0x8b, ..]
                | [0x28, 0xb5, 0x2f, 0xfd, ..]
                | [b'A', b'R', b'R', b'O', ..] => size.saturating_mul(4),
                _ => size,
            }
        })
        .sum()
}

fn head(path: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::with_capacity(STATE_MAGIC.len());
    // Pipes and devices are refused later, when read: opening one here would block.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return head;
    }
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(STATE_MAGIC.len() as u64).read_to_end(&mut head);
    }
    head
}

/// True when the file is a Tideline state file.
pub fn is_state_file(path: &Path) -> bool {
    is_state(&head(path))
}

/// Reads a state file.
pub fn read_state(path: &Path) -> Result<DatasetState, String> {
    let bytes = crate::files::read_bytes(path)?;
    decode_state(&path.display().to_string(), &bytes).map_err(|e| e.to_string())
}

/// `1.5 GB`-style text.
pub fn size_text(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= (1u64 << 30) as f64 {
        format!("{:.1} GB", b / (1u64 << 30) as f64)
    } else {
        format!("{:.0} MB", b / (1u64 << 20) as f64)
    }
}

/// The Model Monitor profile of data files: each file loaded whole in
/// exact mode (memory holds one file's table), streamed in sketch mode
/// (the profile then has bounded category counts and a distinct-count
/// sketch; its KLL sketches, counts and moments are those of exact mode).
pub fn profile_data(paths: &[PathBuf], read: &ReadArgs, sketch: &SketchArgs) -> Result<DatasetProfile, String> {
    let files = crate::files::expand_folders(paths)?;
    if sketch.mode_for(&files)? == RunMode::Sketch || files.iter().any(|p| is_state_file(p)) {
        return Ok(side_state(paths, read, sketch.budget())?.profile);
    }
    let options = read.options()?;
    let mut profiler = Profiler::default();
    for path in &files {
        let loaded = crate::load::load_file(path, &options)?;
        for warning in &loaded.warnings {
            eprintln!("warning: {} ({})", warning.message, warning.file);
        }
        profiler.add_table(&loaded.table);
    }
    Ok(profiler.finish())
}

/// One side's state: state files merged in, data files streamed in, in
/// the order given (folders expanded).
pub fn side_state(paths: &[PathBuf], read: &ReadArgs, budget: u64) -> Result<DatasetState, String> {
    let options = read.options()?;
    let files = crate::files::expand_folders(paths)?;
    let mut builder = StateBuilder::default();
    let mut loaded: Vec<DatasetState> = Vec::new();
    for path in &files {
        if is_state_file(path) {
            loaded.push(read_state(path)?);
            continue;
        }
        crate::files::open(path)?;
        let name = path.display().to_string();
        let total = std::fs::metadata(path).ok().map(|m| m.len());
        let bar = progress_bar(&name, total)?;
        let mut progress = |update: ProgressUpdate| {
            if let Some(bar) = &bar {
                bar.set_position(update.bytes_done);
            }
            Flow::Continue
        };
        let warnings = profile_file(&mut builder, path, &name, &options, budget, &mut progress);
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        for warning in warnings.map_err(|e| e.to_string())? {
            eprintln!("warning: {} ({})", warning.message, warning.file);
        }
    }
    let streamed = builder.rows() > 0;
    let mut state = if streamed { builder.finish() } else { loaded.remove(0) };
    for other in &loaded {
        state.merge(other);
    }
    if state.rows() == 0 {
        return Err(format!("{} holds no rows", crate::load::names(paths)));
    }
    Ok(state)
}
