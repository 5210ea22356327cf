"""obligations.csv: UTF-8 with a byte-order mark, which is how Excel recognizes UTF-8."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, TextIO

from ..table import NAMES, cells
from . import replacing


def write_rows(rows: Iterable[dict], f: TextIO) -> None:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(NAMES)
    out.writerows(map(cells, rows))


def write(rows: Iterable[dict], target: Path) -> None:
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        write_rows(rows, f)
