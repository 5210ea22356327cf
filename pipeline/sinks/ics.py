"""deadlines.ics (RFC 5545): one VTODO per obligation with a due day, recurring ones with their RRULE.

UIDs hash the document id and the obligation's place in it, so a calendar that imports the file again updates
its tasks instead of doubling them.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from icalendar import Calendar, Todo, vRecur

from . import replacing

PRODID = "-//congvan//obligations//VI"


def uid(row: dict) -> str:
    key = f"{row['doc_id']}:{row['position']}:{row['span_start']}-{row['span_end']}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@congvan"


def _rule(text: str | None) -> vRecur | None:
    if not text:
        return None
    try:
        return vRecur.from_ical(text.removeprefix("RRULE:"))
    except ValueError:
        return None   # an RRULE we cannot parse is left out rather than written broken


def todo(row: dict, stamp: datetime) -> Todo | None:
    """The task of one obligation row; None when it has no due day."""
    try:
        due = date.fromisoformat(row["deadline"] or "")
    except ValueError:
        return None
    item = Todo()
    item.add("uid", uid(row))
    item.add("dtstamp", stamp)
    item.add("summary", f"{row['actor'] or 'Không rõ chủ thể'}: {row['action']}")
    number = row["number_symbol"] or row["file"]
    item.add("description", f"{number}{', mục ' + row['item'] if row['item'] else ''}: {row['text']}")
    rule = _rule(row["recurrence"])
    if rule:
        item.add("dtstart", due)   # a recurrence set is counted from DTSTART
        item.add("rrule", rule)
    item.add("due", due)
    return item


def write(rows: Iterable[dict], target: Path, stamp: datetime) -> int:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    n = 0
    for row in rows:
        item = todo(row, stamp)
        if item is not None:
            cal.add_component(item)
            n += 1
    with replacing(target) as tmp:
        tmp.write_bytes(cal.to_ical())
    return n
