"""The store: one SQLite file holding every processed document, its findings and a full-text index.

Tables (README, '## The store'): documents, files, citations, recipients, deadlines, obligations, documents_fts.
A document's rows are written in one transaction; a file whose bytes are already stored is never parsed again.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Iterator

from extractors.lexicon import fold, fold_keep

from . import table
from .fulltext import match_expression, snippet
from .ids import id_key, own_number_symbol

SCHEMA_VERSION = 2
_HEADER_COLUMNS = ("number", "symbol", "year", "doc_type", "issuer", "parent_issuer", "place", "issued_date",
                   "subject", "urgency", "signer", "signer_title")
_FINDINGS = {  # table -> (record field, columns taken from each finding)
    "citations": ("references", ("id", "doc_type", "number", "year", "symbol", "issuer", "date", "title", "text")),
    "recipients": ("recipients", ("name", "role", "purpose")),
    "deadlines": ("deadlines", ("text", "kind", "value", "due", "recurrence")),
}
_SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "list": "TEXT"}


def _q(name: str) -> str:
    return f'"{name}"'   # 'references' is an SQL keyword


def _schema() -> str:
    findings = "\n".join(
        f"CREATE TABLE IF NOT EXISTS {name} (doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, "
        f"position INTEGER NOT NULL, {', '.join(cols)}, {'id_key TEXT, ' if name == 'citations' else ''}"
        f"span_start INTEGER, span_end INTEGER, page INTEGER, PRIMARY KEY (doc_id, position));"
        for name, (_, cols) in _FINDINGS.items())
    duties = ", ".join(f"{_q(n)} {_SQL_TYPES[k]}" for n, k in table.COLUMNS if n != "doc_id")
    return f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, extractor_version TEXT NOT NULL, format TEXT, pages INTEGER,
    ocr INTEGER NOT NULL, encoding TEXT, text_sha256 TEXT NOT NULL, number_symbol TEXT, id_key TEXT,
    {', '.join(f'{c} {"INTEGER" if c == "year" else "TEXT"}' for c in _HEADER_COLUMNS)},
    obligations INTEGER NOT NULL, stored_at TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_id_key ON documents(id_key);
CREATE INDEX IF NOT EXISTS documents_issued ON documents(issued_date);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, doc_id TEXT NOT NULL, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS files_doc ON files(doc_id);
{findings}
CREATE INDEX IF NOT EXISTS citations_key ON citations(id_key);
CREATE TABLE IF NOT EXISTS obligations (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, {duties}, actors_key TEXT,
    PRIMARY KEY (doc_id, position));
CREATE INDEX IF NOT EXISTS obligations_deadline ON obligations(deadline);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    number_symbol, issuer, subject, body, tokenize = 'unicode61 remove_diacritics 2');
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating where needed) the store at path."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")     # readers (search) never block a running batch
    conn.execute("PRAGMA synchronous = NORMAL")
    _drop_if_other_schema(conn)
    conn.executescript(_schema())
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return conn


def _layout(conn: sqlite3.Connection) -> str | None:
    """The store's schema_version; None for a new file."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else ""


def _drop_if_other_schema(conn: sqlite3.Connection) -> None:
    """A store of another layout is dropped: it only caches what the input files give again."""
    if _layout(conn) in (None, str(SCHEMA_VERSION)):
        return
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
                                         "AND name NOT LIKE 'documents_fts_%' AND name NOT LIKE 'sqlite_%'")]
    conn.execute("PRAGMA foreign_keys = OFF")
    for name in names:
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.execute("PRAGMA foreign_keys = ON")


def open_existing(path: str | Path) -> sqlite3.Connection:
    """Open a store for reading; FileNotFoundError when there is none yet."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"no store at {path} (run `congvan run` first)")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        layout = _layout(conn)
    finally:
        conn.close()
    if layout != str(SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"{path} was written by another version of congvan (run `congvan run` again)")
    return connect(path)


def reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing store, for a process that only reads it (an export)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


@dataclass(frozen=True)
class FileState:
    doc_id: str
    mtime_ns: int
    size: int
    extractor_version: str | None      # of the code that made its record


def file_state(conn: sqlite3.Connection, path: str) -> FileState | None:
    row = conn.execute("SELECT f.doc_id, f.mtime_ns, f.size, d.extractor_version FROM files f "
                       "LEFT JOIN documents d USING (doc_id) WHERE f.path = ?", (path,)).fetchone()
    return FileState(*row) if row else None


def has_document(conn: sqlite3.Connection, doc_id: str, extractor_version: str | None = None) -> bool:
    """Whether doc_id is stored (and, given a version, was extracted by that code)."""
    row = conn.execute("SELECT extractor_version FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row is not None and extractor_version in (None, row[0])


def _drop_orphans(conn: sqlite3.Connection) -> None:
    """Documents no file points to any more (a changed or deleted file), with all their rows."""
    gone = conn.execute("SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM files)").fetchall()
    for (doc_id,) in gone:
        _remove(conn, doc_id)


def _hold(conn: sqlite3.Connection, path: str, doc_id: str, mtime_ns: int, size: int) -> None:
    """Record that path holds doc_id. The document it held before goes unless another file holds it too: no
    other document can have lost its file, so the store is not scanned for orphans on every file."""
    held = conn.execute("SELECT doc_id FROM files WHERE path = ?", (path,)).fetchone()
    conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, doc_id, mtime_ns, size))
    if held and not conn.execute("SELECT 1 FROM files WHERE doc_id = ?", (held[0],)).fetchone():
        _remove(conn, held[0])


def _remove(conn: sqlite3.Connection, doc_id: str) -> None:
    """A document and, by cascade, its findings; the full-text row goes by the document's rowid."""
    conn.execute("DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE doc_id = ?)", (doc_id,))
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))


