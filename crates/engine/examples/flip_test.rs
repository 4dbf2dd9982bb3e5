//! Flip-test benchmark: FT on synthetic rows (6 continuous features, half of
//! them in group d) and prints the timing as JSON.
//!
//! Usage: `cargo run --release -p tideline-engine --example flip_test -- [ROWS] [FEATURES]`

use std::time::Instant;

use tideline_engine::bias::flip_test;

/// A fixed-seed generator (SplitMix64), so every run times the same data.
struct Uniform(u64);

impl Uniform {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let rows: usize = args.get(1).map_or(Ok(100_000), |s| s.parse()).map_err(|e| format!("ROWS: {e}"))?;
    let n_features: usize = args.get(2).map_or(Ok(6), |s| s.parse()).map_err(|e| format!("FEATURES: {e}"))?;
    let mut uniform = Uniform(20_261_122);
    let columns: Vec<Vec<f64>> = (0..n_features).map(|_| (0..rows).map(|_| uniform.next()).collect()).collect();
    let sensitive: Vec<bool> = (0..rows).map(|_| uniform.next() < 0.5).collect();
    // Predictions that depend on the features, with some noise.
    let predicted: Vec<bool> = (0..rows)
        .map(|i| columns.iter().map(|c| c[i]).sum::<f64>() + 0.5 * uniform.next() > 0.25 + n_features as f64 / 2.0)
        .collect();
    let features: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let started = Instant::now();
    let ft = flip_test(&features, &sensitive, &predicted).map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    println!("{{\"rows\":{rows},\"features\":{n_features},\"ft\":{ft},\"seconds\":{seconds}}}");
    Ok(())
}
