"""A synthetic corpus of N distinct documents for the batch benchmarks, made from the dev corpus's text, HTML and
DOCX sources: copy i of a source gets one line of its own at the end, so every file has its own content hash
(the store would otherwise keep one document per source) while reading and extracting cost what the source costs.

Run: .venv/bin/python -m benchmarks.corpus N FOLDER   (a folder already holding N files is kept as it is)
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from benchmarks.extraction_speed import DEV


def sources() -> list[Path]:
    rows = (DEV / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    texts = [DEV / "raw" / r.split("\t")[0] for r in rows if r.split("\t")[1:2] == ["txt"]]
    return (texts + sorted((DEV / "formats").glob("*.html")) + sorted((DEV / "variants" / "docx").glob("*.docx"))
            + sorted((DEV / "variants" / "html").glob("*.html")))


def own_line(i: int) -> str:
    return f"Bản lưu số {i:05d} tại văn thư."


def _docx_with_line(data: bytes, line: str) -> bytes:
    """The same archive with one more paragraph closing the body (before its section properties)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info)
            if info.filename == "word/document.xml":
                xml = member.decode("utf-8")
                end = xml.rfind("<w:sectPr")
                end = end if end >= 0 else xml.rindex("</w:body>")
                xml = xml[:end] + f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" + xml[end:]
                member = xml.encode("utf-8")
            dst.writestr(info, member)
    return out.getvalue()


def copy_with_line(source: Path, i: int) -> bytes:
    data, line = source.read_bytes(), own_line(i)
    if source.suffix == ".docx":
        return _docx_with_line(data, line)
    if source.suffix == ".html":
        text = data.decode("utf-8", errors="surrogateescape")
        end = text.lower().rfind("</body>")
        end = end if end >= 0 else len(text)
        return (text[:end] + f"<p>{line}</p>" + text[end:]).encode("utf-8", errors="surrogateescape")
    return data + f"\n{line}\n".encode("utf-8")


def build(n: int, folder: Path) -> list[Path]:
    """N files in folder, round robin over the sources; kept if already there."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = sources()
    paths = []
    for i in range(n):
        source = pool[i % len(pool)]
        path = folder / f"{i:05d}_{source.name}"
        if not path.exists():
            path.write_bytes(copy_with_line(source, i))
        paths.append(path)
    return paths


if __name__ == "__main__":
    made = build(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(made)} files in {sys.argv[2]}")
