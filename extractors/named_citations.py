"""Citations by name alone, with no số ký hiệu (FORMAT.md §1: 'Luật and Pháp lệnh are cited by name and year'):
'Luật Khám bệnh, chữa bệnh năm 2023', 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
'Đề án 06', 'Đề án 06/CP' (a nickname, FORMAT.md §2b), 'Đề án phát triển ứng dụng dữ liệu về dân cư …'."""
from __future__ import annotations

import re

from .dates import date_at
from .findings import Reference, Span

# A law's name runs to its date or year; a name holding a số ký hiệu is cited by number instead.
_LAW = re.compile(r"(?<!\w)(?P<word>Bộ luật|Luật|Pháp lệnh)\s+(?!này|số|sửa đổi)(?P<name>[^;:()\[\]\n]{2,160}?)"
                  r"\s*,?\s*(?P<when>ngày\s*\d{1,2}\b|năm\s+(?:19|20)\d{2}\b)")
_PROJECT = re.compile(r"(?<!\w)Đề án\s+(?P<name>\d{1,4}(?:/[A-Z]{1,6})?(?![\w/])"
                      r"|(?!này|số|\d)[a-zđăâêôơư][^;:()\[\]]{8,260}?)(?=\s*(?:[;:(]|\.\s|\s+tại\s|\s+và\s|$))")
_SLUG = {"Bộ luật": "bo_luat", "Luật": "luat", "Pháp lệnh": "phap_lenh"}


def by_name(text: str, clean: str, folded: str, end: int, taken: list[Span]) -> list[Reference]:
    """Name citations in text[:end] that overlap no number citation in taken; one per name."""
    out: list[Reference] = []
    seen: set[str] = set()

    def add(start: int, stop: int, slug: str, title: str, date: str | None) -> None:
        key = " ".join(title.lower().split())
        if key not in seen and not any(a < stop and start < b for a, b in taken):
            seen.add(key)
            out.append(Reference(text[start:stop], (start, stop), None, slug, title=" ".join(title.split()), date=date))

    for m in _LAW.finditer(clean, 0, end):
        if re.search(r"\d\s*/", m.group("name")):
            continue
        when = m.group("when")
        if when.startswith("ngày"):
            d = date_at(text, m.start("when"))
            date, stop = (d.iso, d.end) if d else (None, m.end())
        else:
            date, stop = when.split()[-1], m.end()
        add(m.start(), stop, _SLUG[m.group("word")], f"{m.group('word')} {m.group('name')}".strip(" ,"), date)
    for m in _PROJECT.finditer(clean, 0, end):
        add(m.start(), m.end(), "de_an", " ".join(clean[m.start():m.end()].split()), None)
    return out
