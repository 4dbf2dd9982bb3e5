"""Parquet, Arrow IPC and compressed fixtures, each with its CSV twin.

Writes crates/engine/tests/fixtures/columnar/: every file below, written by
pyarrow (pinned in requirements.txt), the CSV twin of the same data, and
manifest.json recording per fixture the exact pyarrow call, its twin, and the
rows and column names pyarrow reads back (read_table / read_feather /
open_stream, so the expected shape comes from pyarrow, not from Tideline).
Also writes cases.rs, the include list the native and browser tests share.

    tools/reference/.venv/bin/python tools/reference/columnar.py
"""

import csv
import datetime
import decimal
import gzip
import io
import json
import math
import os

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.feather as feather
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "crates", "engine", "tests", "fixtures", "columnar")
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def cell(value, arrow_type):
    """The CSV text of one value, as a careful writer puts it: floats with
    their shortest round-trip repr, booleans true/false, instants as ISO
    UTC at millisecond precision (Tideline's resolution), null as empty."""
    if value is None:
        return ""
    if pa.types.is_boolean(arrow_type):
        return "true" if value else "false"
    if pa.types.is_floating(arrow_type):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(float(value))
    if pa.types.is_timestamp(arrow_type):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        millis = (value - EPOCH) // datetime.timedelta(milliseconds=1)
        instant = EPOCH + datetime.timedelta(milliseconds=millis)
        return instant.strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"
    if pa.types.is_date(arrow_type):
        return value.isoformat()
    if pa.types.is_time(arrow_type):
        return value.isoformat()
    if pa.types.is_decimal(arrow_type):
        return str(value)
    if pa.types.is_dictionary(arrow_type):
        return cell(value, arrow_type.value_type)
    return str(value)


def flat_columns(table):
    """(name, type, values) per leaf: struct fields flattened to dotted names,
    lists, maps and binary left out (Tideline leaves them out too)."""
    out = []

    def visit(name, arrow_type, values):
        if pa.types.is_struct(arrow_type):
            for i in range(arrow_type.num_fields):
                field = arrow_type.field(i)
                child = [None if v is None else v.get(field.name) for v in values]
                visit(f"{name}.{field.name}", field.type, child)
        elif pa.types.is_list(arrow_type) or pa.types.is_map(arrow_type) or pa.types.is_binary(arrow_type):
            return
        else:
            out.append((name, arrow_type, values))

    for field, column in zip(table.schema, table.columns):
        visit(field.name, field.type, column.to_pylist())
    return out


def write_twin(table, name):
    columns = flat_columns(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c[0] for c in columns])
    for row in range(table.num_rows):
        writer.writerow([cell(values[row], t) for _, t, values in columns])
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(buffer.getvalue())
    return [c[0] for c in columns]


def types_table():
    """Every physical and common logical type, with nulls."""
    n = 12
    ts = [datetime.datetime(2024, 1, 1, 12, 0, 0) + datetime.timedelta(hours=7 * i, microseconds=1500 * i) for i in range(n)]
    ts[3] = None
    ts[5] = datetime.datetime(1969, 12, 31, 23, 59, 59, 999500)
    strings = ["north", "south", None, "12", "east", "NA", "north", "west", "south", "north", "é ü", "east"]
    return pa.table({
        "i8": pa.array([-128, 127, None, 0, 1, 2, 3, 4, 5, 6, 7, 8], pa.int8()),
        "i16": pa.array([i * 1000 - 5000 for i in range(n)], pa.int16()),
        "i32": pa.array([None if i == 7 else i * 123456 for i in range(n)], pa.int32()),
        "i64": pa.array([2**53 + 1, -(2**62), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], pa.int64()),
        "u8": pa.array([255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], pa.uint8()),
        "u16": pa.array([65535] + list(range(n - 1)), pa.uint16()),
        "u32": pa.array([2**32 - 1] + list(range(n - 1)), pa.uint32()),
        "u64": pa.array([2**64 - 1, 2**63 + 5] + list(range(n - 2)), pa.uint64()),
        "f32": pa.array([0.1, -1.5, None, float("nan"), 3.25, 1e-7, 2.0, 0.0, -0.0, 7.5, 1e30, 4.0], pa.float32()),
        "f64": pa.array([0.1, float("inf"), None, 1e-300, 2.5, -3.75, 1.0, 6.0, 7.0, 8.0, 9.5, 10.0], pa.float64()),
        "flag": pa.array([True, False, None, True, True, False, True, False, True, True, False, True], pa.bool_()),
        "text": pa.array(strings, pa.string()),
        "large_text": pa.array(strings, pa.large_string()),
        "category": pa.array(strings).dictionary_encode(),
        "day": pa.array([datetime.date(2020, 2, 29) + datetime.timedelta(days=40 * i) for i in range(n)], pa.date32()),
        "ts_ms": pa.array(ts, pa.timestamp("ms")),
        "ts_us": pa.array(ts, pa.timestamp("us")),
        "ts_ns_utc": pa.array(ts, pa.timestamp("ns", tz="UTC")),
        "price": pa.array([decimal.Decimal(f"{i * 37 % 1000}.{i:02d}") for i in range(n)], pa.decimal128(10, 2)),
        "clock": pa.array([datetime.time(i % 24, (i * 7) % 60, i % 60) for i in range(n)], pa.time64("us")),
        "point": pa.array(
            [None if i == 4 else {"x": i * 0.5, "label": f"p{i % 3}"} for i in range(n)],
            pa.struct([("x", pa.float64()), ("label", pa.string())]),
        ),
        "tags": pa.array([[f"t{i}"] * (i % 3) for i in range(n)], pa.list_(pa.string())),
        "blob": pa.array([bytes([i]) for i in range(n)], pa.binary()),
    })


