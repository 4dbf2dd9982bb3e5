//! Windows by time and by rows, and NannyML-style reference chunking.

use tideline_engine::table::{TableBuilder, MISSING_TIMESTAMP};
use tideline_engine::timeline::{split, timestamps, Chunker, Incomplete, TimelineError, WindowSpec, Windows};
use tideline_engine::types::parse_datetime_millis;

fn at(text: &str) -> i64 {
    parse_datetime_millis(text).unwrap()
}

fn spec(text: &str) -> WindowSpec {
    text.parse().unwrap()
}

fn labels(w: &Windows) -> Vec<&str> {
    w.windows.iter().map(|w| w.label.as_str()).collect()
}

fn rows(w: &Windows) -> Vec<Vec<usize>> {
    w.windows.iter().map(|w| w.rows.clone()).collect()
}

#[test]
fn daily_windows_include_empty_days_and_report_missing_timestamps() {
    let times = [at("2024-03-03T10:00:00Z"), MISSING_TIMESTAMP, at("2024-03-01T23:59:59Z"), at("2024-03-01T00:00:00Z")];
    let w = split(Some(&times), times.len(), spec("1d")).unwrap();
    assert_eq!(
        labels(&w),
        [
            "2024-03-01T00:00:00Z/2024-03-02T00:00:00Z",
            "2024-03-02T00:00:00Z/2024-03-03T00:00:00Z",
            "2024-03-03T00:00:00Z/2024-03-04T00:00:00Z"
        ]
    );
    assert_eq!(rows(&w), [vec![2, 3], vec![], vec![0]]);
    assert_eq!(w.missing_timestamp_rows, [1]);
    assert_eq!(w.windows[0].start_millis, Some(at("2024-03-01T00:00:00Z")));
    assert_eq!(w.windows[0].end_millis, Some(at("2024-03-02T00:00:00Z")));
}

#[test]
fn weekly_and_monthly_windows_are_calendar_aligned() {
    // 2024-02-28 is a Wednesday; its week starts on Monday 2024-02-26.
    let times = [at("2024-02-28T12:00:00Z"), at("2024-03-04T00:00:00Z")];
    let w = split(Some(&times), 2, spec("1w")).unwrap();
    assert_eq!(labels(&w), ["2024-02-26T00:00:00Z/2024-03-04T00:00:00Z", "2024-03-04T00:00:00Z/2024-03-11T00:00:00Z"]);
    let w = split(Some(&times), 2, spec("month")).unwrap();
    assert_eq!(labels(&w), ["2024-02-01T00:00:00Z/2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z/2024-04-01T00:00:00Z"]);
    assert_eq!(rows(&w), [vec![0], vec![1]]);
}

#[test]
fn multi_unit_spans_start_at_the_first_days_midnight() {
    let times = [at("2024-03-01T07:00:00Z"), at("2024-03-01T13:00:00Z"), at("2024-03-08T00:00:00Z")];
    let w = split(Some(&times), 3, spec("6h")).unwrap();
    assert_eq!(w.windows[0].label, "2024-03-01T06:00:00Z/2024-03-01T12:00:00Z");
    assert_eq!(w.windows[1].rows, [1]);
    let w = split(Some(&times), 3, spec("7d")).unwrap();
    assert_eq!(labels(&w), ["2024-03-01T00:00:00Z/2024-03-08T00:00:00Z", "2024-03-08T00:00:00Z/2024-03-15T00:00:00Z"]);
}

#[test]
fn row_windows_follow_time_order_when_there_is_a_timestamp() {
    let times = [30, 10, MISSING_TIMESTAMP, 20, 10];
    let w = split(Some(&times), 5, spec("2rows")).unwrap();
    assert_eq!(labels(&w), ["[0:1]", "[2:3]"]);
    assert_eq!(rows(&w), [vec![1, 4], vec![3, 0]]);
    assert_eq!(w.missing_timestamp_rows, [2]);
    let w = split(None, 5, spec("2rows")).unwrap();
    assert_eq!(labels(&w), ["[0:1]", "[2:3]", "[4:4]"]);
    assert!(w.windows.iter().all(|w| w.start_millis.is_none()));
}

