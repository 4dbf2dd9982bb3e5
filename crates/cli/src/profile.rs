//! `tideline profile --data FILES --out state.tl`: a dataset streamed into
//! a mergeable sketch state (bounded memory whatever its size), to compute
//! a baseline once and compare many current datasets with it
//! (`drift --baseline state.tl`), or to merge with other runs' states.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::sketch::encode_state;

use crate::load::ReadArgs;
use crate::output::Outputs;
use crate::sketch_args::{parse_size, side_state, size_text, SketchArgs};

/// Arguments of `profile`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Data files or folders (every format the other commands read); state files given here are merged in.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    data: Vec<PathBuf>,
    /// Where to write the state (a `.tl` file).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Memory the run may use, e.g. 512M, 4G (default: half of this machine's memory).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    memory_budget: Option<u64>,
    #[command(flatten)]
    read: ReadArgs,
}

/// Runs the command.
pub fn run(args: &ProfileArgs) -> Result<(), String> {
    crate::output::refuse_input(&args.out)?;
    let budget = SketchArgs { memory_budget: args.memory_budget, ..SketchArgs::default() }.budget();
    let state = side_state(&args.data, &args.read, budget)?;
    let bytes = encode_state(&state).map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    outputs.bytes(&args.out, &bytes)?;
    outputs.commit()?;
    say!(
        "profiled {} rows × {} columns from {} files into {} ({})",
        state.rows(),
        state.profile.features.len(),
        state.sources.len(),
        args.out.display(),
        size_text(bytes.len() as u64)
    );
    Ok(())
}
