"""records.jsonl: one record per stored document, the schema of record.schema.json."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from . import replacing


def write(records: Iterable[dict], target: Path) -> int:
    n = 0
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
