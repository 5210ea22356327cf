from __future__ import annotations
from pipeline.document import Document
from .findings import Recipient


def extract(doc: Document) -> tuple[Recipient, ...]:
    return ()
