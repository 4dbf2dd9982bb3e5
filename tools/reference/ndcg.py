"""Reference values for Tideline's NDCG attribution-drift score
(crates/engine/src/explain/ndcg.rs), from scikit-learn 1.9.1.

Run: tools/reference/.venv-shap/bin/python tools/reference/ndcg.py
Writes crates/engine/tests/fixtures/reference/ndcg.json.

Model Monitor's feature-attribution drift is NDCG with the baseline global
attributions as gains and the current ones as scores (sagemaker spec §8),
i.e. sklearn.metrics.ndcg_score(y_true=[baseline], y_score=[current]),
which averages gains over tied scores. Cases: the documentation's example,
random attributions, rounded ones (ties), identical and reversed orders.
"""

import json
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import ndcg_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/ndcg.json")


def entry(name, features, baseline, current):
    return {
        "name": name,
        "features": features,
        "baseline": [num(v) for v in baseline],
        "current": [num(v) for v in current],
        "ndcg": num(ndcg_score([baseline], [current])),
    }


def main():
    rng = np.random.default_rng(7)
    cases = [
        # The documentation's example: live order Rank, GPA, SAT.
        entry("doc_example", ["SAT", "GPA", "Rank"], [0.70, 0.50, 0.05], [0.1, 0.2, 0.3]),
    ]
    for i in range(6):
        m = int(rng.integers(3, 15))
        features = [f"f{j}" for j in range(m)]
        base = rng.exponential(1.0, m)
        cur = base * rng.lognormal(0.0, 0.3 + 0.3 * i, m)
        cases.append(entry(f"random_{i}", features, base, cur))
        # Rounded current values tie, and the gains of a tie are averaged.
        cases.append(entry(f"ties_{i}", features, base, np.round(cur, 0)))
        cases.append(entry(f"identical_{i}", features, base, base))
        cases.append(entry(f"reversed_{i}", features, base, -base))
    out = {
        "generator": "tools/reference/ndcg.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__},
        "calls": ["sklearn.metrics.ndcg_score([baseline], [current])  # k=None, ignore_ties=False"],
        "cases": cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
