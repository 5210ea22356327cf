"""Turn the word boxes of one PDF page into text in reading order, one line per paragraph.

NĐ30 puts the header (issuer | motto, number | place and date) and the footer (Nơi nhận | signer) in
two columns. Reading such a page row by row interleaves the columns, and splits a line that has a
blank placeholder in it ('Số:      /BYT-KCB'). So rows are grouped into regions; a region whose rows
leave a common vertical gutter in the middle of the page, with text on both sides of it on several
rows, is read column by column. Everything else is read row by row and hard-wrapped rows are joined
into paragraphs from their geometry (right margin, indent, spacing)."""
from __future__ import annotations

import re
from itertools import groupby, pairwise
from typing import NamedTuple

from ..normalize import carried_dash, is_heading, joiner, starts_block

# Gap between two words, in row heights, above which they belong to different segments.
SEGMENT_GAP = 1.2
# The gutter of a two-column region lies in this middle band of the text width.
GUTTER_BAND = (0.25, 0.75)
# Rows with text on each side of the gutter: at least this many make a two-column region; more
# than the maximum rows with text on both sides make a table, which reads better row by row.
MIN_SIDE_ROWS, MAX_SPLIT_ROWS = 2, 15
# Rows of three or more segments: this many make a table (a header row has its placeholder gaps,
# 'Số:    /SYT-VP    Đồng Tháp, ngày    tháng 4', on one row only).
MIN_TABLE_ROWS = 3
# How far, in row heights, a word gap may lie from the gutter for a row next to a two-column
# region to be split there.
GUTTER_REACH = 2.0
# Share of the text width a wrapped row may fall short of the right margin besides the next word
# (justification and font metrics make widths estimated from character counts inexact).
FIT_SLACK = 0.02
# Width of a space, in row heights.
SPACE = 0.25
# Vertical gap, in row heights, that separates paragraphs / blocks.
PARAGRAPH_GAP = 0.8
# Relative difference of row heights that marks a change of type size.
SIZE_CHANGE = 0.2
SENTENCE_END = re.compile(r"[.;!?]$")   # not ":", often a label ("Địa chỉ:") before its value
VV = re.compile(r"V/v\b")
CC_HEAD = re.compile(r"Nơi\s+nhận", re.IGNORECASE)
# Lines that open a block of their own in a header or footer column (NĐ30 Phụ lục I boxes 3-9b).
BOX_START = re.compile(r"(?:Số\s*:|V/v\b|Kính\s+gửi|Nơi\s+nhận|(?:TM|KT|TL|TUQ)\.\s|[A-ZĐ][^\n,;.]{1,40},\s+ngày\b)")
# Centred rows within this share of the text width from the middle: a wrapped title or summary.
CENTRED = 0.05
# joiner looks at no more than the last characters of a paragraph (a hyphen after a letter, a line break):
# handing it those alone spares scanning the whole paragraph at each row it takes in.
JOINER_REACH = 3


class Word(NamedTuple):       # a tuple: pages hold thousands of words, and tuples build fast
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


class Line(NamedTuple):
    """A run of text on one row: a whole row, a segment, or a column's part of a row."""
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def page_text(words: list[Word]) -> str:
    if not words:
        return ""
    rows = _rows(words)
    segments = [_segments(row) for row in rows]
    left = min(w.x0 for w in words)
    right = max(w.x1 for w in words)
    band = (left + GUTTER_BAND[0] * (right - left), left + GUTTER_BAND[1] * (right - left))
    gutters: list[float | None] = []
    for start, end, free in _regions(segments, band):
        gutters += [_gutter(segments[start:end], free)] * (end - start)
    _widen(rows, segments, gutters)
    out: list[str] = []
    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and gutters[j] == gutters[i]:
            j += 1
        if gutters[i] is None:
            out.extend(_paragraphs(segments[i:j]))
        else:
            out.extend(_columns(segments[i:j], gutters[i]))
        i = j
    return "\n".join(out)


