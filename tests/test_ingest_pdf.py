"""PDF text layer: retention on rendered variants, the two-column NĐ30 header and footer on real
born-digital files, the layout rules on hand-placed words, and broken or hostile files."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import IngestError
from pipeline.ingest import pdf, read
from pipeline.ingest.pdf_layout import JOINER_REACH, Word, _rows, page_text
from pipeline.normalize import joiner
from pipeline.normalize import normalize
from pipeline.options import Options
from tests.conftest import RAW, VARIANTS
from tests.makers import minimal_pdf
from tests.retention import word_retention

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def lines_of(path: Path) -> list[str]:
    return normalize(read(path).pages)[0].split("\n")


# --- retention on the rendered variants -------------------------------------------------------

@pytest.mark.parametrize("variant", sorted((VARIANTS / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_variant_keeps_the_source_words(variant):
    source = (RAW / f"{variant.stem}.txt").read_text(encoding="utf-8-sig")
    raw = read(variant)
    assert raw.format == "pdf" and len(raw.pages) >= 1
    text = normalize(raw.pages)[0]
    assert word_retention(normalize((source,))[0], text) >= 0.98


def test_variant_keeps_paragraphs_and_items_whole():
    lines = lines_of(VARIANTS / "pdf" / "syt_dongthap_hsba_2026.pdf")
    assert "Số: /SYT-VP" in lines                          # the blank number does not split the line
    assert "Đồng Tháp, ngày tháng 4 năm 2026" in lines
    assert "V/v đẩy mạnh triển khai hồ sơ bệnh án điện tử tại các cơ sở khám bệnh, chữa bệnh" in lines
    assert ["Kính gửi:", "- Các đơn vị trực thuộc Sở Y tế;", "- Bệnh viện Quân dân y;",
            "- Các bệnh viện tư nhân trên địa bàn tỉnh."] == lines[lines.index("Kính gửi:"):][:4]
    item = next(l for l in lines if l.startswith("1. Thủ trưởng"))
    assert item.endswith("tại Nghị quyết số 72-NQ/TW, Đề án 06/CP và Thông tư số 13/2025/TT-BYT.")
    assert "(Đính kèm Chỉ thị số 04/CT-BYT ngày 07/4/2026 của Bộ trưởng Bộ Y tế)" in lines


def test_symbol_wrapped_at_its_hyphen_is_rejoined():
    text = normalize(read(VARIANTS / "pdf" / "003_BYT_TT_02-2026-TT-BYT.pdf").pages)[0]
    assert "57/2024/TT- BYT" not in text and "57/2024/TT-BYT" in text


# --- the two-column header and footer of real documents ---------------------------------------

def test_two_column_header_and_footer_read_column_by_column():
    lines = lines_of(RAW / "028_UBND-QuangNgai_CV_507-UBND-KGVX_2025.pdf")
    issuer = lines.index("ỦY BAN NHÂN DÂN")
    assert lines[issuer + 1] == "TỈNH QUẢNG NGÃI"
    motto = lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[motto + 1] == "Độc lập - Tự do - Hạnh phúc"
    assert "Số: 507 /UBND-KGVX" in lines
    assert "Quảng Ngãi, ngày 24 tháng 01 năm 2025" in lines
    assert ("V/v góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg "
            "về Chương trình cung cấp dịch vụ viễn thông công ích") in lines
    assert "Kính gửi: Sở Thông tin và Truyền thông" in lines
    cc = lines.index("Nơi nhận:")
    assert lines[cc + 1:cc + 3] == ["- Như trên;", "- Bộ Thông tin và Truyền thông (b/cáo);"]
    assert lines[-1] == "- Lưu: VT, KGVX(bnt)."
    assert "TL. CHỦ TỊCH" in lines and lines.index("TL. CHỦ TỊCH") < cc


def test_header_whose_summary_sits_beside_the_date():
    lines = lines_of(RAW / "173_BVSN-NinhBinh_CV_126-BVSN-CNTT_2026.pdf")
    assert lines[:4] == ["SỞ Y TẾ NINH BÌNH", "BỆNH VIỆN SẢN NHI",
                         "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "Số: 126 /BVSN-CNTT" in lines
    assert "Ninh Bình, ngày 18 tháng 3 năm 2026" in lines
    assert ("V/v báo giá thuê phần mềm triển khai hồ sơ bệnh án điện tử tại Bệnh viện "
            "Sản - Nhi tỉnh Ninh Bình") in lines


# --- layout rules on hand-placed words (A4 points, 13 pt type) --------------------------------

def row(y: float, *runs: tuple[float, str]) -> list[Word]:
    """Words of one row: each run starts at its x and advances 7 pt a character plus a space."""
    words = []
    for x, text in runs:
        for token in text.split():
            words.append(Word(x, y, x + 7 * len(token), y + 13, token))
            x += 7 * len(token) + 3.5
    return words


def test_placeholder_gaps_and_columns():
    words = (row(50, (80, "BỘ Y TẾ"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
             + row(66, (60, "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH"), (330, "Độc lập - Tự do - Hạnh phúc"))
             + row(100, (70, "Số:"), (150, "/BYT-KCB"), (320, "Hà Nội, ngày"), (450, "tháng 5 năm 2026"))
             + row(116, (60, "V/v tăng cường"))
             + row(160, (80, "Kính gửi: Sở Y tế các tỉnh, thành phố."))
             + row(190, (100, "Để bảo đảm an toàn người bệnh, Cục Quản lý Khám, chữa bệnh đề nghị"))
             + row(206, (60, "Sở Y tế chỉ đạo các cơ sở khám bệnh, chữa bệnh thực hiện như sau:"))
             + row(222, (100, "- Rà soát quy trình;"))
             + row(238, (100, "- Báo cáo trước ngày 30/6/2026.")))
    assert page_text(words).split("\n") == [
        "BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: /BYT-KCB", "Hà Nội, ngày tháng 5 năm 2026", "V/v tăng cường",
        "Kính gửi: Sở Y tế các tỉnh, thành phố.",
        "Để bảo đảm an toàn người bệnh, Cục Quản lý Khám, chữa bệnh đề nghị Sở Y tế chỉ đạo các cơ sở "
        "khám bệnh, chữa bệnh thực hiện như sau:",
        "- Rà soát quy trình;", "- Báo cáo trước ngày 30/6/2026."]


def centred(y: float, text: str, middle: float = 273) -> list[Word]:
    return row(y, (middle - (7 * len(text) - 3.5 * text.count(" ")) / 2, text))


def test_centred_title_wraps_but_headings_stay_apart():
    words = (row(50, (60, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"))  # 60 to 487
             + centred(80, "QUYẾT ĐỊNH")
             + centred(96, "Về việc ban hành Quy chế làm việc của Sở Y tế")
             + centred(112, "tỉnh Đồng Tháp năm 2026")
             + centred(128, "GIÁM ĐỐC SỞ Y TẾ"))
    assert page_text(words).split("\n")[1:] == [
        "QUYẾT ĐỊNH", "Về việc ban hành Quy chế làm việc của Sở Y tế tỉnh Đồng Tháp năm 2026",
        "GIÁM ĐỐC SỞ Y TẾ"]


def test_a_table_is_read_row_by_row():
    words = []
    for i in range(20):
        words += row(100 + 16 * i, (60, f"{i + 1}"), (120, f"Đơn vị {i + 1}"), (380, "Đạt"))
    lines = page_text(words).split("\n")
    assert lines[:2] == ["1 Đơn vị 1 Đạt", "2 Đơn vị 2 Đạt"]


def test_a_short_table_of_three_columns_is_read_row_by_row():
    words = row(84, (60, "TT"), (120, "Tên đơn vị"), (380, "Cấp học"))
    for i, (name, level) in enumerate([("Trường TH An Thạnh", "Tiểu học"), ("Trường THCS Xuân Diệu", "THCS"),
                                       ("Trường THPT Tràm Chim", "THPT")], 1):
        words += row(84 + 16 * i, (60, str(i)), (120, name), (380, level))
    assert page_text(words).split("\n") == ["TT Tên đơn vị Cấp học", "1 Trường TH An Thạnh Tiểu học",
                                              "2 Trường THCS Xuân Diệu THCS", "3 Trường THPT Tràm Chim THPT"]


def test_page_without_words_is_empty():
    assert page_text([]) == ""


def rows_word_by_word(words: list[Word]) -> list[list[Word]]:
    """_rows as its rule reads: each word by vertical centre joins the row of the word that opened it, if near."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.y0 + w.y1) / 2):
        if rows:
            first = rows[-1][0]
            if abs((w.y0 + w.y1) / 2 - (first.y0 + first.y1) / 2) <= 0.4 * min(w.y1 - w.y0, first.y1 - first.y0):
                rows[-1].append(w)
                continue
        rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


