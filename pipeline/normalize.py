"""Normalize Vietnamese text and join pages into one text, one line per paragraph, keeping page offsets.

Readers hand over text as printed: hard-wrapped lines (pdftotext, e-mailed text), sometimes with a
blank line after every printed line (text saved from a web page). The extractors need one line per
paragraph or list item, with the header lines (Số, place and date, V/v), Kính gửi and Nơi nhận
items and signature lines each on their own line. So lines are joined only where the text shows a
wrap: a continuation that starts in lower case, or (in hard-wrapped text) a line filled to the
wrap width whose successor does not start an item."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .document import Page

# Replaced one by one (no fix is itself replaced): str.replace skips through a page, where str.translate looked up
# every character, a third of the time of normalize.
CHAR_FIXES = {
    "\u00d0": "Đ", "\u00f0": "đ",               # Icelandic eth, a common look-alike of Đ/đ
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\v": "\n", "\f": "\n", "\r": "\n",
}
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# A run of spaces, or one odd space, becomes one space. A lone ' ' is left alone (rewriting it costs a
# substitution each), and the pattern opens with a character class, so a scan goes from space to space.
SPACES = re.compile(r"[ \u2000-\u200a](?:[ \u2000-\u200a]+|(?<=[\u2000-\u200a]))")

# Line openings that start a new paragraph, list item or header line (NĐ30 Phụ lục I).
BLOCK_START = re.compile(r"""[“"]?(?:                 # an amending text quotes its items
    [-+•*–—\uf000-\uf0ff]\s*[^\d\s]                # dash lists (and Symbol-font bullets): Kính gửi, Nơi nhận, items
  | \d{1,3}(?:\.\d{1,3})*[.)]\s+\S                # 1.  1.2.  2)
  | [a-zđ][).]\s                                   # điểm a) … đ), also written a.
  | [IVXLC]{1,6}[.)]\s+\S                          # I.  II.
  | Điều\s+\d+[a-z]?\.                             # Điều 3.
  | (?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ\s+lục|PHỤ\s+LỤC)\s+[\dIVXLC]+\b
  | Số\s*:  | Số\s+hiệu\b | V/v\b | Kính\s+gửi\b | Nơi\s+nhận\b | Căn\s+cứ\b
  | (?:TM|KT|TL|TUQ|T/M|K/T|T/L)\.?\s+\S
  | [A-ZĐ][^\n,;.]{1,40},\s+ngày\b                 # Hà Nội, ngày …
)""", re.VERBOSE)
# Lines after which nothing is joined: their text ends where the line ends.
LINE_OF_ITS_OWN = re.compile(r"(?:\(.*\)$|Số\s*:|Kính\s+gửi\s*:?\s*$|Nơi\s+nhận|[A-ZĐ][^\n,;.]{1,40},\s+ngày\b)")
SENTENCE_END = re.compile(r"[.;:!?]$")
ITEM_END = re.compile(r"[.;:!?]$|^(?:Kính\s+gửi|Nơi\s+nhận)")
DASH_ITEM = re.compile(r"[-–—]\s")
SYMBOL_HYPHEN = re.compile(r"\w-$")
LONE_PAGE_NUMBER = re.compile(r"(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?", re.IGNORECASE)

# Text with a blank line after most lines: at most this share of lines touch the next (list items
# may, as in text saved from a web page).
MAX_ADJACENT_SHARE = 0.3
# Hard-wrapped text: lines end near one width; the bounds on that width, in characters.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 30, 130
# Share of the longer lines (half the width or more) that must come close to the width for the
# text to count as hard-wrapped; short lines (table cells, last lines) say nothing.
MIN_NEAR_WIDTH_SHARE = 0.5
# A line was wrapped when the next word would have taken it past this share of the width (the
# share allows for proportional fonts) and it fills at least the minimum share.
WRAP_FILL, MIN_WRAPPED_SHARE = 0.95, 0.5
# A line repeated at the top or bottom of at least this share of pages is a running header/footer.
RUNNING_SHARE = 0.5
MIN_RUNNING_LENGTH = 10


def starts_block(line: str) -> bool:
    return bool(BLOCK_START.match(line))


@lru_cache(maxsize=4096)      # a line is asked three times: for the wrap width, as the line above and below
def is_heading(line: str) -> bool:
    """An upper-case line: issuer, motto, type name, section heading, signer, urgency mark. Not a
    wrapped symbol or acronym ('500/BYT-QĐ.', 'SIDA.'): a heading has two upper-case words, or one
    with no closing punctuation."""
    if not all(map(str.isupper, filter(str.isalpha, line))):
        return False
    words = [w for w in (w.strip(",;:.()") for w in line.split()) if len(w) >= 2 and w.isalpha()]
    return len(words) >= 2 or len(words) == 1 and not line.endswith((".", ";", ","))


def normalize(pages: tuple[str, ...]) -> tuple[str, tuple[Page, ...]]:
    cleaned = _drop_furniture([_clean(p) for p in pages])
    lines = [(n, line) for n, page in enumerate(cleaned, 1) for line in page]
    paragraphs = _join(lines)
    return _assemble(paragraphs, len(pages))


def _clean(page: str) -> list[str]:
    text = unicodedata.normalize("NFC", page)
    for char, fix in CHAR_FIXES.items():
        text = text.replace(char, fix)
    text = SPACES.sub(" ", CONTROLS.sub("", text))
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers (a lone number at the top or bottom of pages 2+) and lines repeated at
    the top (or bottom) of most pages (running headers, footers, signing stamps). Short lines are
    kept: a table cell ('Đạt', 'x') can end many pages."""
    counts = Counter()
    for page in pages:
        counts.update({(edge, l) for edge, l in _edge_lines(page) if len(l) >= MIN_RUNNING_LENGTH})
    running = {k for k, c in counts.items() if len(pages) >= 3 and c >= RUNNING_SHARE * len(pages)}
    out = []
    for n, page in enumerate(pages, 1):
        drop = {l for edge, l in _edge_lines(page)
                if n > 1 and (LONE_PAGE_NUMBER.fullmatch(l) or (edge, l) in running)}
        out.append([l for l in page if l not in drop])
    return out


