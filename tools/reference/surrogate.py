"""A small slice of the NannyML car-loan reference for Tideline's surrogate
GBDT tests (crates/engine/tests/surrogate.rs), and scikit-learn 1.9.1's
r2_score and accuracy_score on that slice, which the fidelity measures
(crates/engine/src/explain/surrogate/fidelity.rs) must equal.

Run: tools/reference/.venv-shap/bin/python tools/reference/surrogate.py
Writes crates/engine/tests/fixtures/surrogate/car_loan_2000.csv and
crates/engine/tests/fixtures/reference/surrogate_fidelity.json.

The slice is the first 2,000 rows with the categorical columns mapped to
numbers as a caller would: salary_range to its ordinal level (0 = lowest),
size_of_downpayment "40%" to 0.4, repaid_loan_on_prev_car to 0/1.
"""

import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import accuracy_score, r2_score

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared/data/nannyml_car_loan_reference.csv")
CSV = os.path.join(ROOT, "crates/engine/tests/fixtures/surrogate/car_loan_2000.csv")
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/surrogate_fidelity.json")

SALARY = ["0 - 20K €", "20K - 40K €", "40K - 60K €", "60K+ €"]


def main():
    df = pd.read_csv(DATA, nrows=2000)
    assert set(df["salary_range"]) <= set(SALARY), set(df["salary_range"])
    out = pd.DataFrame(
        {
            "car_value": df["car_value"],
            "salary_range": df["salary_range"].map(SALARY.index),
            "debt_to_income_ratio": df["debt_to_income_ratio"],
            "loan_length": df["loan_length"],
            "repaid_loan_on_prev_car": df["repaid_loan_on_prev_car"].astype(int),
            "size_of_downpayment": df["size_of_downpayment"].str.rstrip("%").astype(float) / 100,
            "driver_tenure": df["driver_tenure"],
            "repaid": df["repaid"].astype(int),
            "y_pred_proba": df["y_pred_proba"],
            "y_pred": df["y_pred"],
        }
    )
    os.makedirs(os.path.dirname(CSV), exist_ok=True)
    out.to_csv(CSV, index=False)
    back = pd.read_csv(CSV)
    shift = back["y_pred_proba"] + 0.05 * np.sin(np.arange(len(back)))
    cases = {
        "sklearn": sklearn.__version__,
        # r2_score(y_true=y_pred_proba, y_pred=y_pred)
        "r2_proba_vs_label": r2_score(back["y_pred_proba"], back["y_pred"]),
        # r2_score(y_true=y_pred_proba, y_pred=y_pred_proba + 0.05·sin(row))
        "r2_proba_vs_shifted": r2_score(back["y_pred_proba"], shift),
        # accuracy_score(repaid, y_pred): agreement of margins y_pred − 0.5
        "accuracy_repaid_vs_label": accuracy_score(back["repaid"], back["y_pred"]),
    }
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
