"""obligations.parquet: lists stay lists, integers stay integers, with an explicit schema so that an empty
table still has every column's type."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..table import COLUMNS
from . import replacing

if TYPE_CHECKING:
    import pandas as pd

_TYPES = {"str": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
SCHEMA = pa.schema([(name, _TYPES[kind]) for name, kind in COLUMNS])


def write(frames: Iterable[pd.DataFrame], target: Path) -> None:
    with replacing(target) as tmp, pq.ParquetWriter(tmp, SCHEMA) as writer:
        for df in frames:
            writer.write_table(pa.Table.from_pandas(df, schema=SCHEMA, preserve_index=False))
