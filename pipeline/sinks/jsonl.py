"""records.jsonl: one record per stored document, the schema of record.schema.json."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from . import replacing


def write(records: Iterable[str], target: Path) -> int:
    """records: each one's JSON text (json.dumps, ensure_ascii=False), as the store holds it."""
    n = 0
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8") as f:
        for record in records:
            f.write(record + "\n")
            n += 1
    return n
