"""The words around a số ký hiệu in a citation (NĐ 30/2020 PL I §II.6b: type, number, date, issuer, summary):
'Thông tư số 01/2019/TT-BYT ngày 01/3/2019 của Bộ trưởng Bộ Y tế quy định …'.

Every function reads two same-length views of the document text: `clean` (symbols.view: case kept) and `folded`
(lexicon.fold per character: lower case, no marks), so a position found in either is a position in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import date_at
from .issuers import folded_name_rx
from .lexicon import fold, fold_each, type_by_abbreviation, type_by_name

# Generic words that introduce a number without naming its type; the symbol's grammar decides.
_GENERIC = ("van ban", "cong van", "dien")
# Words before a number that make it something other than a document: forms, annexes, codes, phones.
_NOT_DOCUMENT = re.compile(
    r"(?:\bmau|\bbieu mau|\bbieu|\bphu luc|\bbang|\bma so|\bma|\bso hieu|\bdien thoai|\bdt|\bfax|\btai khoan|\bicd"
    r"|\bkhoan|\bdiem|\bdieu)\s*(?:so)?\s*[:.]?\s*$")
# After the date and issuer, the summary starts with one of these (the lead 've viec' / 've' is dropped).
_TITLE_LEAD = re.compile(
    r"(?:v/v|ve viec|ve)\s+|(?=(?:quy dinh|huong dan|ban hanh|phe duyet|sua doi|bai bo|trien khai|thanh lap"
    r"|giao|cong bo|dieu chinh|thuc hien|tang cuong|day manh)\b)")
_ISSUER_TITLES = re.compile(r"(?:bo truong|thu truong|chu tich|pho chu tich|giam doc|tong giam doc|cuc truong"
                            r"|vu truong|chanh van phong|truong ban|ban thuong vu|thuong truc|tap the)\s+")
# Words that end an issuer's name when it is not in the table: the verb or preposition after it.
_ISSUER_STOP = {"ve", "quy", "huong", "ban", "phe", "sua", "bai", "tai", "theo", "thi", "da", "duoc", "nham", "de",
                "trong", "voi", "cho", "trien", "nay", "dong", "ky", "gui", "yeu", "giao", "thuc", "tang", "day",
                "cong", "dieu", "thanh", "ngay", "nam", "so", "lien", "ket", "chi"}
_PLACE_KIND = re.compile(r"[ \t]*\n?[ \t]*(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|thi tran|xa|phuong)(?![a-z])")
_PLACE_NAME = re.compile(r"(?:[ \t]*\n?[ \t]+[A-ZĐÂ-Ỹ][^\s,;.:()]*)*")


def _view_char(c: str) -> str:
    return (fold(c) or " ")[0]


def folded_view(clean: str) -> str:
    """clean folded character by character (lexicon.fold), same length: 'Quyết định' -> 'quyet dinh'."""
    return fold_each(clean, _view_char)


@dataclass(frozen=True)
class Label:
    slug: str | None       # the type the words name; None for 'văn bản', 'công văn' read as generic
    start: int             # where the words begin
    has_number_word: bool  # 'số' stood before the number
    generic: bool = False


@lru_cache(maxsize=None)
def _label_rx() -> re.Pattern:
    names = sorted(set(type_by_name()) | set(_GENERIC), key=len, reverse=True)
    return re.compile(rf"(?<![a-z])(?P<word>{'|'.join(map(re.escape, names))})\s*(?P<so>(?:so|s6|s0)\s*[:.]?\s*)?$")


@lru_cache(maxsize=None)
def _abbrev_rx() -> re.Pattern:
    abbrs = sorted(type_by_abbreviation(), key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?P<word>{'|'.join(map(re.escape, abbrs))})\s*(?P<so>(?:số|so)\s*:?\s*)?$")


def label_before(clean: str, folded: str, pos: int) -> Label | None:
    """The type words right before pos: 'Thông tư số ', 'Quyết định ', 'QĐ ', 'Văn bản số '."""
    lo = max(0, pos - 60)
    m = _label_rx().search(folded, lo, pos)
    if m:
        word = m.group("word")
        slug = None if word in _GENERIC else type_by_name()[word]
        return Label("cong_van" if word == "cong van" else slug, m.start(), bool(m.group("so")), word in _GENERIC)
    m = _abbrev_rx().search(clean, lo, pos)
    if m:
        return Label(type_by_abbreviation()[m.group("word")], m.start(), bool(m.group("so")))
    return None


def number_word_before(folded: str, pos: int) -> bool:
    return bool(re.search(r"(?<![a-z])(?:so|s6)\s*[:.]?\s*$", folded[max(0, pos - 12):pos]))


def not_a_document(folded: str, pos: int) -> bool:
    return bool(_NOT_DOCUMENT.search(folded, max(0, pos - 30), pos))


def law_label_before(clean: str, pos: int) -> tuple[str, int] | None:
    """For a law number cited after its name, 'Luật Khám bệnh, chữa bệnh số 15/2023/QH15': (slug, start)."""
    window = clean[max(0, pos - 200):pos]
    cut = max(window.rfind(";"), window.rfind("\n"), window.rfind(":"))
    hits = list(re.finditer(r"(?<!\w)(Bộ luật|Luật|Pháp lệnh|Nghị quyết)(?!\w)", window[cut + 1:]))
    if not hits:
        return None
    slug = {"Bộ luật": "bo_luat", "Luật": "luat", "Pháp lệnh": "phap_lenh", "Nghị quyết": "nghi_quyet"}
    h = hits[-1]
    return slug[h.group(1)], pos - len(window) + cut + 1 + h.start()


def _skip(folded: str, pos: int, end: int) -> int:
    while pos < end and folded[pos] in " \t\n,":
        pos += 1
    return pos


@dataclass(frozen=True)
class Tail:
    date: str | None
    issuer: str | None
    title: str | None
    end: int               # end of the date or issuer: the citation's text stops there


def tail_after(text: str, clean: str, folded: str, pos: int, stop: int) -> Tail:
    """Date, issuer and summary after a number ending at pos; stop is where the next citation starts."""
    issuer = title = None
    date, end = _date(text, folded, pos, stop)
    p = _skip(folded, end, stop)
    if folded.startswith("cua ", p):
        found = _issuer(clean, folded, p + 4, stop)
        if found:
            issuer, end = clean[p + 4:found].strip(), found
            if date is None:      # 'Kế hoạch số 199/KH-BGDĐT của Bộ Giáo dục và Đào tạo (GDĐT) ngày 05 tháng 02 …'
                date, end = _date(text, folded, _ASIDE.match(folded, end, stop).end(), stop, end)
    # 'của Bộ Y tế (Cục Quản lý Khám, chữa bệnh) về việc …': the summary follows the aside
    p = _skip(folded, _ASIDE.match(folded, end, stop).end(), stop)
    new_line = "\n" in folded[end:p] and clean[p:p + 1].isupper()     # a new paragraph, not the summary
    if (m := _TITLE_LEAD.match(folded, p, stop)) and not new_line:
        title = _title(clean, folded, m.end(), stop)
    return Tail(date, " ".join(issuer.split()) if issuer else None, title, end)


_ASIDE = re.compile(r"\s*(?:\([^()\n]{1,80}\))?")
_YEAR_ONLY = re.compile(r"nam\s+((?:19|20)\d{2})\b")


def _date(text: str, folded: str, pos: int, stop: int, default_end: int | None = None) -> tuple[str | None, int]:
    """'ngày 14/3/2025', 'ngày 14 tháng 3 năm 2025' or 'năm 2021' from pos on: (ISO date, its end)."""
    p = _skip(folded, pos, stop)
    if folded.startswith("ban hanh ", p):
        p = _skip(folded, p + 9, stop)
    if folded.startswith("ngay", p):
        d = date_at(text, p) or date_at(text, p + 4)      # 'ngày 14 tháng 3 năm 2025', 'ngày 14-3-2025'
        if d and d.end <= stop:
            return d.iso, d.end
    elif m := _YEAR_ONLY.match(folded, p, stop):
        return m.group(1), m.end()
    return None, pos if default_end is None else default_end


def _issuer(clean: str, folded: str, p: int, stop: int) -> int | None:
    """End of the issuing body's name that starts at p: a name from the table (after a title such as
    'Bộ trưởng') with its place, else the run of words up to a verb or punctuation."""
    q = p
    if m := _ISSUER_TITLES.match(folded, q, stop):
        q = m.end()
    if m := folded_name_rx().match(folded, q, stop):
        return _place_end(clean, folded, m.end(), stop)
    words = list(re.finditer(r"[^\s,;.:()]+", folded[p:min(stop, p + 120)]))
    end = None
    for i, w in enumerate(words[:12]):
        gap = folded[p + (words[i - 1].end() if i else 0):p + w.start()]
        word = clean[p + w.start():p + w.end()]
        capitalised = word[0].isupper() and not word.isupper()   # 'Văn phòng Ban Chỉ đạo': part of the name
        if i and (re.search(r"[,;.:()]|\n\s*\n", gap) or (w.group(0) in _ISSUER_STOP and not capitalised)):
            break
        if w.group(0) != "va":
            end = p + w.end()
    return end


def _place_end(clean: str, folded: str, p: int, stop: int) -> int:
    """After a body's name, its place: 'Ủy ban nhân dân| tỉnh Quảng Ngãi', 'UBND| tỉnh Bà Rịa-Vũng Tàu'."""
    kind = _PLACE_KIND.match(folded, p, stop)
    q = kind.end() if kind else p
    name = _PLACE_NAME.match(clean, q, stop)
    # without a unit word only a title-case name follows: in a title in capitals ('CỦA BỘ CHÍNH TRỊ VỀ PHƯƠNG
    # HƯỚNG …') the words after the body are its summary
    if not kind and any(w.isupper() and len(w) > 1 for w in clean[q:name.end()].split()):
        return p
    return name.end() if name.end() > q else p


def _title(clean: str, folded: str, p: int, stop: int) -> str | None:
    m = re.compile(r"[;:]|\.(?:\s|$)|\(|\n\s*[-+•]|\n\s*\d+\.\s").search(folded, p, min(stop, p + 300))
    q = m.start() if m else min(stop, p + 300)
    title = " ".join(clean[p:q].split()).strip(" ,")
    title = re.sub(r"\s+(?:và|tại|theo)$", "", title)
    return title or None
