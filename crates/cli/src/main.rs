//! `tideline`: Tideline's engine on the command line, for pipelines and big files.

mod inspect;
mod load;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Tideline: offline drift, bias and attribution explorer (command line).
#[derive(Debug, Parser)]
#[command(name = "tideline", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the schema of one dataset (several files are stacked, as on one side of the app).
    Inspect(inspect::InspectArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => inspect::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tideline: {message}");
            ExitCode::FAILURE
        }
    }
}
