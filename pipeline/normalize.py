"""Normalize Vietnamese text and join pages, keeping page offsets."""
from __future__ import annotations

import unicodedata

from .document import Page


def normalize(pages: tuple[str, ...]) -> tuple[str, tuple[Page, ...]]:
    out, spans, pos = [], [], 0
    for n, page in enumerate(pages, 1):
        t = unicodedata.normalize("NFC", page)
        out.append(t)
        spans.append(Page(n, pos, pos + len(t)))
        pos += len(t) + 1
    return "\n".join(out), tuple(spans)
