"""Pick the reader from the file's leading bytes."""
from __future__ import annotations

from ..errors import IngestError
from . import txt


def backend_for(data: bytes):
    return txt.read
