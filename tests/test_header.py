"""Header fields: the seeds and dev documents (expected values written out, and checked against gold), and the
hand-made hard layouts of FORMAT.md §1."""
from __future__ import annotations

import pytest

from extractors import header
from extractors.casing import sentence_case, subject_case, title_case
from pipeline.document import Document, Page
from pipeline.zones import find_zones

from .conftest import RAW, gold
from .segmenter_cases import FORWARDED, INTERLEAVED, SIDE_BY_SIDE, STAMP, doc_of


def head_of(text: str):
    return header.extract(doc_of(text))


def test_dong_thap_seed():
    h = head_of((RAW / "syt_dongthap_hsba_2026.txt").read_text(encoding="utf-8"))
    assert (h.issuer, h.number, h.symbol, h.doc_type) == ("Sở Y tế", None, "SYT-VP", "cong_van")
    assert (h.place, h.issued_date, h.year) == ("Đồng Tháp", "2026-04", 2026)
    assert h.subject == "Đẩy mạnh triển khai hồ sơ bệnh án điện tử tại các cơ sở khám bệnh, chữa bệnh"


def test_headerless_seed_has_no_header():
    h = head_of((RAW / "byt_hsba_2025.txt").read_text(encoding="utf-8"))
    assert (h.number, h.symbol, h.issuer, h.subject) == (None, None, None, None)


def test_thong_tu_with_kt_chain():
    h = head_of((RAW / "001_BYT_TT_01-2026-TT-BYT.txt").read_text(encoding="utf-8"))
    assert (h.issuer, h.number, h.symbol, h.year, h.doc_type) == ("Bộ Y tế", "01", "TT-BYT", 2026, "thong_tu")
    assert (h.place, h.issued_date) == ("Hà Nội", "2026-01-09")
    assert h.subject.startswith("Ban hành danh mục mua sắm tập trung cấp quốc gia")
    assert (h.signer, h.signer_title) == ("Đỗ Xuân Tuyên", "Thứ trưởng")


def test_cong_van_with_number_and_vv_on_one_line():
    h = head_of((RAW / "101_BYT_CV_627-BYT-BH_2021.txt").read_text(encoding="utf-8"))
    assert (h.number, h.symbol, h.doc_type, h.issued_date) == ("627", "BYT-BH", "cong_van", "2021-01-27")
    assert h.subject == "Hướng dẫn thực hiện một số quy định tại Điều 22 Luật BHYT"


def test_tm_kt_chain_signer():
    h = head_of((RAW / "316_CP_NQ_13-NQ-CP_2026.txt").read_text(encoding="utf-8"))
    assert (h.issuer, h.doc_type, h.symbol) == ("Chính phủ", "nghi_quyet", "NQ-CP")
    assert (h.signer, h.signer_title) == ("Hồ Đức Phớc", "Phó Thủ tướng")


TXT = sorted(p.name for p in RAW.glob("*.txt"))


@pytest.mark.parametrize("name", TXT)
def test_dev_text_documents_agree_with_gold(name):
    expected = gold(name.split(".")[0])["header"]
    h = head_of((RAW / name).read_text(encoding="utf-8"))
    for field in ("number", "symbol", "doc_type", "issued_date", "place"):
        if field in expected:
            assert getattr(h, field) == expected[field], field
    if expected.get("issuer"):
        assert h.issuer.lower() == expected["issuer"].lower()


def test_interleaved_header():
    h = head_of(INTERLEAVED)
    assert (h.issuer, h.parent_issuer) == ("Cục Quản lý khám, chữa bệnh", "Bộ Y tế")
    assert (h.number, h.symbol, h.doc_type, h.place, h.issued_date) == ("123", "KCB-NV", "cong_van", "Hà Nội",
                                                                        "2025-03-12")
    assert h.subject == "Tăng cường công tác phòng chống dịch bệnh mùa hè"
    assert (h.signer, h.signer_title) == ("Nguyễn Văn Bình", "Phó Cục trưởng")     # 'ThS.' is no part of the name


