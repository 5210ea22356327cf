"""PDF text layer, one string per page, from poppler's word boxes (`pdftotext -bbox`: the same words as
`-bbox-layout` in the same order, without the block analysis that costs it a quarter more).

One pdftotext call reads the whole file (about 5 ms a page, see benchmarks/pdf_readers.py);
pdf_layout puts the words in reading order. A page without a text layer gives '' and is left to OCR.
Poppler is required: without it there is no reader fast enough for batches (pdfplumber is ~10x
slower), so its absence is reported as a missing dependency rather than worked around."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

from ..document import RawText
from ..errors import IngestError
from ..options import Options
from .pdf_layout import Word, page_text

PAGE_START = "<page "
# Coordinates are printf's %f: ASCII digits (a narrower class than \d, and faster to match).
WORD = re.compile(r'<word xMin="([-.0-9]+)" yMin="([-.0-9]+)" xMax="([-.0-9]+)" yMax="([-.0-9]+)">([^<]*)</word>')
EOF_MARK = b"%%EOF"


def read(path: Path, data: bytes, options: Options) -> RawText:
    if EOF_MARK not in data[-2048:]:
        raise IngestError("corrupt PDF: truncated (no end-of-file marker)")
    xhtml = _word_boxes(path, data, options)
    pages = xhtml.split(PAGE_START)[1:]
    if len(pages) > options.max_pages:
        raise IngestError(f"too many pages: more than {options.max_pages}")
    if not pages:
        raise IngestError("corrupt PDF: no pages")
    return RawText(format="pdf", pages=tuple(page_text(_words(p)) for p in pages))


def _word_boxes(path: Path, data: bytes, options: Options) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise IngestError("cannot read PDF: pdftotext (poppler-utils) is not installed")
    # One page past the limit tells that the limit is exceeded without reading the rest. pdftotext reads
    # the file itself (data is its content) and its output is the only pipe: feeding the bytes through
    # stdin costs Python a write and a poll per 4 KiB; -q leaves stderr empty.
    cmd = [exe, "-q", "-bbox", "-enc", "UTF-8", "-l", str(options.max_pages + 1), str(path.absolute()), "-"]
    try:
        done = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              timeout=options.timeout_s)
    except subprocess.TimeoutExpired:
        raise IngestError(f"PDF text extraction timed out after {options.timeout_s:g} s") from None
    if done.returncode != 0:
        raise IngestError(_failure(exe, data, options))
    return done.stdout.decode("utf-8", errors="replace")


def _failure(exe: str, data: bytes, options: Options) -> str:
    """The cause of a failed run: -q silenced it, so ask again with messages on."""
    done = subprocess.run([exe, "-l", "1", "-", "/dev/null"], input=data, capture_output=True,
                          timeout=options.timeout_s)
    message = done.stderr.decode("utf-8", errors="replace")
    if "password" in message.lower():
        return "encrypted PDF"
    first = next((l for l in message.splitlines() if l.strip()), "unreadable")
    return f"corrupt PDF: {first.strip()}"


def _words(page: str) -> list[Word]:
    unescape = html.unescape if "&" in page else str
    return [Word(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in WORD.findall(page)]
