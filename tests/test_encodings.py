"""Legacy encodings (FORMAT.md §6): the spec's own examples, the dev corpus TCVN3 / VNI renders, and
good Unicode text that must come through untouched."""
from __future__ import annotations

import html
import re
import unicodedata
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import encodings
from pipeline.encodings import font_encoding, repair
from pipeline.ingest.txt import decode
from tests.conftest import RAW, VARIANTS
from tests.retention import word_retention

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.mark.parametrize("shown, expected, encoding", [
    # FORMAT.md §6 table
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3"),
    ("Bé Y tÕ\nQuyÕt ®Þnh\nN¬i nhËn", "Bộ Y tế\nQuyết định\nNơi nhận", "tcvn3"),
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nBoä Y teá\nQuyeát ñònh",
     f"{MOTTO}\nBộ Y tế\nQuyết định", "vni"),
    ("Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam", MOTTO, "utf-8 read as cp1252"),
    ("C·ªông h√≤a x√£ h·ªôi ch·ªß nghƒ©a Vi·ªát Nam", MOTTO, "utf-8 read as macroman"),
    # duydev/vietnamese-conversion's test sentence
    ("Xin chµo c¸c b¹n", "Xin chào các bạn", "tcvn3"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn", "vni"),
    # TCVN3 'ư' is 0xAD, which Latin-1 shows as a soft hyphen
    ("Ng\u00adêi lao ®éng ph¶i ®\u00adîc tr¶ l\u00ad¬ng ®óng h¹n.", "Người lao động phải được trả lương đúng hạn.", "tcvn3"),
    ("Tr\u00adêng §¹i häc Y D\u00adîc", "Trường Đại học Y Dược", "tcvn3"),
])
def test_spec_examples(shown, expected, encoding):
    assert repair(shown) == (expected, encoding)


@pytest.mark.parametrize("shown, fonts, expected", [
    ("KHÈN", (".VnTimeH",), "KHẨN"),                     # .VnTimeH reuses the lower-case codes
    ("Bé Y tÕ", (".VnTimeH",), "BỘ Y TẾ"),
    ("Bé Y TÕ", (".VnTime",), "BỘ Y TẾ"),                 # capitals told by the plain letters
    ("Sè: 13/NQ-CP", (".VnTime",), "Số: 13/NQ-CP"),        # …but not by a symbol's capitals
    ("HÖ VN-2000", (".VnTime",), "Hệ VN-2000"),
    ("Sè: 02/2026/TT-BGD§T", (".VnTime",), "Số: 02/2026/TT-BGDĐT"),
    ("Tröôøng Ñaïi hoïc", ("VNI-Times",), "Trường Đại học"),
    ("Kýnh göûi", ("VNI-Helve",), "Kýnh gửi"),
    ("B\uf0e9 Y t\uf0d5", (".VnTime",), "Bộ Y tế"),         # codes kept in Word's symbol-font area
])
def test_font_hints(shown, fonts, expected):
    assert repair(shown, fonts)[0] == expected


def test_a_legacy_font_over_unicode_text_changes_nothing():
    # Unicode typed in a document whose style still names .VnTime
    assert repair("Kính gửi: Sở Y tế", (".VnTime",)) == ("Kính gửi: Sở Y tế", None)


