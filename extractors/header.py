from __future__ import annotations
from pipeline.document import Document
from .findings import Header


def extract(doc: Document) -> Header:
    return Header()
