"""Sentence case for names printed in capitals in the header and the signature ('UBND TỈNH QUẢNG NGÃI' ->
'UBND tỉnh Quảng Ngãi', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' -> 'Sở Giáo dục và Đào tạo', 'PHÓ GIÁM ĐỐC' -> 'Phó Giám đốc').

Vietnamese official names capitalize their first word, the first word of the field after a ministry-like head
word (Bộ, Sở, Cục …, with the word after 'và' / '-' in that field), every word of a place name after its
administrative unit (tỉnh, huyện …), and a few proper phrases; abbreviations (no vowel: UBND, GDĐT) stay."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import fold, read_tsv

PLACE_UNITS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
_UNIT_WORDS = tuple(tuple(u.split()) for u in PLACE_UNITS)
# A Vietnamese syllable (marks folded): what does not read as one is an abbreviation ('UBND', 'GDĐT', 'THPT').
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
PROPER = ("Việt Nam", "Chính phủ", "Trung ương", "Quốc hội", "Nhà nước", "Hồ Chí Minh", "Tổ quốc")
# 'TP.HỒ CHÍ MINH': the unit glued to the place's first word
GLUED_CITY = re.compile(r"(TP\.|Tp\.)(\w.*)", re.IGNORECASE)
# Titles whose second word is capitalized ('Phó Giám đốc', 'Chủ tịch Hội đồng', 'Thứ trưởng Thường trực').
TITLE_PARTS = ("giam doc", "chu tich", "thu tuong", "bo truong", "thu truong", "hieu truong", "van phong", "cuc truong",
               "vu truong", "vien truong", "chanh thanh tra",
               "hoi dong", "thuong truc", "chanh van phong", "tong giam doc", "truong ban", "truong phong")
_TITLE_PART_WORDS = tuple(tuple(p.split()) for p in TITLE_PARTS)


@lru_cache(maxsize=None)
def _heads() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(head words, '1' field capitalized after it | '2' a place name after it | '0')."""
    rows = [(tuple(r[0].lower().split()), r[1].strip()) for r in read_tsv("org_heads.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def _heads_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """_heads() by their first word, in their order: a word is looked for only among the heads it opens."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for head in _heads():
        found.setdefault(head[0][0], []).append(head)
    return {word: tuple(heads) for word, heads in found.items()}


@lru_cache(maxsize=None)
def _proper_words() -> tuple[tuple[list[str], tuple[str, ...]], ...]:
    """Each proper phrase's words and their folds."""
    return tuple((p.split(), tuple(fold(w) for w in p.split())) for p in PROPER)


@lru_cache(maxsize=4096)      # the name's words are asked again while it is cased
def is_abbreviation(word: str) -> bool:
    key = fold(word).strip(",.;:()“”\"'‘’«»")
    return bool(key) and (not SYLLABLE.fullmatch(key) or any(c.isdigit() for c in word))


def _starts(keys: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(keys[i:i + len(phrase)]) == phrase


def sentence_case(s: str) -> str:
    """An upper-case organisation name in the casing official texts use."""
    words = s.split()
    keys = [w.lower().strip(",.;:()") for w in words]
    out = [w if is_abbreviation(w) else w.lower() for w in words]
    folded = [fold(k) for k in keys]
    cap = [False] * len(words)
    i, in_field, in_place = 0, False, False
    while i < len(words):
        glued = GLUED_CITY.fullmatch(words[i])
        if glued and i > 0:
            out[i] = "TP." + _cap(glued.group(2).lower())
            in_place = True
            i += 1
            continue
        unit = next((u for u in _UNIT_WORDS if _starts(keys, i, u)), None)
        if unit and i > 0 and keys[i + 1:i + 2] != ["hội"]:      # 'xã hội' is no commune
            in_place = True
            i += len(unit)
            continue
        if i == 0 or in_place:
            cap[i] = True
        for p, folds in _proper_words():
            if _starts(folded, i, folds):
                for k, w in enumerate(p):
                    cap[i + k] = w[0].isupper()
        head = next((h for h in _heads_by_first_word().get(keys[i], ()) if _starts(keys, i, h[0])), None)
        if head:
            n = len(head[0])
            cap[i] = cap[i] or (i > 0 and keys[i - 1] in ("-", "–"))    # joint issuers: '… CHÍNH PHỦ - BỘ NỘI VỤ'
            in_field = head[1] == "1"
            in_place = in_place or head[1] == "2"
            if in_field and i + n < len(words):
                cap[i + n] = True
                if is_abbreviation(words[i + n]):      # 'Trường THPT Cao Lãnh 2': a name follows the kind
                    in_place = True
            i += n
            continue
        if in_field and keys[i] in ("và", "-", "–") and i + 1 < len(words):
            cap[i + 1] = True
        i += 1
    return " ".join(_cap(w) if c and not is_abbreviation(w) else w for w, c in zip(out, cap))


def title_case(s: str) -> str:
    """A signer's title: 'PHÓ GIÁM ĐỐC' -> 'Phó Giám đốc', 'KT. BỘ TRƯỞNG' -> 'KT. Bộ trưởng'."""
    words = s.split()
    keys = [fold(w).strip(",.;:") for w in words]
    out = [w if re.fullmatch(r"(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?", w) or is_abbreviation(w) else w.lower()
           for w in words]
    for i in range(len(out)):
        if i == 0 or any(_starts(keys, i, p) for p in _TITLE_PART_WORDS) or keys[i - 1].endswith("."):
            out[i] = _cap(out[i])
    return " ".join(out)


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def subject_case(s: str) -> str:
    """A trích yếu printed in capitals, in sentence case; numbers and symbols ('31/2015/TT-BYT') stay."""
    if not any(c.islower() for c in s):
        words = s.split()
        s = " ".join(w if any(c.isdigit() for c in w) or "-" in w.strip("-") or i and is_abbreviation(w)
                     else w.lower() for i, w in enumerate(words))
    return s[:1].upper() + s[1:]