@pytest.mark.parametrize("font, expected", [
    (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-upper"), (".VnArial", "tcvn3"), ('"\\.VnTimeH"', "tcvn3-upper"),
    ("VNI-Times", "vni"), ("Times New Roman", None), ("Arial", None),
])
def test_font_encoding(font, expected):
    assert font_encoding(font) == expected


def test_clean_dev_texts_pass_through_byte_identical():
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        assert repair(text) == (text, None), path.name


@pytest.mark.parametrize("text", [
    "Giá đỡ có độ dày thanh stent > 60µm.\nĐiều 2. Phạm vi",
    "§ 2. Phạm vi điều chỉnh\n© 2024 Công ty",
    "Bà Tô Thị Hà\nKính gửi: Sở Y tế tỉnh Đồng Tháp",      # a line of Latin-1 letters only
    "Hoà Bình\nHỏa tốc",
    "São Paulo, Curaçao, Ñandú",                           # foreign names with Latin-1 letters
])
def test_good_unicode_is_left_alone(text):
    assert repair(text) == (text, None)


def test_a_legacy_paragraph_inside_unicode_text_is_converted_alone():
    text = "Kính gửi: Sở Y tế\nC¸c ®¬n vÞ b¸o c¸o tr\u00adíc ngµy 15/5.\nTrân trọng."
    assert repair(text) == ("Kính gửi: Sở Y tế\nCác đơn vị báo cáo trước ngày 15/5.\nTrân trọng.", "tcvn3")


def _paragraphs(path) -> str:
    """The bare text of a .docx, without the font names that would give the encoding away."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return html.unescape("\n".join(re.sub("<[^>]+>", "", p) for p in re.findall(r"<w:p>.*?</w:p>", xml)))


@pytest.mark.parametrize("kind", ["tcvn3", "vni"])
def test_dev_renders_convert_without_font_hints(kind):
    renders = sorted((VARIANTS / kind).glob("*.docx"))
    assert renders
    for path in renders:
        fixed, encoding = repair(_paragraphs(path))
        source = (RAW / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
        assert encoding == kind, path.name
        assert word_retention(source, fixed) >= 0.98, path.name


@pytest.mark.parametrize("kind", ["tcvn3", "vni"])
def test_legacy_bytes_decoded_as_cp1258_are_reread(kind):
    """The text reader takes 8-bit bytes for Windows-1258; the repair reads them back."""
    path = VARIANTS / kind / "byt_hsba_2025.docx"
    text, codec = decode(_paragraphs(path).encode("cp1252"))
    assert codec == "cp1258"
    fixed, encoding = repair(text)
    assert encoding == kind
    assert word_retention((RAW / "byt_hsba_2025.txt").read_text(encoding="utf-8-sig"), fixed) >= 0.98


TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes as a Vietnamese Windows would write them: the tone mark as a combining
    code after a letter that cp1258 has ('ộ' = 'ô' + dot below)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + tone).encode("cp1258", errors="replace"))
    return b"".join(out)


def test_genuine_cp1258_text_is_not_mistaken_for_legacy():
    for path in sorted(RAW.glob("*.txt")):
        source = path.read_text(encoding="utf-8-sig")
        text, codec = decode(_cp1258(source))
        assert codec == "cp1258"
        assert repair(text) == (text, None), path.name
        # and pipeline.normalize's NFC then gives the Unicode text back
        assert unicodedata.normalize("NFC", text).splitlines()[:3] == unicodedata.normalize("NFC", source).splitlines()[:3]


def test_page_breaks_survive_so_pages_can_be_repaired_together():
    fixed, encoding = repair("Bé Y tÕ\fQuyÕt ®Þnh sè 12\f")
    assert fixed.split("\f") == ["Bộ Y tế", "Quyết định số 12", ""] and encoding == "tcvn3"


# --- the cheap test before the mojibake repair tries every run of non-ASCII characters ----------

@pytest.mark.parametrize("codec", ["cp1252", "mac_roman"])
def test_continuations_are_all_the_characters_that_read_back_as_continuation_bytes(codec):
    def byte(c):
        try:
            return encodings._byte(c, codec)
        except UnicodeEncodeError:
            return b""
    shown = {c for c in map(chr, range(0x80, 0x10000)) if len(byte(c)) == 1 and 0x80 <= byte(c)[0] <= 0xBF}
    assert set(encodings._continuations(codec)) == shown


def _shown(codec: str, raw: bytes) -> str:
    """Bytes as the codec shows them, a byte it leaves undefined as the C1 control _byte reads back."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in raw)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["cp1252", "mac_roman"]),
       st.text(st.characters(min_codepoint=0x80, max_codepoint=0xFFFF, blacklist_categories=("Cs",)), max_size=3),
       st.binary(max_size=3).map(lambda b: bytes(c | 0x80 for c in b)))
def test_a_run_that_reads_as_utf8_holds_a_lead_before_a_continuation(codec, letters, junk):
    # letters shown as mojibake (runs that do read back as UTF-8) or with stray bytes around (runs that mostly do not)
    for run in (_shown(codec, letters.encode("utf-8")), _shown(codec, junk + letters.encode("utf-8") + junk)):
        if run and any(c in encodings._UTF8_LEADS[codec] for c in run) and encodings._reencode(run, codec):
            assert encodings._UTF8_PAIRS[codec].search(run)
