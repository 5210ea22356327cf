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


def stored(out: Path) -> int:
    """Documents in the store as another reader sees them now (0 while it cannot be read)."""
    try:
        with sqlite3.connect(f"file:{out / 'congvan.sqlite'}?mode=ro", uri=True, timeout=0.05) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_when(proc: subprocess.Popen, moment, limit: float) -> bool:
    """SIGKILL as soon as moment() is true (or after `limit` s); whether it was still running then."""
    end = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < end and not moment():
        time.sleep(0.002)
    running = proc.poll() is None
    proc.kill()
    proc.communicate()
    return running


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
    pause = random.Random(7).uniform(0.2, 1.0) * duration
    began = time.monotonic()
    moments = {   # the folder holds 8 stored documents and 4 new files
        "the 9th document stored": lambda: stored(out) >= 9,
        "the 10th document stored": lambda: stored(out) >= 10,
        "the 11th document stored": lambda: stored(out) >= 11,
        f"{pause:.2f} s": lambda: time.monotonic() - began > pause,
        "an export being written": lambda: any(out.glob(".*.tmp")),
    }
    for name, moment in moments.items():
        began = time.monotonic()
        running = kill_when(start(src, out), moment, limit=2 * duration + 30)
        assert running or name.endswith(" s"), f"the run ended before {name}"
        for output_name, content in outputs(out).items():
            assert content in (old[output_name], new[output_name]), f"{output_name} after a kill at {name}"
    complete(src, out)
    again = clean.with_name("clean_again")     # right after, in case the tree's code changed during the kills
    complete(src, again)
    assert store(out) == store(again)
    assert outputs(out) == outputs(again)


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
    while proc.poll() is None and stored(tmp_path / "out") < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr + stdout
    assert any(line.startswith("congvan: interrupted: ") for line in stdout.splitlines()), stdout
    complete(src, tmp_path / "out")          # the store it left is used, not refused
