//! `tideline drift --baseline BASE --current CUR --out drift.json`: the
//! per-column drift tests and the dataset verdict.

use std::path::{Path, PathBuf};

use clap::Args;
use tideline_engine::data_quality::baseline_table;
use tideline_engine::drift::report::Mode;
use tideline_engine::drift::sketched::run_drift_states;
use tideline_engine::drift::text::number_text;
use tideline_engine::drift::{run_drift, Correction, DriftOptions, DriftReport, Stat};
use tideline_engine::roles::Role;
use tideline_engine::table::{concat, rows_where, ColumnData, Table};
use tideline_engine::types::Kind;

use crate::load::{load_file, mark_split_columns, ReadArgs};
use crate::output::Outputs;
use crate::sides_args::SidesArgs;
use crate::sketch_args::{is_state_file, side_state, RunMode, SketchArgs};
use crate::statistics_file::read_statistics;

/// Arguments of `drift`.
#[derive(Debug, Args)]
pub struct DriftArgs {
    #[command(flatten)]
    sides: SidesArgs,
    /// A test to use instead of the preset's on the columns it applies to (repeatable: one numeric and one categorical).
    #[arg(long = "test", value_name = "NAME")]
    tests: Vec<String>,
    /// Threshold for every chosen test (p-value or distance), instead of each test's default.
    #[arg(long, value_parser = crate::numbers::finite)]
    threshold: Option<f64>,
    /// Multiple-testing correction: none, bonferroni or bh (default: the preset's).
    #[arg(long)]
    correction: Option<String>,
    /// Share of drifted columns at or above which the dataset drifts.
    #[arg(long, default_value_t = 0.5, value_parser = crate::numbers::unit)]
    drift_share: f64,
    /// Also run every applicable test on every column ("tests" in the output).
    #[arg(long)]
    all_tests: bool,
    /// Seed of the permutation tests (TVD, empirical_mmd).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Treat these columns as numerical.
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    numeric: Vec<String>,
    /// Treat these columns as categorical.
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    categorical: Vec<String>,
    /// Keep only the baseline rows where COLUMN equals VALUE (e.g. `dataset=train`); the column is then not tested.
    #[arg(long, value_name = "COLUMN=VALUE")]
    baseline_where: Option<String>,
    /// Keep only the current rows where COLUMN equals VALUE (e.g. `dataset=test`); the column is then not tested.
    #[arg(long, value_name = "COLUMN=VALUE")]
    current_where: Option<String>,
    /// Where to write the JSON report (`-` for stdout).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[command(flatten)]
    sketch: SketchArgs,
    #[command(flatten)]
    read: ReadArgs,
}

