"""Issuing bodies and their codes in số ký hiệu ('BYT' = 'Bộ Y tế'), from extractors/data/issuers.tsv."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import fold, read_tsv


@lru_cache(maxsize=None)
def _rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((r[0], tuple(r[1].split("|"))) for r in read_tsv("issuers.tsv"))


@lru_cache(maxsize=None)
def codes() -> frozenset[str]:
    """Upper-case codes: 'BYT', 'TTG', 'UBND'."""
    return frozenset(code.upper() for code, _ in _rows())


def name_of(code: str) -> str | None:
    """'TTg' -> 'Thủ tướng Chính phủ'; None for a code the table lacks."""
    return next((names[0] for c, names in _rows() if c.upper() == code.upper()), None)


@lru_cache(maxsize=None)
def folded_name_rx() -> re.Pattern:
    """Any name of the table, folded, longest first, a line break allowed between words: 'uy ban\\s+nhan dan'."""
    names = sorted({fold(n) for _, names in _rows() for n in names}, key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r"(?![a-z0-9])")
