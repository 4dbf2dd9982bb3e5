"""Reference values for Tideline's Model Monitor data-quality code (crates/engine/src/data_quality).

Run: tools/reference/.venv/bin/python tools/reference/monitor.py
Writes crates/engine/tests/fixtures/reference/monitor.json.

Library references: numpy (mean, population std, min, max, histogram with Deequ's bucket edges),
math.fsum (exactly rounded sum), scipy.stats.ks_2samp (the L-infinity distance of two uncompacted
KLL sketches is the two-sample KS statistic), scipy.stats.chisquare (the chi-square drift test after
Deequ's regrouping), decimal (Scala BigDecimal truncation of the completeness bound).

Deequ itself is Scala: its KLL sketch (QuantileNonSample), regrouping rule and bucket rule have no
Python library, so `DeequKll` and `regroup` below re-state them from spec §2.6 and §3 (item by item,
one update at a time) to pin the Rust code, which batches updates.
"""

import decimal
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy
import scipy.stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/monitor.json")
VERSIONS = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__}


def capacity(k, c, h):
    return 2 * (int(math.ceil(k * math.pow(c, h) / 2)) + 1)


class DeequKll:
    """Deequ's QuantileNonSample, restated from spec §3 (deterministic offsets)."""

    def __init__(self, k=2048, c=0.64):
        self.k, self.c = k, c
        self.levels, self.compactions, self.offsets = [], [], []
        self.expand()

    def expand(self):
        self.levels.append([])
        self.compactions.append(0)
        self.offsets.append(0)

    def total_capacity(self):
        return sum(capacity(self.k, self.c, h) for h in range(len(self.levels)))

    def size(self):
        return sum(len(level) for level in self.levels)

    def update(self, x):
        self.levels[0].append(x)
        if self.size() > self.total_capacity():
            self.condense()

    def condense(self):
        for h in range(len(self.levels)):
            if len(self.levels[h]) >= capacity(self.k, self.c, h):
                if h + 1 >= len(self.levels):
                    self.expand()
                self.levels[h + 1].extend(self.compact(h))
                return True
        return False

    def compact(self, h):
        buf = self.levels[h]
        n = len(buf)
        even = n - n % 2
        if self.compactions[h] % 2 == 1:
            self.offsets[h] = 1 - self.offsets[h]
        prefix = sorted(buf[:even])
        out = prefix[self.offsets[h]:even:2]
        self.levels[h] = [buf[n - 1]] if n % 2 == 1 else []
        self.compactions[h] += 1
        return out

    def merge(self, other):
        while len(self.levels) < len(other.levels):
            self.expand()
        for h, level in enumerate(other.levels):
            self.levels[h].extend(level)
        while self.size() >= self.total_capacity():
            if not self.condense():
                break

    def weighted(self):
        return sorted(((x, 1 << h) for h, level in enumerate(self.levels) for x in level), key=lambda p: p[0])

    def rank(self, x):
        return sum(w for item, w in self.weighted() if item <= x)

    def rank_exclusive(self, x):
        return sum(w for item, w in self.weighted() if item < x)

    def quantiles(self, q):
        items = self.weighted()
        total = sum(w for _, w in items)
        out = [items[0][0]] * (q - 1)
        i, so_far, j, thresh = 0, 0, 1, total // q
        while i < len(items) and j < q:
            while so_far < thresh:
                so_far += items[i][1]
                i += 1
            out[j - 1] = items[min(i, len(items) - 1)][0]
            j += 1
            thresh = j * total // q
        return out

    def buckets(self, lo, hi):
        out = []
        for i in range(10):
            a = lo + (hi - lo) * i / 10.0
            b = lo + (hi - lo) * (i + 1) / 10.0
            upper = self.rank(b) if i == 9 else self.rank_exclusive(b)
            out.append([a, b, float(upper - self.rank_exclusive(a))])
        return out


def deequ_edges(lo, hi):
    return [lo + (hi - lo) * i / 10.0 for i in range(11)]


def column(name, side, rows):
    frame = pd.read_csv(os.path.join(DATA, f"nannyml_car_loan_{side}.csv"), nrows=rows)
    return [float(v) for v in frame[name].dropna()]


def column_strings(name, side, rows):
    frame = pd.read_csv(os.path.join(DATA, f"nannyml_car_loan_{side}.csv"), nrows=rows, dtype=str)
    return [v for v in frame[name].dropna()]


