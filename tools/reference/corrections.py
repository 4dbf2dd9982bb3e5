"""Multiple-testing corrections: expected adjusted p-values from scipy.

Run: tools/reference/.venv/bin/python tools/reference/corrections.py
Writes crates/engine/tests/fixtures/reference/corrections.json.
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.stats import false_discovery_control

OUT = pathlib.Path(__file__).resolve().parents[2] / "crates/engine/tests/fixtures/reference/corrections.json"


def main():
    rng = np.random.default_rng(20261122)
    inputs = [
        [0.01, 0.04, 0.03, 0.2, 0.5],
        [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34],
        [1e-30, 0.5, 0.5, 1.0],
        list(rng.uniform(size=40) ** 3),
    ]
    cases = []
    for ps in inputs:
        ps = [float(p) for p in ps]
        cases.append(
            {
                "call": "scipy.stats.false_discovery_control(ps, method='bh')",
                "p_values": ps,
                "bh": [float(q) for q in false_discovery_control(ps, method="bh")],
                "bonferroni_call": "numpy.minimum(1, ps * len(ps))",
                "bonferroni": [float(q) for q in np.minimum(1.0, np.array(ps) * len(ps))],
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"generator": "tools/reference/corrections.py", "versions": {"scipy": scipy.__version__, "numpy": np.__version__}, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
