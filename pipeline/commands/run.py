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
    p.add_argument("--workers", type=int, default=None, metavar="N", help="files processed at once (all cores)")
    p.add_argument("--timeout", type=float, default=Options.timeout_s, metavar="S",
                   help=f"seconds one file may take before it is stopped and reported ({Options.timeout_s:g})")
    p.add_argument("--max-memory", type=int, default=Options.max_memory_mb, metavar="MB",
                   help=f"memory one worker may use ({Options.max_memory_mb})")
    p.add_argument("--max-bytes", type=int, default=Options.max_bytes, metavar="N",
                   help=f"larger files are refused with a size error ({Options.max_bytes})")
    p.set_defaults(func=run)


def run(args) -> int:
    if not Path(args.input).exists():
        print(f"congvan: {args.input}: no such file or folder", file=sys.stderr)
        return 2
    out = Path(args.out)
    options = Options(ocr=args.ocr, timeout_s=args.timeout, max_memory_mb=args.max_memory, max_bytes=args.max_bytes)
    try:
        summary = run_batch(args.input, out, options, workers=args.workers)
    except OSError as e:            # the store or an export cannot be written: what is stored stays
        print(f"congvan: {e}", file=sys.stderr)
        return 1
    for path, error in summary.failures:
        print(f"congvan: {path}: {error}", file=sys.stderr)
    print(f"congvan: {summary.line()}; store {out / DB_NAME}")
    if summary.interrupted:
        return 130
    return 1 if summary.failures else 0
