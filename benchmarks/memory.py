"""Peak memory of `congvan run` on small and large synthetic corpora (benchmarks/corpus.py). Goal: flat, the
peak on 1,000 documents about the peak on 10 (a batch holds one document at a time, not the whole corpus).

Figures from sampling /proc every 20 ms over the process and all its descendants (workers, exporters, pdftotext,
soffice): the peak of their summed proportional set size (PSS: a page shared by forked processes counts once, split
between them, where summed RSS would count it in each) while extracting and while writing the exports, and the
largest single process's high-water mark (VmHWM).

Run: .venv/bin/python -m benchmarks.memory [SIZES ...]   (default 10 50 1000; corpora kept in /tmp/congvan-corpus-N)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus

# `python -m` runs the pipeline of the tree the benchmark is started from (a frozen copy, see README.md)
CONGVAN = [sys.executable, "-m", "pipeline.cli"]


def _status(pid: int) -> dict[str, int]:
    """Pss and VmHWM of a process in kB; empty once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    fields = [line.partition(":") for line in status + rollup]
    return {k: int(v.split()[0]) for k, _, v in fields if k in ("Pss", "VmHWM")}


def _descendants(root: int) -> set[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo.extend(parents.get(pid, ()))
    return found


def peak_memory(cmd: list[str], out: Path) -> tuple[float, dict[str, int], int]:
    """(wall s, peak summed PSS kB by phase, largest single VmHWM kB) of cmd and its descendants. The phase is
    'extract' until the first export shows in `out` (its temporary file), then 'export'."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks, peak_one, phase = {"extract": 0, "export": 0}, 0, "extract"
    while proc.poll() is None:
        states = [_status(pid) for pid in _descendants(proc.pid)]
        if phase == "extract" and any(out.glob(".*.tmp")):
            phase = "export"
        peaks[phase] = max(peaks[phase], sum(s.get("Pss", 0) for s in states))
        peak_one = max([peak_one] + [s.get("VmHWM", 0) for s in states])
        time.sleep(0.02)
    return time.perf_counter() - start, peaks, peak_one


def main(sizes: list[int]) -> None:
    for n in sizes:
        folder = Path(tempfile.gettempdir()) / f"congvan-corpus-{n}"
        corpus.build(n, folder)
        with tempfile.TemporaryDirectory(prefix="congvan-memory-") as out:
            wall, peaks, one = peak_memory([*CONGVAN, "run", str(folder), "--out", out, "--ocr", "never"], Path(out))
        print(f"{n:6d} documents: peak PSS (all processes) {peaks['extract'] / 1024:6.1f} MiB extracting, "
              f"{peaks['export'] / 1024:6.1f} MiB writing exports; largest process {one / 1024:6.1f} MiB; "
              f"{wall:6.1f} s wall")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 50, 1000])
