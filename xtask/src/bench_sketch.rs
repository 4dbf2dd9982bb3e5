//! `cargo xtask bench sketch`: sketch mode natively on the generated
//! 1,000,000 × 20 files: drift in bounded memory against exact mode in the
//! same run, then the same files streamed 100 times per side (100,000,000
//! × 20, 54 GB of CSV read, no disk needed) within a 1 GB budget.

use crate::bench::{field, last_json};
use crate::generate::{drift_current_file, ingest_file};
use crate::run::{cmd, exec, output, root};
use crate::tools::ensure_rust_tools;

/// The memory budget of the runs, MB.
const BUDGET_MB: &str = "1024";

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    let base = ingest_file()?.to_string_lossy().into_owned();
    let cur = drift_current_file()?.to_string_lossy().into_owned();
    exec(&mut cmd(
        "cargo",
        &["build", "--release", "-p", "tideline-engine", "--example", "drift", "--example", "sketch_drift"],
    ))?;
    let example = |name: &str| root().join("target/release/examples").join(name);
    let exact = last_json(&output(std::process::Command::new(example("drift")).args([&base, &cur, "tideline"]))?)?;
    let sketch = |repeat: &str| {
        last_json(&output(std::process::Command::new(example("sketch_drift")).args([&base, &cur, BUDGET_MB, repeat]))?)
    };
    let one = sketch("1")?;
    let hundred = sketch("100")?;
    println!("\nSketch mode, preset tideline, both sides streamed within a {BUDGET_MB} MB budget\n");
    println!("| run | rows per side | seconds | MB/s of CSV | peak memory | target |");
    println!("|---|---:|---:|---:|---:|---|");
    println!(
        "| exact mode (every value held) | {} | {:.2} | | {:.0} MB | — |",
        // The drift example counts both sides' rows.
        field(&exact, "rows")? / 2.0,
        field(&exact, "seconds")?,
        field(&exact, "peak_rss")? / 1e6
    );
    for (json, target) in [(&one, "—"), (&hundred, "< 2 GB, ≥ 500 MB/s")] {
        println!(
            "| sketch mode | {} | {:.2} | {:.0} | {:.0} MB | {target} |",
            field(json, "rows")?,
            field(json, "seconds")?,
            field(json, "mb_per_s")?,
            field(json, "peak_rss")? / 1e6
        );
    }
    Ok(())
}
