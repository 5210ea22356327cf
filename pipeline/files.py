"""Which files a run reads: paths given, folders walked recursively, in a stable order."""
from __future__ import annotations

from pathlib import Path


def expand(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir() and not path.suffix:
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith("."))
        else:
            out.append(p)
    return out