def profile_case(case_id, values):
    a = np.asarray(values, dtype=float)
    lo, hi = float(a.min()), float(a.max())
    counts, _ = np.histogram(a, bins=np.asarray(deequ_edges(lo, hi)))
    return {
        "id": case_id,
        "source": "math.fsum(x); math.fsum(x)/len(x); numpy.std(x) (ddof=0); numpy.min/max; "
        "numpy.histogram(x, bins=[min+(max-min)*i/10 for i in 0..10])",
        "values": values,
        "expected": {
            "count": len(values),
            "sum": math.fsum(values),
            "mean": math.fsum(values) / len(values),
            "std_dev": float(np.std(a)),
            "min": lo,
            "max": hi,
            "bucket_counts": [float(c) for c in counts],
            "bucket_edges": deequ_edges(lo, hi),
        },
    }


def ks_case(case_id, a, b):
    d = float(scipy.stats.ks_2samp(a, b).statistic)
    n, m = float(len(a)), float(len(b))
    return {
        "id": case_id,
        "source": "scipy.stats.ks_2samp(a, b).statistic; robust = max(0, d - 1.8*sqrt((n+m)/(n*m)))",
        "a": a,
        "b": b,
        "expected": {"simple": d, "robust": max(0.0, d - 1.8 * math.sqrt((n + m) / (n * m)))},
    }


def kll_case(case_id, values, split=None, ascending=False):
    sketch = DeequKll()
    for x in values:
        sketch.update(x)
    case = {
        "id": case_id,
        "source": "DeequKll (spec §3 restated in tools/reference/monitor.py), one update per value",
        "values": [] if ascending else values,
        "ascending": len(values) if ascending else 0,
        "expected": {
            "levels": sketch.levels,
            "compactions": sketch.compactions,
            "quantiles_10": sketch.quantiles(10),
            "buckets": sketch.buckets(min(values), max(values)),
            "total_weight": sum(len(l) << h for h, l in enumerate(sketch.levels)),
        },
    }
    if split is not None:
        left, right = DeequKll(), DeequKll()
        for x in values[:split]:
            left.update(x)
        for x in values[split:]:
            right.update(x)
        left.merge(right)
        case["split"] = split
        case["expected"]["merged_levels"] = left.levels
    return case


def regroup(labels, ref, cur):
    """Deequ's regrouping (spec §2.6), ties to the first listed category."""
    keep = [i for i in range(len(labels)) if ref[i] > 0]
    sample_sum = float(sum(cur[i] for i in keep))
    ref_sum = float(sum(ref))
    lab = [labels[i] for i in keep]
    obs = [float(cur[i]) for i in keep]
    exp = [ref[i] / ref_sum * sample_sum for i in keep]
    while len(exp) >= 2:
        k = len(exp)
        floor, allowed = (5.0, int(0.2 * k)) if k > 2 else (10.0, 0)
        if sum(1 for e in exp if e < floor) <= allowed:
            break
        small = min(range(k), key=lambda i: (exp[i], i))
        second = min((i for i in range(k) if i != small), key=lambda i: (exp[i], i))
        exp[second] += exp[small]
        obs[second] += obs[small]
        del lab[small], exp[small], obs[small]
    return lab, obs, exp


def chi_case(case_id, labels, ref, cur):
    lab, obs, exp = regroup(labels, ref, cur)
    expected = {"labels": lab, "observed": obs, "expected": exp}
    if len(exp) >= 2:
        result = scipy.stats.chisquare(obs, exp)
        expected.update({"statistic": float(result.statistic), "p_value": float(result.pvalue)})
    return {
        "id": case_id,
        "source": "regroup (spec §2.6, tools/reference/monitor.py) then scipy.stats.chisquare(observed, expected)",
        "labels": labels,
        "reference": ref,
        "current": cur,
        "expected": expected,
    }


def counts_of(ref_values, cur_values):
    ref = pd.Series(ref_values).value_counts()
    cur = pd.Series(cur_values).value_counts()
    labels = list(ref.index) + [v for v in cur.index if v not in ref.index]
    return labels, [int(ref.get(l, 0)) for l in labels], [int(cur.get(l, 0)) for l in labels]


