"""PDF text readers compared: cost per page and accuracy against the text each variant was rendered from.

Run: .venv/bin/python -m benchmarks.pdf_readers
Cost: the dev corpus's text-layer PDFs (born-digital and broken-layer originals, rendered variants),
whole documents, best of 3, one core. Accuracy: variants/pdf against raw/<stem>.txt, after
normalize(): word recall (share of source words found, as a multiset), word order (difflib ratio
over the word sequences; interleaved columns lower it) and line agreement (share of the source's
paragraph lines found whole as a line of the output). Header: on the born-digital originals, the
share of three checks passed: the number line whole ('Số: 507 /UBND-KGVX'), the place and date
line whole, the motto's two lines one after the other (not interleaved with the issuer).
"""
from __future__ import annotations

import difflib
import json
import re
import subprocess
import time
from collections import Counter
from pathlib import Path

from pipeline.ingest import pdf
from pipeline.normalize import normalize
from pipeline.options import Options

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
WORD = re.compile(r"\w+")


def pdftotext(*flags: str):
    def run(path: Path) -> list[str]:
        out = subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True, timeout=120).stdout
        return out.decode("utf-8").split("\f")[:-1]
    return run


def pdfplumber_text(path: Path) -> list[str]:
    import pdfplumber
    with pdfplumber.open(path) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def pypdfium2_text(path: Path) -> list[str]:
    import pypdfium2
    doc = pypdfium2.PdfDocument(path)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def pipeline_reader(path: Path) -> list[str]:
    return list(pdf.read(path, path.read_bytes(), Options()).pages)


READERS = {
    "pdftotext (default)": pdftotext(),
    "pdftotext -layout": pdftotext("-layout"),
    "pdftotext -raw": pdftotext("-raw"),
    "pdfplumber": pdfplumber_text,
    "pypdfium2": pypdfium2_text,
    "pipeline (pdftotext -bbox + pdf_layout)": pipeline_reader,
}


def timed_pdfs() -> list[Path]:
    rows = (DEV / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    kinds = {"born-digital", "broken-layer"}
    originals = [DEV / "raw" / r.split("\t")[0] for r in rows if r.split("\t")[1:2][0] in kinds]
    return originals + variants()


def variants() -> list[Path]:
    return sorted((DEV / "variants" / "pdf").glob("*.pdf"))


def born_digital() -> list[Path]:
    rows = (DEV / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [DEV / "raw" / r.split("\t")[0] for r in rows if r.split("\t")[1:2] == ["born-digital"]]


def header_checks(path: Path, lines: list[str]) -> list[bool]:
    head = json.loads((DEV / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))["header"]
    number = re.compile(rf"Số\s*:?\s*{head['number'] or ''}\s*/\s*(?:\d{{4}}\s*/\s*)?{re.escape(head['symbol'])}$")
    year = head["issued_date"][:4]
    date = re.compile(rf"{re.escape(head['place'])}, ngày .*năm {year}$")
    motto = [i for i, l in enumerate(lines) if re.fullmatch(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM", l)]
    return [any(number.match(l) for l in lines), any(date.match(l) for l in lines),
            any(i + 1 < len(lines) and lines[i + 1].startswith("Độc lập") for i in motto)]


def header_score(reader) -> float:
    checks = [c for p in born_digital() for c in header_checks(p, normalize(tuple(reader(p)))[0].split("\n"))]
    return sum(checks) / len(checks)


def word_recall(source: str, text: str) -> float:
    source = normalize((source,))[0]
    want, got = Counter(WORD.findall(source.lower())), Counter(WORD.findall(text.lower()))
    return sum((want & got).values()) / max(sum(want.values()), 1)


def word_order(source: str, text: str) -> float:
    return difflib.SequenceMatcher(None, WORD.findall(source.lower()), WORD.findall(text.lower()),
                                   autojunk=False).ratio()


def line_agreement(source: str, text: str) -> float:
    want = [l for l in normalize((source,))[0].split("\n") if l]
    got = set(text.split("\n"))
    return sum(1 for l in want if l in got) / max(len(want), 1)


def cost(reader, paths: list[Path], repeats: int = 3) -> float:
    pages = 0
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        pages = sum(len(reader(p)) for p in paths)
        best = min(best, time.perf_counter() - t)
    return best * 1000 / pages


def accuracy(reader) -> tuple[float, float, float]:
    scores = []
    for path in variants():
        source = (DEV / "raw" / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        text = normalize(tuple(reader(path)))[0]
        scores.append((word_recall(source, text), word_order(source, text), line_agreement(source, text)))
    return tuple(sum(s[i] for s in scores) / len(scores) for i in range(3))


def main() -> None:
    paths = timed_pdfs()
    print(f"{len(paths)} PDFs; accuracy over {len(variants())} variants/pdf")
    print(f"{'reader':48} {'ms/page':>8} {'recall':>7} {'order':>7} {'lines':>7} {'header':>7}")
    for name, reader in READERS.items():
        try:
            ms = cost(reader, paths)
        except (ImportError, OSError) as e:
            print(f"{name:48} unavailable: {e}")
            continue
        recall, order, lines = accuracy(reader)
        print(f"{name:48} {ms:8.1f} {recall:7.3f} {order:7.3f} {lines:7.3f} {header_score(reader):7.3f}")


if __name__ == "__main__":
    main()