def test_stamp_first_blank_number_and_day_urgency():
    h = head_of(STAMP)
    assert (h.issuer, h.parent_issuer) == ("Sở Y tế", "UBND tỉnh Quảng Ngãi")
    assert (h.number, h.symbol, h.issued_date, h.urgency) == (None, "SYT-NVY", "2026-04", "hoa_toc")
    assert (h.signer, h.signer_title) == ("Lê Văn Cường", "Phó Giám đốc")


def test_forwarded_document_does_not_leak_into_the_header():
    h = head_of(FORWARDED)
    assert (h.number, h.symbol, h.signer) == ("560", "SYT-NVY", "Phạm Văn Dũng")


def test_side_by_side_columns_tl_kt_chain():
    h = head_of(SIDE_BY_SIDE)
    assert (h.issuer, h.number, h.symbol, h.place) == ("Ủy ban nhân dân tỉnh Quảng Ngãi", "507", "UBND-KGVX",
                                                       "Quảng Ngãi")
    assert h.subject == "Góp ý dự thảo Quyết định sửa đổi, bổ sung Quyết định số 2269/QĐ-TTg"
    assert (h.signer, h.signer_title) == ("Phùng Tô Long", "Phó Chánh Văn phòng")


def test_type_line_wins_over_vv_and_normative_symbol_keeps_its_year_apart():
    h = head_of("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 05/2025/QĐ-UBND\nCao Bằng, ngày 05 tháng 01 năm 2025\n"
                "QUYẾT ĐỊNH\nV/v ban hành quy chế\nCăn cứ Luật;\n")
    assert (h.number, h.year, h.symbol, h.doc_type) == ("05", 2025, "QĐ-UBND", "quyet_dinh")
    assert h.subject == "Ban hành quy chế"


def test_party_number_and_subject_in_capitals():
    h = head_of("ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\nSố 72-NQ/TW\nHà Nội, ngày 09 tháng 9 năm 2025\n"
                "NGHỊ QUYẾT\nVỀ MỘT SỐ GIẢI PHÁP ĐỘT PHÁ\nCăn cứ Điều lệ Đảng;\n")
    assert (h.number, h.symbol, h.doc_type) == ("72", "NQ/TW", "nghi_quyet")
    assert h.subject == "Về một số giải pháp đột phá"


