"""Signer and title from the signature block (NĐ 30/2020 box 7): 'KT. BỘ TRƯỞNG' / 'THỨ TRƯỞNG' / name.

The block may share its lines with the Nơi nhận column, so only pieces that are not dash entries count. The title
is the first plain title line after the last authority prefix (TM., KT., TL., TUQ., Q.): in 'TL. CHỦ TỊCH' /
'KT. CHÁNH VĂN PHÒNG' / 'PHÓ CHÁNH VĂN PHÒNG' the signer is the deputy head of office."""
from __future__ import annotations

from pipeline import layout as L
from pipeline.document import Document

from .casing import title_case


def _pieces(doc: Document) -> list[tuple[int, int, str]]:
    z = doc.zone("signature")
    if not z:
        return []
    out = []
    for ln in L.lines_of(doc.text, z.start, z.end):
        for a, b in L.segments(ln):
            raw = doc.text[a:b]
            if raw.lstrip()[:1] in "-–+•" or L.NOI_NHAN.match(raw) or L.LUU.match(raw):
                continue
            out.append((a, b, L.clean(raw)))
    return out


def _split_name(piece: str) -> tuple[str, str]:
    """'KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trường Sơn' -> ('KT. BỘ TRƯỞNG THỨ TRƯỞNG', 'Nguyễn Trường Sơn')."""
    words = piece.split()
    for k in range(len(words) - 1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if (not head or L.is_upper(head)) and L.name_like(tail):
            return head, L.signed_name(tail)
    return piece, ""


def signer(doc: Document, spans: list) -> tuple[str | None, str | None]:
    titles: list[tuple[str, bool]] = []
    name, name_span = None, None
    for a, b, piece in _pieces(doc):
        head, tail = _split_name(piece)
        if tail:
            name, name_span = tail, (a, b)
        if head and L.is_upper(head):
            cuts = [0] + [m.start() for m in L.SIGNER_PREFIX.finditer(head)] + [len(head)]
            for x, y in zip(cuts, cuts[1:]):
                part = head[x:y].strip()
                if part:      # a prefix may stand alone on its line ('KT.' / 'PHÓ CHÁNH VĂN PHÒNG')
                    prefixed = L.SIGNER_PREFIX.match(part) or part.rstrip(". ") in L.signer_prefixes()
                    titles.append((part, bool(prefixed)))
        if name:
            break
    if name:
        spans.append(("signer", name_span))
    last_prefixed = max((i for i, (_, p) in enumerate(titles) if p), default=-1)
    plain = [t for t, p in titles[last_prefixed + 1:] if not p]
    if plain:
        title = plain[0]
    elif last_prefixed >= 0:
        title = L.SIGNER_PREFIX.sub("", titles[last_prefixed][0], count=1)
    else:
        title = None
    return name or None, title_case(title) if title else None
