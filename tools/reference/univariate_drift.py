"""Reference values for Tideline's univariate drift methods
(crates/engine/src/drift/nannyml), from NannyML 0.13.1.

Run: tools/reference/.venv-nannyml/bin/python tools/reference/univariate_drift.py
(the NannyML venv, pinned in tools/reference/requirements-nannyml.txt).
Writes crates/engine/tests/fixtures/reference/univariate_drift.json.

Each case runs `nannyml.UnivariateDriftCalculator` with explicit continuous and
categorical column lists and every method, fits it on a reference CSV and
calculates on an analysis CSV. Per column and method it records the
thresholds (NannyML's are one pair per method and column, asserted here) and,
per chunk (reference chunks first, then analysis), the value and the alert.
For chi2, whose alert is `p < 0.05` and whose p-value NannyML does not
report, the fitted method is called again on each chunk and its `_p_value`
recorded.

Cases:
- `wfh:5000rows`, `car_loan:5000rows`: the full shared pairs, `chunk_size=5000`,
  file order (no timestamp column). Reference sets of 50,000 rows put
  kolmogorov_smirnov and wasserstein on NannyML's 10,000-bin approximation.
- `wfh:small`: the first 8,000 reference and 10,000 analysis rows with every
  7th row (row % 7 == 3) of each analysed column blanked (NaN), `chunk_size=1000`:
  the exact kolmogorov_smirnov and wasserstein (reference below 10,000 rows)
  and missing-value handling.
- `wfh:1w`: `chunk_period='W'` with `timestamp_column_name='timestamp'` on two
  columns (weekly chunks of about 150 rows; two columns keep the file small).
"""

import json
import os
import sys

# NannyML sends usage analytics unless told not to.
os.environ["NML_DISABLE_USAGE_LOGGING"] = "1"

import nannyml  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/univariate_drift.json")
CONTINUOUS_METHODS = ["jensen_shannon", "kolmogorov_smirnov", "wasserstein", "hellinger"]
CATEGORICAL_METHODS = ["chi2", "jensen_shannon", "l_infinity", "hellinger"]
WFH = "nannyml_synthetic_binary_wfh"
CAR_LOAN = "nannyml_car_loan"
WFH_CONTINUOUS = ["distance_from_office", "gas_price_per_litre", "public_transportation_cost", "tenure", "y_pred_proba"]
WFH_CATEGORICAL = ["salary_range", "wfh_prev_workday", "workday", "y_pred"]
CASES = [
    {
        "name": "wfh:5000rows",
        "stem": WFH,
        "continuous": WFH_CONTINUOUS,
        "categorical": WFH_CATEGORICAL,
        "chunking": {"chunk_size": 5000},
    },
    {
        "name": "car_loan:5000rows",
        "stem": CAR_LOAN,
        "continuous": ["car_value", "debt_to_income_ratio", "driver_tenure", "y_pred_proba"],
        # `repaid` is 1.0/0.0 in the reference and 1/0 in the analysis.
        "categorical": ["salary_range", "loan_length", "repaid_loan_on_prev_car", "size_of_downpayment", "repaid", "y_pred"],
        "chunking": {"chunk_size": 5000},
    },
    {
        "name": "wfh:small",
        "stem": WFH,
        "continuous": WFH_CONTINUOUS,
        "categorical": WFH_CATEGORICAL,
        "chunking": {"chunk_size": 1000},
        "reference_rows": 8000,
        "analysis_rows": 10000,
        "blank": {"every": 7, "offset": 3},
    },
    {
        "name": "wfh:1w",
        "stem": WFH,
        "continuous": ["distance_from_office"],
        "categorical": ["workday"],
        "chunking": {"chunk_period": "W", "timestamp_column_name": "timestamp"},
    },
]


def load(case, period):
    data = pd.read_csv(os.path.join(DATA, f"{case['stem']}_{period}.csv"))
    rows = case.get(f"{period}_rows")
    if rows is not None:
        data = data.head(rows).copy()
    blank = case.get("blank")
    if blank is not None:
        mask = np.arange(len(data)) % blank["every"] == blank["offset"]
        for column in case["continuous"] + case["categorical"]:
            # object first, so a bool or int column can hold NaN as pandas reads a blank cell.
            data[column] = data[column].astype(object).where(~mask, np.nan)
            data[column] = data[column].infer_objects()
    if "timestamp_column_name" in case["chunking"]:
        data["timestamp"] = pd.to_datetime(data["timestamp"])
    return data