def note_file(conn: sqlite3.Connection, path: str, doc_id: str, mtime_ns: int, size: int) -> None:
    """Record that path holds the already stored document doc_id."""
    with _transaction(conn):
        _hold(conn, path, doc_id, mtime_ns, size)


def forget(conn: sqlite3.Connection, path: str) -> None:
    """path no longer holds a stored document (its new content failed): drop what it held."""
    with _transaction(conn):
        conn.execute("DELETE FROM files WHERE path = ?", (path,))
        _drop_orphans(conn)


def forget_missing(conn: sqlite3.Connection, under: str, present: set[str]) -> int:
    """Drop files below folder `under` that a run no longer found, and their documents; returns how many."""
    prefix = under.rstrip("/") + "/"
    known = [r[0] for r in conn.execute("SELECT path FROM files WHERE substr(path, 1, ?) = ?", (len(prefix), prefix))]
    missing = [p for p in known if p not in present]
    with _transaction(conn):
        conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in missing])
        _drop_orphans(conn)
    return len(missing)


class _transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, trace):
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")


@cache
def _insert_sql(name: str, cols: tuple[str, ...]) -> str:
    return f"INSERT INTO {name} ({', '.join(_q(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def _insert(conn: sqlite3.Connection, name: str, row: dict) -> int:
    """The new row's rowid."""
    return conn.execute(_insert_sql(name, tuple(row)), tuple(row.values())).lastrowid


def _finding_columns(name: str, cols: tuple[str, ...]) -> tuple[str, ...]:
    return ("doc_id", "position", *cols, *(("id_key",) if name == "citations" else ()),
            "span_start", "span_end", "page")


def _finding_rows(record: dict, name: str, field: str, cols: tuple[str, ...]) -> list[tuple]:
    """The rows of one findings table as tuples in _finding_columns order (one executemany per table)."""
    rows = []
    for n, f in enumerate(record.get(field, []), 1):
        values = [f.get(c) for c in cols]
        if name == "citations":
            values.append(id_key(f["id"]) if f.get("id") else None)
        span = f.get("span") or [None, None]
        rows.append((record["doc_id"], n, *values, span[0], span[1], f.get("page")))
    return rows


_OBLIGATION_COLUMNS = (*table.NAMES, "actors_key")


def _json_list(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False) if values else "[]"     # most lists are empty


def _obligation_rows(record: dict) -> list[tuple]:
    """table.rows as tuples in _OBLIGATION_COLUMNS order, lists as JSON, with the folded actors to filter on."""
    return [(*(_json_list(row[k]) if k in table.LISTS else row[k] for k in table.NAMES),
             fold(" | ".join([row["actor"] or "", *row["actors"]])))
            for row in table.rows(record)]


