"""Citations by name alone, with no số ký hiệu (FORMAT.md §1: 'Luật and Pháp lệnh are cited by name and year'):
'Luật Khám bệnh, chữa bệnh năm 2023', 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
'Đề án 06', 'Đề án 06/CP' (a nickname, FORMAT.md §2b), 'Đề án phát triển ứng dụng dữ liệu về dân cư …'."""
from __future__ import annotations

import re
from dataclasses import replace

from .dates import date_at
from .findings import Reference
from .lexicon import unpreceded
from .symbols import LOWER

_SLUG = {"Bộ luật": "bo_luat", "Luật": "luat", "Pháp lệnh": "phap_lenh"}
_KIND = "(?P<word>" + "|".join(unpreceded(word, r"\w") for word in _SLUG) + ")"
# A law's name runs to its date or year; a name holding a số ký hiệu is cited by number instead.
_LAW = re.compile(_KIND + r"\s+(?!này|số)(?P<name>[^;:()\[\]\n]{2,160}?)"
                  r"\s*,?\s*(?P<when>ngày\s*\d{1,2}\b|năm\s+(?:19|20)\d{2}\b)")
# Without a date, the name runs to punctuation, a comma before a capital, or the verb or preposition after it.
_BARE_LAW = re.compile(_KIND + r"[ \t]+"
                       rf"(?P<name>\w(?:[^;:()\[\].\n“”\"]|\n(?=[ \t]*[{LOWER}])){{1,120}}?)"
                       rf"(?=\s*(?:[;:()\[\].“”\"]|\n\s*\n|,\s*[A-ZĐ]|$)|\s+(?:số|năm|ngày|và|hoặc|được"
                       r"|đã|tại|về|thì|có|quy định|hướng dẫn|do|của|để|trong|theo|đối với|sửa đổi)\s)")
# A project named by its nickname ('Đề án 06') or by its purpose and period ('Đề án phát triển … giai đoạn
# 2022 - 2025'); 'Đề án thành lập chi nhánh' without a period is a kind of paper, not a named project.
_PROJECT = re.compile(unpreceded("Đề án", r"\w") + r"\s+(?P<name>\d{1,4}(?:/[A-Z]{1,6})?(?![\w/])"
                      r"|(?!này|số|\d)[a-zđăâêôơư][^;:()\[\]“”\"]{8,260}?(?:giai đoạn|đến năm|năm)\s+(?:19|20)\d{2}"
                      r"[^;:()\[\]“”\"]{0,80}?)(?=\s*(?:[;:(“”\"]|\.\s|\s+tại\s|\s+và\s|$))")


def by_name(text: str, clean: str, end: int, cited: list[Reference]) -> list[Reference]:
    """Name citations in text[:end] that overlap no citation in cited; one per name. A name that an earlier
    citation gave with its number ('Luật Khám bệnh, chữa bệnh số 15/2023/QH15') points back to that number."""
    out: list[Reference] = []
    seen: set[str] = set()
    numbered = {_key(r.title): r for r in cited if r.id and r.title}

    def add(start: int, stop: int, slug: str, title: str, date: str | None) -> None:
        key = _key(title)
        if key in seen or any(a < stop and start < b for a, b in [r.span for r in cited]):
            return
        seen.add(key)
        span = (start, stop)
        if key in numbered and numbered[key].span < span:
            out.append(replace(numbered[key], text=text[start:stop], span=span))
        else:
            out.append(Reference(text[start:stop], span, None, slug, title=" ".join(title.split()), date=date))

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
    for m in _BARE_LAW.finditer(clean, 0, end):
        if m.group("name")[0].isupper():
            add(m.start(), m.end(), _SLUG[m.group("word")], f"{m.group('word')} {m.group('name')}".strip(" ,"), None)
    for m in _PROJECT.finditer(clean, 0, end):
        add(m.start(), m.end(), "de_an", " ".join(clean[m.start():m.end()].split()), None)
    return out


def _key(title: str) -> str:
    return " ".join(title.lower().split())
