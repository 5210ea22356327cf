"""Plain text."""
from __future__ import annotations

from pathlib import Path

from ..document import RawText
from ..options import Options


def read(path: Path, data: bytes, options: Options) -> RawText:
    return RawText(format="txt", pages=(data.decode("utf-8-sig"),), encoding="utf-8")
