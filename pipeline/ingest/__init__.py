"""Read any supported file into RawText: the format is detected from the bytes, never from the name."""
from __future__ import annotations

from pathlib import Path

from ..document import RawText
from ..errors import IngestError
from ..options import Options
from . import detect, ocr


def read(path: Path, options: Options = Options()) -> RawText:
    if path.is_dir():
        raise IngestError("is a directory")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if size > options.max_bytes:
        raise IngestError(f"too large: {size} bytes, the limit is {options.max_bytes}")
    data = path.read_bytes()
    backend = detect.backend_for(data)
    raw = backend(path, data, options)
    return ocr.complete(path, data, raw, options)
