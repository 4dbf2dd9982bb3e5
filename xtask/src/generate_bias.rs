//! The bias benchmark's inputs, generated deterministically: 1,000,000 rows
//! with sex, race, a group variable, a label and a prediction (every metric
//! but FT), and 100,000 rows with six numeric features (FT), plus the
//! `analysis_config.json` of each.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::run::root;

/// Rows of the metrics file.
pub const METRIC_ROWS: usize = 1_000_000;
/// Rows of the flip-test file.
pub const FT_ROWS: usize = 100_000;

/// SplitMix64: a fixed stream, so every run reads the same bytes.
pub struct Stream(pub u64);

impl Stream {
    /// The next number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1_u64 << 53) as f64
    }
}

const RACES: [&str; 5] = ["White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"];

pub fn create(path: &Path) -> std::io::Result<std::io::BufWriter<std::fs::File>> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?))
}

fn write_metrics(path: &Path) -> std::io::Result<()> {
    let mut out = create(path)?;
    writeln!(out, "sex,race,education,income,prediction")?;
    let mut s = Stream(20_261_122);
    for _ in 0..METRIC_ROWS {
        let female = s.unit() < 0.33;
        let race = RACES[((s.unit().powi(3)) * 5.0) as usize % 5];
        let education = (s.unit() * 16.0) as u32 + 1;
        let base = 0.1 + 0.02 * f64::from(education) - if female { 0.1 } else { 0.0 };
        let label = s.unit() < base;
        let predicted = if s.unit() < 0.8 { label } else { s.unit() < base };
        writeln!(
            out,
            "{},{race},{education},{},{}",
            if female { "Female" } else { "Male" },
            u8::from(label),
            u8::from(predicted)
        )?;
    }
    out.flush()
}

fn write_ft(path: &Path) -> std::io::Result<()> {
    let mut out = create(path)?;
    writeln!(out, "sex,f1,f2,f3,f4,f5,f6,income,prediction")?;
    let mut s = Stream(0x5EED_F11D);
    let mut line = String::with_capacity(160);
    for _ in 0..FT_ROWS {
        line.clear();
        let female = s.unit() < 0.4;
        line.push_str(if female { "Female" } else { "Male" });
        let mut sum = 0.0;
        for _ in 0..6 {
            let x = s.unit();
            sum += x;
            line.push_str(&format!(",{x:.6}"));
        }
        let label = sum + 0.5 * s.unit() > 3.25;
        let predicted = sum + 0.5 * s.unit() - if female { 0.2 } else { 0.0 } > 3.25;
        line.push_str(&format!(",{},{}\n", u8::from(label), u8::from(predicted)));
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

pub fn generated(name: &str, write: fn(&Path) -> std::io::Result<()>) -> Result<PathBuf, String> {
    let path = root().join("target/bench").join(name);
    if !path.exists() {
        eprintln!("generating {}", path.display());
        let tmp = path.with_extension("tmp");
        write(&tmp).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| e.to_string())?;
    }
    Ok(path)
}

pub fn config(name: &str, text: &str) -> Result<PathBuf, String> {
    let path = root().join("target/bench").join(name);
    std::fs::create_dir_all(root().join("target/bench")).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The 1,000,000-row file and its config: every metric but FT, sex = Female, group variable education.
pub fn bias_metrics_files() -> Result<(PathBuf, PathBuf), String> {
    let data = generated("bias_1m.csv", write_metrics)?;
    let config = config(
        "bias_1m_config.json",
        r#"{"dataset_type":"text/csv","label":"income","label_values_or_threshold":[1],"facet":[{"name_or_index":"sex","value_or_threshold":["Female"]}],"group_variable":"education","predicted_label":"prediction","methods":{"pre_training_bias":{"methods":"all"},"post_training_bias":{"methods":["AD","CDDPL","DAR","DCA","DCR","DI","DPPL","DRR","GE","RD","SD","TE"]}}}"#,
    )?;
    Ok((data, config))
}

/// The 100,000-row file and its config: FT alone, sex = Female, six numeric features.
pub fn bias_ft_files() -> Result<(PathBuf, PathBuf), String> {
    let data = generated("bias_ft_100k.csv", write_ft)?;
    let config = config(
        "bias_ft_config.json",
        r#"{"dataset_type":"text/csv","label":"income","label_values_or_threshold":[1],"facet":[{"name_or_index":"sex","value_or_threshold":["Female"]}],"predicted_label":"prediction","methods":{"post_training_bias":{"methods":["FT"]}}}"#,
    )?;
    Ok((data, config))
}
