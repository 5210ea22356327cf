"""The run's exports, made from the store: each file by its own worker process, so that the exports share the
cores (each of Parquet, XLSX and the calendar spends more time importing its library than writing a batch).

Every export reads the store afresh and streams the table from it, so memory does not grow with the store, and
writes under a temporary name (sinks.replacing), so a crash never leaves half a file.
"""
from __future__ import annotations

import hashlib
import importlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import store
from .pool import TaskFailed, run_tasks
from .sinks import replacing

# Output file -> its writer in pipeline/sinks, imported only by the worker that writes that file; the slowest
# first, so that the quick ones fill in beside them.
_SINKS = {"obligations.xlsx": "xlsx", "obligations.parquet": "parquet", "deadlines.ics": "ics",
          "records.jsonl": "jsonl", "obligations.csv": "csv", "errors.csv": "errors"}
OUTPUTS = tuple(_SINKS)
STAMP = ".exports"


@dataclass(frozen=True)
class Export:
    db: Path
    target: Path
    failures: tuple[tuple[str, str], ...]


def write_one(job: Export) -> TaskFailed | None:
    """One output file, in a worker process."""
    try:
        _write(job)
    except OSError as e:            # a full disk, a folder in the way: said in one line, not as a bug
        return TaskFailed(e.strerror or str(e))
    return None


def _write(job: Export) -> None:
    name = job.target.name
    sink = importlib.import_module(f".sinks.{_SINKS[name]}", __package__)
    if name == "errors.csv":
        sink.write(job.failures, job.target)
        return
    conn = store.reader(job.db)
    try:
        if name == "records.jsonl":
            sink.write(store.records(conn), job.target)
        elif name == "deadlines.ics":
            sink.write(store.iter_obligation_rows(conn), job.target, store.last_change(conn))
        else:
            sink.write(store.iter_obligation_rows(conn), job.target)
    finally:
        conn.close()


def fingerprint(conn: sqlite3.Connection, version: str, failures: list[tuple[str, str]]) -> str:
    """What the exports are made from: which file holds which document, made by which code, and the failures."""
    h = hashlib.sha256(version.encode())
    for path, doc_id in conn.execute("SELECT path, doc_id FROM files ORDER BY path"):
        h.update(f"{path}\0{doc_id}\n".encode())
    for path, error in sorted(failures):
        h.update(f"{path}\0{error}\n".encode())
    return h.hexdigest()


def write_all(conn: sqlite3.Connection, db: Path, out: Path, version: str, failures: list[tuple[str, str]],
              workers: int) -> None:
    """Rewrite every export from the store, unless the store and the failures are what the last exports were
    made from: an unchanged re-run then costs only the file checks. OSError when an export cannot be written."""
    stamp, made_from = out / STAMP, fingerprint(conn, version, failures)
    if all((out / name).exists() for name in OUTPUTS) and stamp.exists() and stamp.read_text() == made_from:
        return
    jobs = [Export(db, out / name, tuple(failures)) for name in OUTPUTS]
    failed = [f"{job.target}: {result.cause}" for _, job, result in run_tasks(write_one, jobs, workers)
              if isinstance(result, TaskFailed)]
    if failed:
        raise OSError("cannot write " + "; ".join(failed))
    with replacing(stamp) as tmp:
        tmp.write_text(made_from)
