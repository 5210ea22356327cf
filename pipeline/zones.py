"""Find the zones of an NĐ 30/2020 document."""
from __future__ import annotations

from .document import Zone


def find_zones(text: str) -> tuple[Zone, ...]:
    return (Zone("body", 0, len(text)),)
