"""OCR throughput: congvan's reader on scanned PDFs against bare `tesseract -l vie` on the same pages,
every core busy in both (goal: congvan within 15% of bare Tesseract).

Run: .venv/bin/python -m benchmarks.ocr_speed [--docs N]
Bare Tesseract gets the work a shell script would do: pdftoppm then `tesseract page.pgm out -l vie`
per page, one process per core. congvan adds the text-layer check, TSV column ordering and
post-correction."""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline import ingest
from pipeline.ingest import tesseract

from .ocr_accuracy import DEV, page_count


def bare(pdf: Path, page: int, folder: Path) -> None:
    stem = folder / f"{pdf.stem}-{page}"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(["pdftoppm", "-r", str(tesseract.DPI), "-gray", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    subprocess.run(["tesseract", f"{stem}.pgm", str(stem), "-l", "vie"], check=True, env=env,
                   capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3, help="rendered dev scans to read")
    args = parser.parse_args()
    scans = sorted((DEV / "variants" / "scan").glob("*.scan.pdf"))[-args.docs:]
    jobs = [(pdf, n) for pdf in scans for n in range(1, page_count(pdf) + 1)]
    cores = os.cpu_count() or 1

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(cores) as pool:
        list(pool.map(lambda job: bare(*job, Path(folder)), jobs))
    bare_s = time.perf_counter() - start

    start = time.perf_counter()
    for pdf in scans:      # one file at a time, its pages in parallel: how `congvan extract` reads
        assert ingest.read(pdf).ocr_pages
    congvan_s = time.perf_counter() - start

    pages = len(jobs)
    print(f"{pages} pages, {cores} cores, {tesseract.DPI} dpi")
    print(f"bare tesseract -l vie: {pages / bare_s:.2f} pages/s ({bare_s / pages:.2f} s a page)")
    print(f"congvan:               {pages / congvan_s:.2f} pages/s ({congvan_s / pages:.2f} s a page), "
          f"{(congvan_s / bare_s - 1):+.0%} time against bare")


if __name__ == "__main__":
    main()
