"""Data tables shared by the extractors, loaded from extractors/data/*.tsv."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def fold_by_decomposition(s: str) -> str:
    """Lower case without marks, 'đ' folded to 'd', 'Ð' look-alike too: a matching key for Vietnamese."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("ð", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


# Latin letters, their combining marks and general punctuation fold one character at a time, so a table does it
# (fold is the hottest call of the extractors); text with any other character takes the decomposition.
_TABLE_RANGES = ((0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00))
# ASCII and punctuation map to themselves, but must be in the table too: a miss costs translate a raised KeyError.
_FOLD_TABLE = {c: fold_by_decomposition(chr(c))
               for lo, hi in ((0x00, 0x80), *_TABLE_RANGES, (0x2002, 0x2070)) for c in range(lo, hi)}
_OUTSIDE_TABLE = re.compile(r"[^\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2002-\u206f]")


def fold(s: str) -> str:
    """fold_by_decomposition, by table where the text allows."""
    s = s.lower()
    if s.isascii():
        return s
    if _OUTSIDE_TABLE.search(s):
        return fold_by_decomposition(s)
    return s.translate(_FOLD_TABLE)


# The characters of most texts: ASCII, the fold table's and general punctuation; fold_each tables them once.
_COMMON_RANGES = ((0x00, 0x80), *_TABLE_RANGES, (0x2000, 0x2070))
_RARE = re.compile("[^" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi - 1))}" for lo, hi in _COMMON_RANGES) + "]")


@lru_cache(maxsize=None)
def _common_table(fold_char: Callable[[str], str]) -> dict[int, str]:
    return {c: fold_char(chr(c)) for lo, hi in _COMMON_RANGES for c in range(lo, hi)}


def fold_each(text: str, fold_char: Callable[[str], str]) -> str:
    """text with every character c replaced by fold_char(c), one character: a same-length view of the text.
    One str.translate over a table of the common characters, built once, and the rare ones of this text: a
    character missing from the table costs translate a raised KeyError, and tabling set(text) for each document
    cost as much again."""
    table = _common_table(fold_char)
    rare = {ord(c): fold_char(c) for c in set(_RARE.findall(text))}
    return text.translate(table | rare if rare else table)


@lru_cache(maxsize=None)
def _fold_one(c: str) -> str:
    f = fold(c)
    return f[0] if f else c


def fold_keep(text: str) -> str:
    """fold() character by character, so that an offset in the result is the same offset in text: a character
    that folds to nothing (a lone mark) stays, one that folds to several ('ǅ') keeps the first."""
    return fold_each(text, _fold_one)


def unpreceded(word: str, *before: str) -> str:
    """Regex for the literal word where no match of the fixed-width patterns before (default: a letter of the
    folded text) ends right before it. The look-behinds follow the word instead of leading it: a pattern that
    opens with a look-behind is tried at every character of a text, one that opens with letters only where they
    stand, up to twenty times faster over a whole document."""
    return word + "".join(f"(?<!{b}{word})" for b in before or ("[a-z]",))


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class DocType:
    slug: str
    name: str
    abbreviations: tuple[str, ...]


@lru_cache(maxsize=None)
def doc_types() -> tuple[DocType, ...]:
    return tuple(DocType(r[0], r[1], tuple(a for a in (r[2] if len(r) > 2 else "").split(",") if a))
                 for r in read_tsv("doc_types.tsv"))


@lru_cache(maxsize=None)
def type_by_abbreviation() -> dict[str, str]:
    """'QĐ' -> 'quyet_dinh'; keys are upper case with 'Đ' kept (the symbol grammar is case-sensitive)."""
    return {a.upper(): t.slug for t in doc_types() for a in t.abbreviations}


@lru_cache(maxsize=None)
def type_by_name() -> dict[str, str]:
    """folded name -> slug: 'quyet dinh' -> 'quyet_dinh'."""
    return {fold(t.name): t.slug for t in doc_types()}
