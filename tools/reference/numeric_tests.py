"""Reference values for tideline_engine::drift::evidently::numeric.

Writes crates/engine/tests/fixtures/reference/numeric_tests.json. Every case
holds two samples (sorted ascending: the tests are order-invariant, and sorted
input makes numpy's sums round as ours do) and, per test, the scipy call with
its result plus Evidently 0.7.23's own stattest function with its result.
`expected` is what tideline must return: the scipy call's statistic and
p-value (Evidently passes the same arguments; where it computes something
itself, e.g. the normed Wasserstein distance or the MMD, the Evidently value).

Run from the repository root:
    tools/reference/.venv/bin/python tools/reference/numeric_tests.py
"""

import json
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import evidently
from scipy import stats

from evidently.legacy.core import ColumnType
from evidently.legacy.calculations.stattests import (
    anderson_darling_test,
    cramer_von_mises,
    energy_dist_test,
    epps_singleton_test,
    ks_stat_test,
    mann_whitney_u_stat_test,
    t_test,
    wasserstein_stat_test,
)
from evidently.legacy.calculations.stattests.mmd_stattest import mmd_pval

from fixture_support import num

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates/engine/tests/fixtures/reference/numeric_tests.json"
DATA = Path("/work/shared/data")
SEED = 20240611


def scipy_result(res):
    return {"statistic": num(res.statistic), "p_value": num(res.pvalue)}


