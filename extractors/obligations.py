from __future__ import annotations
from pipeline.document import Document
from .findings import Deadline, Header, Obligation, Recipient, Reference


def extract(doc: Document, header: Header, recipients: tuple[Recipient, ...], deadlines: tuple[Deadline, ...],
            references: tuple[Reference, ...]) -> tuple[Obligation, ...]:
    return ()
