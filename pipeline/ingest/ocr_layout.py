"""Page text from Tesseract's word boxes (TSV), with two-column rows put back in column order.

The header (issuer left, Quốc hiệu right) and the footer (Nơi nhận left, signer right) are two
columns side by side (FORMAT.md §1); every Tesseract page mode reads them line by line across
the page, mixing 'UBND TỈNH X CỘNG HÒA XÃ HỘI …'. Rows that break into a left and a right part
at a wide gap are emitted as the left column, then the right one.

Seals, signatures and handwriting read as runs of low-confidence specks and fragments ('¬¬_.',
'ĐA XHCN NG :'); they are left out, so that they neither end a Nơi nhận entry nor join a duty."""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Iterable

# A gap wider than this many word heights separates two columns; word spacing is about a
# quarter of a word height, a justified line's stretched spaces stay under one.
COLUMN_GAP = 1.5
NOISE_CONFIDENCE = 60      # words of punctuation only read below this are speckles (dashes are kept)
# A column part none of whose words is read with this confidence is a seal or a scribble: printed
# words in a scan are read at 85-97, stamp fragments at 0-50.
PART_CONFIDENCE = 50
# A số ký hiệu with a handwritten number ('Số:‡‡Œ/SYT-NVY') is read at low confidence, and kept.
NUMBER_SHAPE = re.compile(r"/[A-ZĐ]{2}")
NEXT_ITEM = re.compile(r"[-+•] ")
MIN_LETTERS = 2            # a line of one letter or digit and specks ('t ` *') is a speck too


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    paragraph: tuple[int, int]
    confidence: float = 100.0

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def parse_tsv(tsv: str) -> list[Line]:
    """Tesseract's TSV (level 5 rows are words) -> lines in Tesseract's reading order."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        text, conf = cols[11].strip(), float(cols[10])
        if len(text) == 1 and not text.isalnum() and text not in "-–—" and conf < NOISE_CONFIDENCE:
            continue
        block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
        left, top, width, height = (int(c) for c in cols[6:10])
        lines.setdefault((block, par, line), []).append(Word(text, left, top, width, height, (block, par), conf))
    return [Line(tuple(sorted(ws, key=lambda w: w.left))) for ws in lines.values()]


def segments(line: Line) -> list[Line]:
    """The line cut at column-wide gaps."""
    gap = COLUMN_GAP * median(w.height for w in line.words)
    parts: list[list[Word]] = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:]):
        if word.left - prev.right > gap:
            parts.append([])
        parts[-1].append(word)
    return [Line(tuple(p)) for p in parts]


def legible(line: Line) -> Line | None:
    """The line without its specks and its column parts of specks; None when nothing legible is left."""
    words = tuple(w for p in segments(line) for w in p.words
                  if (max(w.confidence for w in p.words) >= PART_CONFIDENCE or NUMBER_SHAPE.search(p.text))
                  and not is_speck(w))
    return Line(words) if sum(c.isalnum() for w in words for c in w.text) >= MIN_LETTERS else None


def is_speck(word: Word) -> bool:
    return word.confidence < NOISE_CONFIDENCE and not any(c.isalnum() for c in word.text) and bool(
        word.text.strip("-–—"))


def sides(line: Line, middle: float) -> tuple[Line | None, Line | None] | None:
    """(left part, right part) of a line that keeps to the columns, None for a line across them."""
    parts = segments(line)
    if len(parts) > 1:       # a lone character off in a gap is a speckle
        parts = [p for p in parts if len(p.text) > 1] or parts
    left = [w for p in parts if (p.left + p.right) / 2 < middle for w in p.words]
    right = [w for p in parts if (p.left + p.right) / 2 >= middle for w in p.words]
    if left and right:
        return Line(tuple(left)), Line(tuple(right))
    if len(parts) == 1 and (line.right < middle or line.left > middle):
        return (line, None) if left else (None, line)
    return None


def texts(lines: Iterable[Line | None]) -> list[str]:
    return [kept.text for kept in map(legible, filter(None, lines)) if kept]


def page_text(tsv: str) -> str:
    lines = sorted(parse_tsv(tsv), key=lambda ln: ln.top)
    if not lines:
        return ""
    middle = (min(ln.left for ln in lines) + max(ln.right for ln in lines)) / 2
    out: list[str] = []
    run: list[tuple[Line | None, Line | None]] = []

    def flush() -> None:
        # Column order up to the last line reaching into the right column; what follows on the
        # left only (the V/v summary, a centred 'Kính gửi:') stays in reading order.
        # Specks are left out only now, so that they move no line from its column.
        last_right = max((i for i, (_, right) in enumerate(run) if right), default=-1)
        if any(left and right for left, right in run):
            head, tail = run[:last_right + 1], run[last_right + 1:]
            out.extend(texts(left for left, _ in head))
            out.append("")
            out.extend(texts(right for _, right in head))
            out.append("")
        else:
            tail = run
        out.extend(texts(left or right for left, right in tail))
        run.clear()

    previous = None
    for line in lines:
        split = sides(line, middle)
        if split:
            run.append(split)
            continue
        line = legible(line)
        if line is None:
            continue
        flush()
        if previous is not None and line.words[0].paragraph != previous.words[-1].paragraph \
                and not (NEXT_ITEM.match(line.text) and previous.text.endswith(";")):
            out.append("")     # a new paragraph; a list item after an item ended by ';' is none

        out.append(line.text)
        previous = line
    flush()
    return "\n".join(out).strip() + "\n"
