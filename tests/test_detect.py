"""Format detection from the leading bytes, whatever the file is called."""
from __future__ import annotations

import random

import pytest

from pipeline.errors import IngestError
from pipeline.ingest import detect, pdf, txt
from tests.conftest import FORMATS, SEEDS, VARIANTS
from tests.makers import zipped


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\r\n\x00junk from a mail gateway\n%PDF-1.4\n", "pdf"),      # junk before the header
    (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "doc"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
    (b"II*\x00\x08\x00\x00\x00", "image"),
    (b"MM\x00*\x00\x00\x00\x08", "image"),
    (b"<!DOCTYPE html>\n<html><body>", "html"),
    ("\ufeff  \n<html lang='vi'>".encode("utf-8"), "html"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
    (b"\n\n<div class='content'><p>Kinh gui</p></div>", "html"),
    (b"<P>S\xe1\xbb\x91: 12/BYT-KCB</P>", "html"),
    ("<html>".encode("utf-16"), "html"),
    ("Số: 12/BYT-KCB\nHà Nội, ngày 05 tháng 01 năm 2026\n".encode("utf-8"), "txt"),
    ("<Kính gửi> is not a tag".encode("utf-8"), "txt"),
])
def test_format_from_magic_bytes(data, expected):
    assert detect.format_of(data) == expected


def test_dev_files_are_told_apart_by_content():
    assert detect.format_of(SEEDS[0].read_bytes()) == "txt"
    assert detect.format_of((VARIANTS / "pdf" / "byt_hsba_2025.pdf").read_bytes()) == "pdf"
    assert detect.format_of((VARIANTS / "docx" / "byt_hsba_2025.docx").read_bytes()) == "docx"
    html = sorted(FORMATS.glob("*.html"))[0]
    assert detect.format_of(html.read_bytes()) == "html"


def test_backend_is_the_modules_read():
    assert detect.backend_for(b"%PDF-1.4\n") is pdf.read
    assert detect.backend_for("Kính gửi: Sở Y tế".encode("utf-8")) is txt.read


def test_zip_without_a_word_part_is_refused():
    with pytest.raises(IngestError, match="zip archive without a Word document"):
        detect.format_of(zipped("mimetype", "content.xml"))


def test_random_bytes_are_refused_whatever_the_name():
    with pytest.raises(IngestError, match="binary data"):
        detect.format_of(random.Random(11).randbytes(4096))


def test_damaged_zip_is_refused():
    with pytest.raises(IngestError, match="zip"):
        detect.format_of(b"PK\x03\x04" + b"\x00" * 40)


def test_missing_backend_module_is_an_ingest_error(monkeypatch):
    monkeypatch.setattr(detect, "format_of", lambda data: "no_such_format")
    with pytest.raises(IngestError, match="no reader for no_such_format"):
        detect.backend_for(b"anything")
