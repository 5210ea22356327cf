"""What the read-only commands (search, obligations, cites) share: the --db option and opening the store."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from functools import partial
from typing import Callable

from .. import store

DEFAULT_DB = "data/processed/congvan.sqlite"


def add_db(parser, command: Callable[[argparse.Namespace, sqlite3.Connection], int]) -> None:
    """Add --db to parser; the sub-command runs command(args, store), or exits 2 when the store cannot be opened."""
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the store written by `congvan run` ({DEFAULT_DB})")
    parser.set_defaults(func=partial(_with_store, command))


def _with_store(command, args) -> int:
    try:
        conn = store.open_existing(args.db)
    except (FileNotFoundError, sqlite3.DatabaseError) as e:
        print(f"congvan: {e}", file=sys.stderr)
        return 2
    try:
        return command(args, conn)
    finally:
        conn.close()


def cell(value, width: int) -> str:
    """A value on one line, cut to width with an ellipsis."""
    text = " ".join(str(value if value is not None else "–").split())
    return text if len(text) <= width else text[:width - 1] + "…"
