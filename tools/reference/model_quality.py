"""Reference values for Tideline's model-quality metrics (crates/engine/src/model_quality), from scikit-learn.

Run: tools/reference/.venv/bin/python tools/reference/model_quality.py
Writes crates/engine/tests/fixtures/reference/model_quality.json.

Every metric name maps to the exact scikit-learn call in each case's "calls". 0/0 is 0.0
(zero_division=0.0, which is what the default "warn" returns). roc_auc_score raises with one class;
the fixture records "nan" there. The best constant classifier is always-positive for binary and the
majority true class (first in sorted order on ties) for multiclass, as Tideline documents.
"""

import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve

from fixture_support import num

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("TIDELINE_SHARED_DATA", "/work/shared/data")
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/model_quality.json")
VERSIONS = {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__, "scikit-learn": sklearn.__version__}


def regression_case(name, y, p):
    y, p = np.asarray(y, float), np.asarray(p, float)
    return {
        "name": name, "problem": "regression", "truth": y.tolist(), "predicted": p.tolist(),
        "calls": {"mae": "mean_absolute_error(y, p)", "mse": "mean_squared_error(y, p)",
                  "rmse": "root_mean_squared_error(y, p)", "r2": "r2_score(y, p)"},
        "metrics": {"mae": num(skm.mean_absolute_error(y, p)), "mse": num(skm.mean_squared_error(y, p)),
                    "rmse": num(skm.root_mean_squared_error(y, p)), "r2": num(skm.r2_score(y, p))},
    }


def binary_counts(y, p, prefix=""):
    tn, fp, fn, tp = skm.confusion_matrix(y, p, labels=[0, 1]).ravel()
    fpr = fp / (fp + tn) if fp + tn > 0 else 0.0
    tpr = skm.recall_score(y, p, zero_division=0.0)
    out = {
        "recall": tpr,
        "precision": skm.precision_score(y, p, zero_division=0.0),
        "accuracy": skm.accuracy_score(y, p),
        "true_positive_rate": tpr,
        "true_negative_rate": 1.0 - fpr,
        "false_positive_rate": fpr,
        "false_negative_rate": 1.0 - tpr,
        "f0_5": skm.fbeta_score(y, p, beta=0.5, zero_division=0.0),
        "f1": skm.f1_score(y, p, zero_division=0.0),
        "f2": skm.fbeta_score(y, p, beta=2.0, zero_division=0.0),
    }
    return out, (int(tn), int(fp), int(fn), int(tp))


BINARY_CALLS = {
    "recall": "recall_score(y, p, zero_division=0.0)",
    "precision": "precision_score(y, p, zero_division=0.0)",
    "accuracy": "accuracy_score(y, p)",
    "true_positive_rate": "recall_score(y, p, zero_division=0.0)",
    "true_negative_rate": "1 - false_positive_rate",
    "false_positive_rate": "fp / (fp + tn) (0 if fp + tn == 0) from confusion_matrix(y, p, labels=[0, 1])",
    "false_negative_rate": "1 - recall_score(y, p, zero_division=0.0)",
    "auc": "roc_auc_score(y, s) ('nan' when it raises: one class only)",
    "f0_5": "fbeta_score(y, p, beta=0.5, zero_division=0.0)",
    "f1": "f1_score(y, p, zero_division=0.0)",
    "f2": "fbeta_score(y, p, beta=2.0, zero_division=0.0)",
    "*_best_constant_classifier": "the same call with p = np.ones_like(y)",
    "roc": "roc_curve(y, s) (drop_intermediate=True)",
    "precision_recall": "precision_recall_curve(y, s)",
    "calibration": "calibration_curve(y, s, n_bins=10, strategy='uniform') (prob_true, prob_pred)",
    "per_class": "precision_recall_fscore_support(y, p, labels=[0, 1], average=None, zero_division=0.0)",
}


def per_class(y, p, labels):
    prec, rec, f1, support = skm.precision_recall_fscore_support(y, p, labels=labels, average=None, zero_division=0.0)
    return [{"class": str(c), "precision": num(a), "recall": num(b), "f1": num(f), "support": int(n)}
            for c, a, b, f, n in zip(labels, prec, rec, f1, support)]


def binary_case(name, y, p, s):
    y, p, s = np.asarray(y, int), np.asarray(p, int), np.asarray(s, float)
    m, (tn, fp, fn, tp) = binary_counts(y, p)
    try:
        m["auc"] = skm.roc_auc_score(y, s)
    except ValueError:
        m["auc"] = float("nan")
    best, _ = binary_counts(y, np.ones_like(y))
    for k in ["recall", "precision", "accuracy", "f0_5", "f1", "f2"]:
        m[k + "_best_constant_classifier"] = best[k]
    fpr, tpr, _ = skm.roc_curve(y, s)
    prec, rec, _ = skm.precision_recall_curve(y, s)
    cal_true, cal_pred = calibration_curve(y, s, n_bins=10, strategy="uniform")
    return {
        "name": name, "problem": "binary", "actual": y.tolist(), "predicted": p.tolist(), "scores": s.tolist(),
        "calls": BINARY_CALLS, "metrics": {k: num(v) for k, v in m.items()},
        "confusion": {"tn": tn, "fp": fp, "fn": fn, "tp": tp},
        "roc": {"false_positive_rates": [num(v) for v in fpr], "true_positive_rates": [num(v) for v in tpr]},
        "precision_recall": {"precisions": [num(v) for v in prec], "recalls": [num(v) for v in rec]},
        "calibration": {"fraction_positive": [num(v) for v in cal_true], "mean_score": [num(v) for v in cal_pred]},
        "per_class": per_class(y, p, [0, 1]),
    }