def _widen(rows: list[list[Word]], segments: list[list[Line]], gutters: list[float | None]) -> None:
    """Take into the two-column header the page's first row when its columns run so close that
    no wide gap parts them ('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH CỘNG HÒA XÃ HỘI …'): split that
    upper-case row at the word gap that lies on the gutter of the rows below."""
    if len(rows) < 2 or gutters[0] is not None or gutters[1] is None or len(segments[0]) != 1:
        return
    row, gutter = rows[0], gutters[1]
    if not is_heading(segments[0][0].text):
        return
    reach = GUTTER_REACH * segments[0][0].height
    cut = next((k for k in range(1, len(row))
                if row[k - 1].x1 <= gutter + reach and row[k].x0 >= gutter - reach), None)
    if cut is not None:
        segments[0] = [_line(row[:cut]), _line(row[cut:])]
        gutters[0] = gutter


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped into rows (by vertical centre), each row in x order. The words of a row mostly share
    their top and bottom, and such a run joins or opens a row as a whole, so the loop goes by runs."""
    shapes = [((w.y0 + w.y1) / 2, w.y1 - w.y0) for w in words]      # centre and height
    order = sorted(range(len(words)), key=lambda i: shapes[i][0])
    rows: list[list[Word]] = []
    first = (0.0, 0.0)          # centre and height of the first word of the last row
    for (centre, height), run in groupby(order, key=shapes.__getitem__):
        run = [words[i] for i in run]
        if rows and _same_row(centre, height, *first):
            rows[-1] += run
            continue
        first = centre, height
        if _same_row(centre, height, centre, height):
            rows.append(run)
        else:
            rows += ([w] for w in run)      # a row that takes no word but its first (a negative height)
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def _same_row(centre: float, height: float, first_centre: float, first_height: float) -> bool:
    """Whether a word belongs to the row opened by a word of the first centre and height."""
    return abs(centre - first_centre) <= 0.4 * min(height, first_height)


def _segments(row: list[Word]) -> list[Line]:
    """The row cut where the gap to the next word is wide."""
    if len(row) == 1:
        return [Line(*row[0])]
    height = sorted(w.y1 - w.y0 for w in row)[len(row) // 2]
    cuts = [k for k in range(1, len(row)) if row[k].x0 - row[k - 1].x1 > SEGMENT_GAP * height]
    return [_line(row[a:b]) for a, b in pairwise((0, *cuts, len(row)))]


def _line(parts) -> Line:
    x0s, y0s, x1s, y1s, texts = zip(*parts)
    return Line(min(x0s), min(y0s), max(x1s), max(y1s), " ".join(texts))


def _regions(rows: list[list[Line]], band: tuple[float, float]):
    """Yield (start, end, free): runs of rows that leave a common gap in the band (free: that gap);
    a row crossing the whole band is a run of its own with no gap."""
    start, free = 0, []
    for i, row in enumerate(rows):
        row_free = _subtract([band], [(s.x0, s.x1) for s in row])
        common = _intersect(free, row_free) if free else []
        if common:
            free = common
            continue
        if i > start:
            yield start, i, free
        start, free = i, row_free
    if rows:
        yield start, len(rows), free


def _gutter(region: list[list[Line]], free: list[tuple[float, float]]) -> float | None:
    """The middle of the gap that makes the region two columns, if one does: text on both sides
    of it on some row, and on each side on several rows (a blank placeholder inside one line,
    'ngày      tháng 4', has a single row of text on its right); not a table of three columns."""
    if sum(1 for row in region if len(row) >= 3) >= MIN_TABLE_ROWS:
        return None
    best, best_rows = None, 0
    for a, b in free:
        x = (a + b) / 2
        sides = [(any(s.x1 <= x for s in row), any(s.x0 >= x for s in row)) for row in region]
        both = sum(1 for l, r in sides if l and r)
        lefts, rights = sum(l for l, _ in sides), sum(r for _, r in sides)
        if both and min(lefts, rights) >= MIN_SIDE_ROWS and both > best_rows:
            best, best_rows = x, both
    return best if best_rows <= MAX_SPLIT_ROWS else None


def _subtract(intervals, cuts):
    for c0, c1 in cuts:
        nxt = []
        for a, b in intervals:
            if c1 <= a or c0 >= b:
                nxt.append((a, b))
                continue
            if c0 > a:
                nxt.append((a, c0))
            if c1 < b:
                nxt.append((c1, b))
        intervals = nxt
    return intervals


def _intersect(xs, ys):
    return [(max(a, c), min(b, d)) for a, b in xs for c, d in ys if max(a, c) < min(b, d)]


def _columns(region: list[list[Line]], gutter: float) -> list[str]:
    """Each column's lines, cut into blocks at vertical gaps and header cues, blocks in top order.
    The Nơi nhận list goes last: NĐ30 numbers the signer (7) before it (9b)."""
    blocks: list[tuple[float, int, list[Line]]] = []
    for side in (0, 1):
        lines = []
        for row in region:
            parts = [s for s in row if ((s.x0 + s.x1) / 2 >= gutter) == side]
            if parts:
                lines.append(_line(parts))
        blocks.extend((block[0].y0, side, block) for block in _blocks(lines))
    blocks.sort(key=lambda b: b[0])
    # Blocks whose tops differ by less than half a line stand side by side: left one first.
    ranked, level = [], None
    for top, side, block in blocks:
        if level is None or top - level > 0.5 * block[0].height:
            level = top
        ranked.append((bool(CC_HEAD.match(block[0].text)), level, side, block))
    ranked.sort(key=lambda b: b[:3])
    return [text for *_, block in ranked for text in _block_text(block)]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and not _new_paragraph(blocks[-1][-1], line) and not BOX_START.match(line.text):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _block_text(block: list[Line]) -> list[str]:
    """Lines of a column block: the V/v summary wraps and is one line; elsewhere only a line that
    cannot start an item (lower case, a bracket) continues the one above."""
    texts = [block[0].text]
    summary = bool(VV.match(block[0].text))
    for line in block[1:]:
        if summary or (line.text[:1].islower() or line.text[:1] in "([") and not is_heading(texts[-1]):
            texts[-1] += " " + line.text
        else:
            texts.append(line.text)
    return texts


def _new_paragraph(above: Line, below: Line) -> bool:
    """A wide vertical gap, or a change of type size (a stamp above the motto, a note below)."""
    above_height, below_height = above.y1 - above.y0, below.y1 - below.y0
    taller, shorter = max(above_height, below_height), min(above_height, below_height)
    return below.y0 - above.y1 > PARAGRAPH_GAP * taller or shorter < (1 - SIZE_CHANGE) * taller


def _paragraphs(rows: list[list[Line]]) -> list[str]:
    """Plain rows joined into paragraphs: a row continues the one above when that one reaches the
    right margin, the row is not indented, not set apart, and does not start an item."""
    lines = [row[0] if len(row) == 1 else _line(row) for row in rows]
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        # A row with wide gaps is a table row or a form line: a line of its own.
        if i and len(rows[i]) == len(rows[i - 1]) == 1 and _continues(lines[i - 1], line, left, right):
            out[-1] += joiner(out[-1][-JOINER_REACH:]) + line.text
        else:
            out.append(line.text)
    return out


def _continues(above: Line, below: Line, left: float, right: float) -> bool:
    if _new_paragraph(above, below) or is_heading(above.text):
        return False
    if _centred(above, left, right) and _centred(below, left, right):
        return not (starts_block(below.text) or is_heading(below.text))
    carried = carried_dash(above.text, below.text)
    if below.x0 - left > below.height or starts_block(below.text) and not carried:
        return False
    # Wrapped: the lead of the row below (its first word; a carried dash and its word) would not
    # have fitted at the end of the row above.
    lead = " ".join(below.text.split(" ", 2)[:2 if carried else 1])
    lead_width = (below.x1 - below.x0) * len(lead) / len(below.text)
    room = right - above.x1 - FIT_SLACK * (right - left)
    if lead_width + SPACE * below.height <= room:
        return False
    return not (SENTENCE_END.search(above.text) and below.text[:1].isupper())


def _centred(line: Line, left: float, right: float) -> bool:
    return line.x0 - left > 0.5 * line.height and abs((line.x0 + line.x1 - left - right) / 2) <= CENTRED * (right - left)