#[test]
fn time_windows_need_timestamps_and_a_sane_span() {
    assert!(matches!(split(None, 3, spec("1d")), Err(TimelineError::WindowSpec { .. })));
    let times = [at("2000-01-01T00:00:00Z"), at("2024-01-01T00:00:00Z")];
    assert!(matches!(split(Some(&times), 2, spec("1min")), Err(TimelineError::TooManyWindows { .. })));
    let w = split(Some(&[MISSING_TIMESTAMP]), 1, spec("1d")).unwrap();
    assert!(w.windows.is_empty());
    assert_eq!(w.missing_timestamp_rows, [0]);
    // Extreme timestamps must not overflow.
    let far = [i64::MAX, i64::MIN + 1];
    assert!(split(Some(&far), 2, spec("1d")).is_err());
    assert!(split(Some(&[i64::MAX]), 1, spec("1mo")).is_ok());
}

#[test]
fn text_columns_are_parsed_and_numbers_refused() {
    let mut builder = TableBuilder::new(vec!["ts".to_owned(), "x".to_owned()], false);
    for (ts, x) in [("2024-03-01T10:00:00Z", "1"), ("not a date", "2"), ("", "3"), ("2024-03-02", "4")] {
        builder.push_row([ts, x]);
    }
    let table = builder.finish();
    let times = timestamps(table.column("ts").unwrap()).unwrap();
    assert_eq!(times, [at("2024-03-01T10:00:00Z"), MISSING_TIMESTAMP, MISSING_TIMESTAMP, at("2024-03-02T00:00:00Z")]);
    assert_eq!(
        timestamps(table.column("x").unwrap()),
        Err(TimelineError::NotTimestamps { column: "x".to_owned(), storage: "numeric" })
    );
}

#[test]
fn size_chunks_keep_drop_or_append_the_leftover() {
    let size = |incomplete| Chunker::Size { chunk_size: 4, incomplete };
    let keep = size(Incomplete::Keep).split(10, None).unwrap();
    assert_eq!(labels(&keep), ["[0:3]", "[4:7]", "[8:9]"]);
    let drop = size(Incomplete::Drop).split(10, None).unwrap();
    assert_eq!(labels(&drop), ["[0:3]", "[4:7]"]);
    let append = size(Incomplete::Append).split(10, None).unwrap();
    assert_eq!(labels(&append), ["[0:3]", "[4:9]"]);
    assert_eq!(append.windows[1].rows, [4, 5, 6, 7, 8, 9]);
    assert!(matches!(size(Incomplete::Append).split(3, None), Err(TimelineError::Chunking { .. })));
    assert!(Chunker::Size { chunk_size: 0, incomplete: Incomplete::Keep }.split(3, None).is_err());
}

#[test]
fn number_and_default_chunkers_divide_rows_by_the_count() {
    let chunks = Chunker::Number { chunk_number: 3, incomplete: Incomplete::Keep }.split(10, None).unwrap();
    assert_eq!(labels(&chunks), ["[0:2]", "[3:5]", "[6:8]", "[9:9]"]);
    let chunks = Chunker::Default.split(25, None).unwrap();
    assert_eq!(chunks.windows.len(), 13);
    assert!(Chunker::Default.split(9, None).is_err());
    assert!(Chunker::Default.split(0, None).unwrap().windows.is_empty());
    assert!(Chunker::Number { chunk_number: 0, incomplete: Incomplete::Keep }.split(5, None).is_err());
}

#[test]
fn period_chunks_skip_empty_periods_and_match_the_current_windows() {
    let times = [at("2024-03-01T10:00:00Z"), at("2024-03-03T10:00:00Z")];
    let chunker = Chunker::matching(spec("1d"));
    let chunks = chunker.split(2, Some(&times)).unwrap();
    assert_eq!(
        labels(&chunks),
        ["2024-03-01T00:00:00Z/2024-03-02T00:00:00Z", "2024-03-03T00:00:00Z/2024-03-04T00:00:00Z"]
    );
    assert!(matches!(chunker.split(2, None), Err(TimelineError::Chunking { .. })));
    assert_eq!(Chunker::matching(spec("500rows")), Chunker::Size { chunk_size: 500, incomplete: Incomplete::Keep });
}
