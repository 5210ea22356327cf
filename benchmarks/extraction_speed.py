"""Extraction cost per page once the text is read: normalize, zones and every extractor, on one core.

Run: .venv/bin/python -m benchmarks.extraction_speed   (goal: under 20 ms per page)
Pages come from the dev corpus's text-layer PDFs (born-digital originals and rendered variants).
"""
from __future__ import annotations

import time
from pathlib import Path

from pipeline import ingest
from pipeline.process import build_document, extract_document

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def pdfs() -> list[Path]:
    rows = (DEV / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    born = [DEV / "raw" / r.split("\t")[0] for r in rows if r.split("\t")[1:2] == ["born-digital"]]
    return born + sorted((DEV / "variants" / "pdf").glob("*.pdf"))


def main(repeats: int = 3) -> None:
    raws = [(p, ingest.read(p)) for p in pdfs()]
    pages = sum(len(raw.pages) for _, raw in raws)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for p, raw in raws:
            extract_document(build_document(str(p), "0" * 64, raw))
        best = min(best, time.perf_counter() - t)
    print(f"{len(raws)} documents, {pages} pages: {best * 1000 / pages:.2f} ms per page "
          f"({best:.2f} s in all, best of {repeats})")


if __name__ == "__main__":
    main()
