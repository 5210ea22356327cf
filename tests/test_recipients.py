"""Recipients: Kính gửi (to), Nơi nhận (cc, purpose expanded), Lưu (archive), on the seeds, dev documents and the
hard layouts of FORMAT.md §1 and §5."""
from __future__ import annotations

import pytest

from extractors import recipients
from extractors.recipients import purpose_of

from .conftest import RAW, gold
from .segmenter_cases import FORWARDED, INTERLEAVED, SIDE_BY_SIDE, STAMP, doc_of


def found(text: str) -> list[tuple[str, str, str | None]]:
    doc = doc_of(text)
    out = recipients.extract(doc)
    for r in out:      # a wrapped entry's name reads its line breaks as spaces; a glued abbreviation gains one
        assert "".join(r.name.split()) in "".join(doc.text[r.span[0]:r.span[1]].split())
    return [(r.role, r.name, r.purpose) for r in out]


def test_headerless_seed():
    got = found((RAW / "byt_hsba_2025.txt").read_text(encoding="utf-8"))
    assert got == [
        ("to", "Các Bệnh viện, viện có giường trực thuộc Bộ Y tế", None),
        ("to", "Các Sở Y tế tỉnh/thành phố trực thuộc Trung ương", None),
        ("to", "Các Bệnh viện trực thuộc các Trường/Đại học Y Dược", None),
        ("to", "Y tế các Bộ, Ngành", None),
        ("cc", "Bộ trưởng", "báo cáo"),
        ("cc", "Các UBND tỉnh/TP trực thuộc TW", "phối hợp"),
        ("cc", "Các Thứ trưởng BYT", "phối hợp"),
        ("cc", "Các Vụ, Cục, đơn vị của BYT: QLKCB, YDCT, BMTE, BHYT, PC, TTYQG", None),   # wrapped entry
        ("cc", "BHXHVN – Bộ TC", "phối hợp"),
        ("archive", "VT", None), ("archive", "K2ĐT", None),
    ]


def test_dong_thap_seed():
    got = found((RAW / "syt_dongthap_hsba_2026.txt").read_text(encoding="utf-8"))
    assert got == [("to", "Các đơn vị trực thuộc Sở Y tế", None), ("to", "Bệnh viện Quân dân y", None),
                   ("to", "Các bệnh viện tư nhân trên địa bàn tỉnh", None), ("cc", "BGĐ Sở", "báo cáo"),
                   ("cc", "Các phòng chuyên môn thuộc Sở", None), ("archive", "VP", None)]


def _unit(role: str, name: str) -> tuple[str, str]:
    """Archive holders compare by unit code, as scored: gold keeps some copy counts ('NGCBQLGD (05b)'), not all."""
    return role, name.split("(")[0].strip() if role == "archive" else name


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.txt")))
def test_dev_text_documents_agree_with_gold(name):
    expected = gold(name.split(".")[0]).get("recipients")
    if expected is None:
        pytest.skip("no recipients in gold")
    got = found((RAW / name).read_text(encoding="utf-8"))
    split = [(r["role"], part.strip()) for r in expected for part in r["name"].split(";") if part.strip()]
    assert [_unit(role, name) for role, name, _ in got] == [_unit(*r) for r in split]
    assert [p for _, _, p in got if p] == [r.get("purpose") for r in expected if r.get("purpose")]


def test_signature_lines_in_the_nơi_nhận_column_are_no_recipients():
    assert found(INTERLEAVED) == [("to", "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", None),
                                  ("cc", "Thứ trưởng Trần Văn A", "báo cáo"),
                                  ("archive", "VT", None), ("archive", "NV", None)]


def test_entries_sharing_a_line_and_the_typo_de():
    got = found(STAMP)
    assert ("cc", "UBND tỉnh", "báo cáo") in got and ("cc", "Cục Quản lý KCB", "báo cáo") in got
    assert [n for r, n, _ in got if r == "to"] == ["Các bệnh viện trong tỉnh",
                                                  "Trung tâm Y tế các huyện, thị xã, thành phố"]


def test_only_the_first_document_counts():
    assert found(FORWARDED) == [("to", "Các đơn vị trực thuộc", None), ("archive", "VT", None),
                                ("archive", "NVY", None)]


def test_side_by_side_footer():
    assert found(SIDE_BY_SIDE) == [
        ("to", "Sở Thông tin và Truyền thông", None), ("cc", "Bộ Thông tin và Truyền thông", "báo cáo"),
        ("cc", "CT, PCT UBND tỉnh", "báo cáo"), ("cc", "VPUB: CVP, PCVP, KTTH", None),
        ("archive", "VT", None), ("archive", "KGVX(bnt)", None)]


def test_pointers_back_are_not_recipients():
    got = found("Nơi nhận:\n- Như Điều 3;\n- Như Kính gửi;\n- Như trên;\n- Cổng TTĐT Bộ Y tế;\n- Lưu: VT, KCB.\n")
    assert got == [("cc", "Cổng TTĐT Bộ Y tế", None), ("archive", "VT", None), ("archive", "KCB", None)]


@pytest.mark.parametrize("note, purpose", [
    ("để b/c", "báo cáo"), ("b/c", "báo cáo"), ("đế b/c", "báo cáo"), ("b/cáo", "báo cáo"), ("Báo cáo", "báo cáo"),
    ("để p/h", "phối hợp"), ("ph/h", "phối hợp"), ("để t/h", "thực hiện"), ("để biết", "biết"),
    ("để chỉ đạo", "chỉ đạo"), ("để phối hợp chỉ đạo", "phối hợp chỉ đạo"), ("Bộ Tư pháp", None), ("LTH Yến", None),
])
def test_purpose_notes(note, purpose):
    assert purpose_of(note) == purpose


