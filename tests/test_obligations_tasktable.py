"""A plan's task table gives one duty per row naming a unit: the two shapes readers produce, one cell per
line (DOCX, HTML) and one row per line, with the row number glued to the cell before by line joining."""
from __future__ import annotations

from extractors import obligations, tasktable
from extractors.findings import Header
from pipeline.document import Document, Page
from pipeline.zones import find_zones

from .test_obligations import doc_of

CELLS = """KẾ HOẠCH
Triển khai tiêm chủng mở rộng năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm tiêm chủng đầy đủ, đúng lịch cho trẻ em trên địa bàn tỉnh.
II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN
TT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian hoàn thành 1
Xây dựng kế hoạch tiêm chủng chi tiết
Trung tâm Kiểm soát bệnh tật
Các Trung tâm Y tế
Trước ngày 15/3/2026 2
Tập huấn cho cán bộ y tế xã
Trung tâm Y tế huyện
Trạm Y tế xã
Tháng 4/2026 3
Rà soát đối tượng tiêm chủng

Hằng tháng
III. TỔ CHỨC THỰC HIỆN
Các đơn vị căn cứ Kế hoạch này khẩn trương triển khai thực hiện./.
"""

ROWS = """II. PHÂN CÔNG NHIỆM VỤ
STT Nội dung Đơn vị thực hiện Thời gian
1 Xây dựng danh mục thuốc đấu thầu Sở Y tế Trước ngày 05/3/2026
2 Hoàn thiện danh mục gửi về Sở Y tế Các bệnh viện Từ 09/3/2026 đến 20/3/2026
III. TỔ CHỨC THỰC HIỆN
"""


def test_rows_one_cell_per_line():
    doc = doc_of(CELLS)
    got = tasktable.rows(doc.text, 0, len(doc.text))
    assert [(r.number, r.actor) for r in got] == [("1", "Trung tâm Kiểm soát bệnh tật"),
                                                ("2", "Trung tâm Y tế huyện"), ("3", None)]
    assert doc.text[got[0].start:got[0].end].split("\n")[0] == "Xây dựng kế hoạch tiêm chủng chi tiết"


def test_rows_one_per_line():
    doc = doc_of(ROWS)
    got = tasktable.rows(doc.text, 0, len(doc.text))
    assert [(r.number, r.actor) for r in got] == [("1", "Sở Y tế"), ("2", "Các bệnh viện")]


def test_table_duties_per_row_with_unit():
    doc = doc_of(CELLS)
    got = obligations.extract(doc, Header(), (), (), ())
    rows = [o for o in got if o.item and o.item.startswith("II.")]
    # row 3 names no unit: no duty
    assert [(o.item, o.actor, o.modality, o.deadline) for o in rows] == [
        ("II.1", "Trung tâm Kiểm soát bệnh tật", "assign", "2026-03-15"),
        ("II.2", "Trung tâm Y tế huyện", "assign", None)]
    assert rows[0].action == "Xây dựng kế hoạch tiêm chủng chi tiết"
    assert " ".join(rows[0].text.split()).startswith("Xây dựng kế hoạch tiêm chủng chi tiết Trung tâm Kiểm soát bệnh tật")
    # the purpose part gives nothing; the closing request is a duty of its own
    assert [o.item for o in got if o not in rows] == ["III"]


def test_no_table_without_unit_column():
    doc = doc_of("TT\nNội dung\nThời gian\n1\nHọp giao ban\n20/3/2026\n")
    assert tasktable.rows(doc.text, 0, len(doc.text)) == []


# a scanned task table as OCR reads it: number and content cells joined in the header, cell rules read as '|',
# a row whose number was lost (4), a number with its dot before a rule ('5. |'), units set apart from rows
SCANNED = """II. Nội dung kế hoạch:
STT Công việc

Thời gian Người thực hiện & kết
quả
01 Xây dựng danh mục khung thuốc | 01/3/2018 - 05/3/2018
02 | Triển khai danh mục khung & gửi | 05/3/2018 — 09/3/2018
03 Họp thông qua kế hoạch lựa chọn nhà thầu | 23/4/2018
Hoàn chỉnh kế hoạch lựa chọn nhà thầu
5. | Thẩm định kế hoạch lựa chọn nhà thầu | 20 ngày
Sở Y tế
III. Tổ chức thực hiện
"""


def scanned_doc(ocr: bool):
    """The OCR text as it stands, lines unjoined (as the OCR reader hands it over)."""
    return Document(path="case.pdf", doc_id="test", format="pdf", text=SCANNED, pages=(Page(1, 0, len(SCANNED)),),
                    zones=find_zones(SCANNED), ocr_pages=(1,) if ocr else ())


def test_scanned_table_rows_survive_lost_numbers_and_cell_rules():
    doc = scanned_doc(ocr=True)
    got = tasktable.rows(doc.text, 0, len(doc.text))
    assert [r.number for r in got] == ["01", "02", "03", "5"]
    assert doc.text[got[1].start:got[1].end].startswith("Triển khai danh mục khung")


def test_scanned_table_row_without_a_placed_unit_is_still_a_duty():
    got = obligations.extract(scanned_doc(ocr=True), Header(), (), (), ())
    assert [o.text.split(" |")[0] for o in got][:2] == ["Xây dựng danh mục khung thuốc", "Triển khai danh mục khung & gửi"]
    text_layer = obligations.extract(scanned_doc(ocr=False), Header(), (), (), ())
    assert [o.item for o in text_layer] == ["II.5"]    # a text layer's table: rows that name a unit only