def put(conn: sqlite3.Connection, record: dict, path: str, mtime_ns: int, size: int,
        extractor_version: str = "") -> None:
    """Store one record as the content of path, replacing whatever path held before; one transaction."""
    doc_id, head = record["doc_id"], record.get("header") or {}
    number_symbol = own_number_symbol(record)
    with _transaction(conn):
        _hold(conn, path, doc_id, mtime_ns, size)
        _remove(conn, doc_id)
        source = record["source"]
        rowid = _insert(conn, "documents", {
            "doc_id": doc_id, "path": path, "extractor_version": extractor_version, "format": source.get("format"),
            "pages": source.get("pages"), "ocr": int(bool(source.get("ocr"))), "encoding": source.get("encoding"),
            "text_sha256": hashlib.sha256(record["text"].encode("utf-8")).hexdigest(),
            "number_symbol": number_symbol, "id_key": id_key(number_symbol) if number_symbol else None,
            **{c: head.get(c) for c in _HEADER_COLUMNS}, "obligations": len(record.get("obligations", [])),
            "stored_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "record": json.dumps(record, ensure_ascii=False)})
        conn.execute("INSERT INTO documents_fts (rowid, number_symbol, issuer, subject, body) VALUES (?, ?, ?, ?, ?)",
                     (rowid, *(fold_keep(v or "") for v in (number_symbol, head.get("issuer"), head.get("subject"),
                                                             record["text"]))))
        for name, (field, cols) in _FINDINGS.items():
            conn.executemany(_insert_sql(name, _finding_columns(name, cols)),
                             _finding_rows(record, name, field, cols))
        conn.executemany(_insert_sql("obligations", _OBLIGATION_COLUMNS), _obligation_rows(record))


def record_texts(conn: sqlite3.Connection) -> Iterator[str]:
    """Each stored record as put wrote it (its JSON, ensure_ascii=False), in path order: an export that writes
    them out need not parse and dump them again."""
    for (text,) in conn.execute("SELECT record FROM documents ORDER BY path"):
        yield text


def obligation_rows(conn: sqlite3.Connection, actor: str | None = None, due_before: str | None = None,
                    due_after: str | None = None) -> list[dict]:
    """Rows of the obligations table; actor matches any part of actor/actors, without marks or case.
    due_before / due_after are exclusive ISO dates and keep only obligations with a deadline."""
    return list(iter_obligation_rows(conn, actor, due_before, due_after))


def iter_obligation_rows(conn: sqlite3.Connection, actor: str | None = None, due_before: str | None = None,
                         due_after: str | None = None) -> Iterator[dict]:
    """obligation_rows, read as they are consumed: the exports stream the table instead of holding it."""
    where, args = [], []
    if actor:
        where.append("instr(actors_key, ?) > 0")
        args.append(fold(actor))
    if due_before:
        where.append("deadline < ?")
        args.append(due_before)
    if due_after:
        where.append("deadline > ?")
        args.append(due_after)
    sql = (f"SELECT {', '.join(_q(n) for n in table.NAMES)} FROM obligations "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY file, position")
    for values in conn.execute(sql, args):
        row = dict(zip(table.NAMES, values))
        for name in table.LISTS:
            row[name] = json.loads(row[name]) if row[name] != "[]" else []    # most lists are empty
        yield row


def obligation_json(conn: sqlite3.Connection) -> Iterator[str]:
    """Every obligations row as one JSON object, in iter_obligation_rows' order, written by SQLite (the lists
    are stored as JSON already): the Parquet export's input, with no row parsed or dumped in Python."""
    fields = ", ".join(f"'{n}', {f'json({_q(n)})' if n in table.LISTS else _q(n)}" for n in table.NAMES)
    for (line,) in conn.execute(f"SELECT json_object({fields}) FROM obligations ORDER BY file, position"):
        yield line


def obligation_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM obligations").fetchone()[0]


def last_change(conn: sqlite3.Connection) -> datetime:
    """When the newest document was stored (epoch for an empty store): a stamp that moves only with the data."""
    row = conn.execute("SELECT max(stored_at) FROM documents").fetchone()
    return datetime.fromisoformat(row[0]) if row[0] else datetime.fromtimestamp(0, timezone.utc)


@dataclass(frozen=True)
class Hit:
    number_symbol: str | None
    issued_date: str | None
    issuer: str | None
    subject: str | None
    path: str
    snippet: str
    score: float


def search(conn: sqlite3.Connection, query: str, limit: int = 10) -> list[Hit]:
    """Documents matching every word of query, marks and case ignored, best first (bm25; the number and the
    subject weigh more than the body)."""
    expression = match_expression(query)
    if not expression:
        return []
    rows = conn.execute(
        "SELECT d.number_symbol, d.issued_date, d.issuer, d.subject, d.path, json_extract(d.record, '$.text'), "
        "bm25(documents_fts, 10.0, 3.0, 5.0, 1.0) AS score FROM documents_fts "
        "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY score LIMIT ?",
        (expression, limit))
    return [Hit(*r[:5], snippet(r[5], query), r[6]) for r in rows]


def citing(conn: sqlite3.Connection, ident: str) -> list[sqlite3.Row]:
    """Stored documents whose references name ident, oldest first, each with its first citation as written."""
    return conn.execute(   # SQLite takes the bare columns from the row where min() is reached
        "SELECT d.number_symbol, d.issued_date, d.issuer, d.subject, d.path, c.text, min(c.position) FROM citations c "
        "JOIN documents d USING (doc_id) WHERE c.id_key = ? GROUP BY d.doc_id ORDER BY d.issued_date, d.path",
        (id_key(ident),)).fetchall()


def cited_by(conn: sqlite3.Connection, ident: str) -> list[sqlite3.Row]:
    """What the stored document numbered ident cites, in its order (empty when it is not stored)."""
    return conn.execute(
        "SELECT c.id, c.doc_type, c.date, c.title, c.text FROM citations c JOIN documents d USING (doc_id) "
        "WHERE d.id_key = ? ORDER BY d.path, c.position", (id_key(ident),)).fetchall()
