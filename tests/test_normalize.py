"""Normalization: characters, rejoined wraps that leave items and header lines alone, page
furniture, and the map from text offsets back to pages."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.document import Page
from pipeline.normalize import CHAR_FIXES, _clean, is_heading, normalize, starts_block
from tests.conftest import RAW, SEEDS, VARIANTS
from tests.retention import word_retention


def lines(*pages: str) -> list[str]:
    return normalize(pages)[0].split("\n")


def test_characters():
    text = normalize(("Quy\u0301 Ðơn vi\u0323 ðề nghị\u00a0\u00a0Sở\u200b Y tế\u00ad;\tBLÐTBXH\x07",))[0]
    assert text == "Quý Đơn vị đề nghị Sở Y tế; BLĐTBXH"
    assert text == unicodedata.normalize("NFC", text)


def test_hard_wrapped_letter_keeps_items_and_header_lines():
    # Wrapped at 60 columns, the way pdftotext or a mail client prints it.
    printed = """BỘ Y TẾ
CỤC QUẢN LÝ KHÁM, CHỮA BỆNH
Số: 1366/BYT-KCB
Hà Nội, ngày 12 tháng 3 năm 2025
V/v tăng cường công tác bảo đảm an toàn người bệnh tại các
cơ sở khám bệnh, chữa bệnh
Kính gửi:
- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương;
- Các bệnh viện trực thuộc Bộ Y tế.
Căn cứ Thông tư số 13/2025/TT-BYT ngày 06/6/2025 của Bộ trưởng
Bộ Y tế hướng dẫn triển khai hồ sơ bệnh án điện tử, Cục Quản
lý Khám, chữa bệnh đề nghị các đơn vị thực hiện như sau:
1. Rà soát, hoàn thiện quy trình chuyên môn về an toàn người
bệnh; báo cáo kết quả về Cục trước ngày 30/6/2025.
a) Các bệnh viện hạng đặc biệt hoàn thành việc rà soát trước
ngày 31/5/2025;
b) Các đơn vị khác thực hiện theo kế hoạch.
2. Tổ chức tập huấn cho người hành nghề về phòng ngừa sự cố y
khoa.
Điều 3. Trách nhiệm thi hành
Nơi nhận:
- Như trên;
- Lưu: VT, KCB.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Trọng Khoa"""
    assert lines(printed) == [
        "BỘ Y TẾ",
        "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH",
        "Số: 1366/BYT-KCB",
        "Hà Nội, ngày 12 tháng 3 năm 2025",
        "V/v tăng cường công tác bảo đảm an toàn người bệnh tại các cơ sở khám bệnh, chữa bệnh",
        "Kính gửi:",
        "- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương;",
        "- Các bệnh viện trực thuộc Bộ Y tế.",
        "Căn cứ Thông tư số 13/2025/TT-BYT ngày 06/6/2025 của Bộ trưởng Bộ Y tế hướng dẫn triển khai "
        "hồ sơ bệnh án điện tử, Cục Quản lý Khám, chữa bệnh đề nghị các đơn vị thực hiện như sau:",
        "1. Rà soát, hoàn thiện quy trình chuyên môn về an toàn người bệnh; báo cáo kết quả về Cục "
        "trước ngày 30/6/2025.",
        "a) Các bệnh viện hạng đặc biệt hoàn thành việc rà soát trước ngày 31/5/2025;",
        "b) Các đơn vị khác thực hiện theo kế hoạch.",
        "2. Tổ chức tập huấn cho người hành nghề về phòng ngừa sự cố y khoa.",
        "Điều 3. Trách nhiệm thi hành",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, KCB.",
        "KT. CỤC TRƯỞNG",
        "PHÓ CỤC TRƯỞNG",
        "Nguyễn Trọng Khoa",
    ]


def test_a_dash_carried_over_by_the_wrap_is_not_an_item():
    printed = ("43. Thông tư liên tịch số 33/2013/TTLT-BYT-BTC ngày 18/3/2013 của Bộ Y tế\n"
               "- Bộ Tài chính hướng dẫn thực hiện Quyết định số 14/2012/QĐ-TTg.\n"
               "44. Thông tư số 26/2011/TT-BYT ngày 26/11/2011 của Bộ trưởng Bộ Y tế về\n"
               "việc hướng dẫn.\n"
               "Chương trình gồm các nội dung chủ yếu sau đây, theo thứ tự ưu tiên\n"
               "- Rà soát quy trình;\n")
    assert lines(printed)[0].endswith("của Bộ Y tế - Bộ Tài chính hướng dẫn thực hiện Quyết định số 14/2012/QĐ-TTg.")


def test_blank_line_after_every_printed_line():
    # The seed was saved with a blank line after each printed line: blank lines say nothing.
    text = normalize((SEEDS[0].read_text(encoding="utf-8-sig"),))[0]
    out = text.split("\n")
    basis = next(l for l in out if l.startswith("Căn cứ Chỉ thị số 07/CT-TTg"))
    assert "Quyết định số 1150/QĐ-BYT ngày 03/4/2025 của Bộ Y tế" in basis
    assert basis.endswith("nhằm đẩy mạnh hồ sơ bệnh án điện tử tại các Đơn vị.")
    assert [l[:3] for l in out if l[:2] in ("1.", "2.", "3.", "4.")] == ["1. ", "2. ", "3. ", "4. "]
    assert out[:2] == ["Kính gửi:", "- Các Bệnh viện, viện có giường trực thuộc Bộ Y tế;"]
    assert "" not in out
    cc = out.index("Nơi nhận:")
    assert out[cc + 1:cc + 3] == ["- Như trên;", "- Bộ trưởng (để b/c);"]


HARDWRAPPED = sorted((VARIANTS / "hardwrap").glob("*.txt"))


def paragraph_agreement(wrapped) -> tuple[int, int, float]:
    """(source lines found whole, source lines, word retention) for a hard-wrapped render."""
    source = normalize(((RAW / wrapped.name).read_text(encoding="utf-8-sig"),))[0]
    text = normalize((wrapped.read_text(encoding="utf-8-sig"),))[0]
    want = [l for l in source.split("\n") if l]
    got = set(text.split("\n"))
    return sum(1 for l in want if l in got), len(want), word_retention(source, text)


@pytest.mark.parametrize("wrapped", HARDWRAPPED, ids=lambda p: p.stem)
def test_hardwrap_variant_gives_back_the_paragraphs(wrapped):
    found, total, retention = paragraph_agreement(wrapped)
    assert retention >= 0.98
    assert found >= 0.85 * total        # table cells one a line in the source may come out as rows


def test_hardwrap_variants_give_back_nearly_all_paragraphs():
    counts = [paragraph_agreement(w)[:2] for w in HARDWRAPPED]
    assert sum(f for f, _ in counts) >= 0.95 * sum(t for _, t in counts)


def test_unwrapped_text_is_left_as_it_is():
    text = "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định việc kê đơn thuốc.\nĐiều 2. Đối tượng áp dụng"
    assert normalize((text,))[0] == text


def test_page_numbers_and_running_headers_are_dropped():
    header = "Công văn số 1366/BYT-KCB ngày 12/3/2025"
    pages = (f"{header}\nKính gửi: Sở Y tế.\nNội dung trang một.",
             f"2\n{header}\nNội dung trang hai.",
             f"- 3 -\n{header}\nNội dung trang ba.",
             f"{header}\nNội dung trang bốn.\nTrang 4")
    out = lines(*pages)
    assert out.count(header) == 1 and out[0] == header            # kept where it first stands
    assert not {"2", "- 3 -", "Trang 4"} & set(out)
    assert "Nội dung trang ba." in out


def test_short_repeated_cells_are_not_running_footers():
    pages = tuple(f"Tiêu chí {i}\nĐạt" for i in range(1, 5))
    assert lines(*pages) == [x for i in range(1, 5) for x in (f"Tiêu chí {i}", "Đạt")]


def test_pages_map_offsets_back():
    pages = ("Kính gửi: Sở Y tế.\nĐề nghị các đơn vị khẩn trương triển khai hồ sơ bệnh án điện tử tại",
             "2\ncác cơ sở khám bệnh, chữa bệnh.\nNơi nhận:",
             "",
             "- Như trên;")
    text, spans = normalize(pages)
    assert [p.number for p in spans] == [1, 2, 3, 4]
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
    assert spans[2].start == spans[2].end                          # a page without text
    joined = text.index("các cơ sở khám bệnh")
    assert text[joined - 4:joined] == "tại "                      # the wrap across pages is joined
    number = {p.number: p for p in spans}
    assert number[1].start <= text.index("Kính gửi") < number[1].end
    assert number[2].start <= joined < number[2].end
    assert number[4].start <= text.index("- Như trên;") < number[4].end


def test_single_page():
    assert normalize(("Kính gửi: Sở Y tế.",)) == ("Kính gửi: Sở Y tế.", (Page(1, 0, 18),))


@pytest.mark.parametrize("line, heading", [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("KHẨN", True), ("TM. ỦY BAN NHÂN DÂN", True),
    ("500/BYT-QĐ.", False), ("SIDA.", False), ("Độc lập - Tự do - Hạnh phúc", False),
])
def test_heading(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize("line, start", [
    ("- Như trên;", True), ("+ Bước 1", True), ("1. Các đơn vị", True), ("1.2. Nội dung", True),
    ("đ) Điểm đ", True), ("II. NHIỆM VỤ", True), ("Điều 3. Trách nhiệm", True), ("Chương II", True),
    ("Mục 1", True), ("“12. Thành lập đoàn", True), ("Số: 12/BYT", True), ("V/v góp ý", True),
    ("Hà Nội, ngày 12 tháng 3 năm 2025", True), ("TL. BỘ TRƯỞNG", True), ("e. Đối với hạ sĩ quan", True),
    ("\uf0b7 Rà soát quy trình", True),
    ("2025. Quyết định", False), ("Điều 5 Nghị định số 30/2020/NĐ-CP", False), ("72-NQ/TW, Đề án", False),
])
def test_block_start(line, start):
    assert starts_block(line) is start


@given(st.text(alphabet=" \u2003\u2007\u00a0\u3000\t\r\f\u200b\u00adÐaĐ\x01\x85\n"))
def test_page_cleaning_does_what_one_translation_and_a_space_rule_do(page):
    text = unicodedata.normalize("NFC", page).translate(str.maketrans(CHAR_FIXES))
    text = re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", text)
    expected = [re.sub(r"[ \u2000-\u200a]+", " ", line).strip() for line in text.split("\n")]
    while expected and not expected[-1]:
        expected.pop()
    while expected and not expected[0]:
        expected.pop(0)
    assert _clean(page) == expected
