"""Reference values for Tideline's CBPE (performance estimation without labels,
crates/engine/src/estimation), from NannyML 0.13.1.

Run: tools/reference/.venv-nannyml/bin/python tools/reference/cbpe.py
(a separate venv, pinned in tools/reference/requirements-nannyml.txt, so NannyML's
own pins do not disturb the shared one).
Writes crates/engine/tests/fixtures/reference/cbpe.json.

Per data pair: NannyML's calibration decision (`needs_calibration`), the fitted
isotonic calibrator evaluated on every distinct reference score and on a few
out-of-range probes, and per reference and analysis chunk every column of
`CBPE.estimate(...).to_df()` for roc_auc, f1, precision, recall and accuracy.
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
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
