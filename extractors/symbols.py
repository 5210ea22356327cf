"""The grammar of số ký hiệu (FORMAT.md §3): parse '13/2025/TT-BYT', '1366/BYT-K2ĐT', '72-NQ/TW' into parts.

normative := NUM/YEAR/TYPE-ISSUER(-ISSUER)*      law   := NUM/YEAR/(QH|UBTVQH)TERM
admin     := NUM/TYPE-ISSUER(-UNIT)*             congvan := NUM/ISSUER-UNIT(-SUBUNIT)*
party     := NUM-TYPE/ISSUER
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import type_by_abbreviation

_GROUP = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"
NUMBER_SYMBOL = re.compile(
    rf"(?P<num>\d{{1,6}}[a-z]?)\s*/\s*(?:(?P<year>(?:19|20)\d{{2}})\s*/\s*)?(?P<sym>{_GROUP}(?:\s?[-/]\s?{_GROUP})*)")
PARTY = re.compile(r"(?P<num>\d{1,5})\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđi]*)\s*/\s*(?P<iss>[A-ZĐ][A-Za-zĐđ0-9]*)")


@dataclass(frozen=True)
class NumberSymbol:
    number: str | None
    year: int | None
    symbol: str              # without spaces, 'Ð' folded: 'TT-BYT', 'BYT-K2ĐT', 'NQ/TW'
    doc_type: str | None     # slug from the symbol's grammar; 'cong_van' when it starts with an issuer
    id: str                  # canonical: '13/2025/TT-BYT', '1366/BYT-K2ĐT', '72-NQ/TW'


def clean(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("Ð", "Đ").replace("–", "-").replace("—", "-"))


def type_of_symbol(symbol: str) -> str | None:
    """'TT-BYT' -> 'thong_tu', 'QH15' -> 'luat' (or a QH resolution; the caller's type word decides),
    'BYT-K2ĐT' -> 'cong_van'."""
    first = re.split(r"[-/]", symbol, maxsplit=1)[0]
    table = type_by_abbreviation()
    if first.upper() in table:
        return table[first.upper()]
    if re.fullmatch(r"(QH|UBTVQH)\d*", first):
        return "luat"
    return "cong_van"


def parse(match: re.Match) -> NumberSymbol:
    """A match of NUMBER_SYMBOL or PARTY -> its parts."""
    if "type" in match.groupdict():
        num, typ, iss = match.group("num"), clean(match.group("type")), clean(match.group("iss"))
        slug = type_by_abbreviation().get(typ.upper())
        return NumberSymbol(num, None, f"{typ}/{iss}", slug, f"{num}-{typ}/{iss}")
    num, year, sym = match.group("num"), match.group("year"), clean(match.group("sym"))
    ident = f"{num}/{year}/{sym}" if year else f"{num}/{sym}"
    return NumberSymbol(num, int(year) if year else None, sym, type_of_symbol(sym), ident)


def parse_text(s: str) -> NumberSymbol | None:
    """Parse a whole string such as '13/2025/TT-BYT' or '72-NQ/TW'; None when it is not one."""
    s = s.strip()
    for rx in (PARTY, NUMBER_SYMBOL):
        m = rx.fullmatch(s)
        if m:
            return parse(m)
    return None