def multiclass_metrics(y, p):
    out = {"accuracy": skm.accuracy_score(y, p),
           "weighted_recall": skm.recall_score(y, p, average="weighted", zero_division=0.0),
           "weighted_precision": skm.precision_score(y, p, average="weighted", zero_division=0.0)}
    for name, beta in [("weighted_f0_5", 0.5), ("weighted_f1", 1.0), ("weighted_f2", 2.0)]:
        out[name] = skm.fbeta_score(y, p, beta=beta, average="weighted", zero_division=0.0)
    return out


def multiclass_case(name, y, p):
    y, p = np.asarray(y, dtype=str), np.asarray(p, dtype=str)
    m = multiclass_metrics(y, p)
    labels, counts = np.unique(y, return_counts=True)  # sorted labels
    majority = labels[int(np.argmax(counts))]  # first maximum
    best = multiclass_metrics(y, np.full_like(y, majority))
    for k, v in best.items():
        m[k + "_best_constant_classifier"] = v
    cm_labels = sorted(set(y) | set(p))
    cm = skm.confusion_matrix(y, p, labels=cm_labels)
    return {
        "name": name, "problem": "multiclass", "actual": y.tolist(), "predicted": p.tolist(),
        "calls": {"accuracy": "accuracy_score(y, p)",
                  "weighted_recall": "recall_score(y, p, average='weighted', zero_division=0.0)",
                  "weighted_precision": "precision_score(y, p, average='weighted', zero_division=0.0)",
                  "weighted_f<b>": "fbeta_score(y, p, beta=b, average='weighted', zero_division=0.0)",
                  "*_best_constant_classifier": "the same call with p = the majority label of y (first in sorted order on ties)",
                  "confusion": "confusion_matrix(y, p, labels=sorted(set(y) | set(p)))",
                  "per_class": "precision_recall_fscore_support(y, p, labels=sorted(set(y) | set(p)), average=None, zero_division=0.0)"},
        "metrics": {k: num(v) for k, v in m.items()},
        "confusion": {"labels": cm_labels, "counts": cm.tolist()},
        "per_class": per_class(y, p, cm_labels),
    }


def main():
    warnings.simplefilter("ignore")
    cases = []
    reg = pd.read_csv(os.path.join(DATA, "nannyml_car_price_regression_reference.csv")).iloc[:1500]
    cases.append(regression_case("car_price_rows_0_1500", reg["y_true"], reg["y_pred"]))
    cases.append(regression_case("constant_truth_imperfect", [3, 3, 3, 3], [3, 2, 4, 3]))
    cases.append(regression_case("constant_truth_perfect", [3, 3, 3], [3, 3, 3]))
    cases.append(regression_case("one_row", [1.5], [2.0]))
    loan = pd.read_csv(os.path.join(DATA, "nannyml_car_loan_reference.csv")).iloc[:2000]
    cases.append(binary_case("car_loan_rows_0_2000", loan["repaid"], loan["y_pred"], loan["y_pred_proba"]))
    cases.append(binary_case("spec_4_doc_confusion", [0, 0, 0, 1], [0, 1, 1, 1], [0.2, 0.6, 0.7, 0.9]))
    cases.append(binary_case("one_class_only", [1, 1, 1, 1], [1, 0, 1, 1], [0.9, 0.4, 0.8, 0.8]))
    cases.append(binary_case("all_predicted_negative", [0, 1, 0, 1, 1], [0, 0, 0, 0, 0], [0.1, 0.3, 0.2, 0.3, 0.05]))
    cases.append(binary_case("tied_scores", [0, 1, 1, 0, 1, 0, 1, 0], [0, 1, 1, 1, 1, 0, 0, 0],
                             [0.5, 0.5, 0.9, 0.5, 0.7, 0.2, 0.2, 0.7]))
    mc = pd.read_csv(os.path.join(DATA, "nannyml_multiclass_credit_card_reference.csv")).iloc[:1500]
    cases.append(multiclass_case("credit_card_rows_0_1500", mc["y_true"], mc["y_pred"]))
    cases.append(multiclass_case("unpredicted_class_and_tied_majority", ["a", "b", "b", "c", "c", "a"],
                                 ["a", "a", "b", "b", "a", "d"]))
    with open(OUT, "w") as f:
        json.dump({"generator": "tools/reference/model_quality.py", "versions": VERSIONS, "cases": cases}, f)


if __name__ == "__main__":
    main()