@pytest.mark.parametrize("printed, expected", [
    ("SỞ Y TẾ", "Sở Y tế"), ("UBND TỈNH QUẢNG NGÃI", "UBND tỉnh Quảng Ngãi"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"), ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo"), ("TRƯỜNG THPT CAO LÃNH 2", "Trường THPT Cao Lãnh 2"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("SỞ GDĐT TỈNH ĐỒNG THÁP", "Sở GDĐT tỉnh Đồng Tháp"),
    ("BẢO HIỂM XÃ HỘI TP.HỒ CHÍ MINH", "Bảo hiểm xã hội TP.Hồ Chí Minh"),
    ("THÀNH ỦY CAO LÃNH", "Thành ủy Cao Lãnh"), ("TỈNH ĐOÀN ĐỒNG THÁP", "Tỉnh đoàn Đồng Tháp"),
    ("TRẠM Y TẾ XÃ AN BÌNH", "Trạm Y tế xã An Bình"),
    ("VĂN PHÒNG CHÍNH PHỦ - BỘ NỘI VỤ", "Văn phòng Chính phủ - Bộ Nội vụ"),
])
def test_issuer_casing(printed, expected):
    assert sentence_case(printed) == expected


def test_title_casing():
    assert title_case("PHÓ CHÁNH VĂN PHÒNG") == "Phó Chánh Văn phòng"
    assert title_case("THỨ TRƯỞNG THƯỜNG TRỰC") == "Thứ trưởng Thường trực"


def test_type_name_run_into_the_summary_and_a_date_without_place():
    h = head_of("BỆNH VIỆN SẢN NHI Số: 126/TB-BVSN\n*ngày 18 tháng 3 năm 2026*\n"
                "THÔNG BÁO Kết luận của Giám đốc về công tác\nCăn cứ Luật;\n")
    assert (h.issuer, h.number, h.doc_type) == ("Bệnh viện Sản nhi", "126", "thong_bao")
    assert (h.place, h.issued_date) == (None, "2026-03-18")
    assert h.subject == "Kết luận của Giám đốc về công tác"


def test_header_typed_in_its_own_case_as_a_styled_docx_gives_it():
    h = head_of("Sở Y tế\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-SYT\n"
                "Quảng Ngãi, ngày 3 tháng 4 năm 2026\nQuyết định\nVề việc ban hành quy chế làm việc\nCăn cứ Luật;\n")
    assert (h.issuer, h.doc_type, h.number, h.issued_date) == ("Sở Y tế", "quyet_dinh", "12", "2026-04-03")
    assert h.subject == "Về việc ban hành quy chế làm việc"


def test_scanner_garbled_number_and_day_keep_what_can_be_read():
    h = head_of("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: Ø2/CT-UBND\nQuảng Ngãi, ngày/1} tháng 9 năm 2024\n"
                "CHỈ THỊ\nVề việc tăng cường an toàn cầu\nCăn cứ Luật;\n")
    assert (h.symbol, h.place, h.issued_date, h.doc_type) == ("CT-UBND", "Quảng Ngãi", "2024-09", "chi_thi")


def test_wrapped_vv_whose_last_line_ends_with_a_full_stop():
    h = head_of("SỞ Y TẾ\nSố: 01/SYT-NVD\nKiên Giang, ngày 02 tháng 01 năm 2018\n"
                "V/v báo cáo tình hình thực hiện gói thầu\ncung ứng thuốc năm 2016-2017.\n\nKính gửi: Các bệnh viện.\n")
    assert h.subject == "Báo cáo tình hình thực hiện gói thầu cung ứng thuốc năm 2016-2017"


def test_signature_column_read_before_nơi_nhận_with_stray_marks():
    h = head_of("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 507/UBND-KGVX\nV/v góp ý dự thảo\nKính gửi: Sở Tài chính\n"
                "UBND tỉnh đề nghị Sở Tài chính báo cáo./.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nKT.\nPHÓ CHÁNH VĂN PHÒNG\n"
                "Phùng Tô Long h5\nNơi nhận:\n- Như trên;\n- Lưu: VT, KGVX.\n")
    assert (h.signer, h.signer_title) == ("Phùng Tô Long", "Phó Chánh Văn phòng")


def test_secrecy_and_urgency_stamps_are_no_part_of_the_issuer():
    h = head_of("BỘ Y TẾ\nCỤC QUẢN LÝ DƯỢC\nMẬT\nTHƯỢNG KHẨN\nSố: 2450/QLD-ĐK\nHà Nội, ngày 05 tháng 02 năm 2026\n"
                "V/v thu hồi thuốc\nKính gửi: Sở Y tế các tỉnh, thành phố.\n")
    assert (h.issuer, h.parent_issuer, h.urgency) == ("Cục Quản lý dược", "Bộ Y tế", "thuong_khan")


@pytest.mark.parametrize("number_line", ["Số: 42 %É/SYT-NVY", "Số:.2.2J /SYT-NVY", "Số:/(x› /SYT-NVY"])
def test_unreadable_number_still_gives_the_symbol(number_line):
    # handwritten numbers read as marks, maybe with a stray slash or a space before the symbol's
    h = head_of(f"UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\n{number_line}\nKiên Giang. ngày 12 tháng 10 năm 2017\n"
                "V/v thu thập thông tin\nKính gửi: Các đơn vị.\n")
    assert (h.number, h.symbol, h.place, h.issued_date) == (None, "SYT-NVY", "Kiên Giang", "2017-10-12")


def test_cong_van_summary_written_ve_viec_without_vv():
    h = head_of("SỞ Y TẾ\nSố: 560/SYT-NVY\nĐồng Tháp, ngày 05 tháng 5 năm 2026\n"
                "Về việc triển khai tiêm chủng mở rộng\nKính gửi: Các trung tâm y tế.\n")
    assert (h.doc_type, h.subject) == ("cong_van", "Về việc triển khai tiêm chủng mở rộng")


# ---- held-out shapes: narrow table cells wrap the header boxes (thuvienphapluat-style text copies) ----------------

_WRAPPED = """ỦY
BAN NHÂN DÂN
TỈNH QUẢNG NAM
--------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
14/2007/QĐ-UBND
|
Tam
Kỳ, ngày 19 tháng 6 năm 2007
|
KẾ HOẠCH
TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2019 -
2020
Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;
"""


def test_wrapped_issuer_place_and_year_of_the_summary():
    h = head_of(_WRAPPED)
    assert (h.issuer, h.parent_issuer) == ("Ủy ban nhân dân tỉnh Quảng Nam", None)
    assert (h.number, h.symbol, h.place, h.issued_date) == ("14", "QĐ-UBND", "Tam Kỳ", "2007-06-19")
    assert h.subject == "Triển khai các giải pháp phòng, chống hạn hán mùa khô năm 2019 - 2020"


@pytest.mark.parametrize("place", ["Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm"])
def test_hyphenated_place(place):
    h = head_of(f"ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 55/QĐ-UBND\n{place}, ngày 05 tháng 3 năm 2007\n"
                "QUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n")
    assert (h.place, h.issued_date) == (place, "2007-03-05")


def test_summary_in_capitals_opening_with_thuc_hien():
    # KH 62/KH-UBND Tuyên Quang (2021): 'THỰC HIỆN' in capitals is the trích yếu, not the content's opener.
    h = head_of("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 62/KH-UBND\nTuyên Quang, ngày 28 tháng 4 năm 2021\n\n"
                "KẾ HOẠCH\n\nTHỰC HIỆN ĐỀ ÁN TRỒNG 1 TỶ CÂY XANH CỦA CHÍNH PHỦ, GIAI ĐOẠN 2021 - 2025\n\n"
                "Căn cứ Luật Lâm nghiệp năm 2017;\n")
    assert h.doc_type == "ke_hoach"
    assert h.subject.lower() == "thực hiện đề án trồng 1 tỷ cây xanh của chính phủ, giai đoạn 2021 - 2025"


def test_number_with_a_doubled_separator():
    # QĐ 1281 of UBND tỉnh Hà Tĩnh (2014) prints 'Số: 1281/-UBND'.
    h = head_of("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 1281/-UBND\nHà Tĩnh, ngày 13 tháng 05 năm 2014\n"
                "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH\n")
    assert (h.number, h.symbol, h.doc_type, h.issued_date) == ("1281", "UBND", "quyet_dinh", "2014-05-13")


@pytest.mark.parametrize("parent, body, expected", [
    ("ĐẢNG BỘ TỈNH ĐỒNG THÁP", "THÀNH ỦY CAO LÃNH", ("Thành ủy Cao Lãnh", "Đảng bộ tỉnh Đồng Tháp")),
    ("UBND HUYỆN THANH BÌNH", "TRẠM Y TẾ XÃ AN BÌNH", ("Trạm Y tế xã An Bình", "UBND huyện Thanh Bình")),
])
def test_body_under_its_parent(parent, body, expected):
    h = head_of(f"{parent}\n{body}\nSố: 120/TYT\nCao Lãnh, ngày 15 tháng 3 năm 2024\nV/v tổ chức sinh hoạt\n"
                "Kính gửi: Các đơn vị\n")
    assert (h.issuer, h.parent_issuer) == expected


def test_quoted_words_of_a_summary_in_capitals_are_no_abbreviations():
    # KH 54/KH-UBND Lạng Sơn (2020), QĐ 186/QĐ-UBND An Giang (2018)
    assert subject_case("THỰC HIỆN CHƯƠNG TRÌNH “CHĂM SÓC DINH DƯỠNG” ĐẾN NĂM 2025") == \
        "Thực hiện chương trình “chăm sóc dinh dưỡng” đến năm 2025"


def test_city_place_and_a_summary_going_on_after_a_blank_line():
    # QĐ 1750/QĐ-UBND TP. Hồ Chí Minh (2024); TT 08/2004/TT-BNV as a web copy prints it
    h = head_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 1750/QĐ-UBND\n"
                "Thành phố Hồ Chí Minh, ngày 20 tháng 5 năm 2024\n\nTHÔNG TƯ\n\n"
                "Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP ngày 10/10/2003\n\n"
                "của Chính phủ về chế độ công chức dự bị\n\nThi hành Nghị định số 115/2003/NĐ-CP, hướng dẫn như sau:\n")
    assert (h.place, h.issued_date) == ("Thành phố Hồ Chí Minh", "2024-05-20")
    assert h.subject == "Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP ngày 10/10/2003 của Chính phủ về chế độ công chức dự bị"


