//! Data quality per window: Model Monitor's six checks of the window's
//! profile against the reference's statistics and constraints (given, or
//! suggested from the reference as a baselining job would); the value is
//! the number of violations. Columns whose role keeps them out of checks
//! (join ids, times, split markers, ignored; `Role::not_checked`), the time
//! column and the columns the user excludes are left out: ids and times
//! differ in every window by design (and profiling a million distinct timestamps per run
//! would cost more than every other check together).

use super::window_check::{Side, WindowCheck};
use crate::data_quality::{evaluate_with, profile_table, suggest_constraints, Constraints, Statistics, TypeRule};
use crate::table::{take_window, Column, Table};
use crate::timeline::series::{Observation, SeriesSpec, UPPER_SIDE};
use crate::timeline::ThresholdRule;

/// The prepared data-quality check.
pub struct DataQualityCheck<'t> {
    reference: &'t Table,
    current: &'t Table,
    reference_columns: Vec<&'t Column>,
    current_columns: Vec<&'t Column>,
    statistics: Statistics,
    constraints: Constraints,
    series: [SeriesSpec; 1],
}

impl<'t> DataQualityCheck<'t> {
    /// Profiles the reference (without the columns left out); uses
    /// `constraints` or suggests them.
    #[must_use]
    pub fn new(
        reference: &'t Table,
        current: &'t Table,
        constraints: Option<&Constraints>,
        exclude: &[String],
        time_column: Option<&str>,
    ) -> Self {
        let kept = |table: &'t Table| -> Vec<&'t Column> {
            let left_out = |c: &Column| {
                c.role.not_checked().is_some() || exclude.contains(&c.name) || Some(c.name.as_str()) == time_column
            };
            table.columns.iter().filter(|c| !left_out(c)).collect()
        };
        let (reference_columns, current_columns) = (kept(reference), kept(current));
        let all: Vec<usize> = (0..reference.n_rows).collect();
        let statistics = profile_table(&take_window(reference, &reference_columns, &all)).to_statistics();
        let constraints = constraints.cloned().unwrap_or_else(|| suggest_constraints(&statistics));
        // Any violation fails the window, as a monitoring job "CompletedWithViolations".
        let default_rule = ThresholdRule::Constant { lower: None, upper: Some(0.0) };
        let series =
            SeriesSpec::new("data_quality:violations".into(), default_rule, UPPER_SIDE).limited(Some(0.0), None);
        Self { reference, current, reference_columns, current_columns, statistics, constraints, series: [series] }
    }
}

impl WindowCheck for DataQualityCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        if rows.is_empty() {
            return vec![Observation::missing()];
        }
        let (table, columns) =
            side.pick((self.reference, &self.reference_columns), (self.current, &self.current_columns));
        let profile = profile_table(&take_window(table, columns, rows));
        // A representation change (1 written 1.0) is not a type change.
        let value = evaluate_with(&self.constraints, &self.statistics, &profile, TypeRule::Widening)
            .map_or(f64::NAN, |report| report.violations().violations.len() as f64);
        vec![Observation::value(value)]
    }
}
