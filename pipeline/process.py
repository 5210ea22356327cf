"""One file through the whole flow: read -> normalize -> zones -> extractors -> record."""
from __future__ import annotations

from pathlib import Path

from extractors import deadlines, header, obligations, recipients, references

from . import ingest
from .document import Document, RawText
from .files import file_hash
from .normalize import normalize
from .options import Options
from .record import to_record
from .zones import find_zones


def build_document(path: str, doc_id: str, raw: RawText) -> Document:
    text, pages = normalize(raw.pages)
    return Document(path=path, doc_id=doc_id, format=raw.format, text=text, pages=pages,
                    zones=find_zones(text), encoding=raw.encoding, ocr_pages=raw.ocr_pages,
                    warnings=raw.warnings)


def extract_document(doc: Document) -> dict:
    head = header.extract(doc)
    refs = references.extract(doc, head)
    recips = recipients.extract(doc)
    dls = deadlines.extract(doc, head)
    duties = obligations.extract(doc, head, recips, dls, refs)
    return to_record(doc, head, refs, recips, dls, duties)


def process_file(path: str, options: Options = Options(), doc_id: str | None = None) -> dict:
    """The record of one file; raises IngestError for a file that cannot be read."""
    p = Path(path)
    raw = ingest.read(p, options)
    return extract_document(build_document(path, doc_id or file_hash(p), raw))
