"""congvan cites ID: which stored documents cite ID, and what ID cites when it is stored itself."""
from __future__ import annotations

from .. import store
from ..ids import canonical
from .querying import add_db, cell


def add_parser(sub) -> None:
    p = sub.add_parser("cites", help="citations to and from a document number, e.g. 13/2025/TT-BYT")
    p.add_argument("id", help="số ký hiệu, written any way ('13 / 2025/tt-byt' works)")
    add_db(p, run)


def run(args, conn) -> int:
    ident = canonical(args.id)
    citing = store.citing(conn, ident)
    print(f"Documents citing {ident}: {len(citing)}")
    for row in citing:
        print(f"  {row['number_symbol'] or '(không số)'}  {row['issued_date'] or '–'}  {cell(row['issuer'], 40)}"
              f"  {cell(row['subject'], 70)}")
        print(f"      {cell(row['text'], 110)}   [{row['path']}]")
    cited = store.cited_by(conn, ident)
    if cited:
        print(f"{ident} cites: {len(cited)}")
        for row in cited:
            print(f"  {row['id'] or cell(row['title'] or row['text'], 60)}  {row['doc_type'] or '–'}"
                  f"  {row['date'] or '–'}")
    return 0
