"""Recipients of the first document: 'Kính gửi' (to), 'Nơi nhận' entries (cc, with the purpose note expanded) and
the holders after 'Lưu:' (archive). FORMAT.md §1 and §5.

An entry is a dash line ('- Sở Y tế các tỉnh;'), possibly wrapped; several entries may share a line, split by ';'.
Pointers back to other recipients ('Như trên', 'Như Điều 3', 'Như Kính gửi') are not recipients. Signature lines
that share the Nơi nhận column (printed side by side or interleaved) are left out."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline import layout as L
from pipeline.document import Document

from .findings import Recipient
from .lexicon import fold, read_tsv

BULLET = "-–—•+*"
# '(để b/c)', '(đế b/c)', '(b/cáo)', '(Báo cáo)', 'để p/h' without brackets, at the end of an entry
NOTE = re.compile(r"\s*(?:\(\s*(?P<inner>[^()]{1,40}?)\s*\)|(?P<bare>\b(?:để|đế)\s+[^\s()]{1,12}(?:\s+[^\s()]{1,12})?))\s*$",
                  re.IGNORECASE)
# an entry without its bullet and closing punctuation (OCR reads a closing ';' as ':'), and without a bracket left
# open at its end, the rest of a purpose note the line lost ('Trường CĐYT Kiên Giang (')
ENTRY_CORE = re.compile(r"[\s" + re.escape(BULLET) + r"]*(.*?)(?:\s*\([^()]{0,15})?[\s.,:]*$", re.DOTALL)
# the number of copies after the drafting unit: 'PL (2)', 'NN (2b)', 'KTTH ( b)'; the drafter may follow it
# ('QHĐP (3)Q.Cường')
COPY_COUNT = re.compile(r"\s*\(\s*\d*\s*[bB]?\s*\).*$")
# the drafter's file path printed under the list (FORMAT.md box 12): 'd:\2011\CV\SVH\T4\…'
FILE_PATH = re.compile(r"[A-Za-z]:\\|\\\\\w")
# Leadership boards written as abbreviations before the body they lead ('BGĐ SYT' = Ban Giám đốc Sở Y tế); OCR
# often drops the space between the two ('BGĐSYT').
BOARD_ABBREVIATIONS = ("BGĐ", "BGH", "BCĐ", "BCH", "BTV", "BLĐ")
GLUED_BOARD = re.compile(r"(?P<board>" + "|".join(BOARD_ABBREVIATIONS) + r")(?P<body>[A-ZĐ]{2,})")
POINTER = re.compile(r"^nhu\s+(?:tren|dieu|khoan|kinh\s+gui|thanh\s+phan|muc|noi\s+nhan)\b")


@lru_cache(maxsize=None)
def _purposes() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in read_tsv("purpose_notes.tsv")}


def purpose_of(note: str) -> str | None:
    """'để b/c' -> 'báo cáo', 'để phối hợp chỉ đạo' -> 'phối hợp chỉ đạo'; None for a note that is no purpose
    ('(Bộ Tư pháp)', drafter initials)."""
    key = fold(note).strip(" .;:")
    led = re.match(r"de\s+", key)
    rest = note.strip(" .;:")[led.end():] if led else note.strip(" .;:")
    key = key[led.end():] if led else key
    table = _purposes()
    if key in table:
        return table[key]
    if led:
        words = [table.get(w, w) for w in re.split(r"\s+", rest)]
        return " ".join(words).lower()
    return _composed(key.split(), table)


def _composed(words: list[str], table: dict[str, str]) -> str | None:
    """A note made of purpose words only, without 'để': 'phối hợp TH' -> 'phối hợp thực hiện'."""
    out = []
    while words:
        n = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]) in table), 0)
        if not n:
            return None
        out.append(table[" ".join(words[:n])])
        words = words[n:]
    return " ".join(out) or None


def _readable(name: str) -> bool:
    """An entry has a word of three letters, an abbreviation or two short words ('Bộ Y tế'); 'i ko', 'l4' and
    'y' are scanner marks."""
    words = re.findall(r"[^\W\d_]+", name)
    return any(len(w) > 2 or (len(w) == 2 and w.isupper()) for w in words) or sum(len(w) == 2 for w in words) >= 2


def _entry(name_text: str, offset: int, role: str, span: tuple[int, int] | None = None) -> list[Recipient]:
    """One entry's text (several on one line are split by ';') -> recipients. Spans are offset + position in
    name_text, or the given span for an entry joined from wrapped lines."""
    out = []
    pos = 0
    # ';' parts entries; so does a bullet run in after a comma ('- Sở A, - Sở B.' from a scan)
    for part in re.split(r"(;|(?<=,)\s+(?=[" + re.escape(BULLET) + r"]\s))", name_text):
        start = pos
        pos += len(part)
        if part == ";" or not part.strip():
            continue
        core = ENTRY_CORE.match(part)
        lead, name = core.start(1), core.group(1)
        purpose = None
        note = NOTE.search(name)
        if note:
            p = purpose_of(note.group("inner") or note.group("bare"))
            if p:
                purpose, name = p, name[:note.start()].rstrip(" .,")
        if not name.strip() or POINTER.match(fold(name)) or not _readable(name):
            continue
        where = span or (offset + start + lead, offset + start + lead + len(name))
        glued = GLUED_BOARD.fullmatch(name)
        name = f"{glued['board']} {glued['body']}" if glued else re.sub(r"\s+", " ", name) if span else name
        out.append(Recipient(name=name, role=role, span=where, purpose=purpose))
    return out


def _archive(text: str, a: int, b: int) -> list[Recipient]:
    """'Lưu: VT, K2ĐT.' -> 'VT', 'K2ĐT' (drafter initials kept as printed: 'KGVX(bnt)', 'GDPT. Hiển (3b)')."""
    m = L.LUU.match(text[a:b])
    out, pos = [], a + m.end() if m else a
    path = FILE_PATH.search(text, pos, b)
    b = path.start() if path else b
    for part in re.split(r"([,;])", text[pos:b]):
        start = pos
        pos += len(part)
        core = ENTRY_CORE.match(COPY_COUNT.sub("", re.split(r"\.\s", part, maxsplit=1)[0]))
        name, lead = core.group(1), core.start(1)      # what follows '. ' is the drafter or a stray mark
        if name and part not in ",;":
            out.append(Recipient(name=name, role="archive", span=(start + lead, start + lead + len(name))))
    return out


def _column_pieces(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The left-column piece of each line of a list, without signature text sharing the line."""
    pieces = []
    for ln in L.lines_of(doc.text, start, end):
        segs = L.segments(ln)
        if not segs:
            continue
        a, b = segs[0]
        t = doc.text[a:b]
        # a signature piece run into the entry: '- Như trên; KT. GIÁM ĐỐC'
        tail = re.search(r"[;.]\s+(?=\S)(?P<sig>.*)$", t)
        if tail and L.is_upper(tail.group("sig")) and not tail.group("sig").startswith(tuple(BULLET)):
            b = a + tail.start("sig")
        pieces.append((a, b))
    return pieces


