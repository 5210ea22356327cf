"""Plain text: encodings, line ends, and files that only claim to be text."""
from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import IngestError
from pipeline.ingest import read
from pipeline.normalize import normalize
from pipeline.process import process_file
from tests.conftest import SEEDS, VARIANTS

SAMPLE = ("SỞ Y TẾ\nSố: 560/SYT-NVY\nĐồng Tháp, ngày 05 tháng 01 năm 2026\n"
          "V/v đẩy mạnh triển khai hồ sơ bệnh án điện tử\nKính gửi: Các bệnh viện trực thuộc.\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_is_read_as_utf8():
    raw = read(SEEDS[1])
    assert raw.format == "txt" and raw.encoding == "utf-8"
    assert raw.pages == (SEEDS[1].read_text(encoding="utf-8-sig").replace("\r\n", "\n"),)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_and_without_bom(tmp_path, codec):
    data = SAMPLE.encode(codec)
    raw = read(write(tmp_path, "note.txt", data))
    assert raw.encoding == "utf-16"
    assert raw.pages == (SAMPLE,)


def test_crlf_with_bom(tmp_path):
    data = b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode("utf-8")
    raw = read(write(tmp_path, "crlf.txt", data))
    assert raw.pages == (SAMPLE,) and raw.encoding == "utf-8"


def test_old_mac_line_ends(tmp_path):
    raw = read(write(tmp_path, "cr.txt", SAMPLE.replace("\n", "\r").encode("utf-8")))
    assert raw.pages == (SAMPLE,)


def test_windows_1258_gives_the_same_text_after_normalization(tmp_path):
    raw = read(write(tmp_path, "legacy.txt", _half_composed(SAMPLE).encode("cp1258")))
    assert raw.encoding == "cp1258"
    assert raw.pages[0] != SAMPLE                          # half-composed before normalization
    assert normalize(raw.pages)[0] == normalize((SAMPLE,))[0]


def _half_composed(text: str) -> str:
    """Each letter as cp1258 writes it: the base with its vowel mark precomposed, tone mark apart."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out)


def test_nfd_text_is_composed(tmp_path):
    raw = read(write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", SAMPLE).encode("utf-8")))
    text = normalize(raw.pages)[0]
    assert text == unicodedata.normalize("NFC", text)
    assert "Số: 560/SYT-NVY" in text.split("\n")


def test_form_feeds_split_pages(tmp_path):
    raw = read(write(tmp_path, "pages.txt", "Trang một\n\fTrang hai\n".encode("utf-8")))
    assert len(raw.pages) == 2 and raw.pages[1].startswith("Trang hai")


def test_random_binary_named_txt_is_refused(tmp_path):
    data = random.Random(7).randbytes(4096)
    with pytest.raises(IngestError, match="binary data"):
        read(write(tmp_path, "notes.txt", data))


def test_binary_with_few_nuls_is_refused(tmp_path):
    data = bytes(range(1, 32)) * 40 + "văn bản".encode("utf-8")
    with pytest.raises(IngestError, match="binary data"):
        read(write(tmp_path, "controls.txt", data))


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(IngestError, match="empty"):
        process_file(str(write(tmp_path, "empty.txt", b"")))


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    data = (VARIANTS / "pdf" / "syt_dongthap_hsba_2026.pdf").read_bytes()
    raw = read(write(tmp_path, "really_a_pdf.txt", data))
    assert raw.format == "pdf"
    assert "Kính gửi:" in normalize(raw.pages)[0]