def test_garbled_vv_makes_a_cong_van_over_a_forwarded_type_line():
    # OCR reads 'V/v' as 'WW'; the forwarded Thông tư's type line below Kính gửi names another document
    h = head_of("SỞ Y TẾ\nSố: 18/SYT-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKiên Giang, ngày 5 tháng 1 năm 2018\n\n"
                "WW triển khai Thông tư số 48/2017/TT-BYT\nKính gửi:\n- Giám đốc các bệnh viện;\n"
                "Sở Y tế nhận được Thông tư số 48/2017/TT-BYT của Bộ Y tế.\n\nTHÔNG TƯ\n"
                "Quy định trích chuyển dữ liệu điện tử\n")
    assert (h.doc_type, h.subject) == ("cong_van", "Triển khai Thông tư số 48/2017/TT-BYT")


def test_label_with_one_letter_misread_still_ends_the_summary():
    h = head_of("SỞ Y TẾ\nSố: 11/SYT-GAVI\nKiên Giang, ngày 03 tháng 03 năm 2017\n\n"
                "V/v đẩy nhanh tiến độ giám sát\nKính gửt: - Các Trung tâm Y tế huyện\n\nCăn cứ Quyết định số 5.\n")
    assert h.subject == "Đẩy nhanh tiến độ giám sát"


