"""What the read-only commands (search, obligations, cites) share: the --db option and opening the store."""
from __future__ import annotations

import sqlite3
import sys

from .. import store

DEFAULT_DB = "data/processed/congvan.sqlite"


def add_db(parser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the store written by `congvan run` ({DEFAULT_DB})")


def open_db(args) -> sqlite3.Connection | None:
    """The store, or None after telling the user why not."""
    try:
        return store.open_existing(args.db)
    except (FileNotFoundError, sqlite3.DatabaseError) as e:
        print(f"congvan: {e}", file=sys.stderr)
        return None


def cell(value, width: int) -> str:
    """A value on one line, cut to width with an ellipsis."""
    text = " ".join(str(value if value is not None else "–").split())
    return text if len(text) <= width else text[:width - 1] + "…"
