"""Batch speed of `congvan run`, each figure as wall time and CPU time (user + system of the command and its
children: on a shared machine the CPU time is the steadier figure).

1. Born-digital PDFs end to end (`congvan run --ocr never` into a fresh folder) against poppler's `pdftotext`
   alone on the same files, one call a file. Goal: congvan at most 3x pdftotext.
2. An unchanged re-run against the first run on a synthetic corpus (benchmarks/corpus.py). Goal: at most 1%.

Run: .venv/bin/python -m benchmarks.batch_speed [--docs 1000] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus
from benchmarks.extraction_speed import pdfs

# `python -m` runs the pipeline of the tree the benchmark is started from (a frozen copy, see README.md)
CONGVAN = [sys.executable, "-m", "pipeline.cli"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall s, CPU s of the command and everything it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def run(folder: Path, out: Path) -> tuple[float, float]:
    return timed([*CONGVAN, "run", str(folder), "--out", str(out), "--ocr", "never"])


def pdf_figures(work: Path) -> None:
    folder = work / "pdf"
    folder.mkdir()
    for p in pdfs():
        shutil.copy(p, folder / p.name)
    files = sorted(folder.iterdir())
    poppler = [0.0, 0.0]
    for f in files:
        for i, v in enumerate(timed(["pdftotext", str(f), "-"])):
            poppler[i] += v
    (work / "empty").mkdir()
    idle = run(work / "empty", work / "empty_out")
    wall, cpu = run(folder, work / "pdf_out")
    pages = sum(json.loads(line)["source"]["pages"] or 0 for line in (work / "pdf_out" / "records.jsonl").open())
    print(f"born-digital PDFs: {len(files)} files, {pages} pages")
    print(f"  pdftotext alone : {poppler[0]:7.2f} s wall {poppler[1]:7.2f} s CPU")
    print(f"  congvan run     : {wall:7.2f} s wall {cpu:7.2f} s CPU")
    print(f"  ratio           : {wall / poppler[0]:7.1f} x wall {cpu / poppler[1]:7.1f} x CPU   (goal <= 3x)")
    print(f"  of which startup: {idle[0]:7.2f} s wall {idle[1]:7.2f} s CPU   (congvan run on an empty folder)")


def rerun_figures(work: Path, docs: int, folder: Path | None) -> None:
    folder = folder or work / "corpus"
    corpus.build(docs, folder)
    first = run(folder, work / "corpus_out")
    again = run(folder, work / "corpus_out")
    print(f"corpus of {docs} documents ({folder})")
    print(f"  first run       : {first[0]:7.2f} s wall {first[1]:7.2f} s CPU")
    print(f"  unchanged re-run: {again[0]:7.2f} s wall {again[1]:7.2f} s CPU")
    print(f"  ratio           : {100 * again[0] / first[0]:7.2f} % wall {100 * again[1] / first[1]:7.2f} % CPU"
          "   (goal <= 1%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the re-run corpus (1000)")
    parser.add_argument("--corpus", type=Path, help="keep the corpus in this folder (default: a temporary one)")
    parser.add_argument("--skip-pdf", action="store_true", help="only the re-run figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        if not args.skip_pdf:
            pdf_figures(Path(tmp))
        rerun_figures(Path(tmp), args.docs, args.corpus)


if __name__ == "__main__":
    main()