# Words on a few shared baselines and heights, some of them upside down (a negative height) or flat.
placed_words = st.lists(st.builds(lambda x, y, h, w, t: Word(x, y, x + w, y + h, t),
                                  st.sampled_from([60.0, 72.5, 300.0, 301.25]), st.sampled_from([0.0, -0.0, 50.0, 55.5, 66.0]),
                                  st.sampled_from([13.0, 13.0, 9.5, 0.0, -13.0]), st.sampled_from([7.0, 40.0]),
                                  st.sampled_from(["Số:", "a", "BỘ", ""])), max_size=30)


@settings(max_examples=500, deadline=None)
@given(placed_words)
def test_rows_go_by_runs_of_words_as_they_would_word_by_word(words):
    assert _rows(words) == rows_word_by_word(words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aĐ1_- \n\t-–", max_size=12))
def test_joiner_needs_only_the_end_of_a_paragraph(text):
    assert joiner(text) == joiner(text[-JOINER_REACH:])


# --- broken and hostile files -----------------------------------------------------------------

def test_empty_file(tmp_path):
    with pytest.raises(IngestError, match="empty"):
        read(write(tmp_path, "empty.pdf", b""))


def test_truncated_pdf(tmp_path):
    data = (VARIANTS / "pdf" / "byt_hsba_2025.pdf").read_bytes()
    with pytest.raises(IngestError, match="corrupt PDF"):
        read(write(tmp_path, "cut.pdf", data[: len(data) // 2]))


def test_pdf_with_a_damaged_body(tmp_path):
    data = b"%PDF-1.4\n" + random.Random(3).randbytes(3000) + b"\n%%EOF\n"
    with pytest.raises(IngestError, match="corrupt PDF"):
        read(write(tmp_path, "damaged.pdf", data))


def test_random_bytes_named_pdf(tmp_path):
    with pytest.raises(IngestError, match="binary data"):
        read(write(tmp_path, "scan.pdf", random.Random(5).randbytes(8192)))


def test_encrypted_pdf(tmp_path):
    data = minimal_pdf([b"BT /F1 12 Tf 72 720 Td (Secret) Tj ET"], encrypt=True)
    with pytest.raises(IngestError, match="encrypted PDF"):
        read(write(tmp_path, "locked.pdf", data))


def test_minimal_pdf_reads(tmp_path):
    data = minimal_pdf([b"BT /F1 12 Tf 72 720 Td (Hello world) Tj ET", b""])
    raw = read(write(tmp_path, "two.pdf", data))
    assert raw.pages == ("Hello world", "")


def test_thousand_blank_pages(tmp_path):
    path = write(tmp_path, "blank.pdf", minimal_pdf([b""] * 1000))
    raw = pdf.read(path, path.read_bytes(), Options(ocr="never"))
    assert len(raw.pages) == 1000 and not any(raw.pages)
    with pytest.raises(IngestError, match="too many pages"):
        pdf.read(path, path.read_bytes(), Options(max_pages=999))


def test_missing_poppler_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    data = minimal_pdf([b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"])
    with pytest.raises(IngestError, match="pdftotext"):
        pdf.read(tmp_path / "x.pdf", data, Options())
