"""Batch speed of `congvan run`, each figure as wall time and CPU time (user + system of the command and its
children: on a shared machine the CPU time is the steadier figure).

1. Born-digital PDFs end to end (`congvan run --ocr never` into a fresh folder) against poppler's `pdftotext`
   alone on the same files, one call a file: the 25 dev PDFs, and a batch of 10 copies of them (the start-up
   and the export libraries' imports weigh on a small batch only). Goal: congvan at most 3x pdftotext.
2. An unchanged re-run against the first run on a synthetic corpus (benchmarks/corpus.py). Goal: at most 1%.

Run: .venv/bin/python -m benchmarks.batch_speed [--docs 1000] [--corpus DIR] [--copies 10] [--skip-pdf|--skip-rerun]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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
# As an installed program runs: Python may keep the compiled modules (some shells forbid it, and every start
# then compiles the whole pipeline again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
REPEATS = 5


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall s, CPU s of the command and everything it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def run(folder: Path, out: Path) -> tuple[float, float]:
    return timed([*CONGVAN, "run", str(folder), "--out", str(out), "--ocr", "never"])


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def pdf_folder(folder: Path, copies: int) -> list[Path]:
    """The born-digital dev PDFs, `copies` times: each copy after the first ends with a PDF comment of its own
    after %%EOF (readers ignore it), so that it is a document of its own to congvan's store, as in a real batch."""
    folder.mkdir()
    for n in range(copies):
        for p in pdfs():
            tail = f"\n% copy {n}\n".encode() if n else b""
            (folder / f"{p.stem}-{n}.pdf").write_bytes(p.read_bytes() + tail)
    return sorted(folder.iterdir())


def pdf_figures(work: Path, copies: int) -> None:
    """Each side timed REPEATS times, alternating, and the medians compared: the machine may be shared."""
    folder = work / f"pdf{copies}"
    files = pdf_folder(folder, copies)
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    run(empty, work / "warm_up")            # writes the compiled modules
    poppler_runs, congvan_runs, idle_runs = [], [], []
    for n in range(REPEATS):
        times = [timed(["pdftotext", str(f), "-"]) for f in files]
        poppler_runs.append((sum(w for w, _ in times), sum(c for _, c in times)))
        congvan_runs.append(run(folder, work / f"pdf{copies}_out{n}"))
        idle_runs.append(run(empty, work / f"empty{copies}_out{n}"))
    poppler, congvan, idle = median(poppler_runs), median(congvan_runs), median(idle_runs)
    records = (work / f"pdf{copies}_out0" / "records.jsonl").open()
    pages = sum(json.loads(line)["source"]["pages"] or 0 for line in records)
    print(f"born-digital PDFs: {len(files)} files, {pages} pages; medians of {REPEATS} runs")
    print(f"  pdftotext alone : {poppler[0]:7.2f} s wall {poppler[1]:7.2f} s CPU")
    print(f"  congvan run     : {congvan[0]:7.2f} s wall {congvan[1]:7.2f} s CPU")
    print(f"  ratio           : {congvan[0] / poppler[0]:7.1f} x wall {congvan[1] / poppler[1]:7.1f} x CPU   (goal <= 3x)")
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
    parser.add_argument("--copies", type=int, default=10,
                        help="the PDF figures again on this many copies of the dev PDFs (10)")
    parser.add_argument("--skip-pdf", action="store_true", help="only the re-run figures")
    parser.add_argument("--skip-rerun", action="store_true", help="only the PDF figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="congvan-bench-") as tmp:
        if not args.skip_pdf:
            for copies in sorted({1, args.copies}):
                pdf_figures(Path(tmp), copies)
        if not args.skip_rerun:
            rerun_figures(Path(tmp), args.docs, args.corpus)


if __name__ == "__main__":
    main()
