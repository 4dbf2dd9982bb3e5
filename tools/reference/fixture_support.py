"""Helpers shared by the reference fixture scripts (numeric_tests.py,
categorical_tests.py), which import this module from their own folder."""

import math


def num(x):
    """A float for JSON: non-finite values as strings ("nan", "inf", "-inf"),
    which the Rust replays read back (replay_support.rs); None stays None."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x
