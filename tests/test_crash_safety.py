"""`congvan run` killed at any moment and run again ends where one clean run ends; an output file is never seen
half-written; Ctrl-C stops the run with its summary."""
from __future__ import annotations

import json
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from icalendar import Calendar

from tests.conftest import RAW, VARIANTS

CONGVAN = Path(sys.executable).with_name("congvan")
FIRST = sorted(RAW.glob("[0-3]*.txt"))[:8]                  # in the folder before the killed runs
LATER = (*sorted(RAW.glob("[0-3]*.txt"))[8:10],              # added, then the run is killed again and again
         VARIANTS / "html" / "310_TTg_QD_51-2025-QD-TTg.html", VARIANTS / "docx" / "307_BNV_TT_25-2025-TT-BNV.docx")
OUTPUTS = ("records.jsonl", "obligations.csv", "errors.csv", "deadlines.ics", "obligations.parquet",
           "obligations.xlsx")


def start(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([str(CONGVAN), "run", str(src), "--out", str(out), "--ocr", "never"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def complete(src: Path, out: Path) -> None:
    done = subprocess.run([str(CONGVAN), "run", str(src), "--out", str(out), "--ocr", "never"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def output(path: Path) -> str:
    """The file's content in a comparable form; raises if the file is incomplete."""
    if path.suffix == ".jsonl":
        return json.dumps([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    if path.suffix == ".csv":
        return pd.read_csv(path, encoding="utf-8-sig").to_csv(index=False)
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas().to_csv(index=False)
    if path.suffix == ".xlsx":
        openpyxl.load_workbook(path)                   # a cut zip fails here
        return pd.read_excel(path, engine="openpyxl").to_csv(index=False)
    data = path.read_bytes()
    Calendar.from_ical(data)
    assert data.rstrip().endswith(b"END:VCALENDAR")
    return re.sub(rb"DTSTAMP:\S+\r\n", b"", data).decode()  # the stamp moves with the store's write time


def outputs(out: Path) -> dict[str, str]:
    return {name: output(out / name) for name in OUTPUTS if (out / name).exists()}


def store(out: Path) -> dict:
    with sqlite3.connect(out / "congvan.sqlite") as conn:
        q = lambda sql: conn.execute(sql).fetchall()   # noqa: E731
        return {"doc_ids": sorted(q("SELECT doc_id FROM documents")),
                "records": q("SELECT doc_id, path, record FROM documents ORDER BY doc_id"),
                "files": q("SELECT path, doc_id FROM files ORDER BY path"),
                "obligations": q("SELECT * FROM obligations ORDER BY doc_id, position"),
                "counts": [q(f"SELECT count(*) FROM {t}") for t in (
                    "citations", "recipients", "deadlines", "documents_fts")]}


def kill_when(proc: subprocess.Popen, out: Path, delay: float, at_write: bool) -> None:
    """SIGKILL after `delay` s, or with `at_write` as soon as an output's temporary file shows."""
    end = time.monotonic() + delay
    while proc.poll() is None and time.monotonic() < end:
        if at_write and any(out.glob(".*.tmp")):
            break
        time.sleep(0.002 if at_write else 0.02)
    proc.kill()
    proc.communicate()


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    src, out, clean = root / "in", root / "out", root / "clean"
    src.mkdir()
    for f in FIRST:
        shutil.copy(f, src / f.name)
    complete(src, out)
    old = outputs(out)
    for f in LATER:
        shutil.copy(f, src / f.name)
    began = time.monotonic()
    complete(src, clean)
    return src, out, clean, old, time.monotonic() - began


def test_killed_runs_end_like_one_clean_run(folders):
    src, out, clean, old, duration = folders
    new = outputs(clean)
    rng = random.Random(7)
    delays = [(0.5, False), (rng.uniform(0.2, 0.6) * duration, False), (rng.uniform(0.6, 1.0) * duration, False),
              (2 * duration, True)]
    for delay, at_write in delays:
        start_proc = start(src, out)
        kill_when(start_proc, out, delay, at_write)
        for name, content in outputs(out).items():
            assert content in (old[name], new[name]), f"{name} after a kill at {delay:.1f} s"
    complete(src, out)
    again = clean.with_name("clean_again")     # right after, in case the tree's code changed during the kills
    complete(src, again)
    assert store(out) == store(again)
    assert outputs(out) == outputs(again)


@pytest.mark.xfail(strict=True, reason="pipeline/sinks/__init__.py replacing(): a killed writer's "
                   "'.NAME.PID.tmp' is never removed by later runs")
def test_a_full_run_leaves_no_temporary_file_of_a_killed_one(folders):
    """Runs after test_killed_runs_end_like_one_clean_run, whose last kill comes while outputs are written."""
    _, out, _, _, _ = folders
    assert not list(out.glob(".*.tmp"))


def test_ctrl_c_stops_with_a_summary(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in (*FIRST, *LATER):
        shutil.copy(f, src / f.name)
    proc = start(src, tmp_path / "out")
    deadline = time.monotonic() + 60
    while proc.poll() is None and not (tmp_path / "out" / "congvan.sqlite").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert any(line.startswith("congvan:") for line in (stdout + stderr).splitlines())