def _stamp_text(t: str) -> bool:
    """Blank, an authority prefix line or '(Đã ký)': never part of an entry."""
    c = L.clean(t)
    return (not c or bool(L.SIGNER_PREFIX.match(c)) or fold(c).startswith(("da ky", "ky ten"))
            or bool(FILE_PATH.match(c)))


def _signature_text(t: str) -> bool:
    """A line of the signature column: stamp text, a title in capitals, the signer's name."""
    return _stamp_text(t) or L.name_like(t) or (L.is_upper(t) and not t.endswith((";", ",", ".")))


def _continues(line: str, previous: str) -> bool:
    """Whether a line without a bullet wraps the entry above rather than being signature text
    ('THỨ TRƯỞNG', '(Đã ký)', the signer's name) from the other column."""
    t, prev = line.strip(), previous.rstrip()
    if _stamp_text(t):
        return False
    if prev.endswith(","):
        return True
    return not prev.endswith((";", ".")) and (t[:1].islower() or not _signature_text(t))


def _dash_list(doc: Document, start: int, end: int, role: str) -> list[Recipient]:
    text = doc.text
    entries: list[list[tuple[int, int]]] = []     # the pieces of each entry (a wrapped entry has several)
    pieces = _column_pieces(doc, start, end)
    # a list printed without bullets: every line that is not signature text is an entry
    bare = not any(text[a:b].strip()[:1] in BULLET for a, b in pieces)
    for k, (a, b) in enumerate(pieces):
        t = text[a:b].strip()
        misread = L.garbled_bullet(text[a:b], text[slice(*pieces[k + 1])] if k + 1 < len(pieces) else "")
        if t[:1] in BULLET or (bare and not _signature_text(t)):
            entries.append([(a, b)])
        elif misread:
            entries.append([(a + misread, b)])
        elif entries and _continues(t, text[entries[-1][-1][0]:entries[-1][-1][1]]):
            entries[-1].append((a, b))
    out = []
    for pieces in entries:
        a, b = pieces[0][0], pieces[-1][1]
        if L.LUU.match(text[a:b]):
            out += _archive(text, a, b)
        elif len(pieces) == 1:
            out += _entry(text[a:b], a, role)
        else:
            out += _entry(" ".join(text[x:y].strip() for x, y in pieces), a, role, span=(a, b))
    return out


def _to(doc: Document) -> list[Recipient]:
    z = doc.zone("to")
    if not z:
        return []
    m = L.KINH_GUI.match(doc.text, z.start)
    after = m.end() if m else z.start
    first_line_end = doc.text.find("\n", after, z.end)
    first_line_end = z.end if first_line_end < 0 else first_line_end
    first = doc.text[after:first_line_end]
    if first.strip(" \t" + BULLET) and "\n" not in doc.text[after:z.end].strip():
        return _entry(doc.text[after:z.end], after, "to")
    if first.strip() and first.strip()[0] not in BULLET:
        # the first entry of a dash list run into the Kính gửi line, maybe behind scanner marks ('š 5 - …')
        bullet = re.search(r"\s[" + re.escape(BULLET) + r"]\s", first[:8])
        skip = bullet.end() if bullet else 0
        return _entry(first[skip:], after + skip, "to") + _dash_list(doc, first_line_end, z.end, "to")
    return _dash_list(doc, after, z.end, "to")


def extract(doc: Document) -> tuple[Recipient, ...]:
    out = _to(doc)
    z = doc.zone("cc")
    if z:
        m = L.NOI_NHAN.match(doc.text, z.start)
        out += _dash_list(doc, m.end() if m else z.start, z.end, "cc")
    return tuple(out)
