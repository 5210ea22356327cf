"""The written forms of a deadline (FORMAT.md §4), each read into a Candidate: a span of the text, a kind and
the day a tracker should use. Which candidates are kept (past events, citations, examples) is decided in
deadlines.py.

Everything here matches the diacritic-free key of the text (lexicon.fold, one character for one, so offsets
agree with Document.text): 'hằng năm' and 'hàng năm' both read 'hang nam', 'quý IV' reads 'quy iv'.
Dates themselves come from dates.py, never from dateparser (see there why).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .dates import DateMatch, add_months, add_working_days, day_month, month_end
from .lexicon import fold, read_tsv, unpreceded

YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_SEP = r"\s*(?:/|-|nam)\s*"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str
    value: str | None = None
    due: date | None = None
    recurrence: str | None = None
    effect: bool = False          # an entry into force or start of application: may lie before the issue date
    begins: date | None = None    # first day of a period or range


# ---- tables -------------------------------------------------------------------------------------------------

def _alternation(phrases) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(set(phrases), key=len, reverse=True))


def _lead_start(folded: str, pos: int, lead: re.Pattern, window: int = 40) -> re.Match | None:
    """The lead phrase ('chậm nhất là', 'định kỳ', 'có hiệu lực kể') that ends right before pos. Patterns are
    written core first and their lead looked for behind, because a pattern that opens with an optional group
    is tried at every character of the text."""
    m = lead.search(folded, max(0, pos - window), pos)
    return m if m and m.end() > m.start() else None


@lru_cache(maxsize=None)
def _operators(applies_to: str) -> dict[str, str]:
    """folded phrase -> kind, for operators before a date ('date') or a period ('period')."""
    return {fold(r[2]): r[0] for r in read_tsv("deadline_operators.tsv") if r[1] in (applies_to, "both")}


@lru_cache(maxsize=None)
def number_words() -> dict[str, int]:
    return {fold(r[0]): int(r[1]) for r in read_tsv("number_words.tsv")}


@lru_cache(maxsize=None)
def _excluded_tail() -> re.Pattern:
    # Matched with diacritics: folded, 'tính' (counted) and 'tỉnh' (province) are one word.
    words = [r[0].lower() for r in read_tsv("deadline_excluded.tsv")]
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})\s*$")


def excluded_before(text: str, pos: int) -> bool:
    """A reference point or a vision ('tính đến ngày', 'tầm nhìn đến năm') ends right before pos; a wrapped
    line may split it."""
    return bool(_excluded_tail().search(" ".join(text[max(0, pos - 40):pos].lower().split()) + " "))


@lru_cache(maxsize=None)
def _units() -> dict[str, tuple[str, int]]:
    return {fold(r[0]): (r[1], int(r[2])) for r in read_tsv("recurrence_units.tsv")}


# Words that may stand between an operator and its day: 'chậm nhất là vào ngày', 'kể từ 0h00 ngày',
# 'Lúc 14 giờ 00 phút, buổi sáng, ngày', 'vào lúc 8h00 thứ Năm, ngày', 'trước ngày mùng'.
_FILLER = (r"(?:[\s,:]+|\b(?:la|vao|den|het|ngay|mung|luc|buoi|sang|chieu|toi|trua|chu\s+nhat|thu\s+(?:hai|ba|tu|nam|"
           r"sau|bay))\b|\d{1,2}\s*(?:gio|h|:)\s*\d{0,2}\s*(?:phut)?)*")
_PERIOD_FILLER = r"(?:[\s,:]+|\b(?:la|vao|trong|het|cuoi|suot)\b)*"


@lru_cache(maxsize=None)
def _operator_tail(applies_to: str) -> re.Pattern:
    filler = _FILLER if applies_to == "date" else _PERIOD_FILLER
    return re.compile(rf"(?<![a-z0-9])(?P<op>{_alternation(_operators(applies_to))}){filler}$")


def operator_before(folded: str, pos: int, line_start: int, applies_to: str) -> tuple[int, str, str] | None:
    """(start, folded phrase, kind) of the operator that ends right before pos on its line, if any."""
    lo = max(line_start, pos - 80)
    m = _operator_tail(applies_to).search(folded, lo, pos)
    if not m:
        named = _NAMED_DEADLINE.search(folded, lo, pos) if applies_to == "date" else None
        return (named.start(), "han", "by") if named else None
    op = re.sub(r"\s+", " ", m.group("op"))
    return m.start(), op, _operators(applies_to)[op]


# A deadline named by a noun, what it is for between the noun and its day: 'Hạn chót nhận hồ sơ là ngày 30/9',
# 'Thời hạn nộp báo cáo: ngày 15/10' ('thời hạn sử dụng' of a card is a validity, so 'thời hạn' needs its act).
_NAMED_DEADLINE = re.compile(
    r"(?<![a-z0-9])(?:han\s+(?:chot|cuoi)(?:\s+[a-z]+){0,5}|thoi\s+han\s+(?:nop|gui|nhan|hoan\s+thanh|bao\s+cao|dang\s+ky)"
    rf"(?:\s+[a-z]+){{0,4}})\s*(?:\bla\b|:){_FILLER}$")


# ---- counts ---------------------------------------------------------------------------------------------------

def count_value(words: str) -> int | None:
    """'15' -> 15; 'muoi lam' -> 15; 'ba muoi' -> 30; 'hai muoi mot' -> 21 (folded words)."""
    words = words.strip()
    if words.isdigit():
        return int(words)
    table = number_words()
    total, current = 0, 0
    for w in words.split():
        if w not in table:
            return None
        v = table[w]
        if v == 10 and current:         # 'ba mươi': a multiplier
            total, current = total + current * 10, 0
        elif v == 10:
            total += 10
        else:
            current = v
    return total + current or None


def _word_count_pattern() -> str:
    return r"(?:(?:" + _alternation(number_words()) + r")\s+){1,3}"


# ---- periods: months, quarters, halves, years, stages ----------------------------------------------------------

def _bounds(kind: str, op: str, first: date, last: date, to_end: bool = False) -> date:
    """The day a period gives after its operator: 'trước tháng 6' ends before June begins, 'trước cuối tháng 6'
    (to_end) with June."""
    if kind == "from":
        return first
    if op == "truoc" and not to_end:
        return first - timedelta(days=1)
    return last


_MONTH = re.compile(rf"thang\s+(?P<m>\d{{1,2}}){_SEP}{YEAR}")
_TO_END = re.compile(r"\bcuoi\b")
_QUARTER = re.compile(rf"quy\s+(?P<q>iv|i{{1,3}}|[1-4])(?![a-z]){_SEP}{YEAR}")
_HALF = re.compile(rf"(?<![a-z0-9])(?P<n>\d{{1,2}}|sau|chin|ba)\s+thang\s+(?P<part>dau|cuoi)\s+(?:cua\s+)?nam\s+{YEAR}")
_YEAR = re.compile(rf"{unpreceded('nam')}\s+(?:ngan\s+sach\s+|tai\s+chinh\s+)?{YEAR}(?!\s*[-–]\s*\d)")
# 'ngày 2{ tháng 12 năm 2017': a date whose day OCR could not read, not a month.
_BROKEN_DAY = re.compile(r"ngay\s*\S{0,3}\s*$")
# A stage of years ends with its last year: 'trong giai đoạn 2024 - 2025', 'từ năm 2013 đến 2016'.
_STAGE = re.compile(rf"(?:trong\s+giai\s+doan\s+(?:19|20)\d{{2}}\s*[-–]\s*"
                    rf"|{unpreceded('tu')}\s+nam\s+(?:19|20)\d{{2}}\s+den\s+(?:het\s+)?(?:nam\s+)?){YEAR}")
# Forward-looking parts of reports and plans: 'Nhiệm vụ trọng tâm tháng 02 năm 2025', 'Chương trình công tác
# năm 2018'.
_HEADING = re.compile(r"(?:nhiem\s+vu|chuong\s+trinh|phuong\s+huong|ke\s+hoach)(?:,?\s+(?:cong\s+tac|trong\s+tam|"
                      r"nhiem\s+vu))+\s*$")


def _period_of(m: re.Match, rx: re.Pattern) -> tuple[str, date, date] | None:
    """(value, first day, last day) of a period match."""
    y = int(m.group("y"))
    if rx is _MONTH:
        mo = int(m.group("m"))
        return (f"{y:04d}-{mo:02d}", date(y, mo, 1), month_end(y, mo)) if 1 <= mo <= 12 else None
    if rx is _QUARTER:
        q = m.group("q")
        q = int(q) if q.isdigit() else number_words().get(q)
        return (f"{y:04d}", date(y, 3 * q - 2, 1), month_end(y, 3 * q)) if q else None
    if rx is _HALF:
        n = count_value(m.group("n"))
        if not n or n > 12:
            return None
        if m.group("part") == "dau":
            return f"{y:04d}", date(y, 1, 1), month_end(y, n)
        return f"{y:04d}", date(y, 13 - n, 1), date(y, 12, 31)
    return f"{y:04d}", date(y, 1, 1), date(y, 12, 31)


def periods(text: str, folded: str, start: int, end: int, line_start, alone, cited) -> list[Candidate]:
    """Periods as deadlines: after an operator ('trong tháng 10/2025', 'đến hết năm 2025', 'kể từ năm ngân
    sách 2026'), under a forward-looking heading, alone in a plan's time column, and quarters and halves of a
    year, which are periods wherever they stand ('quý IV/2025', '6 tháng đầu năm 2026'). A period that belongs to
    a cited document ('Chương trình … đến năm 2025' in its title, 'giai đoạn 2022 - 2025 theo Quyết định số …')
    or to a vision ('tầm nhìn đến năm 2030') is not a deadline."""
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for rx in (_STAGE, _HALF, _QUARTER, _MONTH, _YEAR):
        for m in rx.finditer(folded, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            period = _period_of(m, rx)
            if not period or (rx is _MONTH and _BROKEN_DAY.search(folded, max(start, m.start() - 10), m.start())):
                continue
            value, first, last = period
            ls = line_start(m.start())
            op = operator_before(folded, m.start(), ls, "period")
            if op:
                s, phrase, kind = op
                due = _bounds(kind, phrase, first, last, _TO_END.search(folded, s, m.start()) is not None)
            elif rx is _STAGE or rx is _HALF or rx is _QUARTER:
                s, kind, due = m.start(), "period", last
            elif _HEADING.search(folded, max(ls, m.start() - 60), m.start()) or alone(m.start(), m.end()):
                s, kind, due = m.start(), "period", last
            else:
                continue
            target = rx is _YEAR and op is not None and op[1] in ("den", "den het", "cho den")
            if excluded_before(text, s) or (kind != "from" and cited(s, m.end(), target)):
                continue
            taken.append((m.start(), m.end()))
            out.append(Candidate(s, m.end(), kind, value, due, effect=kind == "from", begins=first))
    return out


# ---- recurring ----------------------------------------------------------------------------------------------

_RECURRING_LEAD = re.compile(r"(?<![a-z])(?:dinh\s+ky\s+)?(?:truoc|cham\s+nhat(?:\s+la)?|vao|den\s+het)\s+$")
_MONTHLY_DAY = re.compile(r"ngay\s+(?:mung\s+)?(?P<d>\d{1,2})\s+(?:cua\s+)?(?:(?:hang|moi)\s+thang|thang\s+"
                          r"(?:ke\s+tiep|tiep\s+theo|sau))")
_YEARLY_DAY = re.compile(r"ngay\s+(?P<d>\d{1,2})\s*(?:thang\s+|/)\s*(?P<m>\d{1,2})\s+(?:cua\s+)?(?:hang|moi)"
                         r"\s+nam")
_YEARLY_AFTER = re.compile(rf"(?:{unpreceded('hang')}|{unpreceded('moi')})\s+nam\s*,?\s*"
                           r"(?:truoc|cham\s+nhat(?:\s+la)?|vao|den\s+het)"
                           r"\s+ngay\s+(?P<d>\d{1,2})\s*(?:thang\s+|/)\s*(?P<m>\d{1,2})(?!\s*(?:/|-|nam)\s*\d)")


_PERIODIC_LEAD = re.compile(r"(?<![a-z])dinh\s+ky\s+$")
_AVERAGE = re.compile(r"(?:trung\s+binh|binh\s+quan)\s+$")       # 'trung bình hàng tháng': a monthly average


@lru_cache(maxsize=None)
def _every() -> re.Pattern:
    units = _alternation(_units())
    return re.compile(rf"{unpreceded('hang')}\s+(?P<unit>{units})(?![a-z])"
                      rf"|{unpreceded('dinh')}\s+ky\s+(?P<n>\d{{1,2}}|{_word_count_pattern()})"
                      rf"\s*(?P<unit2>{units})(?![a-z])")


def recurring(folded: str, start: int, end: int) -> list[Candidate]:
    """'trước ngày 20 hằng tháng', 'ngày mùng 05 của tháng kế tiếp', 'trước ngày 15 tháng 12 hằng năm',
    'hằng năm trước ngày 15/12', 'định kỳ hằng quý', 'định kỳ 6 tháng'. Due is null: no single day."""
    out = []

    def add(m: re.Match, lead: re.Pattern, rule: str) -> None:
        found = _lead_start(folded, m.start(), lead)
        out.append(Candidate(max(start, found.start()) if found else m.start(), m.end(), "recurring",
                             recurrence=rule))

    for m in _MONTHLY_DAY.finditer(folded, start, end):
        if 1 <= int(m.group("d")) <= 31:
            add(m, _RECURRING_LEAD, f"FREQ=MONTHLY;BYMONTHDAY={int(m.group('d'))}")
    for rx in (_YEARLY_DAY, _YEARLY_AFTER):
        for m in rx.finditer(folded, start, end):
            d, mo = int(m.group("d")), int(m.group("m"))
            if day_month(2024, mo, d):          # a leap year, so that 29/2 stands
                add(m, _RECURRING_LEAD, f"FREQ=YEARLY;BYMONTH={mo};BYMONTHDAY={d}")
    for m in _every().finditer(folded, start, end):
        if _AVERAGE.search(folded, max(start, m.start() - 15), m.start()):
            continue
        freq, interval = _units()[re.sub(r"\s+", " ", m.group("unit") or m.group("unit2"))]
        if m.group("n"):
            interval *= count_value(m.group("n")) or 1
        add(m, _PERIODIC_LEAD, f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else ""))
    return out


# ---- relative and immediate -----------------------------------------------------------------------------------

_RELATIVE_LEAD = re.compile(r"(?<![a-z])(?P<lead>trong\s+(?:thoi\s+han|vong|thoi\s+gian)|trong|cham\s+nhat|toi\s+da|"
                            r"toi\s+thieu|khong\s+qua|truoc\s+it\s+nhat|truoc|sau)(?:\s+(?:toi\s+da|la))*\s+$")


@lru_cache(maxsize=None)
def _relative() -> re.Pattern:
    count = rf"(?P<n>\d{{1,3}}|{_word_count_pattern()})(?:\s*\([a-z\s]+\))?"
    return re.compile(rf"(?<![a-z0-9]){count}\s*(?P<unit>ngay\s+lam\s+viec|ngay|thang|nam|gio|tuan)"
                      r"(?![a-z])(?P<anchor>\s*,?\s*(?:ke\s+tu|tinh\s+tu|sau\s+khi|sau)\s+)?")


# 'ngày ban hành Quyết định này', 'ngày ký văn bản này': the document's own day. A bare 'ngày ký' may be another
# document's (a quoted repeal, a quotation form in an annex), so it is not resolved.
_OWN_DAY = re.compile(r"ngay\s+(?:ky|ban\s+hanh)(?:\s*,?\s*ban\s+hanh)?\s+(?:[a-z]+\s+){0,2}nay(?![a-z])")
_IMMEDIATE = re.compile(rf"(?:{unpreceded('ngay')}\s+sau\s+khi"
                        rf"|{unpreceded('cham')}\s+nhat\s+(?:la\s+)?trong\s+ngay\s+lam\s+viec\s+tiep\s+theo)(?![a-z])")


_CLAUSE_END = re.compile(r"[.;:\n“”\"]|,\s|\s(?:va|hoac|thi)\s(?!hanh)")


def _clause_end(folded: str, pos: int, end: int, limit: int = 110) -> int:
    m = _CLAUSE_END.search(folded, pos, min(end, pos + limit))
    return m.start() if m else min(end, pos + limit)


def _later(day: date, n: int, unit: str) -> date | None:
    try:
        return _add(day, n, unit)
    except (OverflowError, ValueError):          # past year 9999: an issue date read wrong
        return None


def _add(day: date, n: int, unit: str) -> date | None:
    if unit == "ngay":
        return day + timedelta(days=n)
    if unit.startswith("ngay lam"):
        return add_working_days(day, n)
    if unit == "tuan":
        return day + timedelta(weeks=n)
    if unit == "thang":
        return add_months(day, n)
    if unit == "nam":
        return add_months(day, 12 * n)
    return None


def relative(folded: str, start: int, end: int, dates: list[DateMatch], own_day, quoted) -> list[Candidate]:
    """'trong thời hạn 15 ngày (làm việc) kể từ ngày …', 'chậm nhất là 03 ngày kể từ …', 'trong vòng 24 giờ',
    'ngay sau khi …'. Due is counted from the anchor when the anchor is a written day or this document's own
    issue day ('kể từ ngày ký', 'ngày ban hành Quyết định này'); otherwise null."""
    out = []
    for m in _relative().finditer(folded, start, end):
        n, unit = count_value(m.group("n")), re.sub(r"\s+", " ", m.group("unit"))
        found = _lead_start(folded, m.start(), _RELATIVE_LEAD)
        lead = re.sub(r"\s+", " ", found.group("lead")) if found else ""
        # Without an anchor only a short limit is a deadline ('trong vòng 24 giờ'); 'trong vòng 01 năm' is a
        # duration.
        if not n or not (m.group("anchor") or (lead.startswith(("trong vong", "trong thoi han", "cham nhat"))
                                               and unit.startswith(("gio", "ngay")))):
            continue
        s = max(start, found.start()) if found else m.start()
        due = None
        if m.group("anchor"):
            a = m.end()
            anchor_day = next((d.day for d in dates if a <= d.start < a + 8 and
                               folded[a:d.start].strip() in ("", "ngay")), None)
            if anchor_day is None and _OWN_DAY.match(folded, a) and not quoted(a):
                anchor_day = own_day
            if anchor_day and "sau khi" not in m.group("anchor"):
                due = _later(anchor_day, n, unit)
        out.append(Candidate(s, _clause_end(folded, m.end(), end), "within", due=due))
    for m in _IMMEDIATE.finditer(folded, start, end):
        out.append(Candidate(m.start(), _clause_end(folded, m.end(), end), "within"))
    return out


_SIGNING = re.compile(rf"{unpreceded('tu')}\s+(?P<day>ngay\s+(?:ky|ban\s+hanh)(?:\s*,?\s*ban\s+hanh)?)(?![a-z])")
_SIGNING_LEAD = re.compile(r"(?<![a-z])(?:(?P<effect>co\s+hieu\s+luc(?:\s+thi\s+hanh)?)\s+(?:ke\s+)?|ke\s+)$")


def signing_day(folded: str, start: int, end: int, own_day, quoted) -> list[Candidate]:
    """'có hiệu lực (thi hành) kể từ ngày ký (ban hành)' gives the issue day when that is a full day. A quoted
    clause speaks of the quoted document's signing, so it gives nothing."""
    out = []
    for m in _SIGNING.finditer(folded, start, end):
        lead = _lead_start(folded, m.start(), _SIGNING_LEAD)
        if not quoted(m.start()) and ((lead and lead.group("effect")) or _OWN_DAY.match(folded, m.start("day"))):
            out.append(Candidate(max(start, lead.start()) if lead else m.start(), m.end(), "from", due=own_day,
                                 effect=True))
    return out


_YEARLESS = re.compile(r"ngay\s+(?:mung\s+)?(?P<d>\d{1,2})\s*(?:thang\s+|/)\s*(?P<m>\d{1,2})(?![\d/])"
                       r"(?!\s*(?:/|-|nam)\s*\d)(?P<of>\s+(?:cua|trong)\s+nam)?")
# 'trong tháng 12', 'trước tháng 6': a month without its year, not a day's month ('ngày 15 tháng 12') nor a
# yearly one ('trong tháng 12 hằng năm').
_YEARLESS_MONTH = re.compile(rf"{unpreceded('thang')}\s+(?P<m>\d{{1,2}})(?![\d/])(?!\s*(?:/|-|nam)\s*\d)"
                             r"(?!\s*,?\s*(?:hang|moi|cua)\s+nam)")
_DAY_BEFORE = re.compile(r"ngay\s*(?:mung\s+)?\d{1,2}\s*$")
# A day or month written without its year falls in the issue year, or in the next one when the issue year's has
# passed and the next year's comes within this many days ('trước ngày 10/01' written on 20/12). Otherwise it is
# the issue year's, past ('số liệu từ ngày 14/8 đến ngày 13/9' written on 17/10).
ROLLOVER_DAYS = 92


def _year_for(issued: date, day_in_year) -> date | None:
    """day_in_year(year) -> that year's day (None where it does not exist), placed by ROLLOVER_DAYS."""
    this = day_in_year(issued.year)
    if this and this >= issued:
        return this
    following = day_in_year(issued.year + 1) if issued.year < 9999 else None
    return following if following and (following - issued).days <= ROLLOVER_DAYS else this


def yearless(folded: str, start: int, end: int, line_start, issued: date | None) -> list[Candidate]:
    """'trước ngày 20/10', 'trong tháng 12' with the year left out: placed by the issue day (_year_for).
    'ngày 31 tháng 7 của năm xét tặng' names no year that can be known: due null."""
    out = []
    for m in _YEARLESS.finditer(folded, start, end):
        op = operator_before(folded, m.start(), line_start(m.start()), "date")
        if not op:
            continue
        d, mo = int(m.group("d")), int(m.group("m"))
        due = _year_for(issued, lambda y: day_month(y, mo, d)) if issued and not m.group("of") else None
        out.append(Candidate(op[0], m.end("m"), op[2], due=due))
    for m in _YEARLESS_MONTH.finditer(folded, start, end):
        mo = int(m.group("m"))
        op = operator_before(folded, m.start(), line_start(m.start()), "period")
        if not (op and 1 <= mo <= 12) or _DAY_BEFORE.search(folded, max(start, m.start() - 12), m.start()):
            continue
        s, phrase, kind = op
        last = _year_for(issued, lambda y: month_end(y, mo)) if issued else None
        first = last.replace(day=1) if last else None
        due = _bounds(kind, phrase, first, last, _TO_END.search(folded, s, m.start()) is not None) if last else None
        out.append(Candidate(s, m.end(), kind, f"{last.year:04d}-{mo:02d}" if last else None, due, begins=first))
    return out
