"""Findings -> the record of ../shared/spec/record.schema.json (schema_version 1)."""
from __future__ import annotations

from dataclasses import asdict

from extractors.findings import Deadline, Header, Obligation, Recipient, Reference

from .document import Document

SCHEMA_VERSION = 1


def _spanned(doc: Document, finding) -> dict:
    d = asdict(finding)
    d["span"] = list(finding.span)
    d["page"] = doc.page_of(finding.span[0])   # the obligations table shows where each finding is
    for k, v in d.items():
        if isinstance(v, tuple):
            d[k] = list(v)
    return d


def to_record(doc: Document, header: Header, references: tuple[Reference, ...], recipients: tuple[Recipient, ...],
              deadlines: tuple[Deadline, ...], obligations: tuple[Obligation, ...]) -> dict:
    head = asdict(header)
    head.pop("spans")
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "source": {
            "path": doc.path,
            "format": doc.format,
            "pages": len(doc.pages) or None,
            "ocr": bool(doc.ocr_pages),
            "ocr_pages": list(doc.ocr_pages),
            "encoding": doc.encoding,
        },
        "text": doc.text,
        "header": head,
        "references": [_spanned(doc, r) for r in references],
        "recipients": [_spanned(doc, r) for r in recipients],
        "deadlines": [_spanned(doc, d) for d in deadlines],
        "obligations": [_spanned(doc, o) for o in obligations],
        "warnings": list(doc.warnings),
    }