def test_nơi_nhận_printed_without_bullets():
    got = found("SỞ Y TẾ\nSố: 12/SYT-VP\nV/v họp giao ban\nKính gửi: Các bệnh viện.\nĐề nghị các bệnh viện dự họp./.\n"
                "Nơi nhận:\nNhư trên;\nGĐ Sở (b/c);\nLưu: VT, VP.\nGIÁM ĐỐC\nNguyễn Văn An\n")
    assert got == [("to", "Các bệnh viện", None), ("cc", "GĐ Sở", "báo cáo"), ("archive", "VT", None),
                   ("archive", "VP", None)]


def test_first_paragraph_run_into_the_kinh_gui_line():
    got = found("SỞ Y TẾ NINH BÌNH\nBỆNH VIỆN SẢN NHI\nSố: 126/BVSN-CNTT\nV/v báo giá thuê phần mềm\n"
                "Kính gửi: Các nhà cung cấp tại Việt Nam Bệnh viện Sản - Nhi tỉnh Ninh Bình đang có nhu cầu tiếp nhận "
                "báo giá để tham khảo, xây dựng giá gói thầu cho gói thầu thuê phần mềm.\n")
    assert got == [("to", "Các nhà cung cấp tại Việt Nam", None)]


def test_scanned_footer_without_its_label_and_marks_around_entries():
    got = found("SỞ Y TẾ\nSố: 2082/SYT-NVY\nV/v quản lý chất thải\nKính gửi: š 5 - Trưởng Phòng Y tế huyện;\n"
                "- Giám đốc các bệnh viện.\nĐề nghị các đơn vị thực hiện./.\nKT. GIÁM ĐỐC\n- Như trên;\n- BGĐ SYT;\n"
                "- l4\n- Lưu: VT, ntphong. Z 2>\nPHÓ GIÁM ĐỐC\nHà Văn Phúc\n")
    assert got == [("to", "Trưởng Phòng Y tế huyện", None), ("to", "Giám đốc các bệnh viện", None),
                   ("cc", "BGĐ SYT", None), ("archive", "VT", None), ("archive", "ntphong", None)]


# ---- held-out shapes ---------------------------------------------------------------------------------------------

def test_purpose_note_without_de_made_of_purpose_words():
    # 554/UBND-KT An Giang (2006)
    assert purpose_of("phối hợp TH") == "phối hợp thực hiện"
    assert purpose_of("Bộ Tư pháp") is None


def test_copy_count_with_drafter_and_a_file_path_after_the_luu_line():
    # 12/NQ-CP (2023) and 454/UBND-NCTH Hậu Giang (2011)
    head = "V/v phối hợp\nKính gửi: Sở Y tế\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n"
    got = found(head + "- Báo An Giang, Đài PT-TH An Giang (phối hợp TH);\n- Lưu: VT, QHĐP (3)Q.Cường.\n")
    assert got[-3:] == [("cc", "Báo An Giang, Đài PT-TH An Giang", "phối hợp thực hiện"), ("archive", "VT", None),
                        ("archive", "QHĐP", None)]
    got = found(head + "- Lưu: VT, NCTH.HH\n\nd:\\2011\\CV\\SVH\\T4\\Bau cho Vinh Ha Long\n\nKT. CHỦ TỊCH\n")
    assert got[-2:] == [("archive", "VT", None), ("archive", "NCTH.HH", None)]


def scanned_letter(to: str, cc: str) -> list[tuple[str, str, str | None]]:
    """A short công văn as OCR reads it, with the given Kính gửi and Nơi nhận blocks."""
    return found("SỞ Y TẾ\nSố: 20/SYT-NVY\nKiên Giang, ngày 5 tháng 10 năm 2017\n\nV/v báo cáo nhanh\n"
                 f"{to}\n\nSở Y tế đề nghị các đơn vị báo cáo.\n\n{cc}\n\nGIÁM ĐỐC\n")


@pytest.mark.parametrize("to, cc, expected", [
    # the first dash misread, the list label and a board abbreviation glued to its body
    ("Kính gửi:\n_Ắ. Trưởng Phòng Y tế huyện;\n- Giám đốc Trung tâm y tế dự phòng.",
     "Nơi nhân:\n- Như trên;\n- BGĐSYT;\n- Lưu: VT.",
     [("to", "Trưởng Phòng Y tế huyện"), ("to", "Giám đốc Trung tâm y tế dự phòng"), ("cc", "BGĐ SYT")]),
    # a closing ';' read as ':', a purpose note cut to its bracket, copies counted with a capital B
    ("Kính gửi: Các đơn vị trực thuộc.",
     "Nơi nhận:\n- Thường trực HĐND tỉnh:\n- Trường CĐYT Kiên Giang (\n- Lưu: VT, ntphong (02B).",
     [("cc", "Thường trực HĐND tỉnh"), ("cc", "Trường CĐYT Kiên Giang"), ("archive", "ntphong")]),
])
def test_ocr_slips_in_the_lists(to, cc, expected):
    got = scanned_letter(to, cc)
    assert all((role, name, None) in got for role, name in expected)
