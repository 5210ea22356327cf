"""Settings of one run, passed down to every stage (frozen so that workers can share them)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    ocr: str = "auto"                     # auto | always | never
    max_bytes: int = 200 * 1024 * 1024    # larger files are refused with a size error
    max_pages: int = 2000
    max_unpacked_bytes: int = 256 * 1024 * 1024   # zip members (DOCX) may not unpack past this
    timeout_s: float = 600.0              # per file, enforced by the batch runner
    max_memory_mb: int = 4096             # per worker process, enforced by the batch runner
    ocr_workers: int = 0                  # pages OCRed at once by one file's reader; 0 = all cores
