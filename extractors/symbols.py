"""The grammar of số ký hiệu (FORMAT.md §3): parse '13/2025/TT-BYT', '1366/BYT-K2ĐT', '72-NQ/TW' into parts.

normative := NUM/YEAR/TYPE-ISSUER(-ISSUER)*      law   := NUM/YEAR/(QH|UBTVQH)TERM
admin     := NUM/TYPE-ISSUER(-UNIT)*             congvan := NUM/ISSUER-UNIT(-SUBUNIT)*
party     := NUM-TYPE/ISSUER

Noise tolerated (FORMAT.md §3 'Noise to normalise'): spaces around '/' and '-' ('5958 /BYT-VPB', 'NĐ -CP'), a number
broken after a separator at a line end, Markdown '**' (read through view()), 'Ð' for 'Đ', OCR 'O' for '0' inside the
number, a word glued to the symbol ('TT-BYTngày'), a missing hyphen between type and issuer ('TTBYT') and a doubled
last letter ('TT-BYTT') when the issuer table knows the corrected code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .issuers import codes as issuer_codes
from .lexicon import type_by_abbreviation

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# A group is upper case with at most one short lower-case run: 'TTg', 'CTr', 'QĐi', 'QyĐ', 'K2ĐT'.
# The National Assembly's term may stand apart from it: '43/2013/QH 13'.
_GROUP = rf"(?:(?:UBTVQH|QH)[ \t]\d{{2}}\b|[A-ZĐÐ][A-ZĐÐ0-9&]*(?:[a-z]{{1,2}}(?![{LOWER}])[A-ZĐÐ0-9&]*)?)"
# Spaces may stand before a separator only on its line; after one, a line may break ('TT-\nBYT'), past one stray
# OCR mark at the line's end ('TTLT-BYT- l\nBTNMT').
_SEP = r"[ \t]*[-/][ \t]*(?:(?:[^\sA-Z0-9ĐÐ][ \t]*)?\n\s*)?|\.(?=[A-ZĐ][A-ZĐ0-9&]+(?![\w]))"
# The number stands alone, or glued to 'Số' by OCR ('Số13/2025/TT-BYT'), or to what a text layer left of it
# ('Nghị định s20/2008/NĐ-CP'). A digit and colon before it make a time
# or a standard ('QCVN 01:2009/BYT'), not a document number.
# OCR may read a digit as 'O' or drop a stray mark between digits ('28§6/STC-HCSN').
# What stands before the number is looked at from its first character ('.' in the look-behinds), not before it:
# so a scan goes from digit to digit, where a pattern opening with a look-behind is tried at every character.
_OCR_MARKS = "§†‡'’´`"
_NUM = (r"(?P<num>[O\d](?:(?<![\w.,/-].)(?<!\d:.)|(?<=[sS][ốôoỐÔO6].)|(?<=(?<!\w)[sS].))"
        rf"[O\d]*(?<=\d)(?:[{_OCR_MARKS}]?[O\d])*[a-z]?)")
_YEAR = r"(?P<year>(?:19|2[0O])[ \t]?[\dO][ \t]?[\dO])"      # OCR may split it: '20 17', '201 7'
NUMBER_SYMBOL = re.compile(
    rf"{_NUM}[ \t]*\n?[ \t]*/\s*(?:{_YEAR}[ \t]*/\s*)?(?P<sym>{_GROUP}(?:(?:{_SEP}){_GROUP})*)")
# Party groups follow the same case rule ('QĐi', 'TW'), so a glued word ends the issuer: '70-TB/TWngày' -> 'TW'.
_PARTY_GROUP = rf"[A-ZĐÐ][A-ZĐÐ0-9]*(?:[a-zđ]{{1,2}}(?![{LOWER}])[A-ZĐÐ0-9]*)?"
PARTY = re.compile(rf"(?P<num>\d(?<![\w.,/-].)\d{{0,4}})[ \t]*-[ \t]*(?P<type>{_PARTY_GROUP})[ \t]*/[ \t]*"
                   rf"(?P<iss>{_PARTY_GROUP})")

# Same-length substitutions, so that offsets in the view are offsets in the text. No result is itself replaced, so
# one str.replace per pair gives what str.translate would, a hundred times faster on a long text (translate looks
# up every character).
_LOOKALIKES = {"Ð": "Đ", "ð": "đ", "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "*": " ", "\\": " "}


@dataclass(frozen=True)
class NumberSymbol:
    number: str | None
    year: int | None
    symbol: str              # without spaces, 'Ð' folded: 'TT-BYT', 'BYT-K2ĐT', 'NQ/TW'
    doc_type: str | None     # slug from the symbol's grammar; 'cong_van' when it starts with an issuer
    id: str                  # canonical: '13/2025/TT-BYT', '1366/BYT-K2ĐT', '72-NQ/TW'


@dataclass(frozen=True)
class SymbolMatch:
    start: int
    end: int
    value: NumberSymbol


def view(text: str) -> str:
    """text with look-alikes folded and Markdown emphasis blanked, same length: match on it, slice the text."""
    for look_alike, letter in _LOOKALIKES.items():
        text = text.replace(look_alike, letter)
    return text


def clean(s: str) -> str:
    return re.sub(r"[\s*]+", "", view(s))


def groups(symbol: str) -> list[str]:
    return [g for g in re.split(r"[-/.]", symbol) if g]


def type_of_symbol(symbol: str) -> str | None:
    """'TT-BYT' -> 'thong_tu', 'QH15' -> 'luat' (or a QH resolution; the caller's type word decides),
    'BYT-K2ĐT' -> 'cong_van'."""
    parts = groups(symbol) or [symbol]
    table = type_by_abbreviation()
    for head in ("-".join(parts[:2]).upper(), parts[0].upper()):     # 'L-CTN' (Lệnh) before 'L' (Luật)
        if head in table:
            return table[head]
    first = parts[0]
    if re.fullmatch(r"(QH|UBTVQH)\d*", first):
        return "luat"
    return "cong_van"


@lru_cache(maxsize=None)
def _barred() -> dict[str, str]:
    """Known codes with 'Đ' by their spelling without its bar, where that is no known code itself."""
    known = {"QĐ", "NĐ"} | issuer_codes()
    return {k.replace("Đ", "D"): k for k in known if "Đ" in k and k.replace("Đ", "D") not in known}


@lru_cache(maxsize=None)
def _types_longest_first() -> tuple[str, ...]:
    return tuple(sorted(type_by_abbreviation(), key=len, reverse=True))


def _restore_bar(group: str) -> str:
    """OCR and plain-ASCII typing lose the bar of 'Đ': 'QD' -> 'QĐ', 'BGDDT' -> 'BGDĐT' when a known code reads so."""
    return _barred().get(group.upper(), group)


def _repair(symbol: str, year: str | None) -> str:
    """'ND-CP' -> 'NĐ-CP'; 'TTBYT' -> 'TT-BYT', 'QĐBYT' -> 'QĐ-BYT'; for a normative number 'TT-BYTT' -> 'TT-BYT';
    each only when the tables know the result."""
    known = issuer_codes()
    symbol = re.sub(r"[^-/.]+", lambda m: _restore_bar(m.group(0)), symbol)
    parts = symbol.split("-")
    if len(parts) == 1:
        head = parts[0].upper()
        for t in _types_longest_first():
            rest = parts[0][len(t):]
            if head.startswith(t) and rest.upper() in known:
                return f"{parts[0][:len(t)]}-{rest}"
    last = parts[-1]
    if year and len(parts) > 1 and last.upper() not in known and len(last) > 2 and last[-1] == last[-2] \
            and last[:-1].upper() in known:
        parts[-1] = last[:-1]
    return "-".join(parts)


def parse(match: re.Match) -> NumberSymbol:
    """A match of NUMBER_SYMBOL or PARTY -> its parts."""
    if "type" in match.groupdict():
        num, typ, iss = match.group("num"), clean(match.group("type")), clean(match.group("iss"))
        table = type_by_abbreviation()
        slug = table.get(typ.upper()) or table.get(iss.upper())   # old inverted order: '37-BYT/QĐ'
        return NumberSymbol(num, None, f"{typ}/{iss}", slug, f"{num}-{typ}/{iss}")
    num = re.sub(f"[{_OCR_MARKS}]", "", match.group("num")).replace("O", "0")
    year = re.sub(r"\s", "", match.group("year")).replace("O", "0") if match.group("year") else None
    sym = _repair(clean(re.sub(r"([-/])[ \t]*[^\sA-Z0-9ĐÐ][ \t]*\n", r"\1", match.group("sym"))), year)
    ident = f"{num}/{year}/{sym}" if year else f"{num}/{sym}"
    return NumberSymbol(num, int(year) if year else None, sym, type_of_symbol(sym), ident)


def parse_text(s: str) -> NumberSymbol | None:
    """Parse a whole string such as '13/2025/TT-BYT' or '72-NQ/TW'; None when it is not one."""
    s = view(s).strip()
    for rx in (PARTY, NUMBER_SYMBOL):
        m = rx.fullmatch(s)
        if m:
            return parse(m)
    return None


def _capitalised_word_cut(text: str, m: re.Match) -> re.Match | None:
    """A last group of one capital glued to lower case is a word, not a code: '1366/BYT-Khoa học' keeps
    '1366/BYT'; '1/ Đề nghị' (an item number) keeps nothing."""
    sym = m.group("sym")
    if m.end() >= len(text) or not text[m.end()].islower() or not re.search(r"(?:^|[-/.\s])[A-ZĐ]$", sym):
        return m
    keep = len(re.sub(r"[-/.\s]*[A-ZĐ]$", "", sym))
    return NUMBER_SYMBOL.match(text, m.start(), m.start("sym") + keep) if keep else None


def find(text: str, start: int = 0, end: int | None = None) -> list[SymbolMatch]:
    """Every số ký hiệu in text[start:end], in order. Pass the view() of a text (or the text itself)."""
    end = len(text) if end is None else end
    found: list[SymbolMatch] = []
    for rx in (PARTY, NUMBER_SYMBOL):
        for m in rx.finditer(text, start, end):
            if rx is NUMBER_SYMBOL:
                m = _capitalised_word_cut(text, m)
            if m and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(SymbolMatch(m.start(), m.end(), parse(m)))
    return sorted(found, key=lambda f: f.start)
