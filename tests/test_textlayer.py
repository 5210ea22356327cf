"""Which PDF pages need OCR: judged on the dev corpus's real PDFs (no OCR runs here)."""
from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.lexicon import fold
from pipeline.ingest import pdf
from pipeline.ingest.ocr import pages_to_ocr
from pipeline.ingest.textlayer import (BROKEN, MISSING, OK, STAMP, STAMP_LINE, SYLLABLE, WORD, Stats,
                                       fewer_letters, letters, own_text, quality, stats)
from pipeline.options import Options

from .conftest import RAW, VARIANTS, manifest


def pdfs_of(kind: str) -> list:
    return sorted(RAW / name for name, k in manifest().items() if k == kind and name.endswith(".pdf"))


@lru_cache(maxsize=None)
def text_pages(path) -> tuple[str, ...]:
    return pdf.read(path, path.read_bytes(), Options()).pages


@pytest.mark.parametrize("path", pdfs_of("born-digital") + sorted((VARIANTS / "pdf").glob("*.pdf")),
                         ids=lambda p: p.name)
def test_a_good_text_layer_is_never_ocred(path):
    assert pages_to_ocr(path, text_pages(path), "auto") == {}


@pytest.mark.parametrize("path", pdfs_of("scan"), ids=lambda p: p.name)
def test_every_page_of_a_scan_is_ocred(path):
    pages = text_pages(path)
    assert sorted(pages_to_ocr(path, pages, "auto")) == list(range(1, len(pages) + 1))


@pytest.mark.parametrize("path", pdfs_of("broken-layer"), ids=lambda p: p.name)
def test_every_page_of_a_broken_layer_is_ocred(path):
    pages = text_pages(path)
    assert sorted(pages_to_ocr(path, pages, "auto")) == list(range(1, len(pages) + 1))


def test_broken_layers_are_told_apart_from_stamps():
    verdicts = {path.name[:3]: {quality(p) for p in text_pages(path)} for path in pdfs_of("broken-layer")}
    assert verdicts["016"] == {BROKEN}          # ABBYY export: letters with marks cut out
    assert verdicts["019"] == {BROKEN}          # ASCII-folded OCR layer
    assert verdicts["056"] <= {STAMP, MISSING}  # a scan whose only text is the e-signature


def test_an_e_signed_scan_has_a_stamp_only_first_page():
    e_signed = [p for p in pdfs_of("scan") if "Ký bởi" in text_pages(p)[0]]
    assert e_signed
    assert all(quality(text_pages(p)[0]) == STAMP for p in e_signed)


@pytest.mark.parametrize("text, verdict", [
    ("", MISSING),
    ("   \n 2 \n", MISSING),
    ("Ký bởi: Sở Y tế tỉnh Đồng Tháp\nCơ quan: Tỉnh Đồng Tháp\nThời gian ký: 12/03/2025 08:15:24 +07:00", STAMP),
    ("Signature Valid\nDigitally signed by UBND TINH\nDate: 2025.03.12 08:15:24 +07:00", STAMP),
    # ASCII-folded OCR layer
    ("CQNG HOA XA HQI CHU NGHIA VIET NAM Doc lap - Tu do - Hanh phuc. Can cu Luat To chuc chinh "
     "quyen dia phuong ngay 19 thang 6 nam 2015; Theo de nghi cua Giam doc So Y te tai To trinh so 12", BROKEN),
    # marks cut out, only the Latin-1 letters left (ABBYY export)
    ("B O HI M XÃ H I VI T NAM C NG HOÀ XÃ H I CH NGH A VI T NAM do phúc Hà ngày tháng 2024 V/v "
     "an toàn thông tin giám BHYT Kính xã các Công thành Trung Chính ngày gia an toàn thông tin "
     "phòng Ban an toàn, an ninh công tác an ninh thông tin thông tin giám khám", BROKEN),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Theo đề nghị của Giám đốc "
     "Sở Y tế tại Tờ trình số 12/TTr-SYT ngày 05 tháng 3 năm 2025, Ủy ban nhân dân tỉnh yêu cầu các "
     "đơn vị triển khai thực hiện.", OK),
    # English (an annex, a standard's title) has no marks either but is not broken Vietnamese
    ("This annex lists the International Classification of Diseases procedures that hospitals "
     "report under the diagnosis related group pilot, together with their codes and the "
     "equipment required for each of them in the participating provinces.", OK),
])
def test_quality_of_hand_made_pages(text, verdict):
    assert quality(text) == verdict


def test_ocr_never_keeps_the_text_layer_and_warns():
    from pipeline.document import RawText
    from pipeline.ingest.ocr import complete
    scan = pdfs_of("scan")[0]
    raw = RawText("pdf", text_pages(scan))
    done = complete(scan, scan.read_bytes(), raw, Options(ocr="never"))
    assert done.pages == raw.pages and done.ocr_pages == ()
    assert len(done.warnings) == len(raw.pages) and "OCR is off" in done.warnings[0]


def test_ocr_always_asks_for_every_page():
    path = VARIANTS / "pdf" / "byt_hsba_2025.pdf"
    pages = text_pages(path)
    assert sorted(pages_to_ocr(path, pages, "always")) == list(range(1, len(pages) + 1))


# --- the page-wide shortcuts give what the plain per-line and per-word definitions give -------------

PIECES = ["Ký bởi: Sở Y tế", "ký\nbởi", "KÝ BỞI", "Người ký: A", "Thời gian ký: 12/03/2025 08:15:24 +07:00",
          "12/03/2025 08:15", "08:15:24 +07:00", " +07:00 ", "Email: vp@syt.vn", "a@b", "Date: 2025", "Cơ quan:",
          "Số: 12/TTr-SYT", "Hà Nội, ngày 5", "đơn vị", "CỘNG HÒA", "ſigned by", "ABC", "Ð", "ß", "²", "_", "7",
          "\n", "\n\n", " ", "\r\n", "\r", "\f", "\x0b", "\x1c", "\x85", "\u2028"]
page_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(page_texts)
def test_own_text_drops_exactly_the_stamp_lines(text):
    assert own_text(text) == "\n".join(line for line in text.splitlines() if not STAMP_LINE.search(line))


@settings(max_examples=500, deadline=None)
@given(page_texts)
def test_stats_count_words_and_letters_one_by_one(text):
    words = WORD.findall(text)
    n = len(words) or 1
    accented = [c for w in words for c in w if not c.isascii()]
    specific = sum(ord(c) > 0xFF for c in accented) / len(accented) if len(accented) >= 10 else 1.0
    assert stats(text) == Stats(len(words), sum(not w.isascii() for w in words) / n,
                                sum(bool(SYLLABLE.fullmatch(fold(w))) for w in words) / n, specific)


@settings(max_examples=300, deadline=None)
@given(page_texts, st.sampled_from([1, 3, 40, 100]))
def test_fewer_letters_counts_past_the_start_when_it_must(text, n):
    assert fewer_letters(text, n) == (letters(text) < n)
