"""OCR of pages without a usable text layer: scans, e-signed scans whose only text is the signature
stamp, and pages whose text layer is broken (marks dropped, ASCII-folded, garbage); and of Word
files that hold only pictures, through a PDF that LibreOffice prints of them."""
from __future__ import annotations

import re
import subprocess
from collections.abc import Container
import tempfile
from dataclasses import replace
from pathlib import Path

from ..document import RawText
from ..options import Options
from . import docx, office, pdf, tesseract, textlayer
from .ocr_correct import correct
from .tesseract import Progress

# A missing or stamp-only text layer means a scan only when a picture covers the page; a
# born-digital page that merely has little text (a last page, a blank page) keeps its layer.
SCAN_COVERAGE = 0.3
PAPER_TOLERANCE = 8       # grey levels below pure white still counted as blank paper when trimming
PDFIMAGES_ROW = re.compile(r"^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s+(?:\S+\s+){7}(\d+)\s+(\d+)", re.M)
WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"')
PAGE_SIZE = re.compile(r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)", re.M)
REASONS = {textlayer.MISSING: "no text layer", textlayer.STAMP: "only a signature stamp as text",
           textlayer.BROKEN: "a broken text layer"}


def complete(path: Path, data: bytes, raw: RawText, options: Options,
             progress: Progress | None = None) -> RawText:
    if raw.format in ("docx", "doc") and docx.PICTURES_ONLY in raw.warnings and options.ocr != "never":
        return ocr_pictures(data, raw, options, progress)
    if raw.format != "pdf":
        return raw     # images are OCRed by their reader; other formats carry real text
    needed = pages_to_ocr(path, raw.pages, options.ocr)
    if not needed:
        return raw
    if options.ocr == "never":
        notes = tuple(f"page {n}: {reason}; not OCRed (OCR is off)" for n, reason in needed.items())
        return replace(raw, warnings=raw.warnings + notes)
    numbers = sorted(needed)
    stamped = {n for n, reason in needed.items() if reason == REASONS[textlayer.STAMP]}
    pages = list(raw.pages)
    for n, text in zip(numbers, ocr_pdf(path, numbers, options, progress, stamped=stamped)):
        pages[n - 1] = text
    return replace(raw, pages=tuple(pages), ocr_pages=tuple(sorted(set(raw.ocr_pages) | set(numbers))))


def ocr_pictures(data: bytes, raw: RawText, options: Options, progress: Progress | None) -> RawText:
    """A Word file of pictures: every page of its PDF print is OCRed."""
    tesseract.require()     # before the conversion, which is slow
    printed = office.convert(data, raw.format, "pdf", options.timeout_s)
    with tempfile.TemporaryDirectory(prefix="congvan-print-") as folder:
        path = Path(folder) / "printed.pdf"
        path.write_bytes(printed)
        numbers = list(range(1, len(pdf.read(path, printed, options).pages) + 1))
        pages = ocr_pdf(path, numbers, options, progress, trim=True)
    return replace(raw, pages=tuple(pages), ocr_pages=tuple(numbers),
                   warnings=tuple(w for w in raw.warnings if w != docx.PICTURES_ONLY))


def ocr_pdf(path: Path, numbers: list[int], options: Options, progress: Progress | None,
            stamped: Container[int] = (), trim: bool = False) -> list[str]:
    """Corrected OCR text of the given pages of a PDF."""
    tesseract.require()
    with tempfile.TemporaryDirectory(prefix="congvan-ocr-") as folder:
        jobs = [lambda n=n: ocr_page(path, n, Path(folder), n in stamped, trim) for n in numbers]
        texts = tesseract.in_parallel(jobs, options.ocr_workers, progress)
    return [correct(text) for text in texts]


def ocr_page(path: Path, number: int, folder: Path, stamped: bool, trim: bool) -> str:
    image = tesseract.render_pdf_page(path, number, folder)
    if stamped:
        erase_text_layer(path, number, image)
    if trim:
        trim_margins(image)
    return tesseract.ocr_image(image)


def trim_margins(image: Path) -> None:
    """Cut the white paper around a picture printed on a page: a grey photocopy on white makes
    Tesseract's global threshold turn the whole picture black."""
    from PIL import Image, ImageOps
    with Image.open(image) as picture:
        box = ImageOps.invert(picture.convert("L")).point(lambda v: 255 if v > PAPER_TOLERANCE else 0).getbbox()
        if box:
            picture.crop(box).save(image)


def erase_text_layer(path: Path, number: int, image: Path) -> None:
    """Paint out the e-signature stamp drawn over the scan: its 'Ký bởi … Thời gian ký …' would
    otherwise be read into the header, times and dates included."""
    from PIL import Image, ImageDraw
    boxes = WORD_BOX.findall(poppler(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(path), "-"]))
    scale = tesseract.DPI / 72
    with Image.open(image) as picture:
        draw = ImageDraw.Draw(picture)
        for box in boxes:
            x0, y0, x1, y1 = (float(v) * scale for v in box)
            draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), fill=255)
        picture.save(image)


def pages_to_ocr(path: Path, pages: tuple[str, ...], mode: str) -> dict[int, str]:
    """1-based page number -> why it needs OCR."""
    if mode == "always":
        return {n: "OCR requested" for n in range(1, len(pages) + 1)}
    verdicts = {n: textlayer.quality(text) for n, text in enumerate(pages, 1)}
    empty = [n for n, v in verdicts.items() if v in (textlayer.MISSING, textlayer.STAMP)]
    scanned = scanned_pages(path) if empty else set()
    return {n: REASONS[v] for n, v in verdicts.items()
            if v == textlayer.BROKEN or (v != textlayer.OK and n in scanned)}


def scanned_pages(path: Path) -> set[int]:
    """Pages whose largest picture covers a good part of the page."""
    covered: dict[int, float] = {}
    for n, w, h, xppi, yppi in PDFIMAGES_ROW.findall(poppler(["pdfimages", "-list", str(path)])):
        area = (int(w) / max(int(xppi), 1) * 72) * (int(h) / max(int(yppi), 1) * 72)
        covered[int(n)] = max(covered.get(int(n), 0.0), area)
    if not covered:
        return set()        # no picture: the page sizes (another poppler run) are not needed
    sizes = {int(n): float(w) * float(h) for n, w, h in PAGE_SIZE.findall(
        poppler(["pdfinfo", "-f", "1", "-l", "100000", str(path)]))}
    return {n for n, area in covered.items() if sizes.get(n) and area / sizes[n] >= SCAN_COVERAGE}


def poppler(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, timeout=tesseract.RENDER_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.decode("utf-8", "replace")
