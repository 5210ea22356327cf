"""OCR of pages without a usable text layer."""
from __future__ import annotations

from pathlib import Path

from ..document import RawText
from ..options import Options


def complete(path: Path, data: bytes, raw: RawText, options: Options) -> RawText:
    return raw
