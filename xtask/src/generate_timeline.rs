//! The timeline benchmark's inputs, generated deterministically: a
//! reference of 200,000 rows over 10 days and a 1,000,000-row capture over 30
//! days (one window per day), with three numeric and two categorical
//! features, a facet (`sex`), labels, predictions and scores. From day 20
//! `income` drifts upward and the model degrades for the Female group, so
//! drift, quality, estimated performance and bias all have something to find.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::generate_bias::{config, create, generated, Stream};

/// Rows of the capture.
pub const CURRENT_ROWS: usize = 1_000_000;
/// Days (daily windows) of the capture.
pub const DAYS: usize = 30;
/// Rows of the reference.
pub const REFERENCE_ROWS: usize = 200_000;

const REGIONS: [&str; 4] = ["north", "south", "east", "west"];
const CHANNELS: [&str; 3] = ["web", "app", "branch"];

fn write_rows(
    path: &Path,
    rows: usize,
    days: usize,
    start_day: u32,
    seed: u64,
    drift_from_day: usize,
) -> std::io::Result<()> {
    let mut out = create(path)?;
    writeln!(out, "timestamp,age,income,balance,region,channel,sex,label,prediction,score")?;
    let mut s = Stream(seed);
    let mut line = String::with_capacity(160);
    for i in 0..rows {
        line.clear();
        let day = i * days / rows;
        let second = (i * days % rows) * 86_400 / rows;
        let drift = if day >= drift_from_day { (day - drift_from_day + 1) as f64 / 10.0 } else { 0.0 };
        let female = s.unit() < 0.45;
        let age = 18.0 + 50.0 * s.unit();
        let income = 20_000.0 * (1.0 + drift) + 60_000.0 * s.unit();
        let balance = 5_000.0 * s.unit() * s.unit();
        let region = REGIONS[(s.unit() * 4.0) as usize % 4];
        let channel = CHANNELS[(s.unit().powi(2) * 3.0) as usize % 3];
        let logit = (income - 50_000.0) / 20_000.0 + (age - 40.0) / 30.0 - if female { 0.3 } else { 0.0 };
        let p = 1.0 / (1.0 + (-logit).exp());
        let label = s.unit() < p;
        // The model's score: right on average, noisier for Female rows once drift starts.
        let noise = if female && drift > 0.0 { 0.6 * drift } else { 0.0 };
        let score = (p + noise * (s.unit() - 0.5)).clamp(0.0, 1.0);
        line.push_str(&format!(
            "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z,{age:.1},{income:.0},{balance:.2},{region},{channel},{},{},{},{score:.4}\n",
            if start_day as usize + day > 31 { 2 } else { 1 },
            (start_day as usize + day - 1) % 31 + 1,
            second / 3600,
            second / 60 % 60,
            second % 60,
            if female { "Female" } else { "Male" },
            u8::from(label),
            u8::from(score > 0.5),
        ));
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

/// The reference (10 days from 1 January 2024), the capture (30 days from
/// 11 January) and the timeline configuration (daily windows, every check,
/// bias by sex, drift judged by NannyML's defaults).
pub fn timeline_files() -> Result<(PathBuf, PathBuf, PathBuf), String> {
    let reference =
        generated("timeline_reference.csv", |p| write_rows(p, REFERENCE_ROWS, 10, 1, 0x7E_F0_01, usize::MAX))?;
    let current = generated("timeline_current_1m.csv", |p| write_rows(p, CURRENT_ROWS, DAYS, 11, 0x7E_F0_02, 20))?;
    let config = config(
        "timeline_config.json",
        r#"{"time_column":"timestamp","window":"1d","alert":{"datapoints_to_alert":2,"evaluation_period":3},
"model":{"problem":"binary","label":"label","prediction":"prediction","score":"score"},
"bias":{"label":"label","label_values_or_threshold":[1],"facet":[{"name_or_index":"sex"}],"predicted_label":"prediction",
"methods":{"pre_training_bias":{"methods":"all"},"post_training_bias":{"methods":["AD","CDDPL","DAR","DCA","DCR","DI","DPPL","DRR","GE","RD","SD","TE"]}}}}"#,
    )?;
    Ok((reference, current, config))
}
