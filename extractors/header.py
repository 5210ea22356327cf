"""The header of the first document (NĐ 30/2020 boxes 2–5, 7, 10b), read from the zones the segmenter found."""
from __future__ import annotations

import re

from pipeline import layout as L
from pipeline.document import Document
from pipeline.zones import issuer_pieces, masked, type_head, type_line, urgency_words

from . import signature
from .casing import sentence_case, subject_case
from .dates import date_at
from .findings import Header
from .lexicon import fold, type_by_name

# Zones whose text may sit in the same lines as the issuer or the summary (columns side by side).
_SIDE_ZONES = ("motto", "number", "place_date", "urgency", "to")


def _claimed(doc: Document, *extra: str) -> list[tuple[int, int]]:
    spans = [(z.start, z.end) for z in doc.zones if z.kind in _SIDE_ZONES + extra]
    # the motto zone may be one phrase only: the tagline of an interleaved header is claimed too
    spans += [m.span() for z in doc.zones if z.kind in ("issuer", "title")
              for m in (*L.MOTTO.finditer(doc.text, z.start, z.end), *L.TAGLINE.finditer(doc.text, z.start, z.end))]
    return spans


def _organisations(text: str, pieces: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Header pieces grouped into bodies: a piece that does not open with an organisation word continues the
    one above ('ỦY BAN NHÂN DÂN' / 'TỈNH QUẢNG NGÃI'), and so does one that completes a broken organisation word
    ('ỦY' / 'BAN NHÂN DÂN', a narrow box wrapping the name)."""
    orgs: list[tuple[str, int, int]] = []
    for a, b in pieces:
        t = L.clean(text[a:b])
        broken = bool(orgs) and not L.opens_organisation(orgs[-1][0]) and L.opens_organisation(f"{orgs[-1][0]} {t}")
        if orgs and (broken or not L.opens_organisation(t)):
            name, start, _ = orgs[-1]
            orgs[-1] = (f"{name} {t}", start, b)
        else:
            orgs.append((t, a, b))
    return orgs


def _issuer(doc: Document, spans: list) -> tuple[str | None, str | None]:
    z = doc.zone("issuer")
    if not z:
        return None, None
    pieces = issuer_pieces(doc.text, L.lines_of(doc.text, z.start, z.end), _claimed(doc))
    orgs = _organisations(doc.text, pieces)
    if not orgs:
        return None, None
    name, a, b = orgs[-1]
    spans.append(("issuer", (a, b)))
    parent = orgs[-2][0] if len(orgs) > 1 else None
    return _case(name), _case(parent) if parent else None


def _case(name: str) -> str:
    """Capitals in sentence case; a name typed in its own case (a DOCX styled in capitals) stays."""
    return sentence_case(name) if L.is_upper(name) else name


def _number(doc: Document, spans: list):
    z = doc.zone("number")
    if not z:
        return None
    m = L.NUMBER.match(doc.text, z.start)
    ns, end = L.number_at(doc.text, m.end()) if m else (None, z.start)
    if ns:
        spans.append(("number", (m.end(), end)))
    return ns


def _place_date(doc: Document, spans: list) -> tuple[str | None, str | None]:
    z = doc.zone("place_date")
    if not z:
        return None, None
    m = L.PLACE_DATE.search(doc.text, z.start, z.end)      # the zone may begin a line above ('Tam' / 'Kỳ, ngày')
    place = L.clean(doc.text[z.start:m.end("place")]) if m else None
    if place:
        spans.append(("place", (z.start, m.end("place"))))
    d = date_at(doc.text, m.start("date") if m else z.start)
    if d:
        spans.append(("issued_date", (d.start, d.end)))
        return place or None, d.iso
    return place or None, _garbled_date(doc.text[z.start:z.end])


def _garbled_date(s: str) -> str | None:
    """'ngày/1} tháng 9 năm 2024' (a scanned day misread) -> '2024-09': what can be read of it."""
    m = re.search(r"th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*((?:19|20)\d{2})", s)
    return f"{m.group(2)}-{int(m.group(1)):02d}" if m and 1 <= int(m.group(1)) <= 12 else None


def _title(doc: Document, spans: list) -> tuple[str | None, str | None, bool]:
    """(type slug from the type line, subject, whether the summary is a V/v line)."""
    z = doc.zone("title")
    if not z:
        return None, None, False
    text = doc.text
    lines = L.lines_of(text, z.start, z.end)
    claimed = _claimed(doc, "issuer")
    # the zone ends at the last summary line; what other columns put in those lines is blanked
    ranges = [(ln.start, ln.end) for ln in lines]
    cut = len(lines[0].text) if type_line(lines[0].text) else type_head(lines[0].text)
    slug = type_by_name().get(fold(L.clean(lines[0].text[:cut]))) if cut else None
    if cut:
        ranges[0] = (lines[0].start + cut, lines[0].end)
    parts: list[str] = []
    first = None
    for a, b in ranges:
        piece = re.sub(r"\s+", " ", masked(text, a, b, claimed).replace("*", " ").replace("|", " ")).strip()
        if piece and not L.SEPARATOR.match(piece):
            first = a if first is None else first
            parts.append(piece)
    subject = " ".join(parts)
    vv = L.VV.match(subject) or L.VV_GARBLED.match(subject)
    is_vv = bool(vv)
    subject = subject[vv.end():] if vv else subject
    subject = subject_case(re.sub(r"\s+", " ", subject).strip(" .;,"))
    if subject and first is not None:
        spans.append(("subject", (first, z.end)))
    if slug:
        spans.append(("doc_type", (lines[0].start, lines[0].start + cut)))
    return slug, subject or None, is_vv


def _urgency(doc: Document, spans: list) -> str | None:
    z = doc.zone("urgency")
    if not z:
        return None
    slug = urgency_words().get(fold(L.clean(doc.text[z.start:z.end])))
    if slug:
        spans.append(("urgency", (z.start, z.end)))
    return slug


def extract(doc: Document) -> Header:
    spans: list[tuple[str, tuple[int, int]]] = []
    issuer, parent = _issuer(doc, spans)
    ns = _number(doc, spans)
    place, issued = _place_date(doc, spans)
    slug, subject, is_vv = _title(doc, spans)
    urgency = _urgency(doc, spans)
    signer, signer_title = signature.signer(doc, spans)
    doc_type = slug or ("cong_van" if is_vv else ns.doc_type if ns else None)
    year = ns.year if ns and ns.year else int(issued[:4]) if issued else None
    return Header(issuer=issuer, parent_issuer=parent, number=ns.number if ns else None,
                  symbol=ns.symbol if ns else None, year=year, doc_type=doc_type, place=place,
                  issued_date=issued, subject=subject, urgency=urgency, signer=signer,
                  signer_title=signer_title, spans=tuple(spans))
