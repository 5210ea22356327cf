"""Which files a run reads: paths given, folders walked recursively, in a stable order; and what a file holds,
known by the hash of its bytes."""
from __future__ import annotations

import hashlib
from pathlib import Path

# A folder with one of these endings is reported as a bad input rather than walked into.
DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".txt", ".html", ".htm", ".png", ".jpg", ".jpeg",
                               ".tif", ".tiff"})


def _looks_like_file(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not _looks_like_file(entry):
            out.extend(_walk(entry))
        else:
            out.append(entry)
    return out


def expand(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir() and not _looks_like_file(path):
            out.extend(str(f) for f in _walk(path))
        else:
            out.append(p)
    return out


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
