"""obligations.csv: UTF-8 with a byte-order mark, which is how Excel recognizes UTF-8.

A text cell that Excel would take for a formula ('=', '+', '-', '@', or a tab or carriage return first) is written
with an apostrophe before it, as OWASP advises against CSV injection: a document's text must never run in the
reader's spreadsheet. Real obligations never start so (their bullets are cut off), so no real value changes."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, TextIO

from ..table import NAMES, cells
from . import replacing

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_LEADS) else value


def write_rows(rows: Iterable[dict], f: TextIO) -> None:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(NAMES)
    out.writerows([_safe(v) for v in cells(row)] for row in rows)


def write(rows: Iterable[dict], target: Path) -> None:
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        write_rows(rows, f)