def test_type_line_with_its_summary_in_capitals_is_no_part_of_the_issuer():
    # the number line is unreadable, so only the type name can end the issuer column
    h = head_of("SỞ Y TẾ HÀ NỘI\nTRUNG TÂM Y TẾ MÊ LINH\nSố:/(x› 7\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Mê Linh, ngày 7 tháng 8 năm 2018.\n\nBÁO CÁO NỘI DUNG GIAO BAN\nCÔNG TÁC DÂN SỐ THÁNG 8 NĂM 2018\n"
                "1. Kết quả thực hiện công tác dân số tháng 7 năm 2018\n")
    assert (h.issuer.lower(), h.parent_issuer.lower(), h.doc_type) == ("trung tâm y tế mê linh", "sở y tế hà nội", "bao_cao")
    assert h.subject == "Nội dung giao ban công tác dân số tháng 8 năm 2018"


def test_summary_wrapped_before_its_year_keeps_the_year_line():
    # as the OCR reader hands it over: lines unjoined
    text = ("SỞ Y TẾ\nSố: 1020/SYT-NVY\nKiên Giang, ngày 5 tháng 10 năm 2017\n\n"
                "V/v báo cáo nhanh hoạt động ngành Răng Hàm Mặt năm\n2017 (Lần 2)\nKính gửi: Các đơn vị.\n")
    h = header.extract(Document(path="case.pdf", doc_id="test", format="pdf", text=text,
                                pages=(Page(1, 0, len(text)),), zones=find_zones(text), ocr_pages=(1,)))
    assert h.subject == "Báo cáo nhanh hoạt động ngành Răng Hàm Mặt năm 2017 (Lần 2)"
