"""The obligations table: one row per obligation, with the fields of its document that a reader filters on.

The column list is the single definition used by the store, every export and `congvan obligations`.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator, TypeVar

from .ids import own_number_symbol

# (name, kind): kind 'str' | 'int' | 'list' (a list of strings; joined with LIST_SEPARATOR where a cell is text)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "str"), ("file", "str"), ("number_symbol", "str"), ("doc_type", "str"), ("issuer", "str"),
    ("issued_date", "str"), ("position", "int"), ("item", "str"), ("actor", "str"), ("actors", "list"),
    ("action", "str"), ("modality", "str"), ("deadline", "str"), ("recurrence", "str"), ("report_to", "list"),
    ("references", "list"), ("text", "str"), ("page", "int"), ("span_start", "int"), ("span_end", "int"),
)
NAMES = tuple(name for name, _ in COLUMNS)
LISTS = tuple(name for name, kind in COLUMNS if kind == "list")
INTS = tuple(name for name, kind in COLUMNS if kind == "int")
LIST_SEPARATOR = "; "
Row = TypeVar("Row")     # a row as dict, or as the JSON text of one


def _within(inner: list[int], outer: list[int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def recurrence_of(obligation: dict, deadlines: list[dict]) -> str | None:
    """The RRULE of the first recurring deadline written inside the obligation's sentence or item."""
    span = obligation.get("span")
    if not span:
        return None
    return next((d["recurrence"] for d in deadlines
                 if d.get("recurrence") and d.get("span") and _within(d["span"], span)), None)


def rows(record: dict) -> list[dict]:
    """The table rows of one record, in the order the document gives its obligations."""
    head = record.get("header") or {}
    doc = {"doc_id": record["doc_id"], "file": record["source"]["path"], "number_symbol": own_number_symbol(record),
           "doc_type": head.get("doc_type"), "issuer": head.get("issuer"), "issued_date": head.get("issued_date")}
    out = []
    for n, o in enumerate(record.get("obligations", []), 1):
        span = o.get("span") or [None, None]
        out.append({**doc, "position": n, "item": o.get("item"), "actor": o.get("actor"),
                    "actors": list(o.get("actors", [])), "action": o.get("action"), "modality": o.get("modality"),
                    "deadline": o.get("deadline"), "recurrence": recurrence_of(o, record.get("deadlines", [])),
                    "report_to": list(o.get("report_to", [])), "references": list(o.get("references", [])),
                    "text": o.get("text"), "page": o.get("page"), "span_start": span[0], "span_end": span[1]})
    return out


def cells(row: dict) -> list:
    """A row as text cells (CSV, XLSX, a terminal), in column order: each list joined with LIST_SEPARATOR."""
    return [LIST_SEPARATOR.join(row[name] or ()) if name in LISTS else row[name] for name in NAMES]


def chunks(table_rows: Iterable[Row], size: int = 2000) -> Iterator[list[Row]]:
    """The rows in lists of at most size, at least one (maybe empty), so that a writer holds one chunk of a
    large table at a time."""
    rows = iter(table_rows)
    chunk = list(islice(rows, size))
    yield chunk
    while chunk := list(islice(rows, size)):
        yield chunk
