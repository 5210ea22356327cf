"""Typed findings. Every span is [start, end) into Document.text, so each value can be shown in its sentence.
Field names follow ../shared/spec/record.schema.json; pipeline/record.py turns these into the record."""
from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Header:
    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    symbol: str | None = None
    year: int | None = None
    doc_type: str | None = None
    place: str | None = None
    issued_date: str | None = None        # ISO, partial precision allowed: '2026-04'
    subject: str | None = None
    urgency: str | None = None            # khan | thuong_khan | hoa_toc | hoa_toc_hen_gio
    signer: str | None = None
    signer_title: str | None = None
    spans: tuple[tuple[str, Span], ...] = ()   # (field name, span) for each field found in the text


@dataclass(frozen=True)
class Reference:
    text: str
    span: Span
    id: str | None = None                 # canonical number-symbol; None for a citation by name alone
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Recipient:
    name: str
    role: str                             # to | cc | archive
    span: Span
    purpose: str | None = None


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: str                             # by | on | from | within | recurring | period
    span: Span
    value: str | None = None              # the date as written, ISO with its precision
    due: str | None = None                # the day a tracker should use (ISO date)
    recurrence: str | None = None         # RFC 5545 RRULE


@dataclass(frozen=True)
class Obligation:
    text: str
    action: str
    modality: str                         # must | request | assign | prohibit | coordinate | report | permit
    span: Span
    item: str | None = None
    actor: str | None = None
    actors: tuple[str, ...] = ()
    deadline: str | None = None
    report_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
