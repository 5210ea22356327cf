"""congvan obligations: the obligations table from the store, filtered by actor and due day."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from .. import store
from ..sinks import csv
from .querying import add_db, cell

# The columns a terminal shows, with their widths; csv and json give every column.
_SHOWN = (("deadline", 10), ("number_symbol", 16), ("item", 8), ("actor", 30), ("modality", 10), ("action", 60))


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")


def add_parser(sub) -> None:
    p = sub.add_parser("obligations", help="list obligations from the store")
    p.add_argument("--actor", help="part of the actor's name; marks and case do not matter")
    p.add_argument("--due-before", type=_day, metavar="DATE", help="deadline before this day (YYYY-MM-DD)")
    p.add_argument("--due-after", type=_day, metavar="DATE", help="deadline after this day (YYYY-MM-DD)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_db(p, run)


def run(args, conn) -> int:
    rows = store.obligation_rows(conn, args.actor, args.due_before, args.due_after)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        csv.write_rows(rows, sys.stdout)
    else:
        print("  ".join(name.ljust(width) for name, width in _SHOWN).rstrip())
        for row in rows:
            print("  ".join(cell(row[name], width).ljust(width) for name, width in _SHOWN).rstrip())
        print(f"{len(rows)} obligations")
    return 0
