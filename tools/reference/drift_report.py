"""Evidently's default data-drift preset end to end, per column and for the dataset.

Run: tools/reference/.venv/bin/python tools/reference/drift_report.py
Writes crates/engine/tests/fixtures/reference/drift_report.json. Inputs are
committed files (the app's demo slices of NannyML car loan, and slices of
UCI Adult's train and test parts), read with pandas.read_csv.
"""
import json
import pathlib

import evidently
import pandas as pd
import scipy
from evidently.legacy.calculations import stattests
from evidently.legacy.metric_preset import DataDriftPreset
from evidently.legacy.pipeline.column_mapping import ColumnMapping
from evidently.legacy.report import Report

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "crates/engine/tests/fixtures/reference"
OUT = FIXTURES / "drift_report.json"

# Display name → registry name, from Evidently's own stattest objects.
NAMES = {
    t.display_name: t.name
    for t in (getattr(stattests, n) for n in dir(stattests))
    if hasattr(t, "display_name") and hasattr(t, "name")
}

CASES = [
    # (name, baseline file, current file, rows kept per side (None = all), column mapping)
    ("car_loan_demo", "public/demo/car_loan_reference.csv", "public/demo/car_loan_analysis.csv", None, {"id": "id", "datetime": "timestamp"}),
    ("car_loan_small", "public/demo/car_loan_reference.csv", "public/demo/car_loan_analysis.csv", 800, {"id": "id", "datetime": "timestamp"}),
    ("adult", "crates/engine/tests/fixtures/reference/adult_train_slice.csv", "crates/engine/tests/fixtures/reference/adult_test_slice.csv", None, {}),
    ("adult_small", "crates/engine/tests/fixtures/reference/adult_train_slice.csv", "crates/engine/tests/fixtures/reference/adult_test_slice.csv", 600, {}),
]


def read(path, rows, mapping):
    kwargs = {"parse_dates": [mapping["datetime"]]} if "datetime" in mapping else {}
    frame = pd.read_csv(ROOT / path, **kwargs)
    return frame if rows is None else frame.head(rows)


def main():
    cases = []
    for name, base, cur, rows, mapping in CASES:
        reference, current = read(base, rows, mapping), read(cur, rows, mapping)
        report = Report(metrics=[DataDriftPreset()])
        report.run(reference_data=reference, current_data=current, column_mapping=ColumnMapping(**mapping))
        table = next(m["result"] for m in report.as_dict()["metrics"] if m["metric"] == "DataDriftTable")
        columns = [
            {
                "name": column,
                "column_type": r["column_type"],
                "test": NAMES[r["stattest_name"]],
                "threshold": r["stattest_threshold"],
                "drift_score": r["drift_score"],
                "drifted": bool(r["drift_detected"]),
            }
            for column, r in table["drift_by_columns"].items()
        ]
        cases.append(
            {
                "name": name,
                "call": f"Report(metrics=[DataDriftPreset()]).run(reference_data=pd.read_csv({base!r}).head({rows}), current_data=pd.read_csv({cur!r}).head({rows}), column_mapping=ColumnMapping(**{mapping!r}))",
                "baseline": base,
                "current": cur,
                "rows": rows,
                "ignored": list(mapping.values()),
                "number_of_columns": table["number_of_columns"],
                "number_of_drifted_columns": table["number_of_drifted_columns"],
                "share_of_drifted_columns": table["share_of_drifted_columns"],
                "dataset_drift": bool(table["dataset_drift"]),
                "columns": columns,
            }
        )
    versions = {"evidently": evidently.__version__, "pandas": pd.__version__, "scipy": scipy.__version__}
    OUT.write_text(json.dumps({"generator": "tools/reference/drift_report.py", "versions": versions, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
