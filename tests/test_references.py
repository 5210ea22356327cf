"""Legal references: real text from the seeds and the dev corpus paired with the citations a reader finds there,
and hand-made hard cases from FORMAT.md §1 'Citations', §2b and §3 'Noise to normalise'."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import references
from extractors.findings import Header
from pipeline import ingest
from pipeline.document import Document, Zone
from pipeline.options import Options
from pipeline.process import build_document

from .conftest import GOLD, RAW, SEEDS, VARIANTS, gold


def _read(path: Path) -> Document:
    return build_document(str(path), path.name, ingest.read(path, Options()))


def _refs(text: str, header: Header = Header(), zones: tuple[Zone, ...] = ()) -> tuple:
    return references.extract(Document("t.txt", "t", "txt", text, zones=zones), header)


def _by_id(refs) -> dict:
    out: dict = {}
    for r in refs:
        out.setdefault(r.id, r)
    return out


TEXT_SOURCES = sorted(p for p in RAW.glob("*.txt") if "references" in gold(p.stem)) + \
    sorted(p for p in (VARIANTS / "hardwrap").glob("*.txt") if (GOLD / f"{p.stem}.json").exists())


@pytest.mark.parametrize("path", TEXT_SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_ids_match_gold_on_text_sources(path):
    expected = {r["id"] for r in gold(path.stem)["references"] if r.get("id")}
    assert {r.id for r in references.extract(_read(path), Header()) if r.id} == expected


@pytest.mark.parametrize("path", TEXT_SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_spans_lie_in_the_text(path):
    doc = _read(path)
    for r in references.extract(doc, Header()):
        assert 0 <= r.span[0] < r.span[1] <= len(doc.text)
        assert doc.text[r.span[0]:r.span[1]] == r.text


def test_seed_byt_full_citations():
    refs = references.extract(_read(SEEDS[0]), Header())
    got = _by_id(refs)
    assert (got["07/CT-TTg"].doc_type, got["07/CT-TTg"].date, got["07/CT-TTg"].issuer) == \
        ("chi_thi", "2025-03-14", "Thủ tướng Chính phủ")
    assert (got["13/2025/TT-BYT"].doc_type, got["13/2025/TT-BYT"].date, got["13/2025/TT-BYT"].issuer) == \
        ("thong_tu", "2025-06-06", "Bộ Y tế")
    assert got["13/2025/TT-BYT"].title.startswith("hướng dẫn triển khai hồ sơ bệnh án điện tử")
    assert (got["1150/QĐ-BYT"].doc_type, got["1150/QĐ-BYT"].date) == ("quyet_dinh", "2025-04-03")
    assert got["1150/QĐ-BYT"].title.startswith("phê duyệt Kế hoạch triển khai")
    assert (got["1366/BYT-K2ĐT"].doc_type, got["1366/BYT-K2ĐT"].date) == ("cong_van", "2025-03-12")
    assert (got["1463/BYT-K2ĐT"].doc_type, got["1463/BYT-K2ĐT"].date) == ("cong_van", "2025-03-14")
    assert got["1463/BYT-K2ĐT"].issuer == "Bộ Y tế"          # no 'của …': the issuer's code in the symbol
    assert got["07/CT-TTg"].text.startswith("Chỉ thị số 07/CT-TTg ngày 14/3/2025 của Thủ tướng Chính phủ")


def test_seed_byt_documents_above_point_back():
    refs = references.extract(_read(SEEDS[0]), Header())
    above = [r for r in refs if r.text == "các văn bản nêu trên"]
    assert [r.id for r in above] == ["07/CT-TTg", "13/2025/TT-BYT", "1150/QĐ-BYT", "1366/BYT-K2ĐT", "1463/BYT-K2ĐT"]


def test_seed_byt_project_by_name():
    names = [r for r in references.extract(_read(SEEDS[0]), Header()) if r.id is None]
    assert any(r.doc_type == "de_an" and r.title.startswith("Đề án phát triển ứng dụng dữ liệu về dân cư")
               for r in names)


def test_seed_dongthap():
    refs = references.extract(_read(SEEDS[1]), Header())
    got = _by_id(refs)
    assert (got["04/CT-BYT"].doc_type, got["04/CT-BYT"].date, got["04/CT-BYT"].issuer) == \
        ("chi_thi", "2026-04-07", "Bộ trưởng Bộ Y tế")
    assert got["72-NQ/TW"].doc_type == "nghi_quyet"
    assert got["13/2025/TT-BYT"].doc_type == "thong_tu"
    nickname = got[None]
    assert (nickname.doc_type, nickname.title, nickname.text) == ("de_an", "Đề án 06/CP", "Đề án 06/CP")
    assert not any(r.id and "SYT-VP" in r.id for r in refs)          # its own number, left blank


# FORMAT.md §3 'Noise to normalise'
@pytest.mark.parametrize("text, ident", [
    ("Căn cứ Thông tư số 86 /2025/TT-BCA ngày 14/3/2025;", "86/2025/TT-BCA"),
    ("Thực hiện Công văn số 5958 /BYT-VPB ngày 12/3/2025;", "5958/BYT-VPB"),
    ("theo **Công văn số 5911 /BYT-VPB** ngày 12/3/2025", "5911/BYT-VPB"),
    ("Căn cứ Thông tư số 25/2013/TT-BLÐTBXH ngày 18/9/2013;", "25/2013/TT-BLĐTBXH"),
    ("Căn cứ Thông tư liên tịch số 07/2002/TTLT/BTC-BYT;", "07/2002/TTLT/BTC-BYT"),
    ("Thực hiện Công văn số 1366/BYT-\n\nK2ĐT ngày 12/3/2025", "1366/BYT-K2ĐT"),
    ("Căn cứ Quyết định số 1O5/QĐ-BYT ngày 12/3/2025", "105/QĐ-BYT"),
    ("Căn cứ Thông tư Số13/2025/TT-BYT ngày 06/6/2025", "13/2025/TT-BYT"),
    ("Căn cứ Thông tư số 13/2025/TT-BYTT ngày 06/6/2025", "13/2025/TT-BYT"),
    ("ỦY BAN NHÂN DÂN\nSố: †4/UBND-KTTH\nCăn cứ Công văn sô 28§6/STC-HCSN ngày 04/02/2025", "286/STC-HCSN"),
])
def test_noise(text, ident):
    assert [r.id for r in _refs(text)] == [ident]


@pytest.mark.parametrize("text, doc_type", [
    ("Căn cứ Quyết định số 1008/BYT-QĐ ngày 01/3/1995", "quyet_dinh"),      # old inverted order
    ("theo QĐ 3262/BYT-K2ĐT", "cong_van"),                                   # a công văn, whatever the label
    ("Quyết định số 769/TTg ngày 18/9/1997", "quyet_dinh"),
    ("Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025", "nghi_quyet"),
    ("Căn cứ Luật số 87/2025/QH15;", "luat"),
    ("Căn cứ Bộ luật Lao động số 45/2019/QH14;", "bo_luat"),
    ("theo Văn bản số 295/BTC-KBNN ngày 09/01/2025", "cong_van"),
    ("Thông tư số 282/2012/CV-THYH", "cong_van"),
    ("Kết luận số 123-KL/TW ngày 09/9/2025", "ket_luan"),
])
def test_doc_type_from_the_grammar_and_the_label(text, doc_type):
    assert [r.doc_type for r in _refs(text) if r.id] == [doc_type]


def test_full_citation_parts():
    text = ("Căn cứ Thông tư số 01/2019/TT-BYT ngày 01 tháng 3 năm 2019 của Bộ trưởng Bộ Y tế quy định việc "
            "thực hiện bảo hiểm y tế; Quyết định số 53/2023/QĐ-UBND ngày 17/11/2023 của UBND tỉnh Bà Rịa-Vũng Tàu "
            "ban hành quy định phân cấp;")
    a, b = _refs(text)
    assert (a.id, a.number, a.year, a.symbol, a.date, a.issuer) == \
        ("01/2019/TT-BYT", "01", 2019, "TT-BYT", "2019-03-01", "Bộ trưởng Bộ Y tế")
    assert a.title == "quy định việc thực hiện bảo hiểm y tế"
    assert a.text == "Thông tư số 01/2019/TT-BYT ngày 01 tháng 3 năm 2019 của Bộ trưởng Bộ Y tế"
    assert (b.id, b.date, b.issuer) == ("53/2023/QĐ-UBND", "2023-11-17", "UBND tỉnh Bà Rịa-Vũng Tàu")


@pytest.mark.parametrize("text, ident, doc_type, date, issuer, title", [
    ("Lệnh số 07/2003/L-CTN ngày 14-3-2003 của Chủ tịch nước", "07/2003/L-CTN", "lenh", "2003-03-14",
     "Chủ tịch nước", None),
    ("Quyết định số 12/QĐ-BYT ban hành ngày 12/3/2025 của Bộ Y tế", "12/QĐ-BYT", "quyet_dinh", "2025-03-12",
     "Bộ Y tế", None),
    ("văn bản số 31/VP-BCĐ ngày 28/3/2024 của Văn phòng Ban Chỉ đạo;", "31/VP-BCĐ", "cong_van", "2024-03-28",
     "Văn phòng Ban Chỉ đạo", None),
    ("Công văn số 3231/BYT-KCB ngày 27/5/2025 của Bộ Y tế (Cục Quản lý Khám, chữa bệnh) về việc tăng cường "
     "kiểm soát nhiễm khuẩn;", "3231/BYT-KCB", "cong_van", "2025-05-27", "Bộ Y tế", "tăng cường kiểm soát nhiễm khuẩn"),
    ("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng", "36-HD/VPTW", "huong_dan", "2018-04-03",
     "Văn phòng Trung ương Đảng", None),
    ("Quyết định số 546/QĐ-UBND ngày 01/3/2024 của Ủy ban nhân dân\ntỉnh Quảng Ngãi về việc phê duyệt danh mục;",
     "546/QĐ-UBND", "quyet_dinh", "2024-03-01", "Ủy ban nhân dân tỉnh Quảng Ngãi", "phê duyệt danh mục"),
])
def test_citation_forms(text, ident, doc_type, date, issuer, title):
    (r,) = _refs(text)
    assert (r.id, r.doc_type, r.date, r.issuer, r.title) == (ident, doc_type, date, issuer, title)


def test_party_symbol_does_not_name_its_issuer():
    (r,) = _refs("theo Nghị quyết số 72-NQ/TW;")
    assert (r.doc_type, r.issuer) == ("nghi_quyet", None)


def test_issuer_before_date():
    (r,) = _refs("Thực hiện Kế hoạch số 199/KH-BGDĐT của Bộ Giáo dục và Đào tạo (GDĐT) ngày 05 tháng 02 năm 2026 "
                 "về việc nghiên cứu mô hình phòng học STEM;")
    assert (r.issuer, r.date, r.title) == ("Bộ Giáo dục và Đào tạo", "2026-02-05", "nghiên cứu mô hình phòng học STEM")


@pytest.mark.parametrize("text", [
    "Ban hành kèm theo Quyết định này Mẫu số 01/BYT-KCB và Phụ lục II.",
    "theo quy định tại khoản 1/3 Điều 3 Quyết định này",
    "Điện thoại: 0934.575.477; Fax: 024/62732.",
    "hoàn thành chậm nhất vào ngày 30/9/2025.",
    "Mã ICD J09/J10 và mã số 12/ABC-XY.",
    "1/ Đề nghị các đơn vị khẩn trương thực hiện.",
    "Xem thêm tại https://vbpl.vn/TW/Pages/123/ABC-DEF",
    "đạt QCVN 01:2009/BYT về chất lượng nước; lúc 10:30/ST-KT",
    "Thông tư này có hiệu lực kể từ ngày 01/7/2026.",
])
def test_not_documents(text):
    assert [r for r in _refs(text) if r.id] == []


def test_own_number_excluded():
    text = ("BỘ Y TẾ\nSố: 1366/BYT-K2ĐT\nHà Nội, ngày 12 tháng 3 năm 2025\nThực hiện Công văn số 1000/BYT-K2ĐT;\n"
            "PHỤ LỤC\n(Kèm theo công văn số: 1366 /BYT-K2DT ngày 12 tháng 3 năm 2025)")
    assert [r.id for r in _refs(text)] == ["1000/BYT-K2ĐT"]
    header = Header(number="1366", symbol="BYT-K2ĐT")
    assert [r.id for r in _refs("Thực hiện Công văn số 1366/BYT-K2ĐT và số 1000/BYT-K2ĐT", header)] == \
        ["1000/BYT-K2ĐT"]


def test_a_laws_own_number_box():
    text = "QUỐC HỘI\nLuật số: 130/2025/QH15\nCăn cứ Hiến pháp;\nCăn cứ Nghị quyết số 203/2025/QH15;"
    assert [r.id for r in _refs(text)] == ["203/2025/QH15"]


def test_a_kind_of_paper_is_not_a_named_project():
    assert _refs("Tổ chức tín dụng nộp Đề án thành lập chi nhánh, trong đó phải có các nội dung sau") == ()


def test_another_register_with_the_same_number_counts():
    text = "SỞ Y TẾ\nSố: 05/SYT-NVY\nThực hiện Công văn số 05/SYT-NVD ngày 02/01/2018 của Sở Y tế;"
    assert [r.id for r in _refs(text)] == ["05/SYT-NVD"]


def test_annex_header_citing_another_document_counts():
    text = "Số: 12/KH-SYT\nPHỤ LỤC\n(Kèm theo Quyết định số 1150/QĐ-BYT ngày 03/4/2025 của Bộ Y tế)"
    assert [r.id for r in _refs(text)] == ["1150/QĐ-BYT"]


def test_forwarded_documents_are_not_read():
    text = "Gửi kèm Công văn số 1463/BYT-K2ĐT.\nBỘ Y TẾ\nSố: 1463/BYT-K2ĐT\nCăn cứ Thông tư số 13/2025/TT-BYT;"
    cut = text.index("BỘ Y TẾ")
    zones = (Zone("body", 0, cut), Zone("forwarded", cut, len(text)))
    assert [r.id for r in _refs(text, zones=zones)] == ["1463/BYT-K2ĐT"]


def test_database_note_in_brackets():
    text = "- Được quỹ BHYT chi trả; [Nội dung này được đính chính bởi Công văn 666/BYT-BH năm 2021]\n"
    assert _refs(text) == ()


def test_footnotes_in_brackets_are_the_documents_own():
    text = ("theo chỉ đạo của Tỉnh ủy [tại Chương trình số 51-CTr/TU ngày 09 tháng 02 năm 2018 về thực hiện "
            "Nghị quyết số 18-NQ/TW, ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương khóa XII]")
    assert [(r.id, r.doc_type, r.date) for r in _refs(text)] == [("51-CTr/TU", "chuong_trinh", "2018-02-09"),
                                                                 ("18-NQ/TW", "nghi_quyet", "2017-10-25")]


def test_upper_case_title_line():
    text = ("QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 "
            "CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03 THÁNG 9 NĂM 2019")
    a, b = _refs(text)
    assert (a.id, a.doc_type, a.date, a.issuer) == ("119-KH/TU", "ke_hoach", "2019-12-18", "BAN THƯỜNG VỤ TỈNH ỦY")
    assert (b.id, b.doc_type, b.date) == ("37-CT/TW", "chi_thi", "2019-09-03")


def test_short_forms_point_back():
    text = ("Căn cứ Chỉ thị số 04/CT-BYT ngày 07/4/2026 của Bộ trưởng Bộ Y tế; Thông tư số 13/2025/TT-BYT.\n"
            "1. Thực hiện Chỉ thị số 04 nêu trên và Thông tư số 13; Nghị định số 30 chưa được dẫn.")
    refs = _refs(text)
    short = [(r.text, r.id) for r in refs if r.span[0] > text.index("1. ")]
    assert short == [("Chỉ thị số 04", "04/CT-BYT"), ("Thông tư số 13", "13/2025/TT-BYT")]
    assert _by_id(refs)["04/CT-BYT"].date == "2026-04-07"


def test_the_document_above_points_back():
    text = ("Căn cứ Quyết định số 1150/QĐ-BYT ngày 03/4/2025 và Công văn số 1366/BYT-K2ĐT.\n"
            "Thực hiện Quyết định nêu trên và văn bản nêu trên.")
    assert [(r.text, r.id) for r in _refs(text)][2:] == [("Quyết định nêu trên", "1150/QĐ-BYT"),
                                                         ("văn bản nêu trên", "1366/BYT-K2ĐT")]


def test_later_mention_takes_the_full_citation_parts():
    text = "Căn cứ Chỉ thị số 04/CT-BYT ngày 07/4/2026 của Bộ trưởng Bộ Y tế;\n(Đính kèm Chỉ thị số 04/CT-BYT)"
    first, later = _refs(text)
    assert later.text == "Chỉ thị số 04/CT-BYT"
    assert (later.date, later.issuer) == (first.date, first.issuer) == ("2026-04-07", "Bộ trưởng Bộ Y tế")


def test_citations_by_name():
    text = ("Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;\nCăn cứ Luật Tổ chức chính quyền địa phương ngày "
            "19 tháng 6 năm 2015;\nthực hiện Luật Khám bệnh, chữa bệnh năm 2023 và Bộ luật Lao động; Đề án 06 và "
            "Đề án 06/CP.")
    refs = _refs(text)
    law = _by_id(refs)["15/2023/QH15"]
    assert (law.doc_type, law.title, law.text) == ("luat", "Luật Khám bệnh, chữa bệnh",
                                                   "Luật Khám bệnh, chữa bệnh số 15/2023/QH15")
    again = next(r for r in refs if r.text == "Luật Khám bệnh, chữa bệnh năm 2023")
    assert again.id == "15/2023/QH15"                 # the name it was first cited by, with its number
    names = [(r.doc_type, r.title, r.date) for r in refs if r.id is None]
    assert names == [("luat", "Luật Tổ chức chính quyền địa phương", "2015-06-19"),
                     ("bo_luat", "Bộ luật Lao động", None),
                     ("de_an", "Đề án 06", None),
                     ("de_an", "Đề án 06/CP", None)]


def test_issuer_in_a_title_in_capitals_stops_before_the_summary():
    # 12/NQ-CP (2023): its title cites the Politburo's resolution in capitals
    refs = _refs("NGHỊ QUYẾT\nTHỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ CHÍNH TRỊ VỀ PHƯƠNG "
                 "HƯỚNG, NHIỆM VỤ PHÁT TRIỂN THỦ ĐÔ HÀ NỘI\n")
    assert [(r.id, r.issuer) for r in refs] == [("15-NQ/TW", "BỘ CHÍNH TRỊ")]
