"""Find the zones of an NĐ 30/2020 document (FORMAT.md §1) as spans of the normalized text.

Every header cue (motto, issuer lines, 'Số:', place and date, urgency stamp, type line or V/v, 'Kính gửi') is
found by its own pattern among the first lines, in whatever order the text layer gave the two header columns; the
body runs from the end of the last cue to the footer ('Nơi nhận' and the signature, two columns that may
interleave). What follows the first document's footer is its annex (Phụ lục, Mẫu: body again) or, when a new
header starts there, a forwarded document that extractors must ignore."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import fold, read_tsv, type_by_name

from . import layout as L
from .document import Zone
from .footer import after_document, find_footer, second_header

HEAD_LINES = 45          # the header of page 1 never runs longer than this
TO_LINES = 25            # the longest Kính gửi list looked for
SUMMARY_LINE = 90        # a wrapped trích yếu line is shorter than a rejoined paragraph
RECIPIENT_CHARS = 100     # an addressee on the Kính gửi line is shorter than this
BULLETS = "-–•+"
WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=None)
def urgency_words() -> dict[str, str]:
    """Folded urgency stamp -> slug: 'hoa toc' -> 'hoa_toc'."""
    return {fold(r[0]): r[1] for r in read_tsv("urgency.tsv")}


@lru_cache(maxsize=None)
def _stamp_words() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in read_tsv("stamps.tsv"))


def type_line(text: str) -> bool:
    """A line naming a document type ('QUYẾT ĐỊNH', 'KẾ HOẠCH'; 'Quyết định' where a DOCX style makes the
    capitals); 'QUYẾT ĐỊNH:' opens a body."""
    t = L.clean(text)
    return bool(t) and not text.rstrip(" *").endswith(":") and t[0].isupper() and fold(t) in type_by_name()


def type_head(text: str) -> int | None:
    """Where the type name ends in a line that runs the trích yếu into it ('THÔNG BÁO Kết luận của …',
    'QUYẾT ĐỊNH VỀ VIỆC …'); None when the line does not start so."""
    words = list(re.finditer(r"[^\s*|]+", text))
    names = []
    for k in range(1, min(4, len(words) - 1) + 1):
        name = " ".join(w.group(0) for w in words[:k])
        rest = words[k].group(0)
        if not L.is_upper(name) or fold(name) not in type_by_name():
            continue
        if not L.is_upper(rest) or fold(rest) in ("ve", "v/v"):
            return words[k - 1].end()
        names.append(k)
    # a summary in capitals run into the type line ('BÁO CÁO NỘI DUNG GIAO BAN'): the longest type name; a
    # type name never opens an issuer's name
    return words[names[-1] - 1].end() if names and len(words) > names[-1] + 1 else None


def _head_lines(lines: list[L.Line]) -> list[L.Line]:
    """The lines where header cues may stand: up to the first line that opens the content."""
    out: list[L.Line] = []
    for ln in lines[:HEAD_LINES]:
        if out and L.BODY_OPENER.match(ln.text) and not L.KINH_GUI.search(ln.text):
            break
        out.append(ln)
    return out


def _stamp_end(head: list[L.Line]) -> int:
    """Index of the first line after a leading e-signature stamp (0 when there is none)."""
    last = -1
    for i, ln in enumerate(head[:12]):
        if L.MOTTO.search(ln.text) or L.NUMBER.search(ln.text):
            break
        if L.STAMP.search(ln.text):
            last = i
    return last + 1


def _first(rx, text: str, lines: list[L.Line], cue: re.Pattern | None = None):
    """The first match starting on one of the lines (a match may run on: dates wrap). A cue is a pattern every
    match holds: where it is missing, the costlier full pattern is not tried."""
    for ln in lines:
        end = min(len(text), ln.end + 80)
        if cue and not cue.search(text, ln.start, end):
            continue
        m = rx.search(text, ln.start, end)
        if m and m.start() < ln.end:
            return m
    return None


def _motto(text: str, head: list[L.Line]) -> list[tuple[int, int]]:
    """Spans of the motto and the tagline (apart when the issuer column sits between them)."""
    if not head:
        return []
    found = [L.MOTTO.search(text, head[0].start, head[-1].end), L.TAGLINE.search(text, head[0].start, head[-1].end)]
    return sorted(m.span() for m in found if m)


def _urgency(text: str, head: list[L.Line], claimed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A stand-alone stamp word: alone in its column once the motto, number and date beside it are blanked."""
    words = urgency_words()
    for ln in head:
        line = masked(text, ln.start, ln.end, claimed)
        kg = L.KINH_GUI.search(line)
        line = line[:kg.start()] if kg else line       # 'KHẨN Kính gửi:' read as one line
        pos = 0
        for piece in L.COLUMN_GAP.split(line):
            at = line.index(piece, pos)
            pos = at + len(piece)
            t = L.clean(piece)
            if L.is_upper(t) and fold(t) in words:
                lead = len(piece) - len(piece.lstrip(" *|"))
                return ln.start + at + lead, ln.start + at + len(piece.rstrip(" *|"))
    return None


