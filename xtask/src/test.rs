//! `cargo xtask test`: everything CI checks, in order, stopping at the first
//! failure. `cargo xtask test STEP...` runs only the named steps.

use std::time::Instant;

use crate::run::{cmd, exec, output, root};
use crate::tools::{ensure_browser_tools, ensure_rust_tools};

/// Crates the engine must never depend on.
const WEB_CRATES: [&str; 6] = ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo", "plotters"];

type Step = (&'static str, fn() -> Result<(), String>);

const STEPS: [Step; 13] = [
    ("msrv", msrv),
    ("fmt", fmt),
    ("clippy", clippy),
    ("clippy-wasm", clippy_wasm),
    ("doc", doc),
    ("deny", deny),
    ("native", native_tests),
    ("engine-deps", engine_deps),
    ("wasm", wasm_tests),
    ("build", release_build),
    ("csp", csp_check),
    ("single", crate::single_file::write_from_dist),
    ("e2e", e2e),
];

pub fn run(only: &[String]) -> Result<(), String> {
    if let Some(unknown) = only.iter().find(|s| !STEPS.iter().any(|(name, _)| name == s)) {
        let names: Vec<&str> = STEPS.iter().map(|(n, _)| *n).collect();
        return Err(format!("unknown step '{unknown}' (steps: {})", names.join(", ")));
    }
    let started = Instant::now();
    ensure_rust_tools()?;
    ensure_browser_tools()?;
    for (name, step) in STEPS {
        if !only.is_empty() && !only.iter().any(|s| s == name) {
            continue;
        }
        let t = Instant::now();
        eprintln!("\n\x1b[1;34m== {name}\x1b[0m");
        step().map_err(|e| format!("step '{name}' failed: {e}"))?;
        eprintln!("\x1b[32m== {name}: ok ({:.0} s)\x1b[0m", t.elapsed().as_secs_f64());
    }
    eprintln!("\n\x1b[1;32mall checks passed in {:.0} s\x1b[0m", started.elapsed().as_secs_f64());
    Ok(())
}

/// The workspace's `rust-version` is the toolchain every check runs on: the
/// machines have one toolchain, so the declared minimum is the one tested.
fn msrv() -> Result<(), String> {
    let manifest =
        std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let declared = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \"").and_then(|v| v.strip_suffix('"')))
        .ok_or("Cargo.toml's [workspace.package] has no rust-version")?;
    let rustc = output(&mut cmd("rustc", &["--version"]))?;
    let running = rustc.split_whitespace().nth(1).unwrap_or_default();
    // rust-version "1.95" covers every 1.95.x patch release.
    if running == declared || running.starts_with(&format!("{declared}.")) {
        eprintln!("rust-version {declared} is the toolchain that builds and tests it ({running})");
        Ok(())
    } else {
        Err(format!(
            "rust-version is {declared} but the checks run on rustc {running}: set rust-version to the toolchain CI tests"
        ))
    }
}

fn fmt() -> Result<(), String> {
    exec(&mut cmd("cargo", &["fmt", "--all", "--check"]))
}

