"""obligations.xlsx: the same rows as the CSV, one sheet, header frozen."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..table import flat
from . import replacing

# Control characters other than tab and newlines are not allowed in XLSX cells (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET = "obligations"


def write(df: pd.DataFrame, target: Path) -> None:
    cells = flat(df).apply(lambda col: col.map(lambda v: _ILLEGAL.sub("", v) if isinstance(v, str) else v))
    with replacing(target) as tmp:
        with pd.ExcelWriter(tmp, engine="openpyxl") as book:
            cells.to_excel(book, sheet_name=_SHEET, index=False)
            sheet = book.sheets[_SHEET]
            sheet.freeze_panes = "A2"
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"     # text that starts with '=' is text, not a formula
