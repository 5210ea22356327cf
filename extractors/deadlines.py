"""Deadlines of the first document: days by which, on which or from which someone must act or a rule applies
(FORMAT.md §4, SCORING.md 'Deadlines').

A date counts only when a deadline word governs it ('chậm nhất vào ngày', 'trước ngày', 'kể từ ngày',
'có hiệu lực … từ ngày', 'Lúc 14 giờ, ngày', 'trong tháng 10/2025', 'quý IV/2025', …) or when it stands alone in
a plan's time column. So the dates of cited documents ('Thông tư số 13/2025/TT-BYT ngày 06/6/2025'), the
issue date and signature stamps are never read as deadlines. On top of that, a candidate is dropped when it
lies in the place-date line, a Căn cứ line, a signature stamp, an editorial [note], a worked example ('Ví dụ:'),
a forwarded document, or the past: a day before the issue day, or a clause told in the past tense ('đã'),
unless it is an entry into force or start of application, which may be retroactive.
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from pipeline.document import Document

from .dates import DateMatch, find_dates
from .deadline_forms import (Candidate, excluded_before, operator_before, periods, recurring, relative,
                             signing_day, yearless)
from .findings import Deadline, Header
from .lexicon import doc_types, fold, fold_keep, read_tsv
from .symbols import NUMBER_SYMBOL

# Lines that are never deadlines: the legal bases, and e-signature stamps that leak into the text (OCR may
# break a stamp's time over the next short lines).
_BASIS_LINE = re.compile(r"[\s\-+*•|>#_]*can\s+cu(?![a-z])")
_STAMP_LINE = re.compile(r"[\s\-+*•|>#_]*(?:thoi\s+gian\s+ky|ngay\s+ky|ky\s+boi|nguoi\s+ky)(?![a-z])")
_STAMP_TAIL = 2
_HEADER_CHARS = 300
_EXAMPLE = re.compile(r"[\s\-+*•|>#_]*vi\s+du(?![a-z])")
# A place is a few words ('TP. Hồ Chí Minh', 'Bà Rịa - Vũng Tàu'), so 'Hội nghị tổ chức tại Hà Nội, ngày …'
# in the body is not taken for the place-date line.
_PLACE_BEFORE = re.compile(r"[\s*_|>#]*[^\W\d][^,:\n\d\s]*(?:\s+[^,:\n\d\s]+){0,5},\s*$")
_RANGE = re.compile(r"\s*(?:-|–|—|~|den(?:\s+het)?(?:\s+ngay)?)\s*")
# The first day of a range that shares its end's month and year: the '20-' of '20-25/5/2025'.
_DAY_RANGE_BEFORE = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})\s*[-–]\s*$")
_EFFECT = re.compile(r"hieu\s+luc|ap\s+dung|thuc\s+hien|thi\s+hanh")
_HAS_EFFECT_BEFORE = re.compile(r"co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+$")
_PAST = re.compile(r"(?<!\w)đã(?!\w)", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[.;,\n]")
_PAST_AFTER = 20      # characters after a match in which 'đã' tells of the past: 'trong năm 2025 đã đạt'


def folded_text(text: str) -> str:
    """The matching key of text, one character for one, so that offsets agree."""
    return fold_keep(text)


class _Lines:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def start(self, pos: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, pos) - 1]


def _scope(doc: Document) -> tuple[int, int]:
    fw = doc.zone("forwarded")
    return 0, fw.start if fw else len(doc.text)


def _place_dates(text: str, dates: list[DateMatch], lines: _Lines) -> list[DateMatch]:
    """Dates of the 'Hà Nội, ngày … tháng … năm …' line: a place and a comma before a written-out date."""
    return [d for d in dates if text[d.start:d.start + 4].lower() in ("ngày", "ngay")
            and _PLACE_BEFORE.match(text, lines.start(d.start), d.start)]


def _issue_day(header: Header, places: list[DateMatch]) -> date | None:
    iso = header.issued_date or (places[0].iso if places else None)
    return date.fromisoformat(iso) if iso and len(iso) == 10 else None


def _issue_month_start(header: Header, places: list[DateMatch]) -> date | None:
    """The first day of the issue month when only the month is known ('ngày   tháng 10 năm 2017': a day left
    blank, or handwritten on a scan): nothing before it is still to be done."""
    iso = header.issued_date or (places[0].iso if places else None)
    return date.fromisoformat(iso + "-01") if iso and len(iso) == 7 else None


def _skipped(doc: Document, folded: str, places: list[DateMatch], header: Header) -> list[tuple[int, int]]:
    # Only the forwarded zone is cut off (see _scope): the header, Kính gửi and Nơi nhận blocks hold no date that
    # an operator governs, and the header's place-date line and the signature stamps are found here by their
    # own shape, so a zone drawn too wide can cost no deadline.
    spans = [(d.start, d.end) for d in places]
    spans += [s for name, s in header.spans if name == "issued_date"]
    spans += [(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]\n]{0,600}\]", doc.text)]   # editorial notes
    in_example, stamp_left = False, 0
    pos = 0
    for line in folded.split("\n"):
        end = pos + len(line)
        in_example = bool(_EXAMPLE.match(line)) or (in_example and line.lstrip().startswith("+"))
        if _STAMP_LINE.match(line):
            stamp_left = 1 + _STAMP_TAIL        # the stamp's line and the short lines OCR breaks it into
        elif len(line) >= 30:
            stamp_left = 0
        in_stamp = stamp_left > 0
        stamp_left -= in_stamp
        if in_example or in_stamp or _BASIS_LINE.match(line):
            spans.append((pos, end))
        pos = end + 1
    return spans


def _alone(text: str, start: int, end: int) -> bool:
    """The match fills its table cell or line, save 'Dự kiến': a plan's time column."""
    lo = max(text.rfind(c, 0, start) for c in "\n|\t") + 1
    his = [i for i in (text.find(c, end) for c in "\n|\t") if i >= 0]
    hi = min(his) if his else len(text)
    rest = (text[lo:start] + " " + text[end:hi]).strip(" .:;,-*()").lower()
    return rest in ("", "dự kiến", "du kien")


