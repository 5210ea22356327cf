from __future__ import annotations
from pipeline.document import Document
from .findings import Header, Reference


def extract(doc: Document, header: Header) -> tuple[Reference, ...]:
    return ()
