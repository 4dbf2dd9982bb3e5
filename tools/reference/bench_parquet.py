"""pyarrow's side of `cargo xtask bench parquet`: writes the Parquet twin of
the generated 1,000,000 x 20 CSV once (pyarrow's defaults: snappy,
dictionary pages, 1 Mi-row row groups), then times pq.read_table on it with
pyarrow's default threads, best of 5, and prints the figures as JSON.

    tools/reference/.venv/bin/python tools/reference/bench_parquet.py IN.csv OUT.parquet
"""

import json
import os
import sys
import time

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


def main():
    csv_path, parquet_path = sys.argv[1], sys.argv[2]
    if not os.path.exists(parquet_path):
        tmp = parquet_path + ".tmp"
        pq.write_table(pacsv.read_csv(csv_path), tmp)
        os.replace(tmp, parquet_path)
    best = None
    for _ in range(5):
        started = time.perf_counter()
        table = pq.read_table(parquet_path)
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    meta = pq.ParquetFile(parquet_path).metadata
    print(json.dumps({
        "pyarrow": pa.__version__, "threads": pa.cpu_count(), "seconds": best, "rows": table.num_rows,
        "bytes": os.path.getsize(parquet_path), "row_groups": meta.num_row_groups,
        "call": "pq.read_table(path)",
    }))


if __name__ == "__main__":
    main()
