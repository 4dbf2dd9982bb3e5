"""Reference values for Tideline's CBPE (performance estimation without labels,
crates/engine/src/estimation), from NannyML 0.13.1.

Run: tools/reference/.venv-nannyml/bin/python tools/reference/cbpe.py
(a separate venv, pinned in tools/reference/requirements-nannyml.txt, so NannyML's
own pins do not disturb the shared one).
Writes crates/engine/tests/fixtures/reference/cbpe.json.

Per data pair: NannyML's calibration decision (`needs_calibration`) with the
ECE before and after calibration behind it (`calibration_check`), the fitted
isotonic calibrator evaluated on every distinct reference score and on a few
out-of-range probes, and per reference and analysis chunk every column of
`CBPE.estimate(...).to_df()` for roc_auc, f1, precision, recall and accuracy.

Also `calibration_cases`: small synthetic score sets, stored with their data,
on which `needs_calibration` decides by each of its rules (one class, ROC AUC
above 0.999, ECE either way), with the same ECE trace.
"""

import json
import os
import sys

# NannyML sends usage analytics unless told not to.
os.environ["NML_DISABLE_USAGE_LOGGING"] = "1"

import nannyml  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from nannyml.calibration import (  # noqa: E402
    IsotonicCalibrator,
    _calculate_expected_calibration_error,
    _get_bin_index_edges,
    needs_calibration,
)
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedShuffleSplit  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/cbpe.json")
METRICS = ["roc_auc", "f1", "precision", "recall", "accuracy"]
CHUNK_SIZE = 5000
PAIRS = [
    ("car_loan", "nannyml_car_loan", "repaid"),
    ("wfh", "nannyml_synthetic_binary_wfh", "work_home_actual"),
]
FIELDS = [
    "value",
    "sampling_error",
    "realized",
    "upper_confidence_boundary",
    "lower_confidence_boundary",
    "upper_threshold",
    "lower_threshold",
    "alert",
]


def field(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    return num(v)


def calibration_check(y_true, y_pred_proba):
    """NannyML's `needs_calibration` with its ECEs: the body of
    nannyml/calibration.py's function, step by step (calls in CHECK_CALLS),
    checked against the function itself."""
    decision = bool(needs_calibration(y_true, y_pred_proba, IsotonicCalibrator()))
    out = {"needed": decision, "reason": None, "roc_auc": None, "ece_before": None, "ece_after": None}
    if len(np.unique(y_true)) == 1:
        out["reason"] = "single_class"
    else:
        auc = roc_auc_score(y_true, y_pred_proba, multi_class="ovr")
        out["roc_auc"] = num(auc)
        if auc > 0.999:
            out["reason"] = "near_perfect_auc"
        else:
            out["reason"] = "ece"
            calibrator = IsotonicCalibrator()
            sss = StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42)
            truth, raw, calibrated = [], [], []
            for train, test in sss.split(y_pred_proba, y_true):
                calibrator.fit(y_pred_proba[train], y_true[train])
                truth.append(y_true[test])
                raw.append(y_pred_proba[test])
                calibrated.append(calibrator.calibrate(y_pred_proba[test]))
            truth, raw, calibrated = np.concatenate(truth), np.concatenate(raw), np.concatenate(calibrated)
            edges = _get_bin_index_edges(len(raw), 10)
            before = _calculate_expected_calibration_error(truth, raw, edges)
            after = _calculate_expected_calibration_error(truth, calibrated, edges)
            assert bool(before > after) == decision, "trace disagrees with needs_calibration"
            out["ece_before"], out["ece_after"] = num(before), num(after)
    return out


CHECK_CALLS = [
    "needed = nannyml.calibration.needs_calibration(y_true, y_pred_proba, IsotonicCalibrator())",
    "len(np.unique(y_true)) == 1  -> reason 'single_class'",
    "roc_auc = sklearn.metrics.roc_auc_score(y_true, y_pred_proba, multi_class='ovr')  # > 0.999 -> 'near_perfect_auc'",
    "for train, test in StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42)"
    ".split(y_pred_proba, y_true): IsotonicCalibrator().fit(y_pred_proba[train], y_true[train]); "
    "pool y_true[test], y_pred_proba[test], calibrator.calibrate(y_pred_proba[test])",
    "edges = nannyml.calibration._get_bin_index_edges(len(pooled), 10)",
    "ece_before = nannyml.calibration._calculate_expected_calibration_error(pooled_true, pooled_raw, edges)",
    "ece_after = nannyml.calibration._calculate_expected_calibration_error(pooled_true, pooled_calibrated, edges)",
    "for a data pair: y_true, y_pred_proba = the reference's label and y_pred_proba columns "
    "(pandas Series, index reset), as CBPE.fit passes them",
]