/// Runs the command.
pub fn run(args: &DriftArgs) -> Result<(), String> {
    let options = drift_options(args)?;
    let sides = [&args.sides.baseline, &args.sides.current];
    let inputs: Vec<PathBuf> =
        sides.iter().map(|s| crate::files::expand_folders(s)).collect::<Result<Vec<_>, _>>()?.concat();
    let states = inputs.iter().any(|p| is_state_file(p));
    let mode = args.sketch.mode_for(&inputs)?;
    if states && mode == RunMode::Exact && args.sketch.mode == "exact" {
        return Err("a state file (.tl) holds sketches, not every value: it cannot be compared in exact mode".into());
    }
    if states || mode == RunMode::Sketch {
        return run_sketch(args, &options);
    }
    let load_options = args.read.options()?;
    let load_side = |files: &[PathBuf], statistics: bool| -> Result<Table, String> {
        let files = crate::files::expand_folders(files)?;
        let tables = files
            .iter()
            .map(|f| match if statistics { from_statistics(f)? } else { None } {
                Some(table) => Ok(table),
                None => load_file(f, &load_options).map(|l| l.table),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(concat(&tables))
    };
    // Both sides at once: parsing is most of a run, and each side alone
    // leaves part of the machine idle.
    let (baseline, current) = std::thread::scope(|scope| {
        let baseline = scope.spawn(|| load_side(&args.sides.baseline, true));
        let current = load_side(&args.sides.current, false);
        (baseline.join().unwrap_or_else(|_| Err("the baseline's reader stopped".into())), current)
    });
    let mut baseline = select(baseline?, args.baseline_where.as_deref())?;
    let mut current = select(current?, args.current_where.as_deref())?;
    for split in [&args.baseline_where, &args.current_where].into_iter().flatten() {
        let column = split.split_once('=').map_or(split.as_str(), |(c, _)| c);
        for table in [&mut baseline, &mut current] {
            if let Some(c) = table.column_mut(column) {
                c.role = Role::Split;
            }
        }
    }
    mark_split_columns(&mut baseline, &mut current);
    for name in args.numeric.iter().chain(&args.categorical) {
        if baseline.column(name).is_none() && current.column(name).is_none() {
            return Err(format!("no column '{name}' in the baseline or the current data"));
        }
    }
    for table in [&mut baseline, &mut current] {
        force_kinds(table, &args.numeric, Kind::Numerical)?;
        force_kinds(table, &args.categorical, Kind::Categorical)?;
    }
    shared_columns(&baseline, &current, args)?;
    let report = run_drift(&baseline, &current, &options);
    write_report(args, &report)
}

/// Both sides streamed into states (or read from state files) and compared.
fn run_sketch(args: &DriftArgs, options: &DriftOptions) -> Result<(), String> {
    if args.baseline_where.is_some() || args.current_where.is_some() {
        return Err("--baseline-where and --current-where are not available in sketch mode: \
                    select the rows first, or use --mode exact"
            .into());
    }
    for path in crate::files::expand_folders(&args.sides.baseline)? {
        if !is_state_file(&path) && read_statistics(&path)?.is_some() {
            return Err(format!(
                "{} is a statistics.json: sketch mode takes data or a state file (.tl) as the baseline; \
                 use --mode exact to rebuild a baseline from it",
                path.display()
            ));
        }
    }
    let budget = args.sketch.budget();
    // Both sides at once: each streams on its own threads within half the budget.
    let (baseline, current) = std::thread::scope(|scope| {
        let baseline = scope.spawn(|| side_state(&args.sides.baseline, &args.read, budget / 2));
        let current = side_state(&args.sides.current, &args.read, budget / 2);
        (baseline.join().unwrap_or_else(|_| Err("the baseline's reader stopped".into())), current)
    });
    let (baseline, current) = (baseline?, current?);
    let mut kinds = Vec::new();
    for (names, kind) in [(&args.numeric, Kind::Numerical), (&args.categorical, Kind::Categorical)] {
        for name in names {
            let Some(feature) = baseline.feature(name).or_else(|| current.feature(name)) else {
                return Err(format!("no column '{name}' in the baseline or the current data"));
            };
            if kind == Kind::Numerical && feature.deequ.string + feature.deequ.boolean > 0 {
                return Err(format!("column '{name}' holds values that are not numbers; it cannot be numerical"));
            }
            kinds.push((name.clone(), kind));
        }
    }
    if !baseline.profile.features.iter().any(|f| current.feature(&f.name).is_some()) {
        return Err(format!(
            "the baseline ({}) and the current data ({}) share no column",
            crate::load::names(&args.sides.baseline),
            crate::load::names(&args.sides.current)
        ));
    }
    let report = run_drift_states(&baseline, &current, &kinds, options);
    write_report(args, &report)
}

fn write_report(args: &DriftArgs, report: &DriftReport) -> Result<(), String> {
    let json = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    if args.out.as_os_str() == "-" {
        say!("{json}");
    } else {
        let mut outputs = Outputs::new();
        outputs.text(&args.out, &json)?;
        outputs.commit()?;
        print_summary(report);
    }
    Ok(())
}

fn drift_options(args: &DriftArgs) -> Result<DriftOptions, String> {
    let preset = args.sides.preset()?;
    let tests = args
        .tests
        .iter()
        .map(|name| {
            Stat::parse(name).ok_or_else(|| {
                let names: Vec<&str> = Stat::ALL.iter().map(|s| s.name()).collect();
                format!("unknown test '{name}' (one of {})", names.join(", "))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let correction = match &args.correction {
        None => None,
        Some(name) => {
            Some(Correction::parse(name).ok_or_else(|| format!("unknown correction '{name}' (none, bonferroni, bh)"))?)
        }
    };
    if !(0.0..=1.0).contains(&args.drift_share) {
        return Err(format!("--drift-share must lie in [0, 1], not {}", args.drift_share));
    }
    Ok(DriftOptions {
        preset,
        tests,
        threshold: args.threshold,
        correction,
        drift_share: args.drift_share,
        all_tests: args.all_tests,
        seed: args.seed,
    })
}

/// The baseline a `statistics.json` describes, when `path` claims to be one.
fn from_statistics(path: &Path) -> Result<Option<Table>, String> {
    let Some(statistics) = read_statistics(path)? else { return Ok(None) };
    let (table, left_out) = baseline_table(&statistics).map_err(|e| format!("{e}: {}", path.display()))?;
    if !left_out.is_empty() {
        eprintln!(
            "note: {} has no sketch or category counts for {}; they are not tested",
            path.display(),
            left_out.join(", ")
        );
    }
    Ok(Some(table))
}

/// Refuses two sides with no column name in common ("0 of 0 features
/// drifted … dataset drift no" was no answer).
fn shared_columns(baseline: &Table, current: &Table, args: &DriftArgs) -> Result<(), String> {
    let in_current = tideline_engine::table::ColumnsByName::new(current);
    if baseline.columns.iter().any(|c| in_current.contains(&c.name)) {
        return Ok(());
    }
    let some = |table: &Table| {
        let names: Vec<&str> = table.columns.iter().take(5).map(|c| c.name.as_str()).collect();
        let more = if table.columns.len() > 5 { ", …" } else { "" };
        format!("{}{more}", names.join(", "))
    };
    Err(format!(
        "the baseline ({}) and the current data ({}) share no column: the baseline has {}; the current data has {}",
        crate::load::names(&args.sides.baseline),
        crate::load::names(&args.sides.current),
        some(baseline),
        some(current)
    ))
}

/// The rows where `COLUMN=VALUE` holds, when asked.
fn select(table: Table, condition: Option<&str>) -> Result<Table, String> {
    let Some(condition) = condition else { return Ok(table) };
    let (column, value) = condition.split_once('=').ok_or_else(|| format!("'{condition}' is not COLUMN=VALUE"))?;
    let selected = rows_where(&table, column, value).map_err(|e| e.to_string())?;
    if selected.n_rows == 0 {
        return Err(format!("no row has {column} = {value}"));
    }
    Ok(selected)
}

/// Sets the kind of the named columns, refusing numbers that are not numbers.
fn force_kinds(table: &mut Table, names: &[String], kind: Kind) -> Result<(), String> {
    for name in names {
        let Some(column) = table.column_mut(name) else { continue };
        if kind == Kind::Numerical && !matches!(column.data, ColumnData::Numeric(_)) {
            return Err(format!("column '{name}' holds values that are not numbers; it cannot be numerical"));
        }
        column.kind = kind;
        column.kind_overridden = true;
    }
    Ok(())
}

fn print_summary(report: &DriftReport) {
    let mode = match report.mode {
        Mode::Exact => String::new(),
        Mode::Sketch => ", sketch mode".to_owned(),
    };
    say!(
        "{} (preset {}, correction {}{mode}): dataset drift {}",
        report.share_text(),
        report.preset.name(),
        report.correction.name(),
        if report.dataset_drift { "YES" } else { "no" }
    );
    if let Some(outputs) = report.output_drift_text() {
        say!("also {outputs}");
    }
    for column in report.columns.iter().filter(|c| c.drifted) {
        say!(
            "  {}: {} {} {}, p {}, effect {}, PSI {} ({})",
            column.name,
            column.verdict_text(),
            column.test.name(),
            number_text(column.statistic),
            column.p_values_text(),
            number_text(column.effect_size),
            number_text(column.psi),
            column.rule_text()
        );
    }
}
