"""Tesseract OCR of page images: one single-threaded process per page, pages in parallel.

Tesseract's own OpenMP threads are switched off (OMP_THREAD_LIMIT=1): one process per core is
faster than one process using all cores, and it keeps batch workers from oversubscribing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from ..errors import IngestError
from .ocr_layout import page_text

LANGUAGE = "vie"
# Rendering resolution: on the rendered dev scans (200-dpi images) 0.42% CER at 200 dpi against
# 0.47% at 300, and on real 100-300 dpi scans the same share of well-formed syllables, for a
# third less time (benchmarks/ocr_accuracy.py --dpi).
DPI = 200
A4_HEIGHT_INCHES = 11.7
# One uniform block: on the rendered dev scans 0.42% CER against 0.53% for psm 3 at 200 dpi (0.47%
# against 0.55% at 300 dpi; psm 4 reads as psm 3). Automatic layout drops a short issuer line
# above a rule ('BỘ Y TẾ' / '-------'). Every mode reads the two header columns across the page,
# so ocr_layout re-orders them from the word boxes.
PAGE_MODE = "6"
PAGE_TIMEOUT_S = 180
RENDER_TIMEOUT_S = 60
MISSING = "OCR needed but tesseract with Vietnamese (vie) is not installed"

Progress = Callable[[int, int], None]


@lru_cache(maxsize=1)
def available() -> bool:
    if not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in (langs.stdout + langs.stderr).split()


def require() -> None:
    if not available():
        raise IngestError(MISSING)


def run(args: list[str], timeout: float) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise IngestError(f"{args[0]} took longer than {timeout:.0f} s on a page") from None
    except OSError as e:
        raise IngestError(f"{args[0]} cannot be run: {e.strerror}") from None
    if done.returncode != 0:
        cause = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["failed"]
        raise IngestError(f"{args[0]}: {cause[0]}")
    return done.stdout.decode("utf-8", "replace")


def ocr_image(image: Path, mode: str = PAGE_MODE) -> str:
    """Text of one page image, header columns in column order."""
    return page_text(run(["tesseract", str(image), "stdout", "-l", LANGUAGE, "--psm", mode, "tsv"],
                         PAGE_TIMEOUT_S))


def render_pdf_page(pdf: Path, page: int, folder: Path, dpi: int = DPI) -> Path:
    stem = folder / f"page{page}"
    run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(stem)], RENDER_TIMEOUT_S)
    return stem.with_suffix(".pgm")


def workers(limit: int = 0) -> int:
    cores = os.cpu_count() or 1
    return min(cores, limit) if limit > 0 else cores


def in_parallel(jobs: Sequence[Callable[[], str]], limit: int = 0, progress: Progress | None = None) -> list[str]:
    """Run the page jobs (each one waits on its own subprocess) on up to `limit` cores."""
    report = progress or terminal_progress
    results: list[str] = [""] * len(jobs)
    report(0, len(jobs))
    with ThreadPoolExecutor(max_workers=min(workers(limit), len(jobs)) or 1) as pool:
        futures = {pool.submit(job): i for i, job in enumerate(jobs)}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            report(done, len(jobs))
    return results


def terminal_progress(done: int, total: int) -> None:
    """'OCR page 3/12' (the page being read) on one rewritten line, only when a person watches stderr; the line is cleared
    at the end, so that a batch run's own progress line takes it over."""
    if not sys.stderr.isatty():
        return
    sys.stderr.write("\r\033[K" + (f"OCR page {done + 1}/{total}" if done < total else ""))
    sys.stderr.flush()
