//! Hostile output conditions (issue 18): the CLI never panics when its
//! reader goes away, the disk is full, or a name is too long to pad with
//! `format!`.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::{path, scratch, tideline};

/// A CSV with a column name of 70,000 characters and `rows` rows.
fn wide_name_csv(dir: &std::path::Path, rows: usize) -> std::path::PathBuf {
    let file = dir.join("long.csv");
    let mut text = format!("{},b\n", "n".repeat(70_000));
    for i in 0..rows {
        text.push_str(&format!("{i},{}\n", i % 7));
    }
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_column_name_of_70000_characters_is_printed() {
    let dir = scratch("stdout_errors", "long_name");
    let file = wide_name_csv(&dir, 3);
    let out = tideline(&["inspect", path(&file)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&"n".repeat(70_000)));
}

#[test]
fn a_reader_that_goes_away_ends_the_program_quietly() {
    let dir = scratch("stdout_errors", "closed_pipe");
    let file = wide_name_csv(&dir, 50_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tideline"))
        .args(["inspect", "--json", path(&file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -c 100`: read a little, then close the pipe.
    let mut first = [0_u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "a closed pipe is a reader that had enough; stderr: {stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_not_a_panic() {
    let dir = scratch("stdout_errors", "full");
    let file = wide_name_csv(&dir, 10);
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full on Linux");
    let out = Command::new(env!("CARGO_BIN_EXE_tideline"))
        .args(["inspect", path(&file)])
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("cannot write to standard output"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_folders_are_refused_before_reading() {
    let dir = scratch("stdout_errors", "special");
    let fifo = dir.join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // A folder is read as the files it holds: here the pipe in it is refused.
    let fifo_in_folder = (path(&dir), format!("{} is a named pipe", path(&fifo)));
    for (input, what) in [("/dev/zero", "a device"), (path(&fifo), "a named pipe")] {
        // A named pipe used to block here until a writer came; /dev/zero ran out of memory.
        let out = tideline(&["inspect", input]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{input}: {stderr}");
        assert!(stderr.contains(&format!("{input} is {what}, not a file")), "{input}: {stderr}");
    }
    let out = tideline(&["inspect", fifo_in_folder.0]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&fifo_in_folder.1), "{stderr}");
}
