"""Canonical keys for số ký hiệu, so that a citation matches however a document wrote the number."""
from __future__ import annotations

from functools import lru_cache

from extractors.symbols import NUMBER_SYMBOL, clean, parse, parse_text

# The number line sits in the header; looking further would pick up cited numbers.
_HEADER_CHARS = 3000


def canonical(ident: str) -> str:
    """'13 / 2025/TT-BYT' -> '13/2025/TT-BYT': spaces and look-alike characters gone, as extractors.symbols writes it."""
    parsed = parse_text(clean(ident))
    return parsed.id if parsed else clean(ident)


@lru_cache(maxsize=4096)   # a batch cites a few hundred distinct numbers, each many times over
def id_key(ident: str) -> str:
    """'13 / 2025/tt-byt' -> '13/2025/TT-BYT': the canonical id in upper case (case varies in citations)."""
    return canonical(ident).upper()


def own_number_symbol(record: dict) -> str | None:
    """The document's own canonical id, with the year segment exactly when the number line prints one."""
    head = record.get("header") or {}
    number, symbol = head.get("number"), head.get("symbol")
    if not number or not symbol:
        return None
    for match in NUMBER_SYMBOL.finditer(record.get("text", "")[:_HEADER_CHARS]):
        found = parse(match)
        if found.number == number and found.symbol.upper() == clean(symbol).upper():
            return found.id
    return f"{number}/{clean(symbol)}"
