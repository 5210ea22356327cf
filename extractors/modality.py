"""Modal markers (FORMAT.md §5): which words command, request, assign, prohibit, ask for coordination or
a report, and which uses of them are not commands: nouns ('theo đề nghị của'), past or exempted acts,
conditions, and sentences that are no duty at all (preamble, purpose, the document's own acts)."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import read_tsv, unpreceded

CONDITION = re.compile(r"\s*(?:Trường hợp|Trong trường hợp|Nếu|Khi)\b", re.IGNORECASE)
PAST = re.compile(r"(?:đã|được|đang|vừa|chưa|không phải)\s+$")   # done, pending, or exempted: no command
SECTION_WORDS = 12
TAKING_EFFECT = re.compile(unpreceded("từ", r"\w") + r" ngày\s+(?:\w+\s+){1,3}này\s+có hiệu lực\b")


@lru_cache(maxsize=None)
def _markers() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((r[0], r[1]) for r in read_tsv("modal_markers.tsv")), key=lambda x: -len(x[1])))


@lru_cache(maxsize=None)
def _marker_pattern() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for _, m in _markers()) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def non_duty(kind: str) -> tuple[str, ...]:
    return tuple(r[1] for r in read_tsv("non_duty_markers.tsv") if r[0] == kind)


@lru_cache(maxsize=None)
def _noun_pattern() -> re.Pattern:
    nouns = sorted(non_duty("noun"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in nouns) + r")(?!\w)")


@lru_cache(maxsize=None)
def _duty_sections() -> tuple[str, ...]:
    return tuple(r[0] for r in read_tsv("duty_sections.tsv"))


def _modality_of(marker: str) -> str:
    low = marker.lower()
    return next(mod for mod, m in _markers() if m == low)


@lru_cache(maxsize=1024)      # the heading, clause and non-duty rules ask about the same sentences
def find_markers(s: str) -> tuple[tuple[int, int, str], ...]:
    """Marker uses in s as (start, end, modality); noun uses ('theo đề nghị của'), past ones ('đã giao') and
    those inside a leading condition ('Trường hợp phải cấp mới …, thì …') dropped."""
    low = s.lower()
    nouns = [(m.start(), m.end()) for m in _noun_pattern().finditer(low)]
    cond = CONDITION.match(s)
    main = 0
    if cond:
        then = re.search(r"\bthì\b|,", s[cond.end():])
        main = cond.end() + then.end() if then else len(s)
    out = []
    for m in _marker_pattern().finditer(s):
        if m.start() < main or any(a <= m.start() < b for a, b in nouns) \
                or PAST.search(low[max(0, m.start() - 8):m.start()]):
            continue
        modality = _modality_of(m.group(0))
        if modality in ("assign", "request") and s[m.end():m.end() + 1] in (",", ".", ";", ")"):
            continue              # 'lộ trình của Thủ tướng Chính phủ giao,': no one is told anything
        out.append((m.start(), m.end(), modality))
    return tuple(out)


def starts_with(s: str, phrases: tuple[str, ...]) -> bool:
    orig = s.lstrip(" -–+*•\"“(")
    low = orig.lower()
    if not low.startswith(phrases):
        return False
    # a capital right after the phrase is a new word whose space a web copy lost: 'Ban hành kèm theoQuyết định'
    return any(low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum() or orig[len(p)].isupper())
               for p in phrases)


def is_non_duty(s: str, in_duties: bool = False) -> bool:
    """Preamble, purpose, narrative, own acts, entry into force. A fronted purpose or ground followed by a
    request ('Để …, Sở Y tế yêu cầu các đơn vị …'), or 'Căn cứ …, <do>' inside a duty article, is a duty."""
    # 'kể từ ngày Thông tư này có hiệu lực' only dates a duty; the entry into force is a sentence of its own
    low = TAKING_EFFECT.sub("", s.lower())
    if starts_with(s, non_duty("act")) or any(p in low for p in non_duty("any")):
        return True
    if not starts_with(s, non_duty("start")):
        return False
    if in_duties and starts_with(s, ("căn cứ",)):
        return False
    comma = s.find(",")
    return comma < 0 or not any(m[2] in ("request", "assign") and m[0] > comma for m in find_markers(s))


def section_kind(title: str) -> str | None:
    t = title.lower().strip(" .:")
    if len(t.split()) > SECTION_WORDS:
        return None               # a sentence ending in ':' is no section title
    if any(t.startswith(p) for p in non_duty("section")):
        return "skip"
    if any(t.startswith(p) for p in _duty_sections()):
        return "duties"
    return None
