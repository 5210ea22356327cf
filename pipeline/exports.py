"""The run's exports, made from the store: each file by its own worker process, so that the exports share the
cores. On a small batch importing the export libraries (pyarrow above all) takes longer than writing, so a run
that extracts starts a WarmExporter that imports them while the files are read.

Every export reads the store afresh and streams the table from it, so memory does not grow with the store, and
writes under a temporary name (sinks.replacing), so a crash never leaves half a file.
"""
from __future__ import annotations

import hashlib
import importlib
import multiprocessing as mp
import os
import signal
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import store
from .pool import TaskFailed, die_with_parent, run_tasks
from .sinks import errors, replacing

# Output file -> its writer in pipeline/sinks (imported only by the worker that writes that file) and how the
# writer is fed from the store; the slowest first, so that the quick ones fill in beside them. errors.csv is
# written from the run's failures, not from the store.
_FROM_STORE = {
    "obligations.xlsx": ("xlsx", lambda sink, conn, target: sink.write(store.iter_obligation_rows(conn), target)),
    "obligations.parquet": ("parquet", lambda sink, conn, target: sink.write(store.obligation_json(conn), target)),
    "deadlines.ics": ("ics", lambda sink, conn, target: sink.write(store.iter_obligation_rows(conn), target,
                                                                   store.last_change(conn))),
    "records.jsonl": ("jsonl", lambda sink, conn, target: sink.write(store.record_texts(conn), target)),
    "obligations.csv": ("csv", lambda sink, conn, target: sink.write(store.iter_obligation_rows(conn), target)),
}
ERRORS = "errors.csv"
OUTPUTS = (*_FROM_STORE, ERRORS)
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
    if name == ERRORS:
        errors.write(job.failures, job.target)
        return
    module, feed = _FROM_STORE[name]
    sink = importlib.import_module(f".sinks.{module}", __package__)
    conn = store.reader(job.db)
    try:
        feed(sink, conn, job.target)
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
              workers: int, warm: WarmExporter | None = None) -> None:
    """Rewrite every export from the store, unless the store and the failures are what the last exports were
    made from: an unchanged re-run then costs only the file checks. OSError when an export cannot be written."""
    stamp, made_from = out / STAMP, fingerprint(conn, version, failures)
    if all((out / name).exists() for name in OUTPUTS) and stamp.exists() and stamp.read_text() == made_from:
        return
    jobs = [Export(db, out / name, tuple(failures)) for name in OUTPUTS]
    failed = warm.write(jobs) if warm else write_jobs(jobs, workers)
    if failed:
        raise OSError("cannot write " + "; ".join(failed))
    with replacing(stamp) as tmp:
        tmp.write_text(made_from)


def write_jobs(jobs: list[Export], workers: int) -> list[str]:
    """'target: cause' for each export that could not be written."""
    return [f"{job.target}: {result.cause}" for _, job, result in run_tasks(write_one, jobs, workers)
            if isinstance(result, TaskFailed)]


class WarmExporter:
    """A process started with the extraction that imports the export libraries while the files are read (on a
    small batch the imports take longer than the writing), then writes the exports when given them, each in a
    process of its own forked from it, so none imports anything again."""

    def __init__(self, workers: int):
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, workers, os.getpid()))
        self.process.start()
        child.close()

    def write(self, jobs: list[Export]) -> list[str]:
        self.conn.send(jobs)
        try:
            return self.conn.recv()
        except EOFError:
            return [f"{job.target}: export process ended unexpectedly" for job in jobs]

    def close(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn, workers: int, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent decides what Ctrl-C means
    for module, _ in _FROM_STORE.values():
        importlib.import_module(f".sinks.{module}", __package__)
    try:
        jobs = conn.recv()
    except EOFError:
        return
    conn.send(write_jobs(jobs, workers))
