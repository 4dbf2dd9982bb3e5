//! The benchmark's inputs: 1,000,000 rows × 20 numeric columns (about 300 MB),
//! generated deterministically (xorshift64*) so every run reads the same bytes;
//! the drift benchmark's current file comes from another seed with four
//! columns shifted.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::run::root;

pub const ROWS: usize = 1_000_000;
pub const COLUMNS: usize = 20;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }
}

/// Columns shifted in the drift benchmark's current file.
pub const SHIFTED: [usize; 4] = [0, 5, 10, 15];

/// The ingest file (also the drift benchmark's baseline), generated when missing.
pub fn ingest_file() -> Result<PathBuf, String> {
    generated("ingest_1m_x20.csv", 0x9E37_79B9_7F4A_7C15, false)
}

/// The drift benchmark's current file: another sample, columns [`SHIFTED`] moved.
pub fn drift_current_file() -> Result<PathBuf, String> {
    generated("drift_current_1m_x20.csv", 0xD1B5_4A32_D192_ED03, true)
}

fn generated(name: &str, seed: u64, shift: bool) -> Result<PathBuf, String> {
    let path = root().join("target/bench").join(name);
    if !path.exists() {
        write(&path, seed, shift).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(path)
}

fn write(path: &Path, seed: u64, shift: bool) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    eprintln!("generating {} ({ROWS} rows × {COLUMNS} columns)", path.display());
    let tmp = path.with_extension("tmp");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
    let names: Vec<String> = (0..COLUMNS).map(|i| format!("x{i}")).collect();
    writeln!(out, "{}", names.join(","))?;
    let mut rng = XorShift(seed);
    let mut line = String::with_capacity(512);
    for _ in 0..ROWS {
        line.clear();
        for c in 0..COLUMNS {
            if c > 0 {
                line.push(',');
            }
            let mut u = rng.unit();
            if shift && SHIFTED.contains(&c) {
                // A quarter of the range: every test should flag these four.
                u += 0.25;
            }
            // Three shapes seen in real exports: pandas full-precision floats,
            // measurements with a few decimals, and integer counts.
            match c % 4 {
                0 | 1 => line.push_str(&format!("{}", u * 10.0 - 2.0)),
                2 => line.push_str(&format!("{:.3}", u * 100_000.0)),
                _ => line.push_str(&format!("{}", (u * 1_000_000.0) as u64)),
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    drop(out);
    std::fs::rename(tmp, path)
}
