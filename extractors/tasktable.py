"""A plan's task table (FORMAT.md §5; SCORING.md): columns 'Nội dung', 'Đơn vị chủ trì / thực hiện',
'Thời gian'; one duty per row that names a responsible unit.

Readers hand tables over in two shapes: one cell per line (DOCX, HTML: 'TT' / 'Nội dung' / … then
'1' / 'Xây dựng kế hoạch' / 'Trung tâm X' / 'Trước ngày 15/3/2026'), or one row per line ('1 Xây dựng kế
hoạch … Trung tâm X …'). Both are read here; a row starts at its number, which a line-joining reader may
have glued to the end of the cell before it ('Thời gian hoàn thành 1')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import actors
from .lexicon import fold, unpreceded

# header words by column (folded): the content column, the unit column, the time column. The content words are
# sought in every line of a body, so they come before their look-behind (lexicon.unpreceded).
CONTENT_WORDS = ("noi dung", "cong viec", "nhiem vu", "hoat dong", "ten nhiem vu")
CONTENT = re.compile("(?:" + "|".join(unpreceded(w, r"\w") for w in CONTENT_WORDS) + r")\b")
UNIT = re.compile(r"\b(?:don vi|chu tri|thuc hien|phu trach|co quan|nguoi thuc hien|phoi hop)\b")
TIME = re.compile(r"\b(?:thoi gian|thoi han|tien do|thoi diem)\b")
NUMBER = re.compile(r"\d{1,3}\.?")
GLUED_NUMBER = re.compile(r"\s(\d{1,3})\.?$")
# a part or item heading after the table ends it; a number before a cell rule ('18. | Thẩm định') is a row
SECTION = re.compile(r"(?:[IVX]{1,5}\s*[.)]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|Điều\s+\d+|[a-zđ]\))\s*(?!\|)\S")
FIRST_CELL = re.compile(r"s?tt|so tt|stt\.?")
FIRST_CELL_LEAD = re.compile(r"^(?:" + FIRST_CELL.pattern + r")\s+")
HEADER_WORD = re.compile(r"\b(?:noi dung|cong viec|nhiem vu|don vi|chu tri|thuc hien|phu trach|co quan|phoi hop|"
                         r"thoi gian|thoi han|tien do|ghi chu|ket qua|san pham|kinh phi|du kien)\b")
MAX_HEADER_CELLS = 8
MAX_CELL_WORDS = 8
MISSED_NUMBERS = 3


@dataclass(frozen=True)
class Row:
    number: str
    start: int            # [start, end) in the text: the whole row, number excluded
    end: int
    cells: tuple[tuple[int, int], ...]
    actor: str | None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _is_header(cells: list[str]) -> bool:
    joined = " | ".join(cells)
    return bool(CONTENT.search(joined) and UNIT.search(joined))


def _header_at(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """How many lines from i form a table header (0 if none): 'TT' or the content column first, then short
    cells naming a unit column (and others), the last possibly carrying the first row's number; or one
    line naming the content, unit and time columns."""
    s, e = lines[i]
    one = _number_at(text, s, e, 1)            # a header line the reader joined with its rows
    first = fold(text[s:one.start(1) if one else e])
    if CONTENT.search(first) and UNIT.search(first) and TIME.search(first) and len(first.split()) <= 20:
        return 1
    # 'STT Công việc': OCR reads the number cell and the content cell as one line
    opening = FIRST_CELL_LEAD.sub("", first)
    if not (FIRST_CELL.fullmatch(first) or (CONTENT.match(opening) and len(first.split()) <= MAX_CELL_WORDS)):
        return 0
    cells: list[str] = []
    for s, e in lines[i:i + MAX_HEADER_CELLS]:
        cell = fold(GLUED_NUMBER.sub("", text[s:e]))
        if len(cell.split()) > MAX_CELL_WORDS or NUMBER.fullmatch(cell):
            break
        cells.append(cell)
        if GLUED_NUMBER.search(text[s:e]):
            break
    n = next((k for k in range(2, len(cells) + 1) if _is_header(cells[:k])), 0)
    while n and n < len(cells) and HEADER_WORD.search(cells[n]) and len(cells[n].split()) <= 5:
        n += 1
    return n


def rows(text: str, start: int, end: int) -> list[Row]:
    """The rows of the task tables in text[start:end]."""
    lines = _lines(text, start, end)
    out: list[Row] = []
    i = 0
    while i < len(lines):
        n = _header_at(text, lines, i)
        if not n:
            i += 1
            continue
        last = i + n - 1
        stop = next((k for k in range(last + 1, len(lines)) if SECTION.match(text[lines[k][0]:lines[k][1]])),
                    len(lines))
        out += _split(text, _header_end(text, lines[last]), lines[stop - 1][1], n)
        i = stop
    return out


def _header_end(text: str, line: tuple[int, int]) -> int:
    """Where the header's last cell ends: before a glued first row number, or after the last column word of
    a header joined with its rows."""
    s, e = line
    glued = GLUED_NUMBER.search(text[s:e])
    if glued:
        return s + glued.start()
    one = _number_at(text, s, e, 1)
    return one.start(1) if one else e


def _split(text: str, start: int, end: int, columns: int) -> list[Row]:
    """Rows by their running numbers 1, 2, 3 …: a number alone on its line, opening a line, glued to the end
    of the cell before, or inside a joined line before a capital letter."""
    marks: list[tuple[int, int, str]] = []     # (number start, content start, number)
    pos, k = start, 1
    # OCR may lose a row's number in a scanned table: the nearest of the next few numbers goes on the run
    while found := [m for j in range(MISSED_NUMBERS + 1) if (m := _number_at(text, pos, end, k + j))]:
        m = min(found, key=lambda m: m.start())
        marks.append((m.start(1), m.end(), m.group(1)))
        pos, k = m.end(), int(m.group(1)) + 1
    out = []
    for idx, (_, content, number) in enumerate(marks):
        stop = marks[idx + 1][0] if idx + 1 < len(marks) else end
        cells = _lines(text, content, stop)
        if idx + 1 == len(marks):
            cells = cells[:max(columns, 1)]        # the last row is no wider than the table
        if cells:
            out.append(_row(text, number, cells))
    return out


@lru_cache(maxsize=256)
def _row_number(k: int) -> re.Pattern:
    # k or 0k after a space or a line break; a scanned table keeps its cell rule: '02 | Triển khai …'
    number = "|".join(unpreceded(n, r"\S") for n in (f"0{k}", str(k)))
    return re.compile(rf"({number})\.?(?:[ \t]*(?=\n)|[ \t]*\|[ \t]*(?=[^\W\d_])|[ \t]+(?=[^\W\d_]))")


def _number_at(text: str, pos: int, end: int, k: int) -> re.Match | None:
    pat = _row_number(k)
    m = pat.search(text, pos, end)
    # a number inside a line is a row number only before a capital ('05/3/2026 2 Hoàn thiện …')
    while m and text[m.end():m.end() + 1].islower():
        m = pat.search(text, m.end(), end)
    return m


def _row(text: str, number: str, cells: list[tuple[int, int]]) -> Row:
    """The unit is the first cell after the content that names an actor; a row read as one line has
    its unit found inside it."""
    actor = None
    for k, (s, e) in enumerate(cells):
        if k and actors.opens_actor(text[s:e]):
            actor = " ".join(text[s:e].split())
            break
    if actor is None and len(cells) == 1:
        s, e = cells[0]
        actor = actors.named_in(text[s:e], 1)
    return Row(number, cells[0][0], cells[-1][1], tuple(cells), actor)
