"""A one-line progress display for batch runs, shown only on a terminal."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = self.pages = self.ocr_pages = self.errors = self.skipped = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def update(self, pages: int = 0, ocr_pages: int = 0, failed: bool = False, skipped: bool = False) -> None:
        self.done += 1
        self.pages += pages
        self.ocr_pages += ocr_pages
        self.errors += failed
        self.skipped += skipped
        now = time.monotonic()
        if self.enabled and (now - self._shown > 0.1 or self.done == self.total):
            self._shown = now
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        worked = self.done - self.skipped
        left = self.total - self.done
        eta = f"{elapsed / worked * left:.0f} s left" if worked and left else ""
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        return (f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files, {self.pages} pages, "
                f"{self.ocr_pages} OCR, {self.errors} errors  {eta}")

    def close(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\r\033[K")
            self.stream.flush()
