//! A first monitoring timeline from the loaded data, so the Monitoring view
//! shows a result as soon as both sides are loaded: windows by the timestamp
//! column (a calendar unit giving a readable number of windows), the model's
//! columns and facets from their roles. Every part stays editable.

use super::guess_model_columns;
use crate::roles::Role;
use crate::table::{Table, MISSING_TIMESTAMP};
use crate::timeline::{bias_config_for, TimelineConfig};
use crate::timeline::{split, timestamps, TimeUnit, WindowSpec};

/// Fewest windows a guessed calendar unit should give.
const MIN_WINDOWS: i64 = 8;
/// Most windows a guessed calendar unit should give.
const MAX_WINDOWS: i64 = 60;
/// Windows of a row-count split, when no calendar unit fits.
const ROW_WINDOWS: usize = 10;

/// Units tried, smallest first, with their (average) length in milliseconds.
const UNITS: [(TimeUnit, i64); 4] = [
    (TimeUnit::Hour, 3_600_000),
    (TimeUnit::Day, 86_400_000),
    (TimeUnit::Week, 7 * 86_400_000),
    // 365.25 / 12 days.
    (TimeUnit::Month, 2_629_800_000),
];

/// The timestamp column both sides have, by role.
fn time_column(reference: &Table, current: &Table) -> Option<String> {
    let name = &current.columns.iter().find(|c| c.role == Role::Timestamp)?.name;
    reference.column(name).filter(|c| c.role == Role::Timestamp).map(|_| name.clone())
}

