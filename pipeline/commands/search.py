"""congvan search QUERY: documents in the store, best match first; marks and case do not matter."""
from __future__ import annotations

from .. import store
from .querying import add_db, cell


def add_parser(sub) -> None:
    p = sub.add_parser("search", help="full-text search of the stored documents (marks optional)")
    p.add_argument("query", help="words that must all occur; \"quoted words\" must occur together")
    p.add_argument("--limit", type=int, default=10, help="at most this many hits (10)")
    add_db(p, run)


def run(args, conn) -> int:
    hits = store.search(conn, args.query, args.limit)
    for n, hit in enumerate(hits, 1):
        print(f"{n}. {hit.number_symbol or '(không số)'}  {hit.issued_date or '–'}  {cell(hit.issuer, 60)}")
        print(f"   {cell(hit.subject, 110)}")
        print(f"   {hit.snippet}")
        print(f"   {hit.path}")
    if not hits:
        print("no match")
    return 0 if hits else 1
