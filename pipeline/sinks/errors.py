"""errors.csv: the file and the cause for each file that failed; the header row is always there."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from . import replacing

HEADER = ("file", "error")


def write(failures: Iterable[tuple[str, str]], target: Path) -> None:
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        out.writerows(failures)