def _edge_lines(page: list[str]) -> list[tuple[str, str]]:
    content = [l for l in page if l]
    return [("top", l) for l in content[:2]] + [("bottom", l) for l in content[-2:]]


def _join(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]] | None]:
    """Paragraphs as lists of (page, line) pieces; None marks a paragraph break (blank line)."""
    blanks = _blank_runs(lines)
    double_spaced = bool(blanks) and sum(1 for b in blanks if b == 0) <= MAX_ADJACENT_SHARE * len(blanks)
    width = _wrap_width([l for _, l in lines if l])
    printed = double_spaced or width is not None      # as printed, line by line
    out: list[list[tuple[int, str]] | None] = []
    gap = 0
    for n, line in lines:
        if not line:
            gap += 1
            continue
        # With a blank after every printed line, blank lines say nothing about paragraphs.
        breaks = gap >= 1 and not double_spaced
        gap = 0
        last = out[-1] if out else None
        if last is not None and not breaks and _continues(last[-1][1], line, width, printed):
            last.append((n, line))
            continue
        if breaks and out and out[-1] is not None:
            out.append(None)
        out.append([(n, line)])
    return out


def _blank_runs(lines: list[tuple[int, str]]) -> list[int]:
    """For each pair of successive non-empty lines, how many blank lines stand between them."""
    runs, gap, seen = [], 0, False
    for _, line in lines:
        if not line:
            gap += 1
            continue
        if seen:
            runs.append(gap)
        seen, gap = True, 0
    return runs


def _wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when its lines are paragraphs."""
    lengths = sorted(len(l) for l in lines if not is_heading(l))
    if len(lengths) < 5:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    longer = [n for n in lengths if n >= 0.5 * width]
    near = sum(1 for n in longer if n >= 0.85 * width)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH or near < MIN_NEAR_WIDTH_SHARE * len(longer):
        return None
    return width


def _continues(above: str, below: str, width: int | None, printed: bool) -> bool:
    if is_heading(above) or LINE_OF_ITS_OWN.match(above):
        return False
    if is_heading(below) and not above.endswith(","):
        return False
    carried = carried_dash(above, below)
    if starts_block(below) and not carried:
        return False
    # A paragraph never opens in lower case, and never ends on a comma; in printed lines, one that
    # ends without punctuation is cut off when the next carries on with a number (a date, a
    # symbol); elsewhere such a line is a table row.
    if below[:1].islower() or above.endswith(","):
        return True
    if printed and below[:1].isdigit() and not SENTENCE_END.search(above):
        return True
    if width is None or SENTENCE_END.search(above) and below[:1].isupper():
        return False
    if carried:   # without geometry only an exact fit tells a carried dash from an item
        return len(" ".join([above, *below.split(" ", 2)[:2]])) > width
    lead = below.split(" ", 1)[0]
    return len(above) >= MIN_WRAPPED_SHARE * width and len(above) + 1 + len(lead) > WRAP_FILL * width


def carried_dash(above: str, below: str) -> bool:
    """A line opening with a dash may be a wrapped ' - ' (Bộ Y tế - Bộ Tài chính) rather than an
    item, when the line above does not end like an item or its lead-in."""
    return bool(DASH_ITEM.match(below)) and not ITEM_END.search(above)


def joiner(above: str) -> str:
    """What joins a wrapped line to the next: a space, or nothing after a hyphen inside a symbol
    (TT-|BYT): Vietnamese words are never hyphenated at a line end."""
    return "" if SYMBOL_HYPHEN.search(above) else " "


def _assemble(paragraphs, page_count: int) -> tuple[str, tuple[Page, ...]]:
    parts: list[str] = []
    starts: dict[int, int] = {}
    pos = 0
    for para in paragraphs:
        if parts:
            pos += 1                     # the newline before this line
        if para is None:
            parts.append("")
            continue
        line = ""
        for n, piece in para:
            if line:
                line += joiner(line)
            starts.setdefault(n, pos + len(line))
            line += piece
        pos += len(line)
        parts.append(line)
    text = "\n".join(parts)
    bounds = [0] * (page_count + 2)
    bounds[page_count + 1] = len(text)
    for n in range(page_count, 0, -1):
        bounds[n] = starts.get(n, bounds[n + 1])
    bounds[1] = 0
    return text, tuple(Page(n, bounds[n], bounds[n + 1]) for n in range(1, page_count + 1))