def _title(text: str, head: list[L.Line], claimed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Type line + trích yếu, or the V/v summary of a công văn (possibly wrapped over several lines). Both stand
    above 'Kính gửi' and above a second motto: a type line further down names a forwarded document."""
    above = [ln for ln in head if L.KINH_GUI.search(ln.text)][:1]
    second_motto = [ln for ln in head if L.MOTTO.search(ln.text)][1:2]
    stop = min((ln.start for ln in above + second_motto), default=None)
    head = [ln for ln in head if stop is None or ln.start <= stop]
    start_i = None
    for i, ln in enumerate(head):
        if type_line(ln.text):
            start_i, start = i, ln.start + len(ln.text) - len(ln.text.lstrip())
            break
    if start_i is None:
        for i, ln in enumerate(head):
            m = L.VV.search(ln.text)
            if type_head(ln.text) or m:
                start_i, start = i, ln.start + (m.start() if m and not type_head(ln.text) else
                                                len(ln.text) - len(ln.text.lstrip(" \t*|")))
                break
    if start_i is None:      # a V/v the scanner garbled ('WW triển khai …')
        found = next(((i, ln) for i, ln in enumerate(head) if L.VV_GARBLED.match(ln.text)), None)
        if found:
            start_i, start = found[0], found[1].start + len(found[1].text) - len(found[1].text.lstrip(" \t*_|"))
    if start_i is None:      # a công văn summary written 'Về việc …' without V/v, under the number
        found = next(((i, ln) for i, ln in enumerate(head) if L.VE_VIEC.match(ln.text)), None)
        if found:
            start_i, start = found[0], found[1].start + L.VE_VIEC.match(found[1].text).end("lead")
    if start_i is None:
        return None
    end = head[start_i].end
    for ln in subject_lines(text, head, start_i, claimed):
        end = ln[1]
    return start, end


def masked(text: str, a: int, b: int, claimed: list[tuple[int, int]]) -> str:
    """text[a:b] with the spans claimed by other zones blanked out (columns printed side by side)."""
    chars = list(text[a:b])
    for x, y in claimed:
        for k in range(max(a, x), min(b, y)):
            chars[k - a] = " "
    return "".join(chars)


def _wrapped_tail(above: str, t: str) -> bool:
    """t is a number or a year that ends the line above: that line breaks after a dash or a comma, or after
    'năm' whose year opens t ('… Răng Hàm Mặt năm' / '2017 (Lần 2)')."""
    if re.search(r"\bn[ăa]m$", above.rstrip(), re.IGNORECASE) and re.match(r"(?:19|20)\d{2}\b", t):
        return len(t) <= SUMMARY_LINE // 2
    return above.rstrip().endswith(("-", "–", ",")) and bool(re.fullmatch(r"\d[\d\s/.,\-–]*", t))


def _goes_on(text: str, rest: list[L.Line]) -> bool:
    """The next line with text opens in lower case: the summary goes on after a blank line a web copy put in
    ('Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP' / '' / 'của Chính phủ về chế độ công chức dự bị')."""
    nxt = next((ln.text.strip() for ln in rest if ln.text.strip()), "")
    return nxt[:1].islower() and len(nxt) <= SUMMARY_LINE and not nxt.endswith((".", ";", ":"))


def subject_lines(text: str, head: list[L.Line], i: int, claimed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the trích yếu lines after the type line (or the V/v line) head[i], up to a blank line, the
    signing authority ('BỘ TRƯỞNG BỘ Y TẾ'), 'Kính gửi' or the content."""
    authority = tuple(w + " " for w in L.authority_words())
    first = head[i].text
    out: list[tuple[int, int]] = []
    if not type_line(first):
        out.append((head[i].start, head[i].end))
    upper_subject = None
    gap = 0
    following = head[i + 1:i + 10]
    for k, ln in enumerate(following):
        t = L.clean(masked(text, ln.start, ln.end, claimed))
        if not t:
            if out and (upper_subject is not None or not type_line(first)) and not _goes_on(text, following[k + 1:]):
                break
            gap += 1
            if gap > 2:
                break
            continue
        if L.SEPARATOR.match(t) or L.KINH_GUI.search(t) or L.BODY_OPENER.match(t) or type_line(t):
            break
        if out and _wrapped_tail(masked(text, out[-1][0], out[-1][1], claimed), t):
            out.append((ln.start, ln.end))      # 'NĂM 2019 -' / '2020': a year the line break carried over
            continue
        if out and ((t.endswith((".", ":", ";")) and len(t) > SUMMARY_LINE) or len(WORD.findall(t)) < 2):
            break      # a paragraph (the content has begun, its lines rejoined) or scanner noise
        upper = L.is_upper(t)
        if upper_subject is None:
            upper_subject = upper if type_line(first) or L.is_upper(first) else False   # 'BÁO CÁO NỘI DUNG …'
        titled = t[0].isupper() and fold(t).startswith(authority)   # 'BỘ TRƯỞNG BỘ Y TẾ'
        if (upper and not upper_subject) or (out and titled and (upper or len(t.split()) <= 10)):
            break
        out.append((ln.start, ln.end))
    return out


def _to(text: str, lines: list[L.Line], head: list[L.Line], issuer: tuple[int, int] | None) -> tuple[int, int] | None:
    """'Kính gửi:' with one recipient on its line, or the dash list under it."""
    for ln in head:
        m = L.KINH_GUI.search(ln.text)
        if not m:
            continue
        start, end = ln.start + m.start(), ln.end
        rest = ln.text[m.end():].strip()
        n = lines.index(ln)
        nxt = next((x.text.strip() for x in lines[n + 1:n + 4] if x.text.strip()), "")
        # one addressee on the line, unless a dash list follows it (the first entry run into the line)
        if L.clean(rest) and rest[0] not in BULLETS and not nxt.startswith(tuple(BULLETS)):
            return start, _run_in_body(text, ln.start + m.end(), ln.end, issuer)
        window = lines[n + 1:n + 1 + TO_LINES]
        for k, nxt in enumerate(window):
            t = nxt.text.strip()
            if not t or (t[0] not in BULLETS and len(WORD.findall(t)) < 2):    # blank or scanner noise
                continue
            after = window[k + 1].text if k + 1 < len(window) else ""
            if t[0] in BULLETS or L.garbled_bullet(t, after) or (t[0].islower() and end > ln.end):
                end = nxt.end
                continue
            break
        return start, end
    return None


def _run_in_body(text: str, start: int, end: int, issuer: tuple[int, int] | None) -> int:
    """End of a recipient on the Kính gửi line when the first paragraph was run into it (a line far longer than
    an addressee): before an opening word or the issuer's own name, which usually opens the first sentence."""
    if end - start <= RECIPIENT_CHARS:
        return end
    cuts = [m.start() for m in L.RUN_IN_OPENER.finditer(text, start + 3, end)]
    if issuer:
        last_line = text[issuer[0]:issuer[1]].rsplit("\n", 1)[-1]      # the issuer under its parent body
        words = [w for w in L.clean(last_line).split() if w.isalpha()]
        name = re.compile(r"[\s\-–]+".join(map(re.escape, words)), re.IGNORECASE) if len(words) >= 2 else None
        found = name.search(text, start + 3, end) if name else None
        cuts += [found.start()] if found else []
    return min(cuts, default=end)


def find_zones(text: str) -> tuple[Zone, ...]:
    lines = L.lines_of(text)
    head = _head_lines(lines)
    head = head[_stamp_end(head):]
    found: dict[str, tuple[int, int]] = {}
    m = _first(L.NUMBER, text, head)
    if m:
        found["number"] = (m.start(), L.number_at(text, m.end())[1])
    m = _first(L.PLACE_DATE, text, head, L.DAY_WORD)
    if m:
        found["place_date"] = (L.place_start(text, m), m.end())
    else:      # a date line whose place was lost or never printed
        m = _first(L.HEAD_DATE, text, head)
        if m:
            found["place_date"] = m.span("date")
    motto = _motto(text, head)
    if motto:
        a, b = motto[0], motto[-1]
        found["motto"] = (a[0], max(a[1], b[1])) if a[1] >= b[0] or L.SEPARATOR.match(text[a[1]:b[0]]) else a
    claimed = list(found.values()) + motto
    urgency = _urgency(text, head, claimed)
    if urgency:
        found["urgency"] = urgency
        claimed.append(urgency)
    issuer = issuer_span(text, head, claimed)
    if issuer:
        found["issuer"] = issuer
    title = _title(text, head, claimed + [issuer] if issuer else claimed)
    if title:
        found["title"] = title
    to = _to(text, lines, head, issuer)
    if to:
        found["to"] = to
    body_start = max((b for a, b in found.values()), default=0)
    fwd = second_header(text, lines, body_start)
    cc, sig = find_footer(text, lines, body_start, fwd)
    ends = [s for s in (cc, sig) if s]
    zones = [Zone(k, a, b) for k, (a, b) in found.items()]
    if ends:
        body_end = min(a for a, b in ends)
        zones += after_document(text, max(b for a, b in ends))
    else:      # no footer found: a second header still ends the first document
        body_end = fwd
        if body_end < len(text):
            zones.append(Zone("forwarded", body_end, len(text)))
    if body_end > body_start:
        zones.append(Zone("body", body_start, body_end))
    if sig:
        zones.append(Zone("signature", *sig))
    if cc:
        zones.append(Zone("cc", *cc))
    return tuple(sorted(zones, key=lambda z: (z.start, z.end)))


def issuer_span(text: str, head: list[L.Line], claimed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Upper-case header pieces before 'Số' (or before the title when the number box is lost)."""
    pieces = issuer_pieces(text, head, claimed)
    return (pieces[0][0], pieces[-1][1]) if pieces else None


def issuer_pieces(text: str, head: list[L.Line], claimed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    stop = next((_cue_start(ln) for ln in head if _cue_start(ln) is not None), head[-1].end if head else 0)
    out = []
    for ln in head:
        if ln.start >= stop:
            break
        for a, b in L.segments(ln):
            b = min(b, stop)
            if a >= b:
                continue
            piece = masked(text, a, b, claimed)
            for part in L.COLUMN_GAP.split(piece):
                t = L.clean(part)
                # a name typed in lower case (a DOCX styled in capitals) counts when it opens with a body's word
                named = bool(t) and L.is_upper(t) or (t[:1].isupper() and L.opens_organisation(t) and len(t.split()) <= 12
                                          and not t.endswith((".", ":", ";")))
                stamp = fold(t) in urgency_words() or fold(t) in _stamp_words()
                if named and not stamp and not L.SEPARATOR.match(t) and not type_line(t):
                    off = a + piece.index(part) + len(part) - len(part.lstrip())
                    out.append((off, off + len(part.strip())))
    return out


def _cue_start(ln: L.Line) -> int | None:
    """Where the number, type line, V/v or Kính gửi starts on a line: the issuer column lies before it."""
    if type_line(ln.text) or type_head(ln.text):
        return ln.start
    found = [m.start() for m in (L.NUMBER.search(ln.text), L.VV.search(ln.text), L.KINH_GUI.search(ln.text)) if m]
    return ln.start + min(found) if found else None
