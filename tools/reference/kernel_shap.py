"""Reference values for Tideline's Kernel SHAP and linear SHAP
(crates/engine/src/explain/kernel_shap.rs, linear_shap.rs), from shap 0.51.0.

Run: tools/reference/.venv-shap/bin/python tools/reference/kernel_shap.py
(the venv pinned in tools/reference/requirements-shap.txt).
Writes crates/engine/tests/fixtures/reference/kernel_shap.json.

Each case is a linear model fitted with scikit-learn on a slice of
/work/shared/data, written in Tideline's linear JSON (so Rust rebuilds the
same model), a baseline (rows and weights), rows to explain, and:
- `kernel_exact`: shap.KernelExplainer(f, baseline, link=...).shap_values(X,
  nsamples=2**M, l1_reg=False): nsamples is capped at the 2**M - 2
  coalitions, so every coalition is enumerated and the values are exact;
- `brute_force`: the Shapley values of the same game computed here from the
  definition (every subset, factorial weights), independently of shap;
- `linear`: shap.LinearExplainer((coef, intercept),
  shap.maskers.Independent(baseline)) values (margin space);
- `kernel_sampled` (some cases): shap's values with a small nsamples after
  np.random.seed(SEED). NumPy's stream is not reproduced in Rust, so the
  replay only compares errors against the exact values.
f(X) is the model's prediction: probabilities for classifiers, the value
for regression; link "logit" is Clarify's use_logit.
"""

import itertools
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import shap
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/kernel_shap.json")
SEED = 0
N_EXPLAIN = 12

BREAST = [
    "mean radius",
    "mean texture",
    "mean smoothness",
    "mean compactness",
    "mean concavity",
    "mean symmetry",
    "worst smoothness",
    "worst symmetry",
]
DIABETES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
WINE = ["alcohol", "malic_acid", "flavanoids", "color_intensity", "hue", "proline"]


def raw_space(scaler, coef, intercept):
    """Coefficients on standardised inputs rewritten for raw inputs."""
    coef = np.atleast_2d(coef) / scaler.scale_
    intercept = np.atleast_1d(intercept) - coef @ scaler.mean_
    return coef, intercept


def model_json(features, coef, intercept, link):
    maps = [{f: float(w) for f, w in zip(features, row)} for row in coef]
    if len(maps) == 1:
        return {"type": "linear", "link": link, "intercept": float(intercept[0]), "coefficients": maps[0]}
    return {"type": "linear", "link": link, "intercept": [float(b) for b in intercept], "coefficients": maps}


