//! Replays every input the fuzzers kept (`fuzz/corpus/TARGET`) and every
//! finding fixed since (`fuzz/regressions/TARGET`) through the same code
//! the fuzz targets run (`fuzz/targets.rs`): none may panic. `cargo xtask
//! fuzz` grows the corpora; this runs them on every `cargo xtask test`.

use std::path::Path;

include!("../../../fuzz/targets.rs");

/// The files of `dir` (none when it does not exist).
fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

#[test]
fn every_kept_input_and_every_fixed_finding_runs_without_panic() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    // The fuzz binaries (what `cargo xtask fuzz` runs) are these targets.
    let mut binaries: Vec<String> =
        inputs(&fuzz.join("fuzz_targets")).iter().filter_map(|p| p.file_stem()?.to_str().map(str::to_owned)).collect();
    binaries.sort();
    let mut listed: Vec<&str> = TARGETS.to_vec();
    listed.sort_unstable();
    assert_eq!(binaries, listed, "fuzz/fuzz_targets and fuzz/targets.rs list different targets");
    let mut total = 0;
    for target in TARGETS {
        let corpus = inputs(&fuzz.join("corpus").join(target));
        assert!(!corpus.is_empty(), "fuzz/corpus/{target} holds no input");
        let regressions = inputs(&fuzz.join("regressions").join(target));
        for file in corpus.iter().chain(&regressions) {
            let bytes = std::fs::read(file).unwrap();
            let outcome = std::panic::catch_unwind(|| fuzz_one(target, &bytes));
            assert!(outcome.is_ok(), "{target}: {} panics", file.display());
        }
        total += corpus.len() + regressions.len();
    }
    assert!(total >= TARGETS.len(), "{total} inputs replayed");
    eprintln!("fuzz corpora: {total} inputs replayed over {} targets", TARGETS.len());
}
