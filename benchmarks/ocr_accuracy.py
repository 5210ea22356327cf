"""OCR character error rate on the dev corpus's rendered scans, whose source text is known.

Run: .venv/bin/python -m benchmarks.ocr_accuracy [--dpi 300] [--psm 3] [--limit N]
Each variants/scan/<stem>.scan.pdf is rendered, OCRed and compared with raw/<stem>.txt, before and
after ocr_correct. CER = edit distance / reference length, whitespace runs counted as one space,
horizontal rules left out.
"""
from __future__ import annotations

import argparse
import re
import tempfile
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from pipeline.ingest import tesseract
from pipeline.ingest.ocr_correct import correct

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
RULE = re.compile(r"[-_–—=.]{3,}")


def canonical(text: str) -> list[str]:
    """Words, without the rules drawn under the header ('-------', '____'): not text to read."""
    return [w for w in unicodedata.normalize("NFC", text).split() if not RULE.fullmatch(w)]


def levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(character edits, reference characters): words aligned first, characters within changed runs."""
    ref, hyp = canonical(reference), canonical(hypothesis)
    edits = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ref, hyp, autojunk=False).get_opcodes():
        if op != "equal":
            edits += levenshtein(" ".join(ref[i1:i2]), " ".join(hyp[j1:j2]))
    return edits, len(" ".join(ref))


def ocr_pdf(pdf: Path, dpi: int, psm: str, pages: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        jobs = [lambda n=n: tesseract.ocr_image(tesseract.render_pdf_page(pdf, n, Path(folder), dpi), psm)
                for n in range(1, pages + 1)]
        return "\n".join(tesseract.in_parallel(jobs))


def page_count(pdf: Path) -> int:
    info = tesseract.run(["pdfinfo", str(pdf)], 60)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=tesseract.DPI)
    parser.add_argument("--psm", default=tesseract.PAGE_MODE)
    parser.add_argument("--limit", type=int, default=0, help="first N scans only")
    args = parser.parse_args()
    scans = sorted((DEV / "variants" / "scan").glob("*.scan.pdf"))[:args.limit or None]
    totals = [0, 0, 0]
    pages_done, start = 0, time.perf_counter()
    for pdf in scans:
        reference = (DEV / "raw" / pdf.name.replace(".scan.pdf", ".txt")).read_text(encoding="utf-8")
        pages = page_count(pdf)
        text = ocr_pdf(pdf, args.dpi, args.psm, pages)
        before, length = errors(reference, text)
        after, _ = errors(reference, correct(text))
        totals = [totals[0] + before, totals[1] + after, totals[2] + length]
        pages_done += pages
        print(f"{pdf.name:45} {pages:2} pages  CER {before / length:.3%} -> {after / length:.3%}")
    print(f"all: {pages_done} pages, {time.perf_counter() - start:.0f} s, dpi {args.dpi}, psm {args.psm}: "
          f"CER {totals[0] / totals[2]:.3%} raw OCR, {totals[1] / totals[2]:.3%} after ocr_correct")


if __name__ == "__main__":
    main()
