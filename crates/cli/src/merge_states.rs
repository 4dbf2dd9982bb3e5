//! `tideline merge-states A.tl B.tl … --out all.tl`: the state of several
//! datasets together (runs per day, per file, per machine), equal to
//! profiling them at once: counts, moments and distinct-count registers
//! exactly, quantile sketches and summarised category counts within their
//! stated bounds.

use std::path::PathBuf;

use clap::Args;
use tideline_engine::sketch::encode_state;

use crate::output::Outputs;
use crate::sketch_args::{is_state_file, read_state, size_text};

/// Arguments of `merge-states`.
#[derive(Debug, Args)]
pub struct MergeStatesArgs {
    /// The state files to merge (written by `tideline profile`), at least two.
    #[arg(required = true, num_args = 2.., value_name = "STATE")]
    states: Vec<PathBuf>,
    /// Where to write the merged state.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// Runs the command.
pub fn run(args: &MergeStatesArgs) -> Result<(), String> {
    crate::output::refuse_input(&args.out)?;
    let mut merged = None;
    for path in &args.states {
        crate::files::open(path)?;
        if !is_state_file(path) {
            return Err(format!(
                "{} is not a Tideline state file (write one with `tideline profile --data FILE --out FILE.tl`)",
                path.display()
            ));
        }
        let state = read_state(path)?;
        match &mut merged {
            None => merged = Some(state),
            Some(m) => tideline_engine::sketch::DatasetState::merge(m, &state),
        }
    }
    let merged = merged.ok_or("no state to merge")?;
    let bytes = encode_state(&merged).map_err(|e| e.to_string())?;
    let mut outputs = Outputs::new();
    outputs.bytes(&args.out, &bytes)?;
    outputs.commit()?;
    say!(
        "merged {} states: {} rows × {} columns into {} ({})",
        args.states.len(),
        merged.rows(),
        merged.profile.features.len(),
        args.out.display(),
        size_text(bytes.len() as u64)
    );
    Ok(())
}
