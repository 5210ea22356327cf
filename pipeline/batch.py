"""`congvan run`: every file under the input into the store, then the exports from the store.

The per-file step (extract_one) touches no store and takes one picklable job, so it can run in worker processes;
the store is written by the caller only, one document per transaction.
"""
from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import extractors

from . import exports, store
from .errors import IngestError
from .files import expand, file_hash
from .options import Options
from .pool import TaskFailed, run_tasks
from .progress import Progress

DB_NAME = "congvan.sqlite"
_RECORD_CODE = (Path(__file__).parent, Path(extractors.__file__).parent)
# What only reads records: changing it must not make a run extract every file again.
_NOT_RECORD_CODE = {"commands", "sinks", "batch.py", "store.py", "table.py", "fulltext.py", "ids.py", "pool.py",
                    "progress.py", "cli.py"}


@lru_cache(maxsize=None)
def extractor_version() -> str:
    """A hash of the code and data tables that make records: files stored by other code are extracted again."""
    h = hashlib.sha256()
    for root in _RECORD_CODE:
        for f in sorted(root.rglob("*")):
            if f.suffix in (".py", ".tsv") and not _NOT_RECORD_CODE & set(f.relative_to(root).parts):
                h.update(str(f.relative_to(root.parent)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def record_version(options: Options) -> str:
    """What a stored record must have been made with to be kept: the code, and the OCR setting."""
    return f"{extractor_version()}-ocr:{options.ocr}"


@dataclass(frozen=True)
class Job:
    path: str
    doc_id: str
    mtime_ns: int
    size: int
    options: Options = Options()


@dataclass(frozen=True)
class Outcome:
    job: Job
    record: dict | None = None
    error: str | None = None


@dataclass
class Summary:
    files: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    obligations: int = 0
    interrupted: bool = False

    def line(self) -> str:
        stopped = "interrupted: " if self.interrupted else ""
        return (f"{stopped}{self.files} files read, {self.skipped} skipped unchanged, {len(self.failures)} failed, "
                f"{self.obligations} obligations")


def cause(error: Exception) -> str:
    """One line for errors.csv."""
    if isinstance(error, IngestError):
        return str(error)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return f"internal error: {type(error).__name__}: {error}"


def extract_one(job: Job) -> Outcome:
    """Read and extract one file; never raises for a bad file."""
    from .process import process_file     # imported already: extract_all imports it before the workers fork
    try:
        return Outcome(job, record=process_file(job.path, job.options, doc_id=job.doc_id))
    except Exception as e:  # a bug must cost one file, not the batch
        return Outcome(job, error=cause(e))


def plan(conn, paths: list[str], options: Options, summary: Summary) -> list[Job]:
    """The files that need extracting: new or changed content, or records made by other code. Unchanged ones
    (same size and mtime, or same bytes) are skipped without being parsed."""
    jobs, version = [], record_version(options)
    for path in paths:
        try:
            st = os.stat(path)
            known = store.file_state(conn, path)
            if known and (known.mtime_ns, known.size, known.extractor_version) == (
                    st.st_mtime_ns, st.st_size, version):
                summary.skipped += 1
                continue
            doc_id = file_hash(Path(path)) if Path(path).is_file() else ""
        except OSError as e:
            summary.failures.append((path, cause(e)))
            continue
        if doc_id and store.has_document(conn, doc_id, version):
            store.note_file(conn, path, doc_id, st.st_mtime_ns, st.st_size)
            summary.skipped += 1
        else:
            jobs.append(Job(path, doc_id, st.st_mtime_ns, st.st_size, options))
    return jobs


def keep(conn, outcome: Outcome, summary: Summary) -> None:
    """Store a successful outcome; note a failed one, dropping what its path held before (stale rows would
    contradict errors.csv)."""
    job = outcome.job
    if outcome.record is None:
        summary.failures.append((job.path, outcome.error or "unknown error"))
        store.forget(conn, job.path)
    else:
        store.put(conn, outcome.record, job.path, job.mtime_ns, job.size, record_version(job.options))


def extract_all(conn, jobs: list[Job], summary: Summary, progress: Progress, workers: int,
                options: Options) -> None:
    """Extract in worker processes, each file under the time and memory limits; store each result as it
    comes, one transaction a document, so that a crash loses at most the files still in flight."""
    if not jobs:
        return
    # The extractors are imported here, not with this module, so that a run with nothing to extract skips them;
    # here, before the workers fork, so that they inherit them instead of each importing them.
    importlib.import_module(".process", __package__)
    # Largest files first, so that the batch does not end with one core working through a big file alone.
    largest_first = sorted(jobs, key=lambda job: job.size, reverse=True)
    for _, job, outcome in run_tasks(extract_one, largest_first, workers, options.timeout_s, options.max_memory_mb):
        if isinstance(outcome, TaskFailed):
            outcome = Outcome(job, error=outcome.cause)
        keep(conn, outcome, summary)
        source = (outcome.record or {}).get("source", {})
        progress.update(pages=source.get("pages") or 0, ocr_pages=len(source.get("ocr_pages") or ()),
                        failed=outcome.record is None)


def run(source: str, out: Path, options: Options = Options(), workers: int | None = None,
        progress: bool | None = None) -> Summary:
    """Bring the store up to date with the files under source, then the exports with the store. Ctrl-C stops
    the extraction: what was stored by then is kept and exported, and the summary says it was interrupted.
    Ctrl-C during the exports leaves the ones not yet written as they were."""
    source = os.path.normpath(source)    # 'data/raw/' and './data/raw' name the same files
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, workers or os.cpu_count() or 1)
    # Files in parallel already use the cores: OCR inside one file gets its share of them.
    options = replace(options, ocr_workers=options.ocr_workers or max(1, (os.cpu_count() or 1) // workers))
    conn = store.connect(out / DB_NAME)
    try:
        paths = expand([source])
        summary = Summary(files=len(paths))
        jobs = plan(conn, paths, options, summary)
        bar = Progress(len(jobs), enabled=progress)
        # Nothing new: the exports are likely current. The warm exporter forks, which only POSIX systems can.
        warm = exports.WarmExporter(workers) if jobs and os.name == "posix" else None
        try:
            try:
                extract_all(conn, jobs, summary, bar, workers, options)
            except KeyboardInterrupt:
                summary.interrupted = True
            finally:
                bar.close()
            if Path(source).is_dir() and not summary.interrupted:
                store.forget_missing(conn, source, set(paths))
            summary.obligations = store.obligation_count(conn)
            try:
                exports.write_all(conn, out / DB_NAME, out, extractor_version(), summary.failures, workers, warm)
            except KeyboardInterrupt:
                summary.interrupted = True     # the store is whole; the next run writes the exports
        finally:
            if warm:
                warm.close()
        return summary
    finally:
        conn.close()
