"""The footer of the first document (NĐ 30/2020 boxes 7 and 9b) and what follows it.

Nơi nhận (left) and the signature (right) are two columns that text extraction prints side by side or
interleaves line by line, so the cc zone runs from 'Nơi nhận' to the 'Lưu' line and the signature zone from the
authority prefix (or title line) to the signer's name; the two may overlap. After the footer come the document's
own annexes (Phụ lục, Mẫu: body) or a forwarded document, recognised by a new national motto before any annex
heading."""
from __future__ import annotations

from extractors.lexicon import fold

from . import layout as L
from .document import Zone

FOOTER_LINES = 30        # signature lines looked for around Nơi nhận
BULLETS = "-–•+"


def find_footer(text: str, lines: list[L.Line], body_start: int,
            limit: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(cc, signature) spans of the first document's footer, before limit (a forwarded document's header)."""
    lines = [ln for ln in lines if ln.start < limit]
    idx = next((i for i, ln in enumerate(lines) if ln.start >= body_start and L.NOI_NHAN.match(ln.text)), None)
    cc = None
    if idx is not None:
        end_i, blanks = idx, 0
        for j in range(idx + 1, min(len(lines), idx + 1 + FOOTER_LINES)):
            left = lines[j].text.strip()
            if L.LUU.match(left):
                end_i = j
                break
            if left[:1] in BULLETS:
                end_i, blanks = j, 0
            blanks = blanks + 1 if not left else 0
            if blanks > 2 or L.MOTTO.search(left) or L.ANNEX.match(left):
                break
        cc_end = min((b for a, b in L.segments(lines[end_i])), default=lines[end_i].end) \
            if end_i != idx else lines[idx].end
        cc = (lines[idx].start + len(lines[idx].text) - len(lines[idx].text.lstrip()), cc_end)
        window = range(max(0, idx - 12), min(len(lines), end_i + FOOTER_LINES))
    else:
        # the signature follows the closing './.'; without one, it ends the document
        closing = text.find("./.", body_start, limit)
        if closing >= 0:
            first = next((i for i, ln in enumerate(lines) if ln.end >= closing), len(lines))
        else:
            first = max(next((i for i, ln in enumerate(lines) if ln.end >= body_start), len(lines)),
                        len(lines) - 2 * FOOTER_LINES)
        window = range(first, min(len(lines), first + 2 * FOOTER_LINES))
        cc = _unlabelled_list(lines, window)
    # a bare title line opens the signature only after the content's closing './.' (or just above Nơi nhận)
    closers = [i for i in window if "./." in lines[i].text and (idx is None or i <= idx)]
    titled_from = closers[-1] if closers else (max(window.start, idx - 4) if idx is not None else window.start)
    return cc, _signature(text, lines, window, body_start, titled_from)


def _unlabelled_list(lines: list[L.Line], window: range) -> tuple[int, int] | None:
    """A Nơi nhận list whose label a scan lost: the dash lines that end with the 'Lưu' line."""
    luu = next((j for j in window if L.LUU.match(lines[j].text.strip()) and lines[j].text.strip()[:1] in BULLETS),
               None)
    if luu is None:
        return None
    first = luu
    while first - 1 >= window.start and lines[first - 1].text.strip()[:1] in BULLETS:
        first -= 1
    if first == luu:
        return None
    ln = lines[first]
    return ln.start + len(ln.text) - len(ln.text.lstrip()), lines[luu].end


def _signature(text: str, lines: list[L.Line], window: range, body_start: int,
               titled_from: int) -> tuple[int, int] | None:
    """From the signer prefix (or, from line titled_from on, a bare title line) to the signer's name. A bare
    title in capitals before the content's end ('CHỦ TỊCH UBND THỊ TRẤN …' above the Căn cứ) is no signature."""
    authority = L.authority_words()
    start = None
    for i in window:
        ln = lines[i]
        if ln.start < body_start:
            continue
        for a, b in L.segments(ln):
            piece = L.clean(text[a:b])
            # the prefix may follow Nơi nhận text on a line whose column gap was collapsed
            prefixed = next((m for m in L.SIGNER_PREFIX.finditer(text, a, b)
                             if L.is_upper(" ".join(text[m.start():b].split()[:3]))), None)
            titled = L.is_upper(piece) and fold(piece).startswith(authority)
            if prefixed or (start is None and titled and i >= titled_from and _name_after(text, lines, i)):
                start = (prefixed.start() if prefixed else a) if start is None else start
                break
        if start is not None:
            name_i = _name_after(text, lines, i)
            if name_i is not None:
                seg = [s for s in L.segments(lines[name_i]) if L.name_like(text[s[0]:s[1]])]
                return start, seg[-1][1]
            return start, ln.end
    return None


def _name_after(text: str, lines: list[L.Line], i: int) -> int | None:
    for j in range(i, min(len(lines), i + 14)):
        for a, b in L.segments(lines[j]):
            if L.name_like(text[a:b]) and text[a] not in "-–+•" and not L.LUU.match(text[a:b]):
                return j
    return None


def after_document(text: str, doc_end: int) -> list[Zone]:
    """The annex of the first document (body) or a forwarded document, after its footer."""
    rest = text[doc_end:]
    if not rest.strip():
        return []
    motto = L.MOTTO.search(text, doc_end)
    annex = L.ANNEX.search(text, doc_end)
    if motto and not (annex and annex.start() < motto.start()):
        first = doc_end + len(rest) - len(rest.lstrip())
        return [Zone("forwarded", first, len(text))]
    return [Zone("body", doc_end, len(text))]


def second_header(text: str, lines: list[L.Line], body_start: int) -> int:
    """Start of a forwarded document's header (its issuer lines above a national motto) after the body start;
    len(text) when there is none, or when an annex heading comes first (forms repeat the motto)."""
    m = L.MOTTO.search(text, body_start)
    if not m or L.ANNEX.search(text, body_start, m.start()):
        return len(text)
    i = next(i for i, ln in enumerate(lines) if ln.end >= m.start())
    start = lines[i].start
    for ln in reversed(lines[max(0, i - 3):i]):
        if not L.is_upper(L.clean(ln.text)) or ln.start < body_start:
            break
        start = ln.start
    return start
