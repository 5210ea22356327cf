"""Split the body of a document into numbered items and sentences.

Readers hand over text with hard line breaks (PDF layers, wrapped .txt), often with blank lines inside
a sentence. A paragraph therefore starts only where the layout says so: an item label ('Điều 3.', 'II.',
'2.', '1.2.', 'a)', '-'), a line after sentence-final punctuation, or a short heading line. Each
paragraph gets its place in the numbering tree (FORMAT.md §1 box 6: Phần/Chương Roman, Mục/Điều/khoản
Arabic, điểm 'a)'), which gives the printed item label ('3.a', 'II.1', 'Điều 15.3.a')."""
from __future__ import annotations

import re
from dataclasses import dataclass

# (level, pattern): a lower level number is higher in the tree; dashes sit under every numbered level.
LABELS = (
    (0, re.compile(r"(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d+)\b\.?\s*")),
    (1, re.compile(r"Điều\s+(\d+[a-zđ]?)\s*[.:]\s*")),
    (1, re.compile(r"([IVX]{1,5})\s*[.)/]\s+")),
    (3, re.compile(r"\d{1,2}\s*\.\s*([a-zđ])\s*\)\s*")),     # broken list numbering: '10. a) …'
    (2, re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(?=\S)(?!\d)")),
    (3, re.compile(r"([a-zđ])\s*\)\s*")),
    (4, re.compile(r"[-–—]\s+")),
    (5, re.compile(r"[+•*·]\s+")),
)
# a Roman label whose dot OCR dropped ('II NHIỆM VỤ TRỌNG TÂM'): taken only before a heading in capitals
BARE_ROMAN = re.compile(r"([IVX]{1,5})\s+(?=\w\w)")
# final punctuation, closing quotes aside ('./.' ends in '.'); the pattern opens with it, so a scan goes from mark
# to mark
SENTENCE_END = re.compile(r"[.;:!?…][\"”’)]*$")
OPENERS = re.compile(r"(?:Căn cứ|Kính gửi|Nơi nhận|Trân trọng|Theo đề nghị|Nhằm|Thực hiện)\b")
# a capitalised command word right after a lower-case word: a line break the reader lost (the word before is looked
# at from the first space, so a scan goes from space to space)
LOST_BREAK = re.compile(r"\s(?<=[^\W\d_A-ZĐ]\s)\s*(?=(?:Đề nghị|Yêu cầu|Chủ trì|Kính đề nghị)\s)")
TITLE_CHARS = 120
TITLE_WORDS = 40         # an article title may wrap, but a longer unpunctuated article is text that lost its '.'
HEADING_SHARE = 0.8      # a labelled line this much shorter than the usual line, without final punctuation, is a title


@dataclass(frozen=True)
class Paragraph:
    start: int            # [start, end) in the document text, label included
    end: int
    body_start: int       # where the text after the label begins
    level: int            # label level, or -1 for an unlabelled paragraph
    label: str | None     # the label as printed ('3', 'a', 'II', 'Điều 4'); None for dashes and plain text
    heading: bool         # a title line: no final punctuation, or ends with ':'
    text: str             # body text with line breaks folded to spaces


def _label(line: str) -> tuple[int, str | None, int]:
    quote = len(line) - len(line.lstrip("“\"'‘"))   # quoted amendments: '“Điều 2a. …', '“3. …'
    for level, pat in LABELS:
        m = pat.match(line, quote)
        if m:
            if level == 1 and pat.pattern.startswith("Điều"):
                return level, f"Điều {m.group(1)}", m.end()
            if level == 0:
                return level, None, m.end()
            return level, (m.group(1) if m.groups() else None), m.end()
    m = BARE_ROMAN.match(line, quote)
    if m and is_upper(line[m.end():]) and len(line[m.end():].split()) >= 2:
        return 1, m.group(1), m.end()
    return -1, None, 0


def _aside(line: str) -> bool:
    """A line wholly in brackets: '(Đính kèm Chỉ thị số 04/CT-BYT …)', '(Sau đây gọi là các Đơn vị)'."""
    return line.startswith("(") and line.endswith(")")


def is_upper(line: str) -> bool:
    return line == line.upper() and sum(c.isalpha() for c in line[:40]) >= 4


def _lines(text: str, start: int, end: int):
    pos = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(raw) + 1


def _heading_width(lines: list[tuple[int, int, str]]) -> float:
    """Below this length a labelled line without final punctuation is a title, not a wrapped sentence:
    a share of the median length of the longer lines, so it follows the page width of each source."""
    lengths = sorted(len(ln) for _, _, ln in lines if len(ln) >= 20)
    return HEADING_SHARE * lengths[len(lengths) // 2] if lengths else 0.0


def paragraphs(text: str, start: int, end: int) -> list[Paragraph]:
    """The paragraphs of text[start:end], wrapped lines rejoined."""
    lines = list(_lines(text, start, end))
    width = _heading_width(lines)
    groups: list[list[tuple[int, int, str]]] = []
    prev: str | None = None
    prev_heading = False
    for s, e, line in lines:
        level, _, _ = _label(line)
        # a short labelled line with no final punctuation, followed by a capital, is a title:
        # 'VI. PHÂN CÔNG', '1. Phòng Giáo dục Phổ thông' / 'Chủ trì, …'
        title_above = prev_heading and line[:1].isupper()
        new = (prev is None or level >= 0 or title_above or bool(SENTENCE_END.search(prev))
               or is_upper(line) or is_upper(prev) or OPENERS.match(line) is not None
               or _aside(line) or _aside(prev))
        if new:
            groups.append([])
        groups[-1].append((s, e, line))
        prev = line
        prev_heading = (level >= 0 and len(groups[-1]) == 1 and len(line) < width
                        and not SENTENCE_END.search(line))
    out = []
    for g in groups:
        first = g[0][2]
        level, label, skip = _label(first)
        lost = LOST_BREAK.search(first, skip) if level >= 0 else None
        if lost and lost.start() - skip <= TITLE_CHARS:
            # a title run into its first sentence by a reader: '4. Đối với UBND cấp xã Đề nghị UBND cấp xã …'
            s0 = g[0][0]
            out.append(Paragraph(s0, s0 + lost.start(), s0 + skip, level, label, True,
                                 re.sub(r"\s+", " ", first[skip:lost.start()]).strip()))
            rest = [(s0 + lost.end(), g[0][1], first[lost.end():])] + g[1:]
            out.append(_paragraph(rest, -1, None, 0))
            continue
        out.append(_paragraph(g, level, label, skip))
    return out


def _paragraph(g: list[tuple[int, int, str]], level: int, label: str | None, skip: int) -> Paragraph:
    first = g[0][2]
    body = " ".join(" ".join([first[skip:]] + [ln for _, _, ln in g[1:]]).split())
    unpunctuated = not SENTENCE_END.search(g[-1][2])
    # article and part titles carry no final punctuation, however long; a one-line item had its title test above
    heading = body.rstrip("”\"’").endswith(":") or (unpunctuated and (
        (level in (0, 1) and (len(g) == 1 or len(body.split()) <= TITLE_WORDS)) or (level >= 0 and len(g) == 1)))
    return Paragraph(g[0][0], g[-1][1], g[0][0] + skip, level, label, heading, body)


# titles and place abbreviations end in '.' inside a sentence: 'TP. Cần Thơ', 'BS. CKI …', 'CN. Nguyễn …'
ABBREVIATION = re.compile(r"(?<!\w)(?:TP|Tp|TX|TT|TS|ThS|BS|Bs|PGS|GS|CN|KS|DS|Ds|CKI|CKII|Q|P|ĐT|St)\.$")
# the gap after a sentence's final mark; the pattern opens with the mark, so a scan goes from mark to mark
SENTENCE_SPLIT = re.compile(r"[.!?](?P<gap>[\"”’)]*\s+)(?=[^\W\d_])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end) of text; a split needs '.' then a capital (dates and './.' stay whole)."""
    chunk = text[start:end]
    out, pos = [], 0
    for m in SENTENCE_SPLIT.finditer(chunk):
        gap = m.start("gap")
        if not chunk[m.end()].isupper() or ABBREVIATION.search(chunk, max(0, gap - 8), gap):
            continue
        out.append((start + pos, start + gap))
        pos = m.end()
    out.append((start + pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]
