"""Plain text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1258.

Legacy 8-bit font encodings (TCVN3, VNI) decode here as Windows-1258 mojibake; repairing them is the
job of the encodings stage that the caller runs on the result, not of this reader."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..document import RawText
from ..errors import IngestError
from ..options import Options

# Share of odd (or even) bytes that must be NUL before BOM-less bytes are taken as UTF-16:
# Vietnamese text is mostly ASCII, whose UTF-16 form has a NUL in every other byte.
UTF16_NUL_SHARE = 0.3
# Text may hold a stray control character; random binary decodes to ~10% of them.
MAX_CONTROL_SHARE = 0.005
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")   # C0/C1 controls but tab, LF, VT, FF, CR


def read(path: Path, data: bytes, options: Options) -> RawText:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A form feed is a page break (pdftotext writes one after every page).
    pages = tuple(text.split("\f")) if "\f" in text else (text,)
    return RawText(format="txt", pages=pages, encoding=encoding)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was decoded from; IngestError for binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16"), "utf-16"
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked(data, utf16), "utf-16"
    if b"\x00" in data:
        raise IngestError("unsupported: binary data, not a document")
    try:
        return _checked(data, "utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data, "cp1258"), "cp1258"
    except UnicodeDecodeError:    # cp1258 leaves a few bytes undefined: seen in binary, not in text
        raise IngestError("unsupported: binary data, not a document") from None


def looks_binary(data: bytes) -> bool:
    """A cheap test on the leading bytes: control bytes that no text encoding here produces."""
    sample = data[:4096]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(sample):
        return False
    return len(CONTROL_BYTES.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul >= UTF16_NUL_SHARE and even_nul < UTF16_NUL_SHARE / 3:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul < UTF16_NUL_SHARE / 3:
        return "utf-16-be"
    return None


def _checked(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding.startswith("utf-16"):
            raise IngestError("unsupported: binary data, not a document") from None
        raise
    text = text.removeprefix("\ufeff")
    if len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * max(len(text), 1):
        raise IngestError("unsupported: binary data, not a document")
    return text
