//! Standard output that never panics: `println!` panics when the reader has
//! gone (`tideline inspect --json big.csv | head -c 100`) or the disk is full
//! (`> /dev/full`). A closed pipe ends the program quietly with status 0:
//! the reader took what it wanted (`head`), and a pipeline under
//! `set -o pipefail` must not fail for it; any other write error is reported.

use std::fmt;
use std::io::{ErrorKind, Write};
use std::process::exit;

/// Exit status of a program whose reader closed the pipe.
const BROKEN_PIPE_STATUS: i32 = 0;

/// Writes `args` (and a newline when `newline`) to standard output, flushed.
pub fn write(args: fmt::Arguments<'_>, newline: bool) {
    let mut out = std::io::stdout().lock();
    let written = if newline { writeln!(out, "{args}") } else { write!(out, "{args}") };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            exit(BROKEN_PIPE_STATUS);
        }
        eprintln!("tideline: cannot write to standard output: {e}");
        exit(1);
    }
}

/// `println!` that does not panic on a closed pipe or a full disk.
macro_rules! say {
    () => { $crate::stdout::write(format_args!(""), true) };
    ($($arg:tt)*) => { $crate::stdout::write(format_args!($($arg)*), true) };
}

/// `print!` that does not panic on a closed pipe or a full disk.
macro_rules! say_raw {
    ($($arg:tt)*) => { $crate::stdout::write(format_args!($($arg)*), false) };
}
