"""congvan extract PATH...: one JSON record per file on stdout."""
from __future__ import annotations

import json
import sys

from ..errors import IngestError
from ..files import expand
from ..options import Options


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="print one JSON record per file (JSON Lines)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR pages without a usable text layer (auto), every page, or none")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..process import process_file     # the extractors load only for the command that needs them
    options = Options(ocr=args.ocr)
    failed = 0
    for path in expand(args.paths):
        try:
            record = process_file(path, options)
        except IngestError as e:
            print(f"congvan: {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        except OSError as e:
            print(f"congvan: {path}: {e.strerror or e}", file=sys.stderr)
            failed += 1
            continue
        except Exception as e:  # a bug must cost one file, not the batch
            print(f"congvan: {path}: internal error: {type(e).__name__}: {e}", file=sys.stderr)
            failed += 1
            continue
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0
