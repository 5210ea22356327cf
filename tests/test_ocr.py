"""OCR for real: rendered scans of the seeds against their source text, a real scan's header columns,
images. Each OCRed page costs about 1.5 s, so the pages are few and some are cropped."""
from __future__ import annotations

import io
import re
import subprocess
from difflib import SequenceMatcher

import pytest

from pipeline.document import RawText
from pipeline.errors import IngestError
from pipeline.ingest import image, ocr, read, tesseract
from pipeline.options import Options

from .conftest import RAW, SEEDS, VARIANTS

SEED_SCAN = VARIANTS / "scan" / "byt_hsba_2025.scan.pdf"
REAL_SCAN = RAW / "113_SYT-KienGiang_CV_2006-SYT-NVY_2017.pdf"
SEALED_SCAN = RAW / "119_SYT-KienGiang_CV_2082-SYT-NVY_2017.pdf"    # one page: a seal over the signature


def word_accuracy(reference: str, ocr_text: str) -> float:
    """Share of the OCR words that line up with the source text, in order."""
    ref, hyp = reference.split(), ocr_text.split()
    matched = sum(b.size for b in SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks())
    return matched / len(hyp)


def render(pdf, page: int, dpi: int, crop_top: float = 1.0):
    from PIL import Image
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                          "-singlefile", str(pdf)], capture_output=True, check=True).stdout
    picture = Image.open(io.BytesIO(png))
    return picture.crop((0, 0, picture.width, int(picture.height * crop_top)))


@pytest.mark.ocr
def test_a_rendered_scan_of_the_seed_reads_back_its_text():
    body = SEEDS[0].read_text(encoding="utf-8")[:2000]
    raw = RawText("pdf", ("", body, body, body))     # only page 1 lacks text: only page 1 is OCRed
    calls = []
    done = ocr.complete(SEED_SCAN, b"", raw, Options(), progress=lambda *call: calls.append(call))
    assert done.ocr_pages == (1,) and calls == [(0, 1), (1, 1)]
    assert len(done.pages[0].split()) > 150
    assert word_accuracy(SEEDS[0].read_text(encoding="utf-8"), done.pages[0]) >= 0.97


@pytest.mark.ocr
def test_a_real_scan_keeps_its_header_columns_apart(tmp_path):
    header = render(REAL_SCAN, 1, 300, crop_top=0.22)
    header.save(tmp_path / "header.png")
    lines = [ln for ln in tesseract.ocr_image(tmp_path / "header.png").splitlines() if ln.strip()]
    issuer = next(i for i, ln in enumerate(lines) if "KIÊN GIANG" in ln)
    motto = next(i for i, ln in enumerate(lines) if "NGHĨA VIỆT NAM" in ln)
    assert "NGHĨA" not in lines[issuer] and "KIÊN GIANG" not in lines[motto]
    assert issuer < motto and any("Y TẾ" in ln for ln in lines[issuer + 1:motto])


@pytest.mark.ocr
def test_a_multi_page_tiff_gives_one_page_each(tmp_path):
    pdf = VARIANTS / "pdf" / "syt_dongthap_hsba_2026.pdf"
    first, second = render(pdf, 1, 150, 0.3), render(pdf, 2, 150, 0.3)
    tiff = tmp_path / "scan.tif"
    first.save(tiff, save_all=True, append_images=[second])
    raw = read(tiff)
    assert raw.format == "image" and raw.ocr_pages == (1, 2)
    assert "Độc lập - Tự do - Hạnh phúc" in raw.pages[0]
    assert "Số:" in raw.pages[0] and "SỞ Y TẾ" in raw.pages[0]
    assert word_accuracy(SEEDS[1].read_text(encoding="utf-8"), raw.pages[1]) >= 0.9


@pytest.mark.ocr
def test_a_real_scan_loses_its_seal_specks_and_keeps_its_lists():
    text = read(SEALED_SCAN).pages[0]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert not any(ch in text for ch in "¬`")
    # each line holds a word of two letters or more: no runs of specks from the seal and signature
    assert all(re.search(r"[^\W\d_]{2}", ln) for ln in lines)
    assert any(ln.startswith("1. Thực hiện nghiêm") for ln in lines)
    assert any(ln.startswith("2. Tăng cường") for ln in lines)
    cc = lines[lines.index("Nơi nhận:") + 1:]
    assert cc[0] == "- Như trên;" and any(ln.startswith("- Lưu: VT,") for ln in cc[:5])


def test_without_tesseract_scans_fail_and_text_pdfs_still_read(monkeypatch):
    monkeypatch.setattr(tesseract, "available", lambda: False)
    with pytest.raises(IngestError, match="tesseract with Vietnamese"):
        read(SEED_SCAN)
    assert read(VARIANTS / "pdf" / "byt_hsba_2025.pdf").ocr_pages == ()


def test_an_image_is_refused_when_ocr_is_off(tmp_path):
    picture = tmp_path / "page.png"
    render(VARIANTS / "pdf" / "byt_hsba_2025.pdf", 1, 50).save(picture)
    with pytest.raises(IngestError, match="OCR is off"):
        image.read(picture, picture.read_bytes(), Options(ocr="never"))
