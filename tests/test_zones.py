"""The segmenter: NĐ 30/2020 zones on the seeds, dev documents and hand-made hard layouts (FORMAT.md §1)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import layout
from pipeline.zones import find_zones

from .conftest import RAW
from .segmenter_cases import FORWARDED, INTERLEAVED, SIDE_BY_SIDE, STAMP, doc_of


def zone_text(doc, kind: str) -> str:
    return doc.zone_text(kind).strip()


def read(name: str):
    return doc_of((RAW / name).read_text(encoding="utf-8"))


def test_headerless_seed_starts_at_kinh_gui():
    doc = read("byt_hsba_2025.txt")
    assert doc.zone("issuer") is None and doc.zone("number") is None
    assert zone_text(doc, "to").startswith("Kính gửi")
    assert zone_text(doc, "to").endswith("Y tế các Bộ, Ngành.")
    body = zone_text(doc, "body")
    assert body.startswith("(Sau đây gọi là các Đơn vị)")
    assert "Nơi nhận" not in body
    assert zone_text(doc, "cc").startswith("Nơi nhận") and zone_text(doc, "cc").endswith("Lưu: VT, K2ĐT.")


def test_dong_thap_seed_header_zones():
    doc = read("syt_dongthap_hsba_2026.txt")
    assert zone_text(doc, "issuer") == "SỞ Y TẾ"
    assert zone_text(doc, "number").replace(" ", "") == "Số:/SYT-VP"
    assert zone_text(doc, "place_date").split()[:3] == ["Đồng", "Tháp,", "ngày"]
    title = " ".join(zone_text(doc, "title").split())
    assert title == "V/v đẩy mạnh triển khai hồ sơ bệnh án điện tử tại các cơ sở khám bệnh, chữa bệnh"
    body = zone_text(doc, "body")
    assert body.startswith("Căn cứ Chỉ thị số 04/CT-BYT") and body.endswith("thực hiện./.")


@pytest.mark.parametrize("name", ["001_BYT_TT_01-2026-TT-BYT.txt", "307_BNV_TT_25-2025-TT-BNV.txt",
                                  "316_CP_NQ_13-NQ-CP_2026.txt"])
def test_body_lies_between_title_and_footer(name):
    doc = read(name)
    title, body, cc, sig = (doc.zone(k) for k in ("title", "body", "cc", "signature"))
    assert title.end <= body.start < body.end <= cc.start < sig.end
    assert zone_text(doc, "body").lstrip("_ \n").startswith("Căn cứ")
    assert zone_text(doc, "signature").startswith(("KT.", "TM."))


def test_annex_after_signature_stays_body_not_forwarded():
    doc = read("301_BYT_TT_55-2025-TT-BYT.txt")
    assert doc.zone("forwarded") is None
    annex = [z for z in doc.zones if z.kind == "body"][-1]
    assert annex.start >= doc.zone("signature").end
    assert "PHỤ LỤC I" in doc.text[annex.start:annex.end]


def test_forms_with_their_own_motto_in_an_annex_are_not_forwarded():
    doc = read("104_BYT_QD_3621-QD-BYT_2025.txt")      # Mẫu BM.09 repeats the national motto and Nơi nhận
    assert doc.zone("forwarded") is None
    assert zone_text(doc, "cc").endswith("Lưu: VT, YDCT.")


def test_interleaved_header_columns():
    doc = doc_of(INTERLEAVED)
    assert zone_text(doc, "number") == "Số: 123/KCB-NV"
    assert zone_text(doc, "place_date") == "Hà Nội, ngày 12 tháng 3 năm 2025"
    assert "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH" in zone_text(doc, "issuer")
    assert zone_text(doc, "body").startswith("Cục Quản lý Khám, chữa bệnh đề nghị")
    assert zone_text(doc, "signature").endswith("Nguyễn Văn Bình")


def test_stamp_first_is_kept_out_of_the_header():
    doc = doc_of(STAMP)
    assert zone_text(doc, "issuer").startswith("UBND TỈNH QUẢNG NGÃI")
    assert doc.zone("issuer").start > doc.text.index("Thời gian ký")
    assert zone_text(doc, "urgency") == "HỎA TỐC"


def test_forwarded_document_after_the_first_footer():
    doc = doc_of(FORWARDED)
    fwd = doc.zone("forwarded")
    assert fwd is not None and doc.text[fwd.start:].startswith("BỘ Y TẾ")
    assert fwd.start >= doc.zone("signature").end
    assert "1366/BYT-K2ĐT" not in zone_text(doc, "number")
    assert "Bộ trưởng (để b/c)" not in zone_text(doc, "cc")


def test_columns_side_by_side():
    doc = doc_of(SIDE_BY_SIDE)
    assert zone_text(doc, "number") == "Số: 507 /UBND-KGVX"
    assert zone_text(doc, "place_date") == "Quảng Ngãi, ngày 24 tháng 01 năm 2025"
    assert zone_text(doc, "to") == "Kính gửi: Sở Thông tin và Truyền thông"
    assert zone_text(doc, "signature").endswith("Phùng Tô Long")


def test_body_text_in_capitals_is_no_motto_and_quyet_nghi_no_signer():
    doc = doc_of("CHÍNH PHỦ\nSố: 13/NQ-CP\nHà Nội, ngày 16 tháng 01 năm 2026\nNGHỊ QUYẾT\nVề việc công bố\n"
                 "Căn cứ Luật Tổ chức Chính phủ;\nQUYẾT NGHỊ:\nĐiều 1. Công bố nước Cộng hòa xã hội chủ nghĩa Việt Nam.\n"
                 "Nơi nhận:\n- Lưu: VT.\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Minh Chính\n")
    assert zone_text(doc, "signature").startswith("TM. CHÍNH PHỦ")
    assert "QUYẾT NGHỊ" in zone_text(doc, "body")
    assert doc.zone("forwarded") is None


def test_cover_letter_without_footer_still_ends_at_the_forwarded_header():
    cover = FORWARDED.replace("Nơi nhận:\n- Như trên;\n- Lưu: VT, NVY.\nGIÁM ĐỐC\nPhạm Văn Dũng\n", "", 1)
    doc = doc_of(cover)
    assert doc.text[doc.zone("forwarded").start:].startswith("BỘ Y TẾ")
    assert doc.zone("cc") is None and "Bộ trưởng (để b/c)" not in zone_text(doc, "body")


def test_authority_line_above_the_content_is_no_signature():
    doc = doc_of("ỦY BAN NHÂN DÂN\nTHỊ TRẤN NGÃI GIAO\nSố: 142/QĐ-UBND\nNgãi Giao, ngày 29 tháng 3 năm 2024\n"
                 "QUYẾT ĐỊNH\nV/v phân công nhiệm vụ\nCHỦ TỊCH UBND THỊ TRẤN NGÃI GIAO\nCăn cứ Luật;\nQUYẾT ĐỊNH:\n"
                 "Điều 1. Phân công Ông Nguyễn Văn Sang.\nĐiều 2. Quyết định có hiệu lực từ ngày ký./.\n"
                 "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Xuân Quang\n")
    assert zone_text(doc, "signature") == "CHỦ TỊCH\nNguyễn Xuân Quang"
    assert zone_text(doc, "body").startswith("CHỦ TỊCH UBND") and zone_text(doc, "body").endswith("từ ngày ký./.")


# Header and footer cues in any order, with noise between: every zone must still be a span of the text.
CUES = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ Y TẾ", "Số: 12/", "/SYT-VP",
        "Hà Nội, ngày 12 tháng 3 năm 2025", "V/v", "QUYẾT ĐỊNH", "Về việc", "Kính gửi:", "- ", "Các Sở Y tế;",
        "Căn cứ", "Nơi nhận:", "Lưu: VT, K2ĐT.", "KT. BỘ TRƯỞNG", "./.", "\n", "   ", "Nguyễn Văn A", "KHẨN", "Ø2"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(CUES), st.text(max_size=8)), max_size=50).map("".join))
def test_zones_are_spans_of_the_text(text):
    for z in find_zones(text):
        assert 0 <= z.start <= z.end <= len(text), z


@given(st.text(alphabet=" \t\n\u2003\x1c*|-–:;,aĐ"))
def test_layout_clean_is_the_whitespace_rule_it_states(s):
    expected = re.sub(r"\s+", " ", s.replace("*", " ").replace("|", " ")).strip(" \t-–—_=:;,")
    assert layout.clean(s) == expected


@given(st.text(alphabet="aĐđǅⓐªA1 ."))
def test_is_upper_on_cased_and_uncased_letters(s):
    letters = [c for c in s if c.isalpha()]
    expected = len(letters) >= 2 and all(c.isupper() for c in letters if c.isupper() or c.islower())
    assert layout.is_upper(s) == expected
