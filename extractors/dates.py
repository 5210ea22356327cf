"""Vietnamese calendar dates as written in directives, always day-month-year.

dateparser is not used for these: it reads '03/4/2025' as 4 March, fills a blank day with today's, takes
'trước' ('before') for 'ago' and turns phone numbers into years. The forms are few and fixed, so they are read
by rule: 'ngày 12 tháng 3 năm 2025', 'NGÀY 14 THÁNG 10 NĂM 2015', 'ngày   tháng 4 năm 2026' and
'ngày … tháng 4 năm 2026' (day left blank: '2026-04'), '12/3/2025', '15/ 8/ 2019', '31 / 12 / 2025', '12-3-2025',
'12.3.2025'. Each match keeps its span so callers can look at the words around it.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# 'ngày07' (OCR) and a date split over lines are tolerated: \s* and \s+ cross line breaks. A blank day may be
# dots or an ellipsis (drafts, e-signed texts).
_WORDY = re.compile(
    r"ng[àa]y[\s.…_]*(?P<d>\d{1,2})?[\s.…_]*(?:th[áa]ng|/)\s*(?P<m>\d{1,2})\s*(?:n[ăa]m|/)\s*(?P<y>(?:19|20)\d{2})"
    r"(?!\d)",
    re.IGNORECASE)
# No digit, '/' or '.' before the day, so '0934.575.477' (a phone number) and '2025-05-10' (ISO) never match;
# a '-' may precede it, as in the range '04/6/2018-15/6/2018'. That is looked at from the day's first digit, so a
# scan goes from digit to digit (a pattern opening with a look-behind is tried at every character).
_NUMERIC = re.compile(
    r"(?P<d>\d(?<![\d/.].)\d?)[ \t]{0,2}(?P<sep>[/.-])[ \t]{0,2}(?P<m>\d{1,2})[ \t]{0,2}(?P=sep)[ \t]{0,2}"
    r"(?P<y>(?:19|20)\d{2})(?![\d/])")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str          # 'YYYY-MM-DD', or 'YYYY-MM' when the day was left blank

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.iso) if len(self.iso) == 10 else None


def _iso(y: int, m: int, d: int | None) -> str | None:
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date in text[start:end], in order; wordy forms win where both match."""
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for rx in (_WORDY, _NUMERIC):
        for m in rx.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = m.group("d")
            iso = _iso(int(m.group("y")), int(m.group("m")), int(d) if d else None)
            if iso:
                found.append(DateMatch(m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def date_at(text: str, pos: int) -> DateMatch | None:
    """The date that starts at pos, allowing leading spaces."""
    for m in find_dates(text, pos, min(len(text), pos + 60)):
        if not text[pos:m.start].strip():
            return m
        break
    return None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def day_month(y: int, m: int, d: int) -> date | None:
    """The day, or None where it does not exist ('30/02')."""
    iso = _iso(y, m, d)
    return date.fromisoformat(iso) if iso and len(iso) == 10 else None


def add_months(day: date, months: int) -> date:
    """Same day N months later, clipped to the month's end (31/1 + 1 month = 28 or 29/2)."""
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def add_working_days(day: date, n: int) -> date:
    """N working days after day, skipping Saturdays and Sundays (public holidays are not known here)."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day
