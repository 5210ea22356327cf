"""Findings -> the record of ../shared/spec/record.schema.json (schema_version 1)."""
from __future__ import annotations

from dataclasses import fields
from functools import lru_cache

from extractors.findings import Deadline, Header, Obligation, Recipient, Reference

from .document import Document

SCHEMA_VERSION = 1


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _as_dict(finding) -> dict:
    """The finding's fields in order, tuples as lists (JSON arrays). The findings are flat, so this is
    dataclasses.asdict without its recursive deep copy, which took a twentieth of the extraction time."""
    out = {}
    for name in _field_names(type(finding)):
        value = getattr(finding, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _spanned(doc: Document, finding) -> dict:
    d = _as_dict(finding)
    d["page"] = doc.page_of(finding.span[0])   # the obligations table shows where each finding is
    return d


def to_record(doc: Document, header: Header, references: tuple[Reference, ...], recipients: tuple[Recipient, ...],
              deadlines: tuple[Deadline, ...], obligations: tuple[Obligation, ...]) -> dict:
    head = _as_dict(header)
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
