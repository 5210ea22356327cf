"""The document as it flows through the pipeline: what a reader returns, and the normalized,
segmented text that every extractor reads."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawText:
    """What an ingest backend returns: one string per page (a format without pages gives one)."""
    format: str                           # pdf | docx | doc | txt | html | image
    pages: tuple[str, ...]
    encoding: str | None = None           # what the bytes were decoded from ('utf-8', 'tcvn3', …)
    ocr_pages: tuple[int, ...] = ()       # 1-based numbers of the pages whose text came from OCR
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    number: int                           # 1-based
    start: int                            # [start, end) in Document.text
    end: int


@dataclass(frozen=True)
class Zone:
    """A region of an NĐ 30/2020 document. Kinds, in reading order:
    motto, issuer, number, place_date, urgency, title, to, body, signature, cc, forwarded."""
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    path: str
    doc_id: str                           # sha256 of the source bytes
    format: str
    text: str                             # normalized: NFC, lines rejoined
    pages: tuple[Page, ...] = ()
    zones: tuple[Zone, ...] = ()
    encoding: str | None = None
    ocr_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def zone(self, kind: str) -> Zone | None:
        return next((z for z in self.zones if z.kind == kind), None)

    def zone_text(self, kind: str) -> str:
        z = self.zone(kind)
        return self.text[z.start:z.end] if z else ""

    def page_of(self, offset: int) -> int | None:
        for p in self.pages:
            if p.start <= offset < p.end or (offset == p.end == len(self.text)):
                return p.number
        return None
