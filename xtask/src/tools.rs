//! Installs what the build and the tests need when it is missing: the wasm32
//! target, Trunk, cargo-deny, the wasm-bindgen CLI matching Cargo.lock, Debian's
//! Chromium and ChromeDriver, and playwright-core under tests/e2e.

use std::path::Path;

use crate::run::{cmd, exec, has_version, output, root};

/// Trunk's version (0.22 needs a newer rustc than this project's).
const TRUNK_VERSION: &str = "0.21.14";

/// cargo-deny's version (the `deny` step reads deny.toml with it).
const CARGO_DENY_VERSION: &str = "0.20.2";

/// The wasm-bindgen version locked in Cargo.lock (the CLI must match it exactly).
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"'))
            {
                return Ok(v.to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// The Rust side: wasm32 target, Trunk and wasm-bindgen-cli.
pub fn ensure_rust_tools() -> Result<(), String> {
    // zstd (Parquet's and Arrow's codec) is C: clang compiles it for wasm32, llvm-ar archives it.
    ensure_debian(&[("/usr/bin/clang", "clang"), ("/usr/bin/llvm-ar", "llvm")])?;
    let targets = output(&mut cmd("rustup", &["target", "list", "--installed"]))?;
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        exec(&mut cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !has_version("trunk", TRUNK_VERSION) {
        exec(&mut cmd("cargo", &["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }
    if !has_version("cargo-deny", CARGO_DENY_VERSION) {
        exec(&mut cmd("cargo", &["install", "cargo-deny", "--version", CARGO_DENY_VERSION, "--locked"]))?;
    }
    let version = wasm_bindgen_version()?;
    if !has_version("wasm-bindgen", &version) || !has_version("wasm-bindgen-test-runner", &version) {
        // Not --locked: the CLI's lock file names a crate the registry lacks.
        exec(&mut cmd("cargo", &["install", "wasm-bindgen-cli", "--version", &version, "--force"]))?;
    }
    Ok(())
}

/// Debian packages whose file is missing.
fn ensure_debian(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> =
        wanted.iter().filter(|(file, _)| !Path::new(file).exists()).map(|(_, package)| *package).collect();
    if missing.is_empty() {
        return Ok(());
    }
    exec(&mut cmd("apt-get", &["update"]))?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(&missing);
    exec(cmd("apt-get", &args).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The browser side: Chromium, ChromeDriver and playwright-core.
pub fn ensure_browser_tools() -> Result<(), String> {
    ensure_debian(&[("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver")])?;
    let e2e = root().join("tests/e2e");
    if !e2e.join("node_modules/playwright-core/package.json").exists() {
        // playwright-core never downloads a browser: Debian's Chromium is used.
        exec(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))?;
    }
    Ok(())
}
