#!/usr/bin/env python3
"""Reads Parquet files written by colloquy with pyarrow, DuckDB and Hugging Face datasets and prints the
schema each sees, so the chat-schema claim in docs/formats.md can be rerun:

    pip install pyarrow duckdb datasets
    ./colloquy convert examples/seed.txt --to parquet -o /tmp/seed.parquet
    python3 bench/parquet-check.py /tmp/seed.parquet

Exits 1 when a reader fails or does not see messages as a list of {role, content} structs.
Not part of the Java build (which never depends on Python).
"""
import sys

import duckdb
import pyarrow.parquet as pq
from datasets import load_dataset

ok = True
for path in sys.argv[1:]:
    t = pq.read_table(path)
    msg = t.schema.field("messages").type
    print(f"{path}: {t.num_rows} rows")
    print(f"  pyarrow  messages: {msg}")
    fields = [f.name for f in msg.value_type]
    ok &= fields[:2] == ["role", "content"]
    con = duckdb.connect()
    n, first_role = con.execute(
        f"select count(*), any_value(messages[1].role) from read_parquet('{path}')").fetchone()
    typ = con.execute(f"select typeof(messages) from read_parquet('{path}') limit 1").fetchone()[0]
    print(f"  duckdb   {n} rows, messages: {typ}, a first role: {first_role}")
    ok &= n == t.num_rows
    ds = load_dataset("parquet", data_files=path, split="train")
    print(f"  datasets messages: {ds.features['messages']}")
    feat = ds.features["messages"]
    inner = getattr(feat, "feature", None) or (feat[0] if isinstance(feat, list) else None)
    ok &= inner is not None and "role" in inner and "content" in inner
    print(f"  datasets meta: {ds.features.get('meta')}")
sys.exit(0 if ok else 1)
