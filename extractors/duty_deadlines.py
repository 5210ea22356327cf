"""Which date governs a duty when the duty's own words give none, or give several (FORMAT.md §4):
a completion date ('trước ngày …') outranks a period named as scope ('trong năm 2025'); 'thi hành kể từ
ngày ký' runs from the issue date, '… kể từ ngày Thông tư này có hiệu lực' from the day it takes effect; and
in a plan, the event's date ('Thời gian: Lúc 14 giờ, ngày 28/4/2026') governs the items of its content."""
from __future__ import annotations

import re

from .findings import Deadline, Header
from .items import Paragraph
from .lexicon import fold

SCOPE_KINDS = ("period", "recurring")
FROM_SIGNING = re.compile(r"\bkể từ ngày ký\b", re.IGNORECASE)
# '… kể từ ngày Thông tư này có hiệu lực': the day the document takes effect
FROM_IN_FORCE = re.compile(r"\btừ ngày\s+(?:\w+\s+){1,3}này\s+có hiệu lực\b", re.IGNORECASE)
IN_FORCE = re.compile(r"\bcó hiệu lực\b", re.IGNORECASE)
# a closing sentence that only dates the work: 'Hoàn thành và báo cáo UBND tỉnh trước ngày 08/02/2025.',
# 'Các đơn vị thực hiện trước ngày 24/3/2016.', 'Văn bản báo cáo của các đơn vị gửi về Sở Y tế chậm nhất ngày …',
# 'Thời gian chậm nhất đến hết ngày 25/10/2017'
COMPLETION = re.compile(r"(?:(?:các|mỗi)\s+\w+(?:\s+\w+)?\s+)?(?:hoàn thành|thực hiện|thời hạn"
                        r"|thời gian (?:hoàn thành|chậm nhất|gửi|nộp)|(?:văn bản\s+)?báo cáo\b[^.;]{0,40}?\bgửi)\b",
                        re.IGNORECASE)
COMPLETION_WORDS = 50
GAP_WORDS = 60           # a closing date reaches back over a short undated remark ('Các đơn vị có thể nêu …')
EVENT_TIME = "thoi gian"        # folded opening of a plan's 'Thời gian' item or line
CONTENT_TITLES = ("noi dung",)  # folded openings of a plan's content section titles ('II. NỘI DUNG …')


def governing(deadlines: tuple[Deadline, ...], start: int, end: int) -> str | None:
    """The first completion date in [start, end); a scope period only when there is nothing else."""
    inside = [d for d in deadlines if start <= d.span[0] and d.span[1] <= end and d.due]
    firm = [d for d in inside if d.kind not in SCOPE_KINDS]
    return (firm or inside)[0].due if inside else None


def firm(deadlines: tuple[Deadline, ...], start: int, end: int) -> str | None:
    return next((d.due for d in deadlines if start <= d.span[0] and d.span[1] <= end and d.due
                 and d.kind not in SCOPE_KINDS), None)


def closing(text: str, last_sentence: tuple[int, int], deadlines: tuple[Deadline, ...]) -> str | None:
    """The date of a duty's last sentence when that sentence only says by when the work is done."""
    start, end = last_sentence
    s = text[start:end].strip()
    if len(s.split()) > COMPLETION_WORDS or not COMPLETION.match(s):
        return None
    return firm(deadlines, start, end)


def implied(duty: str, header: Header | None, deadlines: tuple[Deadline, ...]) -> str | None:
    """A date the duty names by reference: the signing day, or the day the document takes effect."""
    if FROM_SIGNING.search(duty) and header and header.issued_date and len(header.issued_date) == 10:
        return header.issued_date
    if FROM_IN_FORCE.search(duty):
        return next((d.due for d in deadlines if d.due and IN_FORCE.search(d.text)), None)
    return None


def is_content_title(title: str) -> bool:
    return fold(title).lstrip(" .").startswith(CONTENT_TITLES)


def event_date(paras: list[Paragraph], deadlines: tuple[Deadline, ...]) -> str | None:
    """The one day a plan's 'Thời gian' item names for its event, in that item or the line below it."""
    days = set()
    for i, p in enumerate(paras):
        if not fold(p.text).startswith(EVENT_TIME):
            continue
        end = paras[i + 1].end if p.heading and i + 1 < len(paras) else p.end
        days |= {d.due for d in deadlines if d.kind == "on" and d.due and p.start <= d.span[0] and d.span[1] <= end}
    return days.pop() if len(days) == 1 else None
