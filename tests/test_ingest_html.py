"""The HTML reader: rendered and real saved pages against the source text, layout, charsets and
legacy fonts, and input that is not a page."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import IngestError
from pipeline.ingest import html
from pipeline.options import Options
from tests.conftest import FORMATS, RAW, VARIANTS
from tests.retention import word_retention, words


def read(data: bytes):
    return html.read(Path("page.html"), data, Options())


def lines_of(raw) -> list[str]:
    return [unicodedata.normalize("NFC", line) for line in raw.pages[0].splitlines() if line.strip()]


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode("utf-8")


@pytest.mark.parametrize("folder", [VARIANTS / "html", FORMATS])
def test_pages_keep_the_source_words_and_add_none(folder):
    pages = sorted(folder.glob("*.html"))
    assert pages
    for path in pages:
        raw = html.read(path, path.read_bytes(), Options())
        source = (RAW / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        assert raw.format == "html", path.name
        assert word_retention(source, raw.pages[0]) >= 0.98, path.name
        # the portal's menus, breadcrumbs, tabs and footer stay out
        assert word_retention(raw.pages[0], source) >= 0.98, path.name


def test_rendered_page_without_script_and_menu():
    path = VARIANTS / "html" / "byt_hsba_2025.html"
    text = html.read(path, path.read_bytes(), Options()).pages[0]
    assert "không phải nội dung" not in text and "Trang chủ" not in text
    assert text.splitlines()[0].strip() == "Kính gửi:"


def test_portal_page_starts_with_the_document():
    path = FORMATS / "001_BYT_TT_01-2026-TT-BYT.html"
    lines = lines_of(html.read(path, path.read_bytes(), Options()))
    assert lines[:4] == ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Số: 01/2026/TT-BYT"]
    assert sum(words("\n".join(lines)).values()) < 1.02 * sum(words((RAW / f"{path.stem}.txt").read_text()).values())


def test_header_table_cells_blocks_and_breaks():
    body = ("<nav>Trang chủ</nav><header>Cổng thông tin</header><form><input value='Tìm'>Tìm kiếm</form>"
            "<table><tr><td><p>BỘ Y TẾ</p><p>Số: 12/BYT-KH<br>V/v báo cáo</p></td>"
            "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><u>Độc lập - Tự do - Hạnh phúc</u>"
            "<p><i>Hà Nội, ngày 02 tháng 3 năm 2026</i></p></td></tr></table>"
            "<p>Kính   gửi:\n các Sở Y tế</p><div style='display:none'>ẩn</div><ul><li>Một</li><li>Hai</li></ul>"
            "<footer>Bản quyền</footer><script>var a='x';</script>")
    assert lines_of(read(page(body))) == [
        "BỘ Y TẾ", "Số: 12/BYT-KH", "V/v báo cáo", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 02 tháng 3 năm 2026", "Kính gửi: các Sở Y tế", "Một", "Hai"]


def test_meta_charset_windows_1258():
    # 'Bộ Y tế' in cp1258: 'ô' + combining dot below, 'ê' + combining acute
    data = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
           b"<body><p>B\xf4\xf2 Y t\xea\xec</p></body></html>"
    raw = read(data)
    assert raw.encoding == "cp1258"
    assert unicodedata.normalize("NFC", raw.pages[0]) == "Bộ Y tế"


def test_utf16_with_bom():
    data = codecs.BOM_UTF16_LE + "<html><body><p>Độc lập - Tự do</p></body></html>".encode("utf-16-le")
    assert lines_of(read(data)) == ["Độc lập - Tự do"]


def test_tcvn3_page_in_a_vntime_font():
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1")
    data = (b"<html><head><style>p{font-family:'.VnTime'}</style></head><body><p>" + tcvn3 + b"</p></body></html>")
    raw = read(data)
    assert raw.pages[0] == "Cộng hoà xã hội chủ nghĩa Việt Nam" and raw.encoding == "tcvn3"


def test_vntime_font_over_few_telltales():
    # no telltale code at all: only the font name says TCVN3
    data = ('<html><head><meta charset="windows-1252"></head>'
            "<body><p><font face='.VnTime'>Bé Y tÕ</font></p></body></html>").encode("cp1252")
    assert lines_of(read(data)) == ["Bộ Y tế"]


def test_vni_page_without_charset():
    data = b"<html><body><p>" + "Tröôøng Ñaïi hoïc Y Döôïc".encode("cp1252") + b"</p></body></html>"
    raw = read(data)
    assert raw.pages[0] == "Trường Đại học Y Dược" and raw.encoding == "vni"


def test_utf8_page_labelled_windows_1252():
    data = page("<p>Cộng hòa xã hội chủ nghĩa Việt Nam</p>", head='<meta charset="windows-1252">')
    assert lines_of(read(data)) == ["Cộng hòa xã hội chủ nghĩa Việt Nam"]


@pytest.mark.parametrize("data", [b"", b"   \n "])
def test_empty_page_is_refused(data):
    with pytest.raises(IngestError):
        read(data)


def test_external_entity_is_not_read():
    data = (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<html><body><p>a &x; b</p></body></html>")
    assert "root:" not in read(data).pages[0]


def test_entity_bomb_is_not_expanded():
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    data = f'<?xml version="1.0"?><!DOCTYPE html [{entities}]><html><body><p>x &a9; y</p></body></html>'.encode()
    assert "haha" not in read(data).pages[0]


def test_layout_table_menu_cell_is_left_out():
    menu = "<td>" + "".join(f"<p>Mục {i}</p>" for i in range(5)) + "</td>"
    document = ("<td><table><tr><td><p>SỞ Y TẾ</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr></table>"
                + "".join(f"<p>Khoản {i}: các đơn vị báo cáo kết quả thực hiện về Sở Y tế đúng hạn.</p>" for i in range(8))
                + "</td>")
    lines = lines_of(read(page(f"<table><tr>{menu}{document}</tr></table>")))
    assert lines[:2] == ["SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] and len(lines) == 10


def test_legacy_fonts_element_by_element():
    head = ('<meta charset="utf-8"><style><!-- span.MsoVni {font-family:"VNI-Times", serif;} '
            'body {font-family: "Times New Roman"} --></style>')
    body = ("<p><span style=\"font-family:'.VnTimeH'\">Bé Y tÕ</span></p>"      # capitals from lower-case codes
            "<p>Kính gửi: các Sở Y tế</p>"
            "<p><span class='MsoVni'>Tröôøng Ñaïi hoïc</span> Y Dược</p>")
    assert lines_of(read(page(body, head))) == ["BỘ Y TẾ", "Kính gửi: các Sở Y tế", "Trường Đại học Y Dược"]


def test_page_font_set_on_the_body():
    data = ("<html><head><style>body{font-family:.VnTime}</style></head><body><div><p>Bé Y tÕ</p>"
            + "<p>Sè: 12/BYT-KH</p>" * 40 + "</div></body></html>").encode("cp1252")
    assert lines_of(read(data))[:2] == ["Bộ Y tế", "Số: 12/BYT-KH"]
