"""Pick the reader from the file's leading bytes, never from its name."""
from __future__ import annotations

import importlib
import io
import re
import zipfile
from typing import Callable

from ..errors import IngestError
from . import txt

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Tags an HTML page opens with; a fragment saved without <html> still starts with one of them.
HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|div|p|table|meta|title|!--)[\s>/]",
                        re.IGNORECASE)
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def format_of(data: bytes) -> str:
    """'pdf' | 'docx' | 'doc' | 'html' | 'image' | 'txt'; raises IngestError for anything else."""
    head = data[:1024]
    if b"%PDF-" in head:          # writers may put junk before the header; readers accept 1 KiB
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _zip_format(data)
    if head.startswith(OLE2):
        return "doc"
    if head.startswith(IMAGE_MAGIC):
        return "image"
    if _looks_like_html(head):
        return "html"
    if txt.looks_binary(data):
        raise IngestError("unsupported: binary data, not a document")
    return "txt"                  # the text reader still refuses what does not decode as text


def backend_for(data: bytes) -> Callable:
    """The `read` function of the backend for these bytes."""
    name = format_of(data)
    try:   # imported on demand: a backend missing from this install only fails its own format
        module = importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError as e:
        raise IngestError(f"unsupported: no reader for {name} files in this install ({e.name})") from e
    return module.read


def _zip_format(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError) as e:
        raise IngestError(f"corrupt zip archive: {e}") from e
    if "word/document.xml" in names:
        return "docx"
    raise IngestError("unsupported: zip archive without a Word document part")


def _looks_like_html(head: bytes) -> bool:
    head = head.removeprefix(UTF8_BOM)
    if head.startswith(UTF16_BOMS):      # UTF-16 HTML: look at the ASCII bytes only
        head = head[2:].replace(b"\x00", b"")
    head = head.lstrip()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    return bool(HTML_START.match(head))