def _quoted(text: str, lines: _Lines, pos: int) -> bool:
    before = text[lines.start(pos):pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _clause_start(folded: str, pos: int, marks: str) -> int:
    return max(folded.rfind(c, 0, pos) for c in marks) + 1


_CITED_AFTER = re.compile(r"\s*(?:theo|của|tại)\s")


@lru_cache(maxsize=None)
def _programme_name() -> re.Pattern:
    names = [t.name for t in doc_types()] + [r[0] for r in read_tsv("programme_words.tsv")]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _cited_around(text: str, folded: str, start: int, end: int, target: bool = False) -> bool:
    """A cited document stands in the same clause before the match, or the match is followed by 'theo/của/tại'
    and a citation: the match then describes that document. A target year ('đến năm 2030') after the name of
    a plan or programme in the same clause is part of that name."""
    if NUMBER_SYMBOL.search(text, _clause_start(folded, start, ".;\n,("), start):
        return True
    # Names hold commas ('Chiến lược quốc gia phòng, chống …'): only a sentence mark ends the search.
    if target and _programme_name().search(text, max(start - 150, _clause_start(folded, start, ".;\n(")), start):
        return True
    after = _CITED_AFTER.match(text, end)
    return bool(after and NUMBER_SYMBOL.search(text, after.end(), after.end() + 50))


# after a type's name, what makes it a citation of another document: a name ('Luật Bảo hiểm y tế') or a number
_CITED_NAME = re.compile(r"\s+(?:số\b|\d|(?P<word>\w))")
_ERA = 366      # days: a bare range that began this long before the issue day names an era or an anniversary


def _other_document(text: str, lo: int, hi: int) -> bool:
    """The clause text[lo:hi] names a document other than this one ('Luật Bảo hiểm y tế', 'Thông tư số
    13/2025/TT-BYT'), not 'Quyết định này' or 'Hướng dẫn tại công văn này': an entry into force there is a fact
    about that document."""
    if NUMBER_SYMBOL.search(text, lo, hi):
        return True
    for m in _programme_name().finditer(text, lo, hi):
        after = _CITED_NAME.match(text, m.end())
        if after and (not after.group("word") or after.group("word").isupper()):
            return True
    return False


def _dated(text: str, folded: str, dates: list[DateMatch], lines: _Lines, body_from: int,
           issued: date | None) -> list[Candidate]:
    """Days after an operator, ranges 'D1 – D2' / 'từ ngày D1 đến hết ngày D2' / 'từ ngày 20-25/5/2025' (a period
    ending D2), and days alone in a time column. A time column lies after body_from: above it a day alone on its line is a piece of
    the header or of a signature stamp. A bare range that began long before the issue day labels a past era or
    an anniversary ('kỷ niệm 100 năm Ngày sinh … (09/7/1912 - 09/7/2012)'), not a time to act."""
    out = []
    skip_next = False
    for i, d in enumerate(dates):
        if skip_next:
            skip_next = False
            continue
        ls = lines.start(d.start)
        first_day = _DAY_RANGE_BEFORE.search(folded, max(ls, d.start - 6), d.start) if d.day else None
        if first_day and int(first_day.group("d")) < d.day.day:
            # 'từ ngày 20-25/5/2025': a period from the 20th, written with the month and year of its end
            op = operator_before(folded, first_day.start(), ls, "date")
            start = op[0] if op else first_day.start()
            if op and not excluded_before(text, start):
                begins = d.day.replace(day=int(first_day.group("d")))
                out.append(Candidate(start, d.end, "period", begins.isoformat(), d.day, begins=begins))
            continue
        op = operator_before(folded, d.start, ls, "date")
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        last = nxt if nxt and _RANGE.fullmatch(folded, d.end, nxt.start) else None
        start = op[0] if op else d.start
        if excluded_before(text, start):
            continue
        if last:
            skip_next = True
            if not op and issued and d.day and (issued - d.day).days > _ERA:
                continue
            out.append(Candidate(start, last.end, "period", d.iso, last.day, begins=d.day))
            continue
        if op:
            kind = op[2]
        elif d.start > body_from and _alone(text, d.start, d.end) and not text[d.start:d.start + 2].lower() == "ng":
            kind = "on"
        else:
            continue
        clause = _clause_start(folded, start, ".;\n")
        effect = (kind == "from" and bool(_EFFECT.search(folded, clause, d.start))
                  and not _other_document(text, clause, start))
        lead = _HAS_EFFECT_BEFORE.search(folded, max(ls, start - 30), start)
        out.append(Candidate(lead.start() if lead else start, d.end, kind, d.iso, d.day, effect=effect))
    return out


def _keep(c: Candidate, text: str, folded: str, issued: date | None, report: bool) -> bool:
    """Not a past event: due on or after the issue day, and no 'đã' in its clause; an entry into force or a
    start of application may be retroactive. A report tells of the period it covers: only a period that begins
    after its issue day (the programme for the next month or year) is a deadline there."""
    if c.effect:
        return True
    if issued and c.due and c.due < issued:
        return False
    if report and issued and c.begins and c.begins <= issued:
        return False
    before = text[_clause_start(folded, c.start, ".;:\n,"):c.start]
    stop = _CLAUSE_MARK.search(text, c.end, c.end + _PAST_AFTER)
    after = text[c.end:stop.start() if stop else c.end + _PAST_AFTER]
    return not (_PAST.search(before) or _PAST.search(after))


def _outer_wins(inner: Candidate, outer: Candidate) -> bool:
    """A finding inside another gives way to it when the outer one is recurring or says at least as much."""
    inside = outer.start <= inner.start and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start
    return inside and (outer.kind == "recurring" or outer.due is not None or inner.due is None)


def extract(doc: Document, header: Header) -> tuple[Deadline, ...]:
    text = doc.text
    folded = folded_text(text)
    lines = _Lines(text)
    lo, hi = _scope(doc)
    dates = find_dates(text, lo, hi)
    places = _place_dates(text, dates, lines)
    issued = _issue_day(header, places)
    # What counts as past, and where a day without its year falls: the issue day, else the issue month.
    earliest = issued or _issue_month_start(header, places)
    skipped = _skipped(doc, folded, places, header)

    def quoted(pos: int) -> bool:
        return _quoted(text, lines, pos)

    # The body begins after the place-date line; with none found, past the first lines of a header.
    body_from = places[0].end if places else lo + _HEADER_CHARS
    found = (_dated(text, folded, dates, lines, body_from, earliest)
             + periods(text, folded, lo, hi, lines.start, lambda s, e: s > body_from and _alone(text, s, e),
                       lambda s, e, target: _cited_around(text, folded, s, e, target))
             + recurring(folded, lo, hi)
             + relative(folded, lo, hi, dates, issued, quoted)
             + signing_day(folded, lo, hi, issued, quoted)
             + yearless(folded, lo, hi, lines.start, earliest))
    found = [c for c in found if not any(a <= c.start < b or a < c.end <= b for a, b in skipped)
             and _keep(c, text, folded, earliest, header.doc_type == "bao_cao")]
    found = [c for c in found if not any(_outer_wins(c, o) for o in found)]
    unique = {(c.start, c.end): c for c in sorted(found, key=lambda c: c.due is None, reverse=True)}
    return tuple(Deadline(text=text[c.start:c.end], kind=c.kind, span=(c.start, c.end), value=c.value,
                          due=c.due.isoformat() if c.due else None, recurrence=c.recurrence)
                 for c in sorted(unique.values(), key=lambda c: (c.start, c.end)))
