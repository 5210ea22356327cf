"""deadlines.ics (RFC 5545): one VTODO per obligation with a due day, recurring ones with their RRULE.

A recurring duty written with its day ('trước ngày 15 tháng 12 hằng năm') but no date of its own is due on the
rule's first day on or after the document's date of issue; one without a day ('hằng năm') has no due day.

UIDs hash the document id and the obligation's place in it, so a calendar that imports the file again updates
its tasks instead of doubling them.
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from dateutil.rrule import rrulestr
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


def _issued(text: str | None) -> date | None:
    """The day a partial ISO date starts on: '2026-04' -> 2026-04-01."""
    parts = (text or "").split("-") + ["01", "01"]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def due_day(row: dict) -> date | None:
    """The obligation's deadline, else the first day its recurrence names after the document was issued."""
    try:
        return date.fromisoformat(row["deadline"] or "")
    except ValueError:
        pass
    issued = _issued(row["issued_date"])
    if not issued or "BYMONTHDAY" not in (row["recurrence"] or ""):
        return None
    start = datetime.combine(issued, datetime.min.time())
    try:
        first = rrulestr(row["recurrence"].removeprefix("RRULE:"), dtstart=start).after(start, inc=True)
    except ValueError:
        return None
    return first.date() if first else None


def todo(row: dict, stamp: datetime) -> Todo | None:
    """The task of one obligation row; None when it has no due day."""
    due = due_day(row)
    if due is None:
        return None
    item = Todo()
    item.add("uid", uid(row))
    item.add("dtstamp", stamp)
    item.add("summary", f"{row['actor'] or 'Không rõ chủ thể'}: {row['action']}")
    number = row["number_symbol"] or row["file"]
    item.add("description", f"{number}{' (' + row['item'] + ')' if row['item'] else ''}: {row['text']}")
    rule = _rule(row["recurrence"])
    if rule:
        item.add("dtstart", due)   # a recurrence set is counted from DTSTART
        item.add("rrule", rule)
    item.add("due", due)
    return item


def write(rows: Iterable[dict], target: Path, stamp: datetime) -> int:
    """Streams one VTODO at a time between the calendar's opening and closing lines, so a large store's
    calendar is never held whole."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    opening, closing = cal.to_ical().split(b"END:VCALENDAR")
    n = 0
    with replacing(target) as tmp, open(tmp, "wb") as f:
        f.write(opening)
        for row in rows:
            item = todo(row, stamp)
            if item is not None:
                f.write(item.to_ical())
                n += 1
        f.write(b"END:VCALENDAR" + closing)
    return n
