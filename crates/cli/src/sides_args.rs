//! The arguments every comparison of two datasets takes: the baseline and
//! current files and the drift preset (`drift`, `report`).

use std::path::PathBuf;

use clap::Args;
use tideline_engine::drift::Preset;

/// Baseline, current and the drift preset.
#[derive(Debug, Args)]
pub struct SidesArgs {
    /// Baseline (reference) files; several are stacked. `drift` also takes a Model Monitor `statistics.json` (its KLL sketches and category counts stand for the data).
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    pub baseline: Vec<PathBuf>,
    /// Current files, the data to compare with the baseline; several are stacked.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    pub current: Vec<PathBuf>,
    /// Drift preset, the default test per column: evidently, sagemaker or tideline.
    #[arg(long, default_value = "tideline")]
    pub preset: String,
}

impl SidesArgs {
    /// The preset named by `--preset`.
    pub fn preset(&self) -> Result<Preset, String> {
        Preset::parse(&self.preset)
            .ok_or_else(|| format!("unknown preset '{}' (evidently, sagemaker, tideline)", self.preset))
    }
}