def run(fn):
    """Call fn, returning its value or the error it raised (as text)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(), None
    except Exception as e:  # noqa: BLE001 - the error is the recorded result
        return None, f"{type(e).__name__}: {e}"


def evidently_score(stattest, ref, cur):
    out, err = run(lambda: stattest.func(pd.Series(ref), pd.Series(cur), ColumnType.Numerical, 0.05))
    if err:
        return {"error": err}
    return {"drift_score": num(out[0]), "drifted": bool(out[1])}


# (test name, scipy call text, scipy callable or None, Evidently stattest or None)
def tests_for(ref, cur):
    out = {}

    def scipy_case(name, call, fn_of, stattest, distance=False):
        res, err = run(lambda: fn_of(ref, cur))
        entry = {"scipy_call": call}
        if not err:
            # The reference's own round-off: the same call on reordered input
            # (every test is order-invariant in exact arithmetic).
            perm = np.random.default_rng(1)
            spread = {"statistic": 0.0, "p_value": 0.0}
            for a, b in [(ref[::-1], cur[::-1]), (perm.permutation(ref), perm.permutation(cur))]:
                again, again_err = run(lambda: fn_of(a, b))
                if again_err:
                    continue
                for key in spread:
                    x, y = res[key], again[key]
                    if isinstance(x, float) and isinstance(y, float):
                        spread[key] = max(spread[key], abs(x - y))
            entry["order_spread"] = spread
        if err:
            entry["scipy_error"] = err
            entry["expected"] = {"statistic": "nan", "p_value": None if distance else "nan"}
        else:
            entry["scipy"] = res
            entry["expected"] = dict(res)
        if stattest is not None:
            entry["evidently_call"] = f"evidently.legacy.calculations.stattests.{stattest.name}: func(reference, current, ColumnType.Numerical, 0.05)"
            entry["evidently"] = evidently_score(stattest, ref, cur)
        out[name] = entry

    scipy_case("ks", "scipy.stats.ks_2samp(reference, current)",
               lambda r, c: scipy_result(stats.ks_2samp(r, c)), ks_stat_test)

    def wasserstein(r, c):
        norm = max(float(np.std(r)), 0.001)
        return {"statistic": num(stats.wasserstein_distance(r, c) / norm), "p_value": None}
    scipy_case("wasserstein_normed",
               "scipy.stats.wasserstein_distance(reference, current) / max(float(np.std(reference)), 0.001)",
               wasserstein, wasserstein_stat_test, distance=True)

    def anderson(r, c):
        res = stats.anderson_ksamp([np.asarray(r), np.asarray(c)])
        return {"statistic": num(res.statistic), "p_value": num(res[2])}
    scipy_case("anderson", "scipy.stats.anderson_ksamp([reference, current])  # [2] = significance_level",
               anderson, anderson_darling_test)

    scipy_case("cramer_von_mises", "scipy.stats.cramervonmises_2samp(reference, current, method='auto')",
               lambda r, c: scipy_result(stats.cramervonmises_2samp(r, c)), cramer_von_mises)

    scipy_case("mann_whitney", "scipy.stats.mannwhitneyu(x=reference, y=current, alternative='less')",
               lambda r, c: scipy_result(stats.mannwhitneyu(x=r, y=c, alternative="less")),
               mann_whitney_u_stat_test)

    scipy_case("t_test", "scipy.stats.ttest_ind(reference, current)",
               lambda r, c: scipy_result(stats.ttest_ind(r, c)), t_test)

    scipy_case("epps_singleton", "scipy.stats.epps_singleton_2samp(reference, current)",
               lambda r, c: scipy_result(stats.epps_singleton_2samp(r, c)), epps_singleton_test)

    scipy_case("energy", "scipy.stats.energy_distance(reference, current)",
               lambda r, c: {"statistic": num(stats.energy_distance(r, c)), "p_value": None},
               energy_dist_test, distance=True)

    # Evidently's own MMD: the statistic is deterministic, its p-value is not.
    def mmd():
        np.random.seed(0)
        p, stat = mmd_pval(np.asarray(ref).reshape(-1, 1), np.asarray(cur).reshape(-1, 1))
        return {"statistic": num(stat), "p_value": None, "evidently_p_value_seed0": num(p)}
    if len(ref) <= 1000 and len(cur) <= 1000:
        res, err = run(mmd)
        entry = {"evidently_call": "evidently.legacy.calculations.stattests.mmd_stattest.mmd_pval(reference.reshape(-1, 1), current.reshape(-1, 1))  # np.random.seed(0)"}
        if err:
            entry["evidently_error"] = err
            entry["expected"] = {"statistic": "nan", "p_value": None}
        else:
            entry["evidently"] = res
            entry["expected"] = {"statistic": res["statistic"], "p_value": None}
        out["empirical_mmd"] = entry
    return out


def expand(values, counts):
    return np.repeat(np.asarray(values, dtype=float), counts)


def car_loan(column, start_ref, start_cur, size):
    ref = pd.read_csv(DATA / "nannyml_car_loan_reference.csv", usecols=[column])[column]
    cur = pd.read_csv(DATA / "nannyml_car_loan_analysis.csv", usecols=[column])[column]
    ref = ref.iloc[start_ref:start_ref + size].dropna().astype(float).to_numpy()
    cur = cur.iloc[start_cur:start_cur + size].dropna().astype(float).to_numpy()
    return ref, cur, f"nannyml_car_loan_reference.csv[{column}][{start_ref}:{start_ref + size}] vs nannyml_car_loan_analysis.csv[{column}][{start_cur}:{start_cur + size}]"


def main():
    rng = np.random.default_rng(SEED)
    cases = []

    def add(case_id, ref, cur, source, compact=None):
        ref = np.sort(np.asarray(ref, dtype=float))
        cur = np.sort(np.asarray(cur, dtype=float))
        case = {"id": case_id, "source": source}
        if compact is not None:
            case["reference_compact"], case["current_compact"] = compact
        else:
            case["reference"] = [float(v) for v in ref]
            case["current"] = [float(v) for v in cur]
        case["tests"] = tests_for(ref, cur)
        cases.append(case)

    normal = lambda n, loc=0.0, scale=1.0: rng.normal(loc, scale, n).round(6)
    # Small samples: exact paths (KS exact, CvM exact, Mann-Whitney exact).
    for n1, n2, shift in [(5, 7, 0.0), (8, 8, 1.0), (3, 9, 2.0), (10, 12, 0.8), (20, 20, 0.3),
                          (15, 19, 1.5), (6, 30, 0.5), (12, 8, -1.0), (20, 19, 0.0), (24, 24, 1.2)]:
        add(f"small_{n1}x{n2}_shift{shift}", normal(n1), normal(n2, shift),
            f"rng.normal(0, 1, {n1}).round(6) vs rng.normal({shift}, 1, {n2}).round(6), default_rng({SEED}) in order")
    # Ties.
    for n1, n2, hi in [(6, 7, 4), (30, 40, 5), (200, 150, 12), (9, 9, 3)]:
        add(f"ties_{n1}x{n2}_0to{hi}", rng.integers(0, hi, n1), rng.integers(1, hi + 1, n2),
            f"rng.integers(0, {hi}, {n1}) vs rng.integers(1, {hi + 1}, {n2})")
    # Identical samples.
    same = normal(40)
    add("identical_40", same, same, "the same rng.normal(0, 1, 40).round(6) on both sides")
    same_big = normal(300, 5.0, 2.0)
    add("identical_300", same_big, same_big, "the same rng.normal(5, 2, 300).round(6) on both sides")
    # Mid sizes with shifts, tiny p-values.
    for n1, n2, shift, scale in [(100, 120, 0.5, 1.0), (500, 700, 0.7, 1.0), (1000, 1000, 1.0, 1.0),
                                 (2000, 1500, 0.4, 1.3), (50, 2000, 1.0, 1.0), (1200, 800, 0.0, 1.0),
                                 (300, 300, 3.0, 1.0), (700, 1300, 0.05, 1.0)]:
        add(f"mid_{n1}x{n2}_shift{shift}_scale{scale}", normal(n1), normal(n2, shift, scale),
            f"rng.normal(0, 1, {n1}).round(6) vs rng.normal({shift}, {scale}, {n2}).round(6)")
    # Skewed data.
    add("lognormal_400x600", rng.lognormal(0, 1, 400).round(6), rng.lognormal(0.2, 1.1, 600).round(6),
        "rng.lognormal(0, 1, 400).round(6) vs rng.lognormal(0.2, 1.1, 600).round(6)")
    # KS asymptotic path (a side above 10,000 values), stored compactly as
    # distinct values and repeat counts.
    for n_ref_distinct, rep_ref, n_cur, shift in [(2000, 6, 300, 0.1), (2000, 6, 50, 0.4),
                                                  (1500, 7, 1, 0.0), (1000, 11, 20, 1.5),
                                                  (2500, 5, 2500, 0.05), (2000, 6, 200, 0.2)]:
        vals = np.sort(normal(n_ref_distinct))
        counts = [rep_ref] * n_ref_distinct
        cur_vals = np.sort(normal(n_cur, shift))
        ref = expand(vals, counts)
        compact = ({"values": [float(v) for v in vals], "counts": counts},
                   {"values": [float(v) for v in cur_vals], "counts": [1] * n_cur})
        add(f"asymp_{len(ref)}x{n_cur}_shift{shift}", ref, cur_vals,
            f"np.repeat(sorted rng.normal(0, 1, {n_ref_distinct}).round(6), {rep_ref}) vs rng.normal({shift}, 1, {n_cur}).round(6)",
            compact)
    # Near-identical samples with a side above 10,000: small D at an
    # effective n just above 140 (Durbin's matrix in scipy's kstwo).
    vals = np.sort(normal(1500))
    add("asymp_quantiles_10500x150", expand(vals, [7] * 1500), vals[5::10],
        "np.repeat(sorted rng.normal(0, 1, 1500).round(6), 7) vs every 10th of those distinct values from the 6th",
        ({"values": [float(v) for v in vals], "counts": [7] * 1500},
         {"values": [float(v) for v in vals[5::10]], "counts": [1] * 150}))
    # Exact Mann-Whitney with a large other side.
    add("mw_exact_8x2000", rng.normal(0.8, 1, 8), rng.normal(0, 1, 2000),
        "rng.normal(0.8, 1, 8) vs rng.normal(0, 1, 2000) (full precision: no ties)")
    add("mw_exact_3x500", rng.normal(-2, 1, 3), rng.normal(0, 1, 500),
        "rng.normal(-2, 1, 3) vs rng.normal(0, 1, 500)")
    # Tiny and degenerate samples.
    add("tiny_1x1", [0.5], [1.5], "[0.5] vs [1.5]")
    add("tiny_1x3", [2.0], [1.0, 3.0, 4.0], "[2.0] vs [1.0, 3.0, 4.0]")
    add("tiny_2x2", [1.0, 2.0], [3.0, 4.0], "[1.0, 2.0] vs [3.0, 4.0]")
    add("tiny_2x3_ties", [1.0, 1.0], [1.0, 2.0, 2.0], "[1.0, 1.0] vs [1.0, 2.0, 2.0]")
    add("all_equal_5x6", [3.0] * 5, [3.0] * 6, "[3.0] * 5 vs [3.0] * 6")
    add("constant_sides_6x6", [1.0] * 6, [2.0] * 6, "[1.0] * 6 vs [2.0] * 6")
    # Real data slices.
    for column, a, b, size in [("car_value", 0, 0, 300), ("debt_to_income_ratio", 0, 49700, 300),
                               ("loan_length", 100, 49000, 300), ("driver_tenure", 0, 49500, 400),
                               ("y_pred_proba", 1000, 40000, 250), ("car_value", 5000, 45000, 20)]:
        ref, cur, source = car_loan(column, a, b, size)
        add(f"car_loan_{column}_{a}_{b}_{size}", ref, cur, source)

    doc = {
        "generator": "tools/reference/numeric_tests.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "pandas": pd.__version__, "evidently": evidently.__version__},
        "notes": "Inputs are sorted ascending before every call. Non-finite numbers are strings ('nan'). "
                 "A null p_value means the test is a distance. 'expected' is what tideline must return.",
        "cases": cases,
    }
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