def run(case):
    reference, analysis = load(case, "reference"), load(case, "analysis")
    columns = case["continuous"] + case["categorical"]
    calc = nannyml.UnivariateDriftCalculator(
        column_names=columns,
        treat_as_numerical=case["continuous"],
        treat_as_categorical=case["categorical"],
        continuous_methods=CONTINUOUS_METHODS,
        categorical_methods=CATEGORICAL_METHODS,
        **case["chunking"],
    )
    calc.fit(reference)
    result = calc.calculate(analysis).to_df()

    chunks = []
    for _, row in result.iterrows():
        chunks.append(
            {
                "period": row[("chunk", "chunk", "period")],
                "key": row[("chunk", "chunk", "key")],
                "n_rows": int(row[("chunk", "chunk", "end_index")]) - int(row[("chunk", "chunk", "start_index")]) + 1,
            }
        )

    # chi2's p-values: the fitted method on the same chunks, in the same order.
    chunker = calc.chunker
    data_chunks = chunker.split(reference) + chunker.split(analysis)
    assert len(data_chunks) == len(chunks)

    series = []
    for kind, names, methods in [
        ("continuous", case["continuous"], CONTINUOUS_METHODS),
        ("categorical", case["categorical"], CATEGORICAL_METHODS),
    ]:
        for column in names:
            fitted = {m.column_name: m for m in calc._column_to_models_mapping[column]}
            for method in methods:
                upper = result[(column, method, "upper_threshold")]
                lower = result[(column, method, "lower_threshold")]
                # One threshold pair per column and method (NaN when None).
                assert upper.isna().all() or upper.nunique() == 1, (column, method)
                assert lower.isna().all() or lower.nunique() == 1, (column, method)
                entry = {
                    "column": column,
                    "kind": kind,
                    "method": method,
                    "lower_threshold": None if lower.isna().all() else num(lower.iloc[0]),
                    "upper_threshold": None if upper.isna().all() else num(upper.iloc[0]),
                    "values": [num(v) for v in result[(column, method, "value")]],
                    "alerts": [bool(a) for a in result[(column, method, "alert")]],
                }
                if method == "chi2":
                    p_values = []
                    for chunk in data_chunks:
                        m = fitted["chi2"]
                        m._p_value = np.nan
                        m.calculate(chunk.data[column])
                        p_values.append(num(m._p_value))
                    entry["p_values"] = p_values
                series.append(entry)
    return {
        "name": case["name"],
        "reference": f"{case['stem']}_reference.csv",
        "analysis": f"{case['stem']}_analysis.csv",
        "reference_rows": case.get("reference_rows"),
        "analysis_rows": case.get("analysis_rows"),
        "blank": case.get("blank"),
        "chunking": case["chunking"],
        "chunks": chunks,
        "series": series,
    }


def main():
    out = {
        "generator": "tools/reference/univariate_drift.py",
        "versions": {
            "python": sys.version.split()[0],
            "nannyml": nannyml.__version__,
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scipy": scipy.__version__,
        },
        "calls": [
            "reference, analysis = pd.read_csv(REFERENCE), pd.read_csv(ANALYSIS)  # .head(rows), blanks: see load()",
            "calc = nannyml.UnivariateDriftCalculator(column_names=CONTINUOUS + CATEGORICAL, "
            "treat_as_numerical=CONTINUOUS, treat_as_categorical=CATEGORICAL, "
            f"continuous_methods={CONTINUOUS_METHODS}, categorical_methods={CATEGORICAL_METHODS}, **CHUNKING)",
            "calc.fit(reference)",
            "result = calc.calculate(analysis).to_df()  # reference chunks first, then analysis",
            "calc._column_to_models_mapping[column]['chi2'].calculate(chunk.data[column]); ._p_value  # per chunk",
        ],
        "cases": [run(c) for c in CASES],
    }
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
