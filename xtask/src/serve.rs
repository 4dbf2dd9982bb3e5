//! `cargo xtask serve`: build the app and serve it on 127.0.0.1:8080.

use crate::run::{cmd, exec};
use crate::tools::ensure_rust_tools;

pub fn run() -> Result<(), String> {
    ensure_rust_tools()?;
    eprintln!("\nTideline will be at http://127.0.0.1:8080/ once built (Ctrl-C stops it).\n");
    exec(&mut cmd("trunk", &["serve", "--release", "--address", "127.0.0.1", "--port", "8080"]))
}