def synthetic_cases():
    """Small score sets for each rule of needs_calibration, each from its own
    numpy default_rng(seed), scores rounded to 3 decimals so the JSON is exact.
    Only decisions that do not hinge on the split are kept. Bernoulli(score)
    labels on uniform scores (well calibrated) come out either way from one
    split seed to the next (the ECE of 10 bins of 40 pooled rows is noisy).
    Scores on five levels whose labels match each level exactly do not: a
    training part then has fewer positives of a level exactly when its
    held-out part has more, so isotonic calibration moves away from the
    held-out rate and the ECE after is larger for almost every split seed.
    A constant 0.5 on exactly half positives ties the two ECEs."""
    cases = []

    def add(name, seed, how, y_true, y_pred_proba):
        y_true = np.asarray(y_true, dtype=int)
        y_pred_proba = np.round(np.asarray(y_pred_proba, dtype=float), 3)
        check = calibration_check(y_true, y_pred_proba)
        cases.append({"name": name, "seed": seed, "how": how, "y_true": [int(t) for t in y_true],
                      "y_pred_proba": [num(s) for s in y_pred_proba], "calibration_check": check})

    def uniform_scores(seed, n, power):
        rng = np.random.default_rng(seed)
        scores = np.round(rng.uniform(0.02, 0.98, n), 3)
        return rng.uniform(size=n) < scores**power, scores

    levels = [0.1, 0.3, 0.5, 0.7, 0.9]
    scores = np.repeat(levels, 80)
    y_true = np.concatenate([np.arange(80) < round(level * 80) for level in levels])
    order = np.random.default_rng(0).permutation(400)
    add("calibrated_levels", 0, "n=400; 80 rows on each score in 0.1, 0.3, 0.5, 0.7, 0.9, of which exactly "
        "score * 80 are positive; rows permuted", y_true[order], scores[order])
    y_true = np.random.default_rng(4).permutation(np.arange(400) % 2)
    add("constant_half", 4, "n=400; y_true = a permutation of 200 zeros and 200 ones; scores all 0.5",
        y_true, np.full(400, 0.5))
    add("miscalibrated", 1, "n=400; scores = round(uniform(0.02, 0.98), 3); y_true ~ Bernoulli(score ** 3)",
        *uniform_scores(1, 400, 3))
    rng = np.random.default_rng(2)
    y_true = rng.uniform(size=200) < 0.4
    add("near_perfect_auc", 2, "n=200; y_true ~ Bernoulli(0.4); scores uniform(0.55, 0.99) for 1, (0.01, 0.45) for 0",
        y_true, np.where(y_true, rng.uniform(0.55, 0.99, 200), rng.uniform(0.01, 0.45, 200)))
    rng = np.random.default_rng(3)
    add("single_class", 3, "n=30; y_true all 0; scores uniform(0, 1)", np.zeros(30), rng.uniform(0, 1, 30))
    return cases


def run(name, stem, label):
    reference = pd.read_csv(os.path.join(DATA, f"{stem}_reference.csv"))
    analysis = pd.read_csv(os.path.join(DATA, f"{stem}_analysis.csv"))
    estimator = nannyml.CBPE(
        y_pred_proba="y_pred_proba",
        y_pred="y_pred",
        y_true=label,
        metrics=METRICS,
        chunk_size=CHUNK_SIZE,
        problem_type="classification_binary",
    )
    estimator.fit(reference)
    aligned = reference.reset_index(drop=True)
    check = calibration_check(aligned[label], aligned["y_pred_proba"])
    assert check["needed"] == bool(estimator.needs_calibration)
    result = estimator.estimate(analysis).to_df()
    chunks = []
    for _, row in result.iterrows():
        chunk = {
            "period": row[("chunk", "period")],
            "start_index": int(row[("chunk", "start_index")]),
            "end_index": int(row[("chunk", "end_index")]),
        }
        for m in METRICS:
            chunk[m] = {f: field(row[(m, f)]) for f in FIELDS}
        chunks.append(chunk)
    scores = np.unique(reference["y_pred_proba"].to_numpy())
    probes = np.array([-1.0, 0.0, 0.005, 0.5, 0.995, 1.0, 2.0])
    calibrate = estimator.calibrator.calibrate
    return {
        "name": name,
        "reference": f"{stem}_reference.csv",
        "analysis": f"{stem}_analysis.csv",
        "label": label,
        "needs_calibration": bool(estimator.needs_calibration),
        "calibration_check": check,
        "calibrator_on_reference_scores": {
            "scores": [num(s) for s in scores],
            "calibrated": [num(v) for v in calibrate(scores)],
        },
        "calibrator_on_probes": {
            "scores": [num(s) for s in probes],
            "calibrated": [num(v) for v in calibrate(probes)],
        },
        "chunks": chunks,
    }


def main():
    out = {
        "generator": "tools/reference/cbpe.py",
        "versions": {
            "python": sys.version.split()[0],
            "nannyml": nannyml.__version__,
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "sklearn": sklearn.__version__,
        },
        "calls": [
            "estimator = nannyml.CBPE(y_pred_proba='y_pred_proba', y_pred='y_pred', y_true=LABEL, "
            f"metrics={METRICS}, chunk_size={CHUNK_SIZE}, problem_type='classification_binary')",
            "estimator.fit(pd.read_csv(REFERENCE))",
            "result = estimator.estimate(pd.read_csv(ANALYSIS)).to_df()  # reference chunks first, then analysis",
            "estimator.calibrator.calibrate(np.unique(reference['y_pred_proba']))  # and the probes",
        ],
        "pairs": [run(*p) for p in PAIRS],
        "calibration_check_calls": CHECK_CALLS,
        "calibration_cases": synthetic_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