fn clippy() -> Result<(), String> {
    exec(&mut cmd("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
}

fn clippy_wasm() -> Result<(), String> {
    // The engine's tests use proptest (and so getrandom): they run natively only.
    let conf = root().join("scripts/clippy_wasm");
    let wasm_clippy = |packages: &[&str]| {
        let mut args = vec!["clippy", "--target", "wasm32-unknown-unknown"];
        args.extend_from_slice(packages);
        args.extend_from_slice(&["--", "-D", "warnings"]);
        exec(cmd("cargo", &args).env("CLIPPY_CONF_DIR", &conf))
    };
    wasm_clippy(&["-p", "tideline", "--all-targets"])?;
    wasm_clippy(&["-p", "tideline-engine", "-p", "tideline-charts", "-p", "tideline-report", "--lib"])
}

/// Every crate's documentation builds without a warning (broken or
/// ambiguous intra-doc links included), private items too: most of the
/// engine's explanations are on private modules. The CLI's binary is
/// documented apart: its output name collides with the app's library.
fn doc() -> Result<(), String> {
    let rustdoc = |args: &[&str]| {
        let mut all = vec!["doc", "--no-deps", "--document-private-items"];
        all.extend_from_slice(args);
        exec(cmd("cargo", &all).env("RUSTDOCFLAGS", "-D warnings"))
    };
    rustdoc(&["--workspace", "--exclude", "tideline-cli"])?;
    rustdoc(&["-p", "tideline-cli"])
}

/// Licences, bans (duplicate versions, wildcards) and sources, against
/// deny.toml. Advisories need GitHub, which CI machines cannot reach
/// (deny.toml says so).
fn deny() -> Result<(), String> {
    exec(&mut cmd("cargo", &["deny", "--locked", "check", "licenses", "bans", "sources"]))
}

fn native_tests() -> Result<(), String> {
    // A fixed proptest seed keeps CI reproducible; explore with other seeds
    // (or none) by setting PROPTEST_RNG_SEED yourself.
    let seed = std::env::var("PROPTEST_RNG_SEED").unwrap_or_else(|_| "20261122".into());
    exec(cmd("cargo", &["test", "--workspace"]).env("PROPTEST_RNG_SEED", seed))
}

fn engine_deps() -> Result<(), String> {
    let tree = output(&mut cmd(
        "cargo",
        &[
            "tree",
            "-p",
            "tideline-engine",
            "-e",
            "normal,build",
            "--target",
            "all",
            "--prefix",
            "none",
            "--format",
            "{p}",
            // Platform shims of arrow's dependencies reach JavaScript on
            // wasm32 for a random seed (ahash → getrandom) and the local time
            // zone (chrono → iana-time-zone); the engine never calls them for
            // anything web, so they are not counted as web dependencies.
            "--prune",
            "getrandom",
            "--prune",
            "iana-time-zone",
        ],
    ))?;
    let leaked: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or_default();
            WEB_CRATES
                .iter()
                .any(|w| name == *w || name.starts_with(&format!("{w}-")) || name.starts_with(&format!("{w}_")))
        })
        .collect();
    if leaked.is_empty() {
        eprintln!("tideline-engine depends on none of {}", WEB_CRATES.join(", "));
        Ok(())
    } else {
        Err(format!("tideline-engine depends on web or chart crates: {}", leaked.join(", ")))
    }
}

fn wasm_tests() -> Result<(), String> {
    // wasm-bindgen-test-runner reads webdriver.json (headless, no sandbox) from the root.
    exec(
        cmd("cargo", &["test", "--target", "wasm32-unknown-unknown", "-p", "tideline", "--test", "web"])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )
}

fn release_build() -> Result<(), String> {
    exec(&mut cmd("trunk", &["build", "--release"]))
}

/// The page's Content-Security-Policy allows Trunk's one inline script by its
/// hash: check that the hash still matches what Trunk wrote.
fn csp_check() -> Result<(), String> {
    let html = std::fs::read_to_string(root().join("dist/index.html"))
        .map_err(|e| format!("no dist/index.html (run the build step): {e}"))?;
    let hash = crate::csp::inline_script_hash(&html).ok_or("dist/index.html has no inline module script")?;
    if html.contains(&format!("'sha256-{hash}'")) {
        eprintln!("the CSP allows the loader script sha256-{hash} and nothing else inline");
        Ok(())
    } else {
        Err(format!(
            "the CSP in index.html does not allow Trunk's loader script: put 'sha256-{hash}' in its script-src"
        ))
    }
}

fn e2e() -> Result<(), String> {
    exec(cmd("npm", &["test"]).current_dir(root().join("tests/e2e")).env("TIDELINE_DIST", root().join("dist")))
}
