//! The hostile-input suite (issue 18): generated bad inputs, each run
//! through the `tideline` binary in a folder of its own, under a time limit
//! (60 s) and an 8 GB address-space cap when `timeout` and `prlimit` are
//! there. Each case expects either a refusal (exit 1 or 2, no panic, the
//! message naming the file or flag and the place, nothing written and no
//! temporary file left) or an acceptance (exit 0, with the named warning
//! when one is due). The classes live in `hostile/`; the summary line of
//! totals is printed at the end (`cargo xtask test` shows it).

mod hostile {
    pub mod case;
    pub mod clarify;
    pub mod files;
    pub mod flags;
    pub mod models;
    pub mod outputs;
    pub mod sagemaker;
    pub mod text;
}

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use hostile::case::{Case, Expect};

/// Folder names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Runs one case in `dir`; `Err` says how it failed its expectation.
fn run(case: &Case, dir: &Path, guarded: bool) -> Result<(), String> {
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in &case.files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    (case.prepare)(dir);
    let before = listing(dir);
    let binary = env!("CARGO_BIN_EXE_tideline");
    let mut command = if guarded {
        let mut c = Command::new("timeout");
        c.args(["60", "prlimit", "--as=8589934592", "--", binary]);
        c
    } else {
        Command::new(binary)
    };
    let out = command.args(&case.args).current_dir(dir).output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code();
    if stderr.contains("panicked") || code.is_none_or(|c| c > 2) {
        return Err(format!("status {code:?} (124 is the time limit, 134 an abort): {stderr}"));
    }
    match &case.expect {
        Expect::Refused(needles) => {
            if code == Some(0) {
                return Err(format!("accepted, exit 0; stdout: {}", String::from_utf8_lossy(&out.stdout)));
            }
            if let Some(missing) = needles.iter().find(|n| !stderr.contains(n.as_str())) {
                return Err(format!("the message lacks {missing:?}: {stderr}"));
            }
            if listing(dir) != before {
                return Err(format!("refused, yet the folder changed: {:?} → {:?}", before, listing(dir)));
            }
        }
        Expect::Accepted(warning) => {
            if code != Some(0) {
                return Err(format!("refused ({code:?}): {stderr}"));
            }
            if let Some(warning) = warning.as_ref().filter(|w| !stderr.contains(w.as_str())) {
                return Err(format!("no warning {warning:?}: {stderr}"));
            }
        }
    }
    Ok(())
}

#[test]
fn hostile_inputs_are_refused_clearly_or_accepted_with_a_warning() {
    let root = std::env::temp_dir().join(format!("tideline-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let guarded = available("timeout") && available("prlimit");
    let cases: Vec<Case> = [
        hostile::text::cases(),
        hostile::files::cases(),
        hostile::sagemaker::cases(),
        hostile::clarify::cases(),
        hostile::models::cases(),
        hostile::flags::cases(),
        hostile::outputs::cases(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut failures = Vec::new();
    let mut per_class: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut refused, mut accepted) = (0, 0);
    for (i, case) in cases.iter().enumerate() {
        let dir = root.join(format!("{i:03}"));
        match &case.expect {
            Expect::Refused(_) => refused += 1,
            Expect::Accepted(_) => accepted += 1,
        }
        let entry = per_class.entry(case.class).or_default();
        entry.0 += 1;
        if let Err(why) = run(case, &dir, guarded) {
            entry.1 += 1;
            failures.push(format!("[{}] {} ({:?}): {why}", case.class, case.name, case.args));
        }
    }
    let classes: Vec<String> = per_class.iter().map(|(class, (n, _))| format!("{class} {n}")).collect();
    // Straight to the file descriptor: the test harness captures eprintln!,
    // and this line is the suite's report in `cargo xtask test`.
    let _ = writeln!(
        std::io::stderr(),
        "hostile: {} cases ({refused} to refuse, {accepted} to accept; {}), {} failed{}",
        cases.len(),
        classes.join(", "),
        failures.len(),
        if guarded { "" } else { " (no timeout/prlimit here: run without limits)" }
    );
    let _ = std::fs::remove_dir_all(&root);
    assert!(cases.len() >= 150, "{} cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} hostile cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
