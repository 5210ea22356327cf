"""obligations.xlsx: the same rows as the CSV, one sheet, header frozen.

Written with XlsxWriter in its constant-memory mode: each row goes to disk as it is written, strings inline, so
memory does not grow with the table. (openpyxl, which the tests read the file back with, costs four times as
long to import as XlsxWriter takes to write a batch's table.)"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import xlsxwriter

from ..table import NAMES, cells
from . import replacing

# Control characters other than tab and newlines are not allowed in XLSX cells.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET = "obligations"
_MAX_CELL = 32767          # characters Excel holds in a cell
# Text is always text: never read as a formula ('=…'), a number or a link.
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False}


def _cell(value):
    if not isinstance(value, str):
        return value                               # a number, or None: an empty cell
    if not value.isprintable():                    # a quick test that no control character is there
        value = _ILLEGAL.sub("", value)
    return value if len(value) <= _MAX_CELL else value[:_MAX_CELL - 1] + "…"


def write(rows: Iterable[dict], target: Path) -> None:
    with replacing(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), _OPTIONS)
        sheet = book.add_worksheet(_SHEET)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, NAMES)
        for n, row in enumerate(rows, 1):
            sheet.write_row(n, 0, [_cell(v) for v in cells(row)])
        book.close()
