"""obligations.parquet: lists stay lists, integers stay integers, with an explicit schema so that an empty
table still has every column's type.

The rows come as JSON objects (the store writes them, store.obligation_json) and reach Arrow through Arrow's own
JSON reader: building arrays from Python lists (`Table.from_pylist`) makes pyarrow import pandas, where installed,
only to ask whether the values are pandas objects, and that import costs more than the whole export of a batch."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from ..table import COLUMNS, chunks
from . import replacing

_TYPES = {"str": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
SCHEMA = pa.schema([(name, _TYPES[kind]) for name, kind in COLUMNS])
_PARSE = pa_json.ParseOptions(explicit_schema=SCHEMA, unexpected_field_behavior="ignore")
# One thread: the exports already run side by side, and a reader's thread pool holds memory of its own.
_READ = pa_json.ReadOptions(use_threads=False)


def _table(rows: list[str]) -> pa.Table:
    lines = "".join(row + "\n" for row in rows).encode()
    return pa_json.read_json(pa.BufferReader(lines), read_options=_READ, parse_options=_PARSE).select(SCHEMA.names)


def write(rows: Iterable[str], target: Path, row_group: int = 2000) -> None:
    """rows: one JSON object each. One row group per chunk of rows, so that the writer never holds the whole
    table."""
    with replacing(target) as tmp, pq.ParquetWriter(tmp, SCHEMA) as writer:
        for chunk in chunks(rows, row_group):
            if chunk:                   # an empty table is the schema alone, which the writer always writes
                writer.write_table(_table(chunk))
