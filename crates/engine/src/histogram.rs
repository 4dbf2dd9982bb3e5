//! Baseline-versus-current histograms for the side-by-side column view.
//!
//! Numerical columns share equal-width bins over the range of both sides;
//! categorical, boolean and text columns show their most frequent categories
//! (by combined count, numbers in canonical form) and an "(other)" bar.
//! Shares are of present values, so sides of different sizes compare.

use std::borrow::Cow;

use hashbrown::HashMap;
use serde::{Deserialize, Serialize};

use crate::table::MISSING_TIMESTAMP;
use crate::table::{Column, ColumnData};
use crate::types::{format_timestamp_millis, Kind};

/// Bars per histogram by default.
pub const DEFAULT_BINS: usize = 20;

/// One side's bars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Rows per bar.
    pub counts: Vec<u64>,
    /// Share of present rows per bar.
    pub shares: Vec<f64>,
    /// Rows without a value.
    pub missing: u64,
}

/// Bars of both sides over the same bins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Column name.
    pub column: String,
    /// True for equal-width numeric bins (then `edges` has `labels.len() + 1` values).
    pub numeric: bool,
    /// Bar labels.
    pub labels: Vec<String>,
    /// Bin edges, for numeric bins.
    pub edges: Vec<f64>,
    /// The baseline's bars, if a baseline column is given.
    pub baseline: Option<Series>,
    /// The current data's bars, if a current column is given.
    pub current: Option<Series>,
}

/// A column's numbers, borrowed when it holds numbers (no copy of a million values).
fn numeric_values(column: &Column) -> Option<Cow<'_, [f64]>> {
    match &column.data {
        ColumnData::Numeric(v) => Some(Cow::Borrowed(v)),
        ColumnData::Timestamp(v) => {
            Some(Cow::Owned(v.iter().map(|&t| if t == MISSING_TIMESTAMP { f64::NAN } else { t as f64 }).collect()))
        }
        _ => None,
    }
}

/// Histogram of one column on each side (either may be absent).
///
/// # Examples
/// ```
/// use tideline_engine::{histogram::compare, io::{load_bytes, LoadOptions}};
/// let a = load_bytes("a.csv", b"x\n0.5\n1.5\n2.5\n3.5\n", LoadOptions::default()).unwrap();
/// let b = load_bytes("b.csv", b"x\n3.5\n3.5\n", LoadOptions::default()).unwrap();
/// let h = compare(a.table.column("x"), b.table.column("x"), 3).unwrap();
/// assert_eq!(h.baseline.unwrap().counts, vec![1, 1, 2]); // [0.5, 1.5), [1.5, 2.5), [2.5, 3.5]
/// assert_eq!(h.current.unwrap().counts, vec![0, 0, 2]);
/// ```
#[must_use]
pub fn compare(baseline: Option<&Column>, current: Option<&Column>, bins: usize) -> Option<Histogram> {
    let first = baseline.or(current)?;
    let kinds_numeric =
        [baseline, current].iter().flatten().all(|c| matches!(c.kind, Kind::Numerical | Kind::Datetime));
    let [b, c] = [baseline, current].map(|c| c.and_then(numeric_values));
    let all_numeric = kinds_numeric && (baseline.is_none() || b.is_some()) && (current.is_none() || c.is_some());
    if all_numeric {
        Some(numeric(first, b.as_deref(), c.as_deref(), bins.max(1)))
    } else {
        Some(categorical(first, baseline, current, bins.max(1)))
    }
}

fn numeric(first: &Column, baseline: Option<&[f64]>, current: Option<&[f64]>, bins: usize) -> Histogram {
    // One pass for both ends (NaN never wins a min or a max).
    let (lo, hi) = baseline
        .into_iter()
        .chain(current)
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    let (lo, hi) = if lo.is_finite() { (lo, if hi > lo { hi } else { lo + 1.0 }) } else { (0.0, 1.0) };
    let width = (hi - lo) / bins as f64;
    let edges: Vec<f64> = (0..=bins).map(|i| if i == bins { hi } else { lo + width * i as f64 }).collect();
    let datetime = first.kind == Kind::Datetime;
    let label = |x: f64| if datetime { format_timestamp_millis(x as i64) } else { format!("{x:.4}") };
    let labels = edges.windows(2).map(|w| format!("{} – {}", label(w[0]), label(w[1]))).collect();
    let series = |values: &[f64]| {
        let mut counts = vec![0_u64; bins];
        let mut missing = 0;
        for &x in values {
            if x.is_nan() {
                missing += 1;
                continue;
            }
            let i = (((x - lo) / width) as usize).min(bins - 1);
            if let Some(c) = counts.get_mut(i) {
                *c += 1;
            }
        }
        finish_series(counts, missing)
    };
    Histogram {
        column: first.name.clone(),
        numeric: true,
        labels,
        edges,
        baseline: baseline.map(series),
        current: current.map(series),
    }
}

fn categorical(first: &Column, baseline: Option<&Column>, current: Option<&Column>, bins: usize) -> Histogram {
    let count = |column: &Column| {
        let mut counts: HashMap<String, u64> = HashMap::new();
        let mut missing = 0;
        for i in 0..column.len() {
            match column.data.category_key(i) {
                Some(k) => *counts.entry(k).or_default() += 1,
                None => missing += 1,
            }
        }
        (counts, missing)
    };
    let sides: Vec<Option<(HashMap<String, u64>, u64)>> = [baseline, current].iter().map(|c| c.map(count)).collect();
    let mut combined: HashMap<&str, u64> = HashMap::new();
    for (counts, _) in sides.iter().flatten() {
        for (k, n) in counts {
            *combined.entry(k.as_str()).or_default() += n;
        }
    }
    let mut order: Vec<(&str, u64)> = combined.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let has_other = order.len() > bins;
    let kept: Vec<String> =
        order.iter().take(if has_other { bins - 1 } else { bins }).map(|(k, _)| (*k).to_owned()).collect();
    let mut labels = kept.clone();
    if has_other {
        labels.push("(other)".to_owned());
    }
    let series = |side: &Option<(HashMap<String, u64>, u64)>| {
        side.as_ref().map(|(counts, missing)| {
            let mut bars: Vec<u64> = kept.iter().map(|k| counts.get(k).copied().unwrap_or(0)).collect();
            if has_other {
                let shown: u64 = bars.iter().sum();
                bars.push(counts.values().sum::<u64>() - shown);
            }
            finish_series(bars, *missing)
        })
    };
    Histogram {
        column: first.name.clone(),
        numeric: false,
        labels,
        edges: Vec::new(),
        baseline: series(sides.first().unwrap_or(&None)),
        current: series(sides.get(1).unwrap_or(&None)),
    }
}

fn finish_series(counts: Vec<u64>, missing: u64) -> Series {
    let total: u64 = counts.iter().sum();
    let shares = counts.iter().map(|&c| if total == 0 { 0.0 } else { c as f64 / total as f64 }).collect();
    Series { counts, shares, missing }
}
