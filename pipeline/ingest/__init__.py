"""Read any supported file into RawText: the format is detected from the bytes, never from the name."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import encodings
from ..document import RawText
from ..errors import IngestError
from ..options import Options
from . import detect, ocr, txt

CONTAINER_SUFFIXES = frozenset({".docx", ".doc", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


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
    if backend is txt.read and path.suffix.lower() in CONTAINER_SUFFIXES:
        # Content decides the reader, but plain text under a container's name is a broken or mislabelled download.
        raise IngestError(f"not a {path.suffix.lower()[1:].upper()} file: it holds plain text")
    raw = repair_encoding(backend(path, data, options))
    return ocr.complete(path, data, raw, options)


def repair_encoding(raw: RawText) -> RawText:
    """Legacy font encodings (TCVN3, VNI) and mojibake in readers without font names; DOCX, DOC and HTML
    repair their own text with the fonts they name."""
    if raw.format not in ("txt", "pdf"):
        return raw
    text, converted_from = encodings.repair("\f".join(raw.pages))
    if converted_from is None:
        return raw
    return replace(raw, pages=tuple(text.split("\f")), encoding=converted_from)
