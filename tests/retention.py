"""Word retention: the share of a source text's words (with their counts) found in a reader's output."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text)))


def word_retention(source: str, output: str) -> float:
    want, got = words(source), words(output)
    return sum(min(n, got[w]) for w, n in want.items()) / max(1, sum(want.values()))
