"""How usable a PDF page's text layer is: missing, only a signature stamp, broken, or ok.

Judged from general properties of Vietnamese text, so that it holds for documents of any issuer:
in real Vietnamese most syllables carry a mark, nearly every word is a well-formed syllable,
and a word never lacks a vowel unless it is an upper-case abbreviation."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.lexicon import fold

MISSING, STAMP, BROKEN, OK = "missing", "stamp", "broken", "ok"

# Lines an e-signature or a gazette relay adds on top of a scan (NĐ30 box 8 and the signing
# software's own footer); a page carrying nothing else has no text of its own.
STAMP_LABEL = (r"ký\s+bởi|người\s+ký|thời\s+gian\s+ký|ngày\s+ký|ký\s+ngày|cơ\s+quan\s*:|email\s*:|chức\s+vụ\s*:"
               r"|signature\s+(?:valid|not\s+verified)|digitally\s+signed|signed\s+by|date\s*:|reason\s*:|location\s*:")
TIME_ALONE = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{2}:?\d{2})?\s*$|[+-]\d{2}:\d{2}\s*$"
SIGNED_AT = r"\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,2}:\d{2}"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]*)+"
LINE_START = f"^\\s*(?:{STAMP_LABEL}|{TIME_ALONE})"       # one anchor for all: a page is scanned much faster
STAMP_LINE = re.compile(f"(?i){LINE_START}|{EMAIL}|{SIGNED_AT}")
# The same lines but an e-mail sought in a whole page at once: a line that matches is found there too, so a
# page without a match and without '@' has no stamp line (exact when '\n' is its only line break). The
# e-mail pattern is left to '@': it alone costs more than all the others over a page.
STAMP_LINE_IN_PAGE = re.compile(f"(?i){LINE_START}|{SIGNED_AT}", re.M)
OTHER_BREAK = re.compile("[\r\v\f\x1c-\x1e\x85\u2028\u2029]")   # the line breaks of str.splitlines besides \n
STAMP_MARKER = re.compile(r"(?i)ký\s+bởi|người\s+ký|thời\s+gian\s+ký|signature\s+valid|digitally\s+signed|signed\s+by")

# Fewer letters than this outside stamp lines: the page has no text of its own (a real page,
# even a last page holding only 'Nơi nhận' and the signer, has more).
MIN_OWN_LETTERS = 100
MIN_LETTERS = 40
MIN_WORDS_TO_JUDGE = 20
MIN_ACCENTED = 10

ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
RHYME = r"[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?"
SYLLABLE = re.compile(f"{ONSET}{RHYME}")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Stats:
    words: int
    marked: float          # share of words with a Vietnamese mark (any non-ASCII letter)
    syllables: float       # share of words that are well-formed Vietnamese syllables once folded
    specific: float        # share of the non-ASCII letters that lie outside Latin-1 (ă đ ơ ư ạ … ỹ)


def own_text(text: str) -> str:
    """The page text without e-signature stamp lines."""
    if "@" not in text and not OTHER_BREAK.search(text) and not STAMP_LINE_IN_PAGE.search(text):
        return text.removesuffix("\n")         # what joining its lines again gives
    return "\n".join(line for line in text.splitlines() if not STAMP_LINE.search(line))


def stats(text: str) -> Stats:
    words = WORD.findall(text)
    n = len(words) or 1
    marked = len(words) - sum(map(str.isascii, words))
    syllables = sum(map(is_syllable, words))
    joined = "".join(words)
    accented = _outside(joined, "ascii")
    specific = _outside(joined, "latin-1") / accented if accented >= MIN_ACCENTED else 1.0
    return Stats(len(words), marked / n, syllables / n, specific)


@lru_cache(maxsize=1 << 16)     # words recur within a page and across documents: each is folded once
def is_syllable(word: str) -> bool:
    return SYLLABLE.fullmatch(fold(word)) is not None


def _outside(text: str, charset: str) -> int:
    """How many characters of the text the charset lacks."""
    return len(text) - len(text.encode(charset, "ignore"))


def is_broken(s: Stats) -> bool:
    if s.words < MIN_WORDS_TO_JUDGE:
        return False
    # Vietnamese words with their marks stripped ('CQNG HOA XA HQI'); English (no marks either)
    # has far fewer well-formed syllables (about a quarter)
    ascii_folded = s.marked < 0.1 and s.syllables > 0.55
    garbled = s.marked >= 0.1 and s.syllables < 0.5            # marked text, but half the words noise
    # 'C NG HOÀ XÃ H I': an export that kept only Latin-1 letters; real Vietnamese is full of ư ơ đ ạ ệ …
    marks_dropped = s.specific < 0.1
    return ascii_folded or garbled or marks_dropped


def letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def fewer_letters(text: str, n: int) -> bool:
    """letters(text) < n, told from the text's start when that already holds n letters (a page of text does)."""
    return letters(text[:4 * n]) < n and letters(text) < n


def quality(text: str) -> str:
    """missing | stamp | broken | ok for one page's text layer."""
    # The cheap tests first: a page of text has its letters, and then no stamp marker is sought.
    if fewer_letters(text, MIN_LETTERS) and not STAMP_MARKER.search(text):
        return MISSING
    own = own_text(text)
    if fewer_letters(own, MIN_OWN_LETTERS) and STAMP_MARKER.search(text):
        return STAMP
    return BROKEN if is_broken(stats(own)) else OK
