//! `cargo xtask fuzz [TARGET…] [--minutes N]`: builds the fuzz targets
//! (`fuzz/`, libFuzzer through the `libfuzzer-sys` crate) with stable
//! Rust and LLVM's sanitizer-coverage passes, runs each target for N
//! minutes (10 by default) on its committed corpus (`fuzz/corpus/TARGET`),
//! minimises the corpus again, and reports executions and findings per
//! target. A finding (a panic, an input over the 2 GB memory limit or over
//! 10 s) is saved under `fuzz/artifacts/TARGET/`; copy it to
//! `fuzz/regressions/TARGET/` once fixed, where the normal test suite
//! replays it (`crates/engine/tests/fuzz_corpora.rs`). No address
//! sanitizer: the workspace has no unsafe code, and what fuzzing looks for
//! here is panics, hangs and unbounded allocation.

use std::path::Path;
use std::time::Instant;

use crate::run::{exec, root};

/// Every target: the files of `fuzz/fuzz_targets/` (`fuzz/targets.rs`
/// says what each does), sorted.
fn targets(fuzz: &Path) -> Result<Vec<String>, String> {
    let dir = fuzz.join("fuzz_targets");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".rs").map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

const TRIPLE: &str = "x86_64-unknown-linux-gnu";

const FLAGS: &str = "--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
     -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
     -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks";

/// Runs the command line's targets (all by default).
pub fn run(args: &[String]) -> Result<(), String> {
    let fuzz = root().join("fuzz");
    let all = targets(&fuzz)?;
    let mut minutes = 10.0_f64;
    let mut chosen: Vec<&str> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--minutes" {
            let value = rest.next().ok_or("--minutes needs a number")?;
            minutes = value.parse().ok().filter(|m: &f64| m.is_finite() && *m > 0.0).ok_or("--minutes N, N > 0")?;
        } else if let Some(target) = all.iter().find(|t| *t == arg) {
            chosen.push(target);
        } else {
            return Err(format!("unknown fuzz target '{arg}' (one of {})", all.join(", ")));
        }
    }
    if chosen.is_empty() {
        chosen = all.iter().map(String::as_str).collect();
    }
    let mut build = crate::run::cmd("cargo", &["build", "--release", "--bins", "--target", TRIPLE]);
    build.current_dir(&fuzz).env("RUSTFLAGS", FLAGS);
    exec(&mut build)?;
    let mut summary = Vec::new();
    for target in chosen {
        summary.push(fuzz_target(&fuzz, target, minutes)?);
    }
    eprintln!("\nfuzzing summary ({minutes} min per target):");
    for line in &summary {
        eprintln!("  {line}");
    }
    Ok(())
}

/// Runs one target, then merges its corpus; the summary line.
fn fuzz_target(fuzz: &Path, target: &str, minutes: f64) -> Result<String, String> {
    let binary = fuzz.join("target").join(TRIPLE).join("release").join(target);
    let corpus = fuzz.join("corpus").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    for dir in [&corpus, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let found_before = count(&artifacts);
    let seconds = (minutes * 60.0).round().max(1.0);
    let started = Instant::now();
    let out = std::process::Command::new(&binary)
        .arg(&corpus)
        .args([
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
            "-malloc_limit_mb=2048",
            "-timeout=10",
            "-max_len=65536",
            "-print_final_stats=1",
            "-fork=1",
            "-ignore_crashes=1",
            "-ignore_timeouts=1",
            "-ignore_ooms=1",
        ])
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .current_dir(fuzz)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let log = String::from_utf8_lossy(&out.stderr);
    let executions = log
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
        .map_or_else(|| total_execs(&log), |n| n.trim().to_owned());
    let logs = fuzz.join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    std::fs::write(logs.join(format!("{target}.log")), log.as_bytes()).map_err(|e| e.to_string())?;
    minimise(&binary, &corpus, fuzz)?;
    let findings = count(&artifacts).saturating_sub(found_before);
    Ok(format!(
        "{target:<22} {executions:>12} executions in {:.0} s, {findings} new findings, corpus {} inputs",
        started.elapsed().as_secs_f64(),
        count(&corpus)
    ))
}

/// The executions a fork-mode log reports last (`#N … exec/s`).
fn total_execs(log: &str) -> String {
    log.lines()
        .rev()
        .find_map(|l| {
            let n = l.strip_prefix('#')?.split_whitespace().next()?.trim_end_matches(':');
            n.parse::<u64>().is_ok().then_some(n)
        })
        .unwrap_or("?")
        .to_owned()
}

/// Keeps the smallest set of inputs that covers what the corpus covers.
fn minimise(binary: &Path, corpus: &Path, fuzz: &Path) -> Result<(), String> {
    let merged = corpus.with_extension("merged");
    let _ = std::fs::remove_dir_all(&merged);
    std::fs::create_dir_all(&merged).map_err(|e| e.to_string())?;
    let status = std::process::Command::new(binary)
        .args(["-merge=1", "-rss_limit_mb=2048", "-timeout=10", "-max_len=65536"])
        .arg(&merged)
        .arg(corpus)
        .current_dir(fuzz)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?
        .status;
    if status.success() && count(&merged) > 0 {
        std::fs::remove_dir_all(corpus).map_err(|e| e.to_string())?;
        std::fs::rename(&merged, corpus).map_err(|e| e.to_string())?;
    } else {
        let _ = std::fs::remove_dir_all(&merged);
    }
    Ok(())
}

/// Files in `dir`.
fn count(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| entries.filter_map(Result::ok).count())
}
