"""Reference values for Tideline's monitoring timeline on the committed
car-loan demo pair (public/demo/car_loan_{reference,analysis}.csv, 3,000 rows
each), from NannyML 0.13.1, so the whole timeline (windows, CBPE, univariate
drift, thresholds, alerts) is replayed natively and in the browser without
the shared data.

Run: tools/reference/.venv-nannyml/bin/python tools/reference/timeline_demo.py
(the NannyML venv, pinned in tools/reference/requirements-nannyml.txt).
Writes crates/engine/tests/fixtures/reference/timeline_demo.json.

Both calculators chunk by 500 rows in file order (no timestamp column):
- CBPE on y_pred_proba / y_pred / repaid, five metrics: per analysis chunk the
  estimate, the realised value, the thresholds and the alert; and NannyML's
  calibration decision on the reference;
- UnivariateDriftCalculator with the columns' kinds given explicitly,
  jensen_shannon for numbers and jensen_shannon and chi2 for categories: per
  analysis chunk the value, the thresholds and the alert.
"""

import json
import os
import sys

os.environ["NML_DISABLE_USAGE_LOGGING"] = "1"

import nannyml  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from nannyml.calibration import IsotonicCalibrator, needs_calibration  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "public/demo")
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/timeline_demo.json")
CHUNK_SIZE = 500
METRICS = ["roc_auc", "f1", "precision", "recall", "accuracy"]
CONTINUOUS = ["car_value", "debt_to_income_ratio", "driver_tenure", "y_pred_proba"]
CATEGORICAL = ["salary_range", "loan_length", "repaid_loan_on_prev_car", "size_of_downpayment", "y_pred"]


def analysis_rows(df):
    key = ("chunk", "chunk", "period") if df.columns.nlevels == 3 else ("chunk", "period")
    return df[df[key] == "analysis"]


def main():
    reference = pd.read_csv(os.path.join(DEMO, "car_loan_reference.csv"))
    analysis = pd.read_csv(os.path.join(DEMO, "car_loan_analysis.csv"))
    calls = []

    cbpe = nannyml.CBPE(
        y_pred_proba="y_pred_proba", y_pred="y_pred", y_true="repaid", metrics=METRICS,
        chunk_size=CHUNK_SIZE, problem_type="classification_binary",
    )
    calls.append(
        "nannyml.CBPE(y_pred_proba='y_pred_proba', y_pred='y_pred', y_true='repaid', "
        f"metrics={METRICS}, chunk_size={CHUNK_SIZE}, problem_type='classification_binary')"
        ".fit(reference).estimate(analysis).to_df()"
    )
    estimated = analysis_rows(cbpe.fit(reference).estimate(analysis).to_df())
    performance = {
        metric: {
            "value": [num(v) for v in estimated[(metric, "value")]],
            "realized": [num(v) for v in estimated[(metric, "realized")]],
            "lower_threshold": [num(v) for v in estimated[(metric, "lower_threshold")]],
            "upper_threshold": [num(v) for v in estimated[(metric, "upper_threshold")]],
            "alert": [bool(v) for v in estimated[(metric, "alert")]],
        }
        for metric in METRICS
    }
    calls.append("needs_calibration(reference.repaid, reference.y_pred_proba, IsotonicCalibrator())")
    calibrate = bool(needs_calibration(reference["repaid"].to_numpy(), reference["y_pred_proba"].to_numpy(), IsotonicCalibrator()))

    drift = nannyml.UnivariateDriftCalculator(
        column_names=CONTINUOUS + CATEGORICAL,
        treat_as_numerical=CONTINUOUS,
        treat_as_categorical=CATEGORICAL,
        continuous_methods=["jensen_shannon"],
        categorical_methods=["jensen_shannon", "chi2"],
        chunk_size=CHUNK_SIZE,
    )
    calls.append(
        f"nannyml.UnivariateDriftCalculator(column_names=CONTINUOUS + CATEGORICAL, treat_as_numerical={CONTINUOUS}, "
        f"treat_as_categorical={CATEGORICAL}, continuous_methods=['jensen_shannon'], "
        f"categorical_methods=['jensen_shannon', 'chi2'], chunk_size={CHUNK_SIZE}).fit(reference).calculate(analysis).to_df()"
    )
    drifted = analysis_rows(drift.fit(reference).calculate(analysis).to_df())
    series = []
    for column in CONTINUOUS + CATEGORICAL:
        methods = ["jensen_shannon"] if column in CONTINUOUS else ["jensen_shannon", "chi2"]
        for method in methods:
            series.append({
                "column": column,
                "continuous": column in CONTINUOUS,
                "method": method,
                "value": [num(v) for v in drifted[(column, method, "value")]],
                "lower_threshold": [num(v) for v in drifted[(column, method, "lower_threshold")]],
                "upper_threshold": [num(v) for v in drifted[(column, method, "upper_threshold")]],
                "alert": [bool(v) for v in drifted[(column, method, "alert")]],
            })

    fixture = {
        "generator": "tools/reference/timeline_demo.py",
        "versions": {"nannyml": nannyml.__version__, "pandas": pd.__version__, "numpy": np.__version__},
        "calls": calls,
        "chunk_size": CHUNK_SIZE,
        "windows": int(len(estimated)),
        "needs_calibration": calibrate,
        "performance": performance,
        "drift": series,
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(estimated)} windows, {len(series)} drift series")


if __name__ == "__main__":
    main()
