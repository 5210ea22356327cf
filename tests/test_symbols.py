"""The số ký hiệu grammar (FORMAT.md §3) on its examples and its 'Noise to normalise' list."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.symbols import _LOOKALIKES, clean, find, parse_text, type_of_symbol, view


@pytest.mark.parametrize("written, ident, number, year, symbol, doc_type", [
    ("13/2025/TT-BYT", "13/2025/TT-BYT", "13", 2025, "TT-BYT", "thong_tu"),
    ("64/2025/QH15", "64/2025/QH15", "64", 2025, "QH15", "luat"),
    ("1150/QĐ-BYT", "1150/QĐ-BYT", "1150", None, "QĐ-BYT", "quyet_dinh"),
    ("1366/BYT-K2ĐT", "1366/BYT-K2ĐT", "1366", None, "BYT-K2ĐT", "cong_van"),
    ("5319/BYT-KH-TC", "5319/BYT-KH-TC", "5319", None, "BYT-KH-TC", "cong_van"),
    ("72-NQ/TW", "72-NQ/TW", "72", None, "NQ/TW", "nghi_quyet"),
    ("08-QĐi/TW", "08-QĐi/TW", "08", None, "QĐi/TW", "quy_dinh"),
    ("10494e/QLD-ĐK", "10494e/QLD-ĐK", "10494e", None, "QLD-ĐK", "cong_van"),
    ("05/2015/TTLT-BTP-BCA-BYT", "05/2015/TTLT-BTP-BCA-BYT", "05", 2015, "TTLT-BTP-BCA-BYT", "thong_tu_lien_tich"),
    ("04/VBHN-BYT", "04/VBHN-BYT", "04", None, "VBHN-BYT", "van_ban_hop_nhat"),
    ("180/Ctr-UBND", "180/Ctr-UBND", "180", None, "Ctr-UBND", "chuong_trinh"),
    # noise
    ("5958 /BYT-VPB", "5958/BYT-VPB", "5958", None, "BYT-VPB", "cong_van"),
    ("86 /2025/TT-BCA", "86/2025/TT-BCA", "86", 2025, "TT-BCA", "thong_tu"),
    ("155/2018/NĐ -CP", "155/2018/NĐ-CP", "155", 2018, "NĐ-CP", "nghi_dinh"),
    ("07/2002/TTLT/BTC-BYT", "07/2002/TTLT/BTC-BYT", "07", 2002, "TTLT/BTC-BYT", "thong_tu_lien_tich"),
    ("25/2013/TT-BLÐTBXH", "25/2013/TT-BLĐTBXH", "25", 2013, "TT-BLĐTBXH", "thong_tu"),
    ("13/2025/TT-BYTT", "13/2025/TT-BYT", "13", 2025, "TT-BYT", "thong_tu"),
    ("26/2025/TTBYT", "26/2025/TT-BYT", "26", 2025, "TT-BYT", "thong_tu"),
    ("130/QĐBYT", "130/QĐ-BYT", "130", None, "QĐ-BYT", "quyet_dinh"),
    ("95/2022/ND-CP", "95/2022/NĐ-CP", "95", 2022, "NĐ-CP", "nghi_dinh"),
    ("1O5/QĐ-BYT", "105/QĐ-BYT", "105", None, "QĐ-BYT", "quyet_dinh"),
    ("37-BYT/QĐ", "37-BYT/QĐ", "37", None, "BYT/QĐ", "quyet_dinh"),      # old inverted order
    ("01-TT/LB", "01-TT/LB", "01", None, "TT/LB", "thong_tu"),
    ("282/2012/CV-THYH", "282/2012/CV-THYH", "282", 2012, "CV-THYH", "cong_van"),
])
def test_parse_text(written, ident, number, year, symbol, doc_type):
    ns = parse_text(written)
    assert ns is not None
    assert (ns.id, ns.number, ns.year, ns.symbol, ns.doc_type) == (ident, number, year, symbol, doc_type)


@pytest.mark.parametrize("written", ["khoản 1/3", "14/3/2025", "Phụ lục II", "0934.575.477", "HIV/AIDS", "J09/J10"])
def test_not_a_number(written):
    assert parse_text(written) is None
    assert find(view(written)) == []


@pytest.mark.parametrize("text, ident, matched", [
    ("Thông tư số 43/2025/TT-BYTngày 15 tháng 11", "43/2025/TT-BYT", "43/2025/TT-BYT"),
    ("Công văn số 1366/BYT-\nK2ĐT ngày 12/3/2025", "1366/BYT-K2ĐT", "1366/BYT-\nK2ĐT"),
    ("**Số:** 5911 /**BYT-VPB**", "5911/BYT-VPB", "5911 /**BYT-VPB"),
    ("Thông tư Số13/2025/TT-BYT", "13/2025/TT-BYT", "13/2025/TT-BYT"),
    ("Thông báo số 342/TB-ĐHYDCT.ĐTSĐH ngày", "342/TB-ĐHYDCT.ĐTSĐH", "342/TB-ĐHYDCT.ĐTSĐH"),
    ("theo Công văn số 1366/BYT-Khoa học", "1366/BYT", "1366/BYT"),
    ("Quyết định số 769/TTg ngày 18/9/1997", "769/TTg", "769/TTg"),
    ("(Xem cụ thể trong TTLT 58/2015/TTLT-BYT- l\nBTNMT) ĩ", "58/2015/TTLT-BYT-BTNMT", "58/2015/TTLT-BYT- l\nBTNMT"),
    ("Căn cứ Luật đấu thầu số 43/2013/QH 13 ngày 26/11/2013", "43/2013/QH13", "43/2013/QH 13"),
    ("Thông tư số 48/201 7/TT-BYT ngày 28 tháng 12 năm 2017", "48/2017/TT-BYT", "48/201 7/TT-BYT"),
    ("Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012", "70-TB/TW", "70-TB/TW"),
    ("Quy định số 08-QĐi/TW ngày 25/10/2018", "08-QĐi/TW", "08-QĐi/TW"),
    ("Căn cứ Nghị định s20/2008/NĐ-CP ngày 14/02/2008", "20/2008/NĐ-CP", "20/2008/NĐ-CP"),
])
def test_find_in_running_text(text, ident, matched):
    found = find(view(text))
    assert [f.value.id for f in found] == [ident]
    assert text[found[0].start:found[0].end] == matched


def test_item_number_before_a_word_is_not_a_number():
    assert find(view("1/ Đề nghị các đơn vị")) == []


def test_view_keeps_offsets():
    text = "**Số:** 5911 /**BYT-VPB** – Ð"
    assert len(view(text)) == len(text)
    assert clean(" 5911 /**BYT-VPB**") == "5911/BYT-VPB"


@given(st.text(alphabet=st.sampled_from("".join(_LOOKALIKES) + "".join(_LOOKALIKES.values()) + "aĐ- \n")))
def test_view_replaces_as_one_translation(text):
    assert view(text) == text.translate(str.maketrans(_LOOKALIKES))


def test_type_of_symbol():
    assert type_of_symbol("BYT-K2ĐT") == "cong_van"
    assert type_of_symbol("QH15") == "luat"
    assert type_of_symbol("CĐ-TTg") == "cong_dien"