def linf_case(case_id, ref_values, cur_values):
    labels, ref, cur = counts_of(ref_values, cur_values)
    share_ref = pd.Series(ref_values).value_counts(normalize=True)
    share_cur = pd.Series(cur_values).value_counts(normalize=True)
    gap = share_ref.subtract(share_cur, fill_value=0.0).abs().max()
    n, m = float(len(ref_values)), float(len(cur_values))
    return {
        "id": case_id,
        "source": "pandas value_counts(normalize=True) gap max; robust = max(0, d - 1.8*sqrt((n+m)/(n*m)))",
        "labels": labels,
        "reference": ref,
        "current": cur,
        "expected": {"simple": float(gap), "robust": max(0.0, float(gap) - 1.8 * math.sqrt((n + m) / (n * m)))},
    }


def bound_case(p_num, n):
    p = p_num / n
    raw = p - 1.96 * math.sqrt(p * (1 - p) / n)
    truncated = decimal.Decimal(repr(raw)).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_DOWN)
    return {
        "id": f"completeness_{p_num}_of_{n}",
        "source": "decimal.Decimal(repr(p - 1.96*sqrt(p*(1-p)/n))).quantize(0.01, ROUND_DOWN)",
        "p": p,
        "n": n,
        "expected": float(truncated),
    }


def main():
    rng = np.random.default_rng(20240611)
    spec_example = [1.0] * 24 + [2.0] * 21 + [3.0] * 55
    profiles = [
        profile_case("spec_1x24_2x21_3x55", spec_example),
        profile_case("car_value_reference_300", column("car_value", "reference", 300)),
        profile_case("debt_to_income_reference_300", column("debt_to_income_ratio", "reference", 300)),
        profile_case("normal_2000_seed", [float(x) for x in rng.normal(5.0, 2.0, 2000)]),
    ]
    ks = [
        ks_case("car_value_reference_vs_analysis_300", column("car_value", "reference", 300), column("car_value", "analysis", 300)),
        ks_case("normal_shift_seed", [float(x) for x in rng.normal(0, 1, 800)], [float(x) for x in rng.normal(0.3, 1, 600)]),
        ks_case("ties_seed", [float(x) for x in rng.integers(0, 7, 500)], [float(x) for x in rng.integers(1, 8, 400)]),
    ]
    many = [round(float(x), 3) for x in rng.normal(100.0, 15.0, 4000)]
    ties = [float(x) for x in rng.integers(0, 50, 5000)]
    kll = [
        kll_case("normal_4000_seed", many, split=1800),
        kll_case("integers_5000_seed", ties, split=2100),
        # 0.0, 1.0, ..., 19999.0, generated by the replay rather than stored.
        kll_case("ascending_20000", [float(i) for i in range(20000)], ascending=True),
    ]
    salary_ref = column_strings("salary_range", "reference", 300)
    salary_cur = column_strings("salary_range", "analysis", 300)
    chi = [
        chi_case("salary_range_300", *counts_of(salary_ref, salary_cur)),
        chi_case("small_categories", ["a", "b", "c", "d", "e", "f"], [100, 80, 3, 2, 1, 40], [90, 95, 1, 0, 4, 30]),
        chi_case("two_categories_small", ["x", "y"], [30, 4], [25, 9]),
        chi_case("new_category_ignored", ["u", "v", "w"], [40, 60, 0], [30, 50, 20]),
    ]
    linf = [
        linf_case("salary_range_300", salary_ref, salary_cur),
        linf_case("size_of_downpayment_300", column_strings("size_of_downpayment", "reference", 300),
                  column_strings("size_of_downpayment", "analysis", 300)),
    ]
    bounds = [bound_case(93, 100), bound_case(250, 1000), bound_case(7, 30), bound_case(999, 1000)]
    capacities = {
        "source": "2*(ceil(2048*0.64**h/2)+1) with math.pow",
        "expected": [capacity(2048, 0.64, h) for h in range(20)],
    }
    robust_example = {
        "source": "spec §2.6 example: 0.1 - 1.8*sqrt((1000+1000)/(1000*1000))",
        "expected": max(0.0, 0.1 - 1.8 * math.sqrt(2000.0 / 1e6)),
    }
    out = {
        "generator": "tools/reference/monitor.py",
        "versions": VERSIONS,
        "profiles": profiles,
        "ks": ks,
        "kll": kll,
        "chi_square": chi,
        "categorical_linf": linf,
        "completeness_bounds": bounds,
        "capacities": capacities,
        "robust_example": robust_example,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
