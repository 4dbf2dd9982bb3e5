//! Univariate drift timing: fits every NannyML method on each column of a
//! reference file, then times `calculate` on the whole analysis file and on
//! 1,000,000 analysis rows (the analysis rows repeated), per column.
//!
//! Usage: `cargo run --release -p tideline-engine --example univariate_drift -- [REFERENCE ANALYSIS]`
//! (default: the shared wfh pair in /work/shared/data).

use std::time::Instant;

use tideline_engine::drift::nannyml::{fit_univariate, UnivariateMethod};
use tideline_engine::io::{load_reader, LoadOptions};
use tideline_engine::progress::NoProgress;
use tideline_engine::table::Table;

const WFH: &str = "/work/shared/data/nannyml_synthetic_binary_wfh";
const CONTINUOUS: [&str; 5] =
    ["distance_from_office", "gas_price_per_litre", "public_transportation_cost", "tenure", "y_pred_proba"];
const CATEGORICAL: [&str; 4] = ["salary_range", "wfh_prev_workday", "workday", "y_pred"];
const MILLION: usize = 1_000_000;

fn load(path: &str) -> Result<Table, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let bytes = file.metadata().map_err(|e| e.to_string())?.len();
    Ok(load_reader(path, file, Some(bytes), LoadOptions::default(), &mut NoProgress).map_err(|e| e.to_string())?.table)
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (reference, analysis) = match (args.get(1), args.get(2)) {
        (Some(r), Some(a)) => (load(r)?, load(a)?),
        _ => (load(&format!("{WFH}_reference.csv"))?, load(&format!("{WFH}_analysis.csv"))?),
    };
    let reference_rows: Vec<usize> = (0..reference.n_rows).collect();
    let analysis_rows: Vec<usize> = (0..analysis.n_rows).collect();
    let million: Vec<usize> = (0..MILLION).map(|i| i % analysis.n_rows.max(1)).collect();
    let columns = CONTINUOUS.iter().map(|c| (*c, true)).chain(CATEGORICAL.iter().map(|c| (*c, false)));
    let (mut total_analysis, mut total_million) = (0.0, 0.0);
    println!("{:<28} {:<20} {:>9} {:>12} {:>12}", "column", "method", "fit ms", "50k rows ms", "1M rows ms");
    for (name, continuous) in columns {
        let (Some(ref_column), Some(column)) = (reference.column(name), analysis.column(name)) else {
            return Err(format!("column {name:?} is not in both files"));
        };
        for method in UnivariateMethod::ALL.into_iter().filter(|m| m.supports(continuous)) {
            let started = Instant::now();
            let fitted = fit_univariate(method, ref_column, &reference_rows, continuous).map_err(|e| e.to_string())?;
            let fit = millis(started);
            let started = Instant::now();
            let on_analysis = fitted.calculate(column, &analysis_rows);
            let analysis_ms = millis(started);
            let started = Instant::now();
            let on_million = fitted.calculate(column, &million);
            let million_ms = millis(started);
            total_analysis += analysis_ms;
            total_million += million_ms;
            println!(
                "{name:<28} {:<20} {fit:>9.2} {analysis_ms:>12.2} {million_ms:>12.2}   value {:.6} / {:.6}",
                method.name(),
                on_analysis.value,
                on_million.value
            );
        }
    }
    println!(
        "calculate, all columns and methods: {total_analysis:.1} ms on the analysis, {total_million:.1} ms on 1M rows"
    );
    Ok(())
}
