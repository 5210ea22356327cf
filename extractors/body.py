"""Where a document's body runs: after the header and the Kính gửi list, up to the closing './.', the Nơi
nhận list, an appendix or a forwarded document (FORMAT.md §1). The zones from pipeline/zones.py bound the
search; these guards hold where the zones are coarse."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.document import Document

from . import actors
from .items import Paragraph, is_upper, paragraphs
from .modality import find_markers

ADDRESSEE_WORDS = 20
NUMBER_LINE = re.compile(r"\s*Số\s*:")
HEADER_LINE = re.compile(r"(?:Số\s*:|V/v\b|Về việc\b|Kính gửi\b|CỘNG HÒA|Độc lập|.{0,40},\s*ngày\s.{0,12}tháng)",
                         re.IGNORECASE)
MOTTO = re.compile(r"CỘNG H[OÒ][AÀ] XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM")
END_OF_BODY = re.compile(r"(?:Nơi nhận\b|NƠI NHẬN\b|CỘNG H[OÒ][AÀ] XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM|PHỤ LỤC\b|Phụ lục\s+[IVX\d]+\s*$)")


def body_range(doc: Document) -> tuple[int, int]:
    """From the body's start to the Nơi nhận list or a forwarded document. The signature zone is not trusted
    as an end: a 'QUYẾT ĐỊNH:' line can pass for one, and own guards find the end anyway."""
    body = doc.zone("body")
    if not body:
        return 0, len(doc.text)
    ends = [z.start for z in doc.zones if z.kind in ("cc", "forwarded") and z.start >= body.start]
    return body.start, min(ends, default=len(doc.text))


def body_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """The paragraphs of the body: header lines, the Kính gửi list and running page headers skipped; stop at
    the closing './.', Nơi nhận, an appendix, or a second national motto that opens another document (a motto
    repeated over the same 'Số:' line is a page header, skipped)."""
    text = doc.text
    lo, hi = body_range(doc)
    paras = paragraphs(text, lo, hi)
    numbers = [_flat(text[p.start:p.end]) for p in paras if NUMBER_LINE.match(text[p.start:p.end])]
    in_body = in_header = False
    to_block = False
    for i, p in enumerate(paras):
        raw = text[p.start:p.end]
        if MOTTO.match(raw) or (END_OF_BODY.match(raw) and in_body):
            if not in_body:
                continue
            ahead = [_flat(text[q.start:q.end]) for q in paras[i + 1:i + 6]]
            if not (MOTTO.match(raw) and numbers and any(a in numbers[:1] for a in ahead)):
                return
            in_header = True      # the first page's header printed again on a later page
            continue
        if (len(raw) < 12 and sum(c.isalpha() for c in raw) < 3) or (is_upper(raw) and p.level < 0):
            continue              # page numbers, rules, running heads, bare title lines
        if in_header and (HEADER_LINE.match(raw.lstrip()) or p.text[:1].isdigit()):
            continue
        in_header = False
        if not in_body:
            if raw.lstrip().startswith("Kính gửi"):
                to_block = True
                continue
            if (to_block and _addressee_line(p)) or HEADER_LINE.match(raw.lstrip()):
                continue
            if p.level < 0 and p.text[:1].islower():
                continue          # the wrapped tail of the trích yếu
            in_body = True
        yield p
        if raw.rstrip().endswith("./."):
            return                # NĐ30 ends every body with './.': what follows is signature and lists


def _flat(s: str) -> str:
    return " ".join(s.split())



def _addressee_line(p: Paragraph) -> bool:
    """A line of the Kính gửi list: '- Sở Y tế …;', '(Sau đây gọi là …)', or a short name with no command."""
    return (p.level == 4 or p.text.startswith("(")
            or (len(p.text.split()) <= ADDRESSEE_WORDS and actors.opens_actor(p.text) and not find_markers(p.text)))
