"""One folder of hostile and odd files through `congvan run`: each bad file costs itself only (one line on stderr,
one row in errors.csv), the odd-but-readable ones come back as records, and nothing leaks or crashes."""
from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from tests import makers
from tests.conftest import RAW, SEEDS, VARIANTS

CONGVAN = Path(sys.executable).with_name("congvan")
SECRET = "bí-mật-không-được-lộ-5f1c"        # the content of the file the XXE entity names
SCRIPT = "kichBanDoc7a2e"                    # what sits only inside <script> and <style>
REAL_PDF = RAW / "054_HDND-CaoBang_NQ_33-2022-NQ-HDND.pdf"
TEXTS = {name: (RAW / name).read_text(encoding="utf-8-sig") for name in (
    SEEDS[0].name, SEEDS[1].name, "316_CP_NQ_13-NQ-CP_2026.txt", "304_BYT_TT_45-2025-TT-BYT.txt",
    "310_TTg_QD_51-2025-QD-TTg.txt")}
SEED_A, SEED_B, CRLF_SRC, HTML_SRC, BIG_SRC = TEXTS.values()

REFUSED = {   # name -> what the cause must say (lower case)
    "empty.pdf": "empty",
    "truncated.pdf": "corrupt",
    "random.pdf": "binary",
    "encrypted.pdf": "encrypted",
    "folder.pdf": "directory",
    "note.docx": "docx",
    "no_document_part.docx": "word document part",
    "bomb.docx": "zip bomb",
    "laughs.docx": "unsafe xml",
    "random.txt": "binary",
}
READ = {   # name -> format it must be read as
    "utf16.txt": "txt", "nfd.txt": "txt", "crlf_bom.txt": "txt", "pdf_named.txt": "pdf",
    "docx_named.pdf": "docx", "scripts.html": "html", "blank_1000.pdf": "pdf",
}


def build(src: Path, secret: Path) -> None:
    half = REAL_PDF.read_bytes()
    files = {
        "empty.pdf": b"",
        "truncated.pdf": half[: len(half) // 2],
        "random.pdf": makers.random_bytes(64 * 1024, seed=11),
        "encrypted.pdf": makers.minimal_pdf([b"BT /F1 12 Tf 72 720 Td (Mat) Tj ET"], encrypt=True),
        "note.docx": "Kính gửi: các đơn vị trực thuộc.\n".encode(),
        "no_document_part.docx": makers.zipped("[Content_Types].xml", "word/styles.xml"),
        "bomb.docx": makers.zip_bomb_docx(unpacked_gb=2),
        "xxe.docx": makers.external_entity_docx(str(secret)),
        "laughs.docx": makers.billion_laughs_docx(),
        "random.txt": makers.random_bytes(32 * 1024, seed=12),
        "utf16.txt": SEED_A.encode("utf-16"),
        "nfd.txt": makers.nfd(SEED_B),
        "crlf_bom.txt": makers.crlf_with_bom(CRLF_SRC),
        "pdf_named.txt": (VARIANTS / "pdf" / "307_BNV_TT_25-2025-TT-BNV.pdf").read_bytes(),
        "docx_named.pdf": (VARIANTS / "docx" / "301_BYT_TT_55-2025-TT-BYT.docx").read_bytes(),
        "scripts.html": makers.html_with_scripts(HTML_SRC, SCRIPT),
        "blank_1000.pdf": makers.minimal_pdf([b""] * 1000),
    }
    for name, data in files.items():
        (src / name).write_bytes(data)
    (src / "folder.pdf").mkdir()
    (src / "folder.pdf" / "inside.txt").write_text(SEED_A, encoding="utf-8")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    src, out, secret = root / "in", root / "out", root / "secret.txt"
    src.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    build(src, secret)
    done = subprocess.run([str(CONGVAN), "run", str(src), "--out", str(out), "--ocr", "auto"],
                          capture_output=True, text=True, timeout=600)
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, (out / "records.jsonl").open())}
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    return src, out, done, records, dict(zip(errors["file"].map(lambda p: Path(p).name), errors["error"]))


def test_exit_status_says_some_files_failed(batch):
    _, _, done, _, _ = batch
    assert done.returncode == 1, done.stderr


def test_no_traceback(batch):
    _, _, done, _, _ = batch
    assert "Traceback" not in done.stderr + done.stdout
    assert "internal error" not in done.stderr


@pytest.mark.parametrize("name, cause", REFUSED.items())
def test_bad_file_has_one_line_and_one_row(batch, name, cause):
    src, _, done, records, errors = batch
    assert name not in records
    assert cause in errors[name].lower()
    lines = [line for line in done.stderr.splitlines() if line.startswith(f"congvan: {src / name}: ")]
    assert len(lines) == 1 and cause in lines[0].lower()


def test_folder_named_like_a_file_is_not_walked(batch):
    _, _, _, records, _ = batch
    assert "inside.txt" not in records


def test_external_entity_leaks_nowhere(batch):
    _, out, done, records, errors = batch
    assert "xxe.docx" in records or "xxe.docx" in errors
    for f in out.iterdir():
        assert SECRET.encode() not in f.read_bytes(), f.name
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("name, fmt", READ.items())
def test_odd_file_is_read(batch, name, fmt):
    _, _, _, records, errors = batch
    assert name in records, errors.get(name)
    assert records[name]["source"]["format"] == fmt


def words(text: str) -> set[str]:
    return set(unicodedata.normalize("NFC", text).split())


@pytest.mark.parametrize("name, source", [
    ("utf16.txt", SEED_A), ("nfd.txt", SEED_B), ("crlf_bom.txt", CRLF_SRC), ("scripts.html", HTML_SRC)])
def test_text_is_the_source_text(batch, name, source):
    text = batch[3][name]["text"]
    assert len(words(source) & words(text)) >= 0.95 * len(words(source))
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text and "\ufeff" not in text


def test_nfd_file_comes_out_composed(batch):
    assert "Đồng Tháp" in batch[3]["nfd.txt"]["text"]


def test_scripts_and_styles_are_left_out(batch):
    assert SCRIPT not in batch[3]["scripts.html"]["text"]


def test_renamed_files_read_by_content(batch):
    _, _, _, records, _ = batch
    assert records["pdf_named.txt"]["source"]["pages"] >= 1
    assert "Bộ Nội vụ".lower() in records["pdf_named.txt"]["text"].lower()
    assert "Bộ Y tế".lower() in records["docx_named.pdf"]["text"].lower()


def test_blank_pdf_gives_an_empty_record(batch):
    """Read with --ocr auto: pages without an image are not sent to OCR (one pdfimages -list call decides)."""
    record = batch[3]["blank_1000.pdf"]
    assert record["source"]["pages"] == 1000 and not record["source"]["ocr"]
    assert not record["text"].strip() and not record["obligations"]


@pytest.mark.slow
def test_thirty_megabytes_of_text_come_back_whole(tmp_path):
    """Run apart from the folder above: at a few seconds a megabyte it is the slowest file by far."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_bytes(makers.repeated_to(BIG_SRC, 30 * 1024 * 1024))
    done = subprocess.run([str(CONGVAN), "run", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    record = json.loads((tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8"))
    assert len(record["text"]) >= 30 * 1024 * 1024 // 2      # Vietnamese letters take 1-3 UTF-8 bytes
    assert record["header"]["symbol"]
