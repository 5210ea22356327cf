"""The .docx reader: dev corpus renders against their source text, NĐ30 layout parts built here, and
hostile archives (no document part, zip bombs, XML entities, corruption)."""
from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import IngestError
from pipeline.ingest import docx
from pipeline.options import Options
from tests.conftest import FORMATS, RAW, VARIANTS
from tests.makers import W_NS, billion_laughs_docx, external_entity_docx, make_docx, para, run
from tests.retention import word_retention

DRAFT = FORMATS / "061_THPT-CaoLanh2_KH_58-KH-THPTCL2_2026.docx"


def read(data: bytes, options: Options = Options()):
    return docx.read(Path("test.docx"), data, options)


def cell(*lines: str) -> str:
    return "<w:tc>" + "".join(para(run(t)) for t in lines) + "</w:tc>"


def lines_of(raw) -> list[str]:
    """Non-blank lines, NFC as pipeline.normalize will make them."""
    return [unicodedata.normalize("NFC", line) for line in raw.pages[0].splitlines() if line.strip()]


# --- dev corpus -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, encoding", [("docx", "utf-8"), ("tcvn3", "tcvn3"), ("vni", "vni")])
def test_dev_renders_keep_the_source_words(kind, encoding):
    renders = sorted((VARIANTS / kind).glob("*.docx"))
    assert renders
    for path in renders:
        raw = docx.read(path, path.read_bytes(), Options())
        assert raw.format == "docx" and raw.encoding == encoding, path.name
        source = (RAW / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        assert word_retention(source, raw.pages[0]) >= 0.98, path.name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_draft_docx_matches_the_signed_pdf():
    signed = subprocess.run(["pdftotext", "-layout", str(RAW / f"{DRAFT.stem}.pdf"), "-"],
                            capture_output=True, check=True, text=True).stdout
    text = read(DRAFT.read_bytes()).pages[0]
    assert word_retention(signed, text) >= 0.95           # a draft: the signed copy may differ a little
    assert word_retention(text, signed) >= 0.95


def test_draft_header_table_reads_cell_by_cell():
    lines = lines_of(read(DRAFT.read_bytes()))
    assert lines[:6] == ["SỞ GDĐT TỈNH ĐỒNG THÁP", "TRƯỜNG THPT CAO LÃNH 2", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 58/KH-THPTCL2", "Đồng Tháp, ngày 15 tháng 4 năm 2026"]


# --- layout ------------------------------------------------------------------------------------

def test_nd30_header_table_each_cell_whole_then_body():
    table = ("<w:tbl><w:tr>" + cell("BỘ Y TẾ", "Số: 12/BYT-KH") + cell(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 02 tháng 3 năm 2026")
        + "</w:tr></w:tbl>")
    lines = lines_of(read(make_docx(table + para(run("V/v báo cáo")))))
    assert lines == ["BỘ Y TẾ", "Số: 12/BYT-KH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hà Nội, ngày 02 tháng 3 năm 2026", "V/v báo cáo"]


def test_header_footer_text_box_and_breaks():
    header = f'<w:hdr xmlns:w="{W_NS}">{para(run("Dự thảo"))}</w:hdr>'
    page_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    footer = f'<w:ftr xmlns:w="{W_NS}">{para(run("Trang "), page_field)}</w:ftr>'
    box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
           + para(run("HỎA TỐC")) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    body = (para(run("Kính gửi:"), box) + para(run("Các Sở Y tế"), "<w:r><w:br/></w:r>", run("Các Bệnh viện"))
            + para('<w:r><w:t>Tổng</w:t><w:tab/><w:t>3</w:t></w:r>')
            + para("<w:del><w:r><w:delText>đã xoá</w:delText></w:r></w:del>", run("còn lại")))
    lines = lines_of(read(make_docx(body, {"word/header1.xml": header, "word/header2.xml": header,
                                           "word/footer1.xml": footer})))
    assert lines == ["Dự thảo", "Kính gửi:", "HỎA TỐC", "Các Sở Y tế", "Các Bệnh viện", "Tổng\t3", "còn lại", "Trang"]


def test_legacy_fonts_run_by_run_and_from_styles():
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
              '<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style></w:styles>')
    body = (para(run("Céng hoµ x· héi chñ nghÜa ViÖt Nam"))                       # font from the Normal style
            + para(run("Bé Y tÕ", ".VnTimeH"), run(" - "), run("Kính gửi", "Times New Roman"))
            + para(run("Tröôøng Ñaïi hoïc", "VNI-Times"))
            + para(run("Kính gửi: Sở Y tế", ".VnTime")))                           # Unicode under an old font
    raw = read(make_docx(body, {"word/styles.xml": styles}))
    assert lines_of(raw) == ["Cộng hoà xã hội chủ nghĩa Việt Nam", "BỘ Y TẾ - Kính gửi", "Trường Đại học",
                             "Kính gửi: Sở Y tế"]
    assert raw.encoding == "tcvn3"


# --- hostile input -----------------------------------------------------------------------------

def test_zip_without_document_part():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/styles.xml", "<x/>")
    with pytest.raises(IngestError, match="no word/document.xml"):
        read(buf.getvalue())


def test_text_file_named_docx():
    with pytest.raises(IngestError, match="corrupt zip"):
        read("Kính gửi: các đơn vị\n".encode())


@pytest.mark.parametrize("cut", ["truncated", "flipped"])
def test_corrupt_zip(cut):
    data = bytearray(DRAFT.read_bytes())
    if cut == "truncated":
        data = data[: len(data) // 2]
    else:   # damage the deflate stream of word/document.xml, keep the directory intact
        info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for i in range(start + 100, start + 400):
            data[i] ^= 0x5A
    with pytest.raises(IngestError, match="corrupt"):
        read(bytes(data))


def test_zip_bomb_past_the_unpacked_limit():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>')
        zf.writestr("word/media/blank.bin", bytes(3 * 1024 * 1024))
    with pytest.raises(IngestError, match="zip bomb"):
        read(buf.getvalue(), Options(max_unpacked_bytes=2 * 1024 * 1024))


def test_zip_bomb_by_compression_ratio():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>')
        with zf.open("word/media/zeros.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(64):
                member.write(chunk)
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(IngestError, match="zip bomb"):
        read(buf.getvalue())


def test_member_lying_about_its_size():
    """A member that declares 100 bytes and holds more must not get through (nor be cut short silently)."""
    data = bytearray(make_docx(para(run("x" * 4000))))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    data[info.header_offset + 22:info.header_offset + 26] = (100).to_bytes(4, "little")     # local header
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(info.filename)] != info.filename.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24:central + 28] = (100).to_bytes(4, "little")                          # directory
    with pytest.raises(IngestError):
        read(bytes(data))


def test_external_entity_is_not_read():
    data = external_entity_docx("/etc/passwd")
    try:
        raw = read(data)
    except IngestError as e:
        assert "root:" not in str(e)
    else:
        assert "root:" not in raw.pages[0]


def test_billion_laughs():
    data = billion_laughs_docx()
    with pytest.raises(IngestError, match="unsafe XML"):
        read(data)


def test_automatic_list_numbers_are_written_out():
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="3">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
                 '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/>'
                 '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="4"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>')
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Khoan">'
              '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')

    def listed(text: str, num_id: int, level: int) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
                + run(text) + "</w:p>")

    body = (listed("Phạm vi", 1, 0) + '<w:p><w:pPr><w:pStyle w:val="Khoan"/></w:pPr>' + run("Sở Y tế") + "</w:p>"
            + listed("báo cáo", 1, 2) + listed("tổng hợp", 1, 2) + listed("Bệnh viện", 1, 1)
            + listed("Trách nhiệm", 1, 0) + listed("Tổ chức", 2, 0) + listed("Bỏ số", 0, 0))
    lines = lines_of(read(make_docx(body, {"word/numbering.xml": numbering, "word/styles.xml": styles})))
    assert lines == ["Điều 1. Phạm vi", "1. Sở Y tế", "a) báo cáo", "b) tổng hợp", "2. Bệnh viện",
                     "Điều 2. Trách nhiệm", "III. Tổ chức", "Bỏ số"]


def test_pictures_only_docx_asks_for_ocr():
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    raw = read(make_docx(para("<w:r><w:drawing/></w:r>"), {"word/media/image1.png": png}))
    assert raw.warnings == ("no text in the document: it holds images only and needs OCR",)
    assert not read(DRAFT.read_bytes()).warnings
