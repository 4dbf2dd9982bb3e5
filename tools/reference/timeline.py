"""Reference values for Tideline's reference chunking and thresholds
(crates/engine/src/timeline/chunking.rs and crates/engine/src/thresholds), from
NannyML 0.13.1.

Run: tools/reference/.venv-nannyml/bin/python tools/reference/timeline.py
(the NannyML venv, pinned in tools/reference/requirements-nannyml.txt).
Writes crates/engine/tests/fixtures/reference/timeline.json.

- `chunks`: NannyML's chunkers on a small seeded table with distinct
  timestamps (so its unstable sort is unambiguous) and, by period, on the wfh
  reference: per chunk the key, the original row ids (`row` column), and for
  period chunks the start and the exclusive end (`end_datetime`, the period's
  last instant, rounded up to the second).
- `thresholds`: `StandardDeviationThreshold(...).thresholds(values)` and
  `calculate_threshold_values(...)` on seeded values, some with NaN.
"""

import json
import os
import sys

import nannyml
import numpy as np
import pandas as pd
from nannyml.chunk import CountBasedChunker, DefaultChunker, PeriodBasedChunker, SizeBasedChunker
from nannyml.thresholds import ConstantThreshold, StandardDeviationThreshold, calculate_threshold_values

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_support import num  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/work/shared/data"
OUT = os.path.join(ROOT, "crates/engine/tests/fixtures/reference/timeline.json")


def iso(ts):
    return pd.Timestamp(ts).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def small_table():
    rng = np.random.default_rng(20261122)
    start = pd.Timestamp("2024-01-29T00:00:00")
    offsets = rng.choice(70 * 24 * 3600, size=37, replace=False)
    stamps = [start + pd.Timedelta(int(s), "s") for s in offsets]
    return pd.DataFrame({"row": range(37), "timestamp": stamps})


def chunk_case(name, call, chunker, data, with_rows=True, period=False):
    chunks = []
    for c in chunker.split(data):
        entry = {"key": c.key, "n_rows": int(len(c))}
        rows = sorted(int(r) for r in c.data["row"])
        if with_rows:
            entry["rows"] = rows
        else:
            entry["row_sum"] = int(sum(rows))
        if period:
            entry["start"] = iso(c.start_datetime)
            entry["end"] = iso(pd.Timestamp(c.end_datetime).ceil("s"))
        chunks.append(entry)
    return {"name": name, "call": call, "chunks": chunks}


def chunk_cases(calls):
    data = small_table()
    cases = []
    for spec, chunker, call in [
        ("5rows", SizeBasedChunker(5, "keep", "timestamp"), "SizeBasedChunker(5, 'keep', 'timestamp')"),
        ("5rows:drop", SizeBasedChunker(5, "drop", "timestamp"), "SizeBasedChunker(5, 'drop', 'timestamp')"),
        ("5rows:append", SizeBasedChunker(5, "append", "timestamp"), "SizeBasedChunker(5, 'append', 'timestamp')"),
        ("number:4", CountBasedChunker(4, timestamp_column_name="timestamp"), "CountBasedChunker(4, timestamp_column_name='timestamp')"),
        ("default", DefaultChunker("timestamp"), "DefaultChunker('timestamp')"),
    ]:
        cases.append(chunk_case(spec, call + ".split(small)", chunker, data))
    for spec, offset in [("1d", "D"), ("1w", "W"), ("1mo", "M")]:
        call = f"PeriodBasedChunker('timestamp', offset='{offset}').split(small)"
        cases.append(chunk_case(spec, call, PeriodBasedChunker("timestamp", offset=offset), data, period=True))
    calls.append("small = 37 rows, seeded distinct timestamps over 70 days from 2024-01-29 (see small_table)")
    wfh = pd.read_csv(os.path.join(DATA, "nannyml_synthetic_binary_wfh_reference.csv"))
    wfh = wfh.rename(columns={"id": "row"})
    wfh["timestamp"] = pd.to_datetime(wfh["timestamp"])
    for spec, offset in [("1w", "W"), ("1mo", "M")]:
        call = f"PeriodBasedChunker('timestamp', offset='{offset}').split(wfh_reference)"
        case = chunk_case(spec, call, PeriodBasedChunker("timestamp", offset=offset), wfh, with_rows=False, period=True)
        case["file"] = "nannyml_synthetic_binary_wfh_reference.csv"
        cases.append(case)
    calls.extend(c["call"] for c in cases)
    return {"small_timestamps": [iso(t) for t in data["timestamp"]], "cases": cases}


def threshold_cases(calls):
    rng = np.random.default_rng(7)
    arrays = {
        "normal10": rng.normal(0.8, 0.03, 10),
        "with_nan": np.concatenate([rng.uniform(0, 0.2, 8), [np.nan, np.nan]]),
        "single": np.array([0.5]),
        "wide": rng.normal(0.5, 0.4, 12),
    }
    rules = [
        ("sd", StandardDeviationThreshold(), "StandardDeviationThreshold()"),
        ("sd_upper", StandardDeviationThreshold(std_lower_multiplier=None), "StandardDeviationThreshold(std_lower_multiplier=None)"),
        ("sd_2_1.5", StandardDeviationThreshold(2, 1.5), "StandardDeviationThreshold(2, 1.5)"),
        ("constant", ConstantThreshold(0.45, 0.65), "ConstantThreshold(0.45, 0.65)"),
    ]
    cases = []
    for values_name, values in arrays.items():
        for rule_name, rule, rule_call in rules:
            for limits in [(None, None, False), (0.0, 1.0, False), (0.0, 1.0, True)]:
                lower, upper = calculate_threshold_values(
                    rule, values, lower_threshold_value_limit=limits[0], upper_threshold_value_limit=limits[1],
                    override_using_none=limits[2],
                )
                call = (
                    f"calculate_threshold_values({rule_call}, {values_name}, lower_threshold_value_limit={limits[0]}, "
                    f"upper_threshold_value_limit={limits[1]}, override_using_none={limits[2]})"
                )
                calls.append(call)
                cases.append({
                    "rule": rule_name, "values_name": values_name, "values": [num(v) for v in values],
                    "lower_limit": limits[0], "upper_limit": limits[1], "override_using_none": limits[2],
                    "call": call, "lower": num(lower), "upper": num(upper),
                })
    return cases


def main():
    calls = []
    out = {
        "generator": "tools/reference/timeline.py",
        "versions": {"nannyml": nannyml.__version__, "pandas": pd.__version__, "numpy": np.__version__},
        "calls": calls,
        "chunks": chunk_cases(calls),
        "thresholds": threshold_cases(calls),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