def predictor(coef, intercept, link):
    """f(X) as Clarify sees the model: probabilities or values."""

    def f(X):
        margin = np.asarray(X, dtype=float) @ coef.T + intercept
        if link == "logistic":
            return 1.0 / (1.0 + np.exp(-margin[:, 0]))
        if link == "softmax":
            e = np.exp(margin - margin.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        return margin[:, 0]

    return f


def as_rows(values, n_rows, n_outputs, m):
    """shap's (n, M) or (n, M, K) values as [row][output][feature]."""
    v = np.asarray(values, dtype=float).reshape(n_rows, m, n_outputs) if n_outputs > 1 else np.asarray(values)
    if n_outputs == 1:
        return [[[num(x) for x in row]] for row in v.reshape(n_rows, m)]
    return [[[num(x) for x in v[r, :, k]] for k in range(n_outputs)] for r in range(n_rows)]


def brute_force(f, background, weights, x, link):
    """Exact Shapley values of v(S) = g(sum_b w_b f(x_S, b_rest)) from the definition."""
    m = x.shape[0]

    def g(p):
        return np.log(p / (1 - p)) if link == "logit" else p

    def value(subset):
        hybrid = background.copy()
        idx = list(subset)
        hybrid[:, idx] = x[idx]
        return g(np.tensordot(weights, np.atleast_2d(f(hybrid).T).T, axes=1))

    cache = {s: value(s) for k in range(m + 1) for s in itertools.combinations(range(m), k)}
    phi = np.zeros((m,) + np.shape(cache[()]))
    for i in range(m):
        others = [j for j in range(m) if j != i]
        for k in range(m):
            w = math.factorial(k) * math.factorial(m - k - 1) / math.factorial(m)
            for s in itertools.combinations(others, k):
                phi[i] += w * (cache[tuple(sorted(s + (i,)))] - cache[s])
    return phi, cache[()]


def case(name, features, coef, intercept, link, background, weights, X, links, sampled_nsamples=None):
    m = len(features)
    k = coef.shape[0] if link == "softmax" else 1
    f = predictor(coef, intercept, link)
    out = {
        "name": name,
        "model": model_json(features, coef, intercept, link),
        "baseline": [[num(v) for v in row] for row in background],
        "baseline_weights": [num(w) for w in weights],
        "rows": [[num(v) for v in row] for row in X],
        "kernel": [],
    }
    # brute_force values are [row][output][feature], like the others.
    for g in links:
        # shap normalises DenseData weights; pass them through its own kmeans-style object.
        data = shap.utils._legacy.DenseData(background, features, None, np.asarray(weights, dtype=float))
        explainer = shap.KernelExplainer(f, data, link=g)
        exact = explainer.shap_values(X, nsamples=2**m, l1_reg=False, silent=True)
        brute = [brute_force(f, background, np.asarray(weights) / np.sum(weights), x, g) for x in X]
        entry = {
            "link": g,
            "call": f"shap.KernelExplainer(f, DenseData(baseline, weights), link={g!r})"
            f".shap_values(rows, nsamples=2**{m}, l1_reg=False)",
            "expected_value": [num(v) for v in np.atleast_1d(explainer.expected_value)],
            "kernel_exact": as_rows(exact, len(X), k, m),
            "brute_force_expected_value": [num(v) for v in np.atleast_1d(brute[0][1])],
        }
        entry["brute_force"] = [
            [[num(v) for v in (p[:, o] if p.ndim == 2 else p)] for o in range(k)] for p, _ in brute
        ]
        if sampled_nsamples is not None:
            np.random.seed(SEED)
            sampled = explainer.shap_values(X, nsamples=sampled_nsamples, l1_reg=False, silent=True)
            entry["sampled"] = {
                "nsamples": sampled_nsamples,
                "call": f"np.random.seed({SEED}); explainer.shap_values(rows, nsamples={sampled_nsamples}, l1_reg=False)",
                "values": as_rows(sampled, len(X), k, m),
            }
        out["kernel"].append(entry)
    masker = shap.maskers.Independent(background, max_samples=len(background))
    lin = shap.LinearExplainer((coef if k > 1 else coef[0], intercept if k > 1 else intercept[0]), masker)
    out["linear"] = {
        "call": "shap.LinearExplainer((coef, intercept), shap.maskers.Independent(baseline)).shap_values(rows)",
        "expected_value": [num(v) for v in np.atleast_1d(lin.expected_value)],
        "values": as_rows(lin.shap_values(X), len(X), k, m),
    }
    return out


def fit_logistic(file, features):
    """LogisticRegression(max_iter=1000) on standardised features, rewritten for raw inputs."""
    df = pd.read_csv(os.path.join(DATA, file))
    X, y = df[features].to_numpy(float), df["target"].to_numpy()
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(max_iter=1000).fit(scaler.transform(X), y)
    coef, intercept = raw_space(scaler, lr.coef_, lr.intercept_)
    return X, coef, intercept


def breast_cancer():
    X, coef, intercept = fit_logistic("sklearn_breast_cancer.csv", BREAST)
    # The baseline as shap.kmeans summarises the data (centres rounded to data values, weighted by size).
    km = shap.kmeans(X, 6)
    return case(
        "breast_cancer_logistic",
        BREAST,
        coef,
        intercept,
        "logistic",
        km.data,
        km.weights,
        X[200 : 200 + N_EXPLAIN],
        ["identity", "logit"],
        sampled_nsamples=60,
    )


def diabetes():
    df = pd.read_csv(os.path.join(DATA, "sklearn_diabetes.csv"))
    X, y = df[DIABETES].to_numpy(float), df["target"].to_numpy(float)
    lr = LinearRegression().fit(X, y)
    return case(
        "diabetes_regression",
        DIABETES,
        np.atleast_2d(lr.coef_),
        np.atleast_1d(lr.intercept_),
        "identity",
        X[:10],
        np.ones(10),
        X[100 : 100 + N_EXPLAIN],
        ["identity"],
    )


def wine():
    X, coef, intercept = fit_logistic("sklearn_wine.csv", WINE)
    return case(
        "wine_softmax",
        WINE,
        coef,
        intercept,
        "softmax",
        X[::22][:8],
        np.ones(8),
        X[5 : 5 + N_EXPLAIN],
        ["identity", "logit"],
    )


def main():
    out = {
        "generator": "tools/reference/kernel_shap.py",
        "versions": {
            "python": sys.version.split()[0],
            "shap": shap.__version__,
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "sklearn": sklearn.__version__,
        },
        "calls": [
            "f = model's prediction (probabilities for logistic/softmax), from the coefficients in 'model'",
            "shap.KernelExplainer(f, DenseData(baseline, None, None, baseline_weights), link=link)"
            ".shap_values(rows, nsamples=2**M, l1_reg=False)",
            "brute force: phi_i = sum_S |S|!(M-|S|-1)!/M! (v(S+i) - v(S)), v(S) = g(sum_b w_b f(rows_S, b_rest))",
            "shap.LinearExplainer((coef, intercept), shap.maskers.Independent(baseline, max_samples=len(baseline)))",
            "breast cancer baseline: shap.kmeans(X, 6) (rounded centres, cluster sizes as weights)",
        ],
        "cases": [breast_cancer(), diabetes(), wine()],
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
