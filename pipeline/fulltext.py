"""Diacritic-free full-text search: a length-preserving fold for the index, the query, and snippets.

FTS5's remove_diacritics leaves 'đ' alone, so the index holds text folded with extractors.lexicon.fold_keep, which
maps each character to exactly one, so that an offset in the folded text is the same offset in the original: the
snippet is cut from the original text, marks and all.
"""
from __future__ import annotations

import re

from extractors.lexicon import fold, fold_keep

_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r'"([^"]*)"')
_SNIPPET_WIDTH = 200


def phrases(query: str) -> list[list[str]]:
    """'"benh an" dien tu 13/2025/TT-BYT' -> [['benh', 'an'], ['dien'], ['tu'], ['13', '2025', 'tt', 'byt']]:
    quoted words stay together, and so do the parts of a word joined by punctuation (a số ký hiệu, 'b/c')."""
    out = [_WORD.findall(fold(p)) for p in _PHRASE.findall(query)]
    rest = re.sub(r"\s*([/-])\s*", r"\1", _PHRASE.sub(" ", query))    # '13 / 2025/TT-BYT' is one number
    out += [_WORD.findall(fold(chunk)) for chunk in rest.split()]
    return [p for p in out if p]


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH string: every word or quoted phrase must occur."""
    parts = phrases(query)
    return " ".join('"' + " ".join(p) + '"' for p in parts) or None


def _pattern(phrase: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in phrase) + r"(?!\w)")


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def snippet(text: str, query: str, width: int = _SNIPPET_WIDTH) -> str:
    """The stretch of the original text around the query's words in a row, else around the most distinct query
    words; each hit in [brackets]."""
    folded = fold_keep(text)
    terms = phrases(query)
    hits = sorted((m.start(), m.end(), i) for i, p in enumerate(terms) for m in _pattern(p).finditer(folded))
    if not hits:
        return " ".join(text[:width].split())
    lead = width // 4
    whole = _pattern([w for p in terms for w in p]).search(folded) if len(terms) > 1 else None
    anchor = whole.start() if whole else max(
        (s for s, _, _ in hits), key=lambda a: len({i for s, e, i in hits if a - lead <= s and e <= a - lead + width}))
    start = _word_start(text, max(0, anchor - lead))
    end = _word_end(text, min(len(text), start + width))
    out, pos = [], start
    for s, e, _ in hits:
        if s >= pos and e <= end:
            out += [text[pos:s], "[", text[s:e], "]"]
            pos = e
    out.append(text[pos:end])
    body = re.sub(r"\]\s+\[", " ", " ".join("".join(out).split()))
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
