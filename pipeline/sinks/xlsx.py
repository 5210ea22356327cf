"""obligations.xlsx: the same rows as the CSV, one sheet, header frozen.

Written with openpyxl's write-only mode, which streams rows to disk: a normal workbook keeps every cell as an
object, which made memory grow with the table."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from ..table import NAMES, cells
from . import replacing

# Control characters other than tab and newlines are not allowed in XLSX cells (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET = "obligations"


def _cell(sheet, value):
    if not isinstance(value, str):
        return value                               # a number, or None: an empty cell
    cell = WriteOnlyCell(sheet, value=_ILLEGAL.sub("", value))
    cell.data_type = "s"                           # text that starts with '=' is text, not a formula
    return cell


def write(rows: Iterable[dict], target: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_SHEET)
    sheet.freeze_panes = "A2"
    sheet.append(NAMES)
    for row in rows:
        sheet.append([_cell(sheet, v) for v in cells(row)])
    with replacing(target) as tmp:
        book.save(tmp)