def car_loan_slice(rows):
    """The first rows of NannyML's car-loan reference, typed by pyarrow's CSV reader."""
    with open(os.path.join(DATA, "nannyml_car_loan_reference.csv"), "rb") as f:
        head = b"".join(f.readline() for _ in range(rows + 1))
    return pacsv.read_csv(io.BytesIO(head))


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = []

    def parquet(name, table, twin, **kwargs):
        call = "pq.write_table(table, path" + "".join(f", {k}={v!r}" for k, v in kwargs.items()) + ")"
        pq.write_table(table, os.path.join(OUT, name), **kwargs)
        back = pq.read_table(os.path.join(OUT, name))
        meta = pq.ParquetFile(os.path.join(OUT, name)).metadata
        manifest.append({
            "file": name, "twin": twin, "call": call, "rows": back.num_rows,
            "row_groups": meta.num_row_groups, "columns": back.column_names,
        })

    types = types_table()
    types_twin = "types.csv"
    write_twin(types, types_twin)
    parquet("types.parquet", types, types_twin)
    parquet("types_v2_nodict.parquet", types, types_twin, data_page_version="2.0", use_dictionary=False)

    # Spark's INT96 timestamps (use_deprecated_int96_timestamps writes them as Spark does).
    spark = pa.table({"event_time": types["ts_us"], "amount": types["f64"], "user": types["text"]})
    write_twin(spark, "spark_int96.csv")
    parquet("spark_int96.parquet", spark, "spark_int96.csv", use_deprecated_int96_timestamps=True)

    loans = car_loan_slice(3000)
    write_twin(loans, "car_loan.csv")
    for codec in ["snappy", "gzip", "zstd", "lz4", "brotli", "none"]:
        parquet(f"car_loan_{codec}.parquet", loans, "car_loan.csv", compression=codec)
    parquet("car_loan_v2_groups.parquet", loans, "car_loan.csv", compression="zstd", data_page_version="2.0",
            row_group_size=250, data_page_size=4096)
    parquet("car_loan_plain_groups.parquet", loans, "car_loan.csv", use_dictionary=False, row_group_size=1000)

    # Arrow IPC: Feather v2 files and a stream.
    def ipc(name, table, twin, call, write):
        write(os.path.join(OUT, name))
        path = os.path.join(OUT, name)
        back = feather.read_table(path) if name.endswith(".feather") else pa.ipc.open_stream(path).read_all()
        manifest.append({"file": name, "twin": twin, "call": call, "rows": back.num_rows, "row_groups": None,
                         "columns": back.column_names})

    for codec in ["uncompressed", "lz4", "zstd"]:
        ipc(f"car_loan_{codec}.feather", loans, "car_loan.csv",
            f"feather.write_feather(table, path, compression={codec!r}, chunksize=700)",
            lambda p, c=codec: feather.write_feather(loans, p, compression=c, chunksize=700))
    ipc("types.feather", types.drop_columns(["tags", "blob"]), types_twin,
        "feather.write_feather(table.drop_columns(['tags', 'blob']), path, compression='uncompressed')",
        lambda p: feather.write_feather(types.drop_columns(["tags", "blob"]), p, compression="uncompressed"))

    def stream(path):
        with pa.OSFile(path, "wb") as sink, pa.ipc.new_stream(sink, loans.schema) as writer:
            for batch in loans.to_batches(max_chunksize=500):
                writer.write_batch(batch)

    ipc("car_loan.arrows", loans, "car_loan.csv", "pa.ipc.new_stream(sink, schema).write_batch(...) in 500-row batches",
        stream)

    # Compressed text: the twin's own bytes, gzip'd (two members) and zstd'd.
    with open(os.path.join(OUT, "car_loan.csv"), "rb") as f:
        text = f.read()
    half = text.index(b"\n", len(text) // 2) + 1

    def compressed(name, data, call):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        manifest.append({"file": name, "twin": "car_loan.csv", "call": call, "rows": loans.num_rows,
                         "row_groups": None, "columns": loans.column_names})

    compressed("car_loan.csv.gz", gzip.compress(text[:half], mtime=0) + gzip.compress(text[half:], mtime=0),
               "gzip.compress(first half, mtime=0) + gzip.compress(second half, mtime=0)")
    compressed("car_loan.csv.zst", pa.compress(text, codec="zstd", asbytes=True),
               "pa.compress(text, codec='zstd', asbytes=True)")

    # SageMaker data capture of later rows (JSON requests), plain and gzip'd
    # as an hourly capture export would be.
    with open(os.path.join(DATA, "nannyml_car_loan_reference.csv"), "rb") as f:
        later = pacsv.read_csv(io.BytesIO(b"".join([f.readline()] + [f.readline() for _ in range(6000)][3000:])))
    features = ["car_value", "salary_range", "debt_to_income_ratio", "loan_length", "repaid_loan_on_prev_car",
                "size_of_downpayment", "driver_tenure"]
    lines = []
    for i, row in enumerate(later.select(features).to_pylist()):
        lines.append(json.dumps({
            "captureData": {"endpointInput": {"observedContentType": "application/json", "mode": "INPUT",
                                              "data": json.dumps(row), "encoding": "JSON"}},
            "eventMetadata": {"eventId": f"e{i}", "inferenceTime": f"2018-02-01T{i // 600:02d}:{i % 60:02d}:00Z"},
            "eventVersion": "0"}))
    capture = ("\n".join(lines) + "\n").encode()
    with open(os.path.join(OUT, "car_loan_capture.jsonl"), "wb") as f:
        f.write(capture)
    manifest.append({"file": "car_loan_capture.jsonl.gz", "twin": "car_loan_capture.jsonl",
                     "call": "gzip.compress(capture JSON Lines of rows 3000..6000, mtime=0)", "rows": later.num_rows,
                     "row_groups": None, "columns": features})
    with open(os.path.join(OUT, "car_loan_capture.jsonl.gz"), "wb") as f:
        f.write(gzip.compress(capture, mtime=0))

    manifest.sort(key=lambda m: m["file"])
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"pyarrow": pa.__version__, "fixtures": manifest}, f, indent=1)
        f.write("\n")
    twins = sorted({m["twin"] for m in manifest})
    with open(os.path.join(OUT, "cases.rs"), "w") as f:
        f.write("// Generated by tools/reference/columnar.py: the columnar fixtures and their CSV\n")
        f.write("// twins, shared by crates/engine/tests/columnar.rs and tests/web.rs.\n\n")
        f.write("/// (file, bytes, twin file).\n")
        f.write("pub const COLUMNAR: &[(&str, &[u8], &str)] = &[\n")
        for m in manifest:
            f.write(f'    ("{m["file"]}", include_bytes!("{m["file"]}"), "{m["twin"]}"),\n')
        f.write("];\n\n/// (twin file, bytes).\npub const TWINS: &[(&str, &[u8])] = &[\n")
        for t in twins:
            f.write(f'    ("{t}", include_bytes!("{t}")),\n')
        f.write("];\n\n/// pyarrow's manifest: calls, rows and columns read back.\n")
        f.write('pub const MANIFEST: &str = include_str!("manifest.json");\n')


if __name__ == "__main__":
    main()