/// The smallest calendar unit giving 8 to 60 windows over the span of
/// `column` in `table`.
fn calendar_window(table: &Table, column: &str) -> Option<WindowSpec> {
    let times = timestamps(table.column(column)?).ok()?;
    let present = times.iter().copied().filter(|&t| t != MISSING_TIMESTAMP);
    let (first, last) = present.fold((i64::MAX, i64::MIN), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if first > last {
        return None;
    }
    let span = last.saturating_sub(first);
    UNITS
        .into_iter()
        .find(|&(_, millis)| (MIN_WINDOWS..=MAX_WINDOWS).contains(&(span / millis + 1)))
        .map(|(unit, _)| WindowSpec::Time { count: 1, unit })
}

/// A tenth of the median window's rows (at least 2): a stray last window of
/// a few rows is shown but not judged, instead of raising alerts on noise.
fn min_window_rows(current: &Table, time: Option<&str>, window: WindowSpec) -> usize {
    let times = time.and_then(|name| timestamps(current.column(name)?).ok());
    let Ok(windows) = split(times.as_deref(), current.n_rows, window) else { return 0 };
    let mut rows: Vec<usize> = windows.windows.iter().map(|w| w.rows.len()).collect();
    rows.sort_unstable();
    rows.get(rows.len() / 2).map_or(0, |median| (median / 10).max(2))
}

/// The timeline the loaded data suggests: every check, default thresholds,
/// "2 out of 3" alerts.
#[must_use]
pub fn guess_timeline_config(reference: &Table, current: &Table) -> TimelineConfig {
    let time = time_column(reference, current);
    let calendar = time.as_deref().and_then(|name| calendar_window(current, name));
    let window = calendar.unwrap_or(WindowSpec::Rows { size: current.n_rows.div_ceil(ROW_WINDOWS).max(1) });
    let mut config = TimelineConfig::new(window);
    config.time_column = time.filter(|_| calendar.is_some());
    config.min_window_rows = min_window_rows(current, config.time_column.as_deref(), window);
    config.model = guess_model_columns(reference);
    let facets: Vec<String> =
        reference.columns.iter().filter(|c| c.role == Role::Facet).map(|c| c.name.clone()).collect();
    if let Some(model) = config.model.as_ref().filter(|_| !facets.is_empty()) {
        if let Ok(positive) = model.positive_in(reference) {
            config.bias = Some(Box::new(bias_config_for(model, &positive, &facets, reference)));
        }
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_bytes, LoadOptions};
    use crate::model_quality::ProblemType;
    use crate::roles::set_role;
    use crate::timeline::CheckKind;

    /// The app's work-from-home demo and its roles (src/demo.rs).
    const WFH: [(&str, &[u8]); 2] = [
        ("wfh_reference.csv", include_bytes!("../../../../public/demo/wfh_reference.csv")),
        ("wfh_analysis.csv", include_bytes!("../../../../public/demo/wfh_analysis.csv")),
    ];
    const WFH_ROLES: [(&str, Role); 6] = [
        ("work_home_actual", Role::Label),
        ("y_pred", Role::PredictedLabel),
        ("y_pred_proba", Role::PredictedScore),
        ("timestamp", Role::Timestamp),
        ("id", Role::JoinId),
        ("period", Role::Split),
    ];

    fn load(name: &str, content: &[u8], roles: &[(&str, Role)]) -> Table {
        let mut table = load_bytes(name, content, LoadOptions::default()).unwrap().table;
        for &(column, role) in roles {
            assert!(set_role(&mut table, column, role), "{column}");
        }
        table
    }

    fn wfh() -> (Table, Table) {
        let [(rn, rc), (cn, cc)] = WFH;
        (load(rn, rc, &WFH_ROLES), load(cn, cc, &WFH_ROLES))
    }

    #[test]
    fn wfh_gets_monthly_windows_and_its_model() {
        // The analysis period runs from 2017-08-31 to 2021-01-01: 41 months
        // (8..60), where days and weeks give too many windows.
        let (reference, current) = wfh();
        let config = guess_timeline_config(&reference, &current);
        assert_eq!(config.time_column.as_deref(), Some("timestamp"));
        assert_eq!(config.window, WindowSpec::Time { count: 1, unit: TimeUnit::Month });
        // About 120 rows a month: the last window (one row on 2021-01-01) is not judged.
        assert!((8..=15).contains(&config.min_window_rows), "{}", config.min_window_rows);
        let model = config.model.as_ref().unwrap();
        assert_eq!(model.problem, ProblemType::BinaryClassification);
        assert_eq!(
            (model.label.as_str(), model.prediction.as_deref(), model.score.as_deref()),
            ("work_home_actual", Some("y_pred"), Some("y_pred_proba"))
        );
        assert!(config.bias.is_none(), "no column has the facet role");
        assert_eq!(config.checks, CheckKind::ALL);
    }

    #[test]
    fn no_timestamp_gives_ten_row_windows_and_facets_give_bias() {
        let roles = [("sex", Role::Facet)];
        let csv = (0..95).fold(String::from("sex,y_pred,target\n"), |mut s, i| {
            s.push_str(&format!("{},{},{}\n", ["F", "M"][i % 2], i % 2, (i / 2) % 2));
            s
        });
        let table = load("t.csv", csv.as_bytes(), &roles);
        let config = guess_timeline_config(&table, &table);
        assert_eq!((config.time_column, config.window), (None, WindowSpec::Rows { size: 10 }));
        assert_eq!(config.min_window_rows, 2);
        let bias = config.bias.unwrap();
        assert_eq!(bias.facet.len(), 1);
        assert_eq!(bias.label_values_or_threshold.len(), 1);
    }

    #[test]
    fn a_few_hours_of_timestamps_fall_back_to_rows() {
        // Two hours of data: fewer than 8 hourly windows.
        let csv = (0..20).fold(String::from("timestamp,x\n"), |mut s, i| {
            s.push_str(&format!("2024-01-01 0{}:{:02}:00,{i}\n", i / 10, (i % 10) * 5));
            s
        });
        let table = load("t.csv", csv.as_bytes(), &[("timestamp", Role::Timestamp)]);
        let config = guess_timeline_config(&table, &table);
        assert_eq!((config.time_column, config.window), (None, WindowSpec::Rows { size: 2 }));
        assert!(config.model.is_none());
    }

    #[test]
    fn a_numeric_facet_is_split_at_its_median_and_the_series_stay_few() {
        // The gradual-drift scenario with age and sex as facets: each age
        // value against the rest made 1,080 bias series (60 ages × 18
        // metrics); age above its median is one group.
        use crate::scenario::{generate, ScenarioConfig, ScenarioKind};
        use crate::timeline::run_timeline;
        let s = generate(ScenarioKind::GradualDrift, &ScenarioConfig::default()).unwrap();
        let roles = [("age", Role::Facet), ("sex", Role::Facet), ("timestamp", Role::Timestamp)];
        let reference = load("baseline.csv", s.baseline_csv.as_bytes(), &roles);
        let current = load("current.csv", s.current_csv.as_bytes(), &roles);
        let config = guess_timeline_config(&reference, &current);
        let bias = config.bias.as_ref().unwrap();
        let age = bias.facet.iter().find(|f| f.name_or_index == crate::bias::ColumnRef::Name("age".into())).unwrap();
        let Some([crate::bias::PyValue::Float(threshold)]) = age.value_or_threshold.as_deref() else {
            panic!("{:?}", age.value_or_threshold)
        };
        // Halfway between two whole ages, so no one's age equals it.
        assert_eq!(threshold.fract(), 0.5);
        let ages = crate::bias::Series::new(reference.column("age").unwrap()).numbers();
        let above = ages.iter().filter(|&&a| a > *threshold).count();
        assert!((0.4..=0.6).contains(&(above as f64 / ages.len() as f64)), "{above} of {}", ages.len());
        let sex = bias.facet.iter().find(|f| f.name_or_index == crate::bias::ColumnRef::Name("sex".into())).unwrap();
        assert_eq!(sex.value_or_threshold, None, "two values: each against the rest");
        let timeline = run_timeline(&reference, &current, &config, &mut |_, _, _| {}).unwrap().timeline;
        let groups: std::collections::BTreeSet<&str> = timeline
            .checks
            .iter()
            .filter_map(|c| c.name.strip_prefix("bias:"))
            .filter_map(|n| n.rsplit_once(':').map(|(group, _)| group))
            .collect();
        assert_eq!(groups.len(), 3, "{groups:?}");
        assert!(groups.iter().any(|g| g.starts_with(&format!("age=({threshold}, "))), "{groups:?}");
        assert!(timeline.checks.len() < 100, "{} series", timeline.checks.len());
        // The scenario changes no bias: its daily windows stay within the
        // reference's variability but for a few (the literal "farther than
        // the baseline" rule failed 74 % of them).
        let cells: Vec<_> =
            timeline.checks.iter().filter(|c| c.name.starts_with("bias:")).flat_map(|c| &c.cells).collect();
        let judged = cells.iter().filter(|c| c.status != crate::timeline::CheckStatus::Missing).count();
        let failed = cells.iter().filter(|c| c.status == crate::timeline::CheckStatus::Violation).count();
        assert!(judged > 2000 && (failed as f64) < 0.05 * judged as f64, "{failed} of {judged}");
    }

    #[test]
    fn a_facet_of_many_categories_keeps_its_largest_groups() {
        // 12 regions of falling size: the 8 largest are followed, with a note.
        let mut csv = String::from("region,y_pred,target\n");
        for r in 0..12 {
            for i in 0..(40 - 2 * r) {
                csv.push_str(&format!("r{r},{},{}\n", i % 2, (i / 2) % 2));
            }
        }
        let table = load("t.csv", csv.as_bytes(), &[("region", Role::Facet)]);
        let config = guess_timeline_config(&table, &table);
        let run = crate::timeline::run_timeline(&table, &table, &config, &mut |_, _, _| {}).unwrap();
        let groups: std::collections::BTreeSet<&str> = run
            .timeline
            .checks
            .iter()
            .filter_map(|c| c.name.strip_prefix("bias:region="))
            .filter_map(|n| n.split_once(':').map(|(value, _)| value))
            .collect();
        let expected: std::collections::BTreeSet<String> = (0..8).map(|r| format!("r{r}")).collect();
        assert_eq!(groups, expected.iter().map(String::as_str).collect());
        assert!(
            run.timeline.warnings.iter().any(|w| w.contains("facet region has 12 values; the 8 largest")),
            "{:?}",
            run.timeline.warnings
        );
    }
}
