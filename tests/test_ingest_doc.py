"""The .doc reader (LibreOffice to .docx): a dev draft against its signed PDF, a .doc that holds only
pictures (and its OCR through a PDF print), a damaged file, and a machine without LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import IngestError
from pipeline.ingest import doc, office, read
from pipeline.options import Options
from tests.conftest import FORMATS, RAW, manifest
from tests.retention import word_retention

DRAFT = FORMATS / "062_SGDDT-DongThap_KH_STEM_2026.doc"
PICTURES_ONLY = RAW / "170_TTYT-MeLinh_BC_1188-BC-TTYT_2018.doc"

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")


@pytest.fixture(scope="module")
def draft():
    return doc.read(DRAFT, DRAFT.read_bytes(), Options())


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_draft_doc_matches_the_signed_pdf(draft):
    signed = subprocess.run(["pdftotext", "-layout", str(RAW / f"{DRAFT.stem}.pdf"), "-"],
                            capture_output=True, check=True, text=True).stdout
    assert draft.format == "doc" and draft.encoding == "utf-8"
    assert word_retention(signed, draft.pages[0]) >= 0.95     # the signed copy adds its number and page numbers
    assert word_retention(draft.pages[0], signed) >= 0.98
    assert not draft.warnings


@needs_soffice
def test_draft_header_cells_come_out_whole(draft):
    lines = [unicodedata.normalize("NFC", line.strip()) for line in draft.pages[0].splitlines() if line.strip()]
    assert lines[:4] == ["UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc"]


@needs_soffice
def test_doc_of_pictures_only_says_it_needs_ocr():
    assert manifest()[PICTURES_ONLY.name] == "scan"
    raw = doc.read(PICTURES_ONLY, PICTURES_ONLY.read_bytes(), Options())
    assert raw.format == "doc" and len(raw.pages) == 1
    assert any("OCR" in w for w in raw.warnings)


@needs_soffice
@pytest.mark.ocr
def test_doc_of_pictures_only_is_read_by_ocr_of_its_pdf_print():
    raw = read(PICTURES_ONLY)
    assert raw.format == "doc" and raw.ocr_pages == (1, 2, 3) and not raw.warnings
    text = raw.pages[0]
    assert "TRUNG TÂM Y TẾ MÊ LINH" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Mê Linh, ngày" in text and "năm 2018" in text
    # pages 2 and 3 are grey photocopies on white paper: read only once the paper is trimmed
    assert all(len(page.split()) > 100 for page in raw.pages) and "Nơi nhận:" in raw.pages[2]


@needs_soffice
def test_doc_of_pictures_only_stays_unread_when_ocr_is_off():
    raw = read(PICTURES_ONLY, Options(ocr="never"))
    assert raw.ocr_pages == () and any("OCR" in w for w in raw.warnings)


@needs_soffice
def test_damaged_doc_is_refused(monkeypatch):
    monkeypatch.setitem(office.IMPORT_FILTERS, "doc", office.WORD_FILTERS[:1])     # one try is enough here
    data = DRAFT.read_bytes()[:8] + bytes(range(256)) * 16                # OLE2 signature, no Word inside
    with pytest.raises(IngestError, match="cannot read .doc"):
        doc.read(Path("x.doc"), data, Options())


def test_without_libreoffice(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(IngestError, match=r"LibreOffice \(soffice\) is not installed"):
        doc.read(DRAFT, DRAFT.read_bytes(), Options())
