"""Scanned pages as PNG, JPEG or TIFF (multi-page TIFF: one page per frame); all of it is OCR."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from ..document import RawText
from ..errors import IngestError
from ..options import Options
from . import tesseract
from .ocr_correct import correct

# A phone photo or a 100-dpi scan is upscaled towards an A4 page at the resolution PDF pages are
# rendered at, since Tesseract reads small type far worse than the same type enlarged.
TARGET_PAGE_HEIGHT = round(tesseract.A4_HEIGHT_INCHES * tesseract.DPI)
MIN_PAGE_HEIGHT = TARGET_PAGE_HEIGHT * 2 // 3
MAX_UPSCALE = 4


def read(path: Path, data: bytes, options: Options) -> RawText:
    if options.ocr == "never":
        raise IngestError("an image has no text without OCR, and OCR is off")
    tesseract.require()
    with tempfile.TemporaryDirectory(prefix="congvan-img-") as folder:
        files = frames(data, Path(folder), options.max_pages)
        texts = tesseract.in_parallel([lambda f=f: tesseract.ocr_image(f) for f in files],
                                      options.ocr_workers)
    return RawText(format="image", pages=tuple(correct(t) for t in texts),
                   ocr_pages=tuple(range(1, len(texts) + 1)))


def frames(data: bytes, folder: Path, max_pages: int) -> list[Path]:
    """Each page of the image as a grey PNG, upscaled when small."""
    try:
        image = Image.open(io.BytesIO(data))
        files = []
        for n, frame in enumerate(ImageSequence.Iterator(image), 1):
            if n > max_pages:
                raise IngestError(f"too many pages: more than {max_pages}")
            page = frame.convert("L")
            if page.height < MIN_PAGE_HEIGHT:
                scale = min(TARGET_PAGE_HEIGHT / page.height, MAX_UPSCALE)
                page = page.resize((round(page.width * scale), round(page.height * scale)), Image.LANCZOS)
            files.append(folder / f"page{n}.png")
            page.save(files[-1])
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise IngestError(f"corrupt image: {e}") from e
    return files
