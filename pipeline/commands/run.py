"""congvan run [INPUT] [--out DIR]: every file under INPUT into the store DIR/congvan.sqlite, and the exports."""
from __future__ import annotations

import sys
from pathlib import Path

from ..batch import DB_NAME, run as run_batch
from ..options import Options


def add_parser(sub) -> None:
    p = sub.add_parser("run", help="process a folder into the store and write the obligations exports")
    p.add_argument("input", nargs="?", default="data/raw", help="file or folder, walked recursively (data/raw)")
    p.add_argument("--out", default="data/processed", help="output folder (data/processed)")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR pages without a usable text layer (auto), every page, or none")
    p.set_defaults(func=run)


def run(args) -> int:
    if not Path(args.input).exists():
        print(f"congvan: {args.input}: no such file or folder", file=sys.stderr)
        return 2
    out = Path(args.out)
    summary = run_batch(args.input, out, Options(ocr=args.ocr))
    for path, error in summary.failures:
        print(f"congvan: {path}: {error}", file=sys.stderr)
    print(f"congvan: {summary.line()}; store {out / DB_NAME}")
    return 1 if summary.failures else 0
