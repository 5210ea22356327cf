"""Plain text and PDF text layers in legacy font encodings are converted on ingest; good Unicode is left alone."""
from pathlib import Path

from pipeline import ingest

from .conftest import RAW, SEEDS

TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nBé Y tÕ\n"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nBoä Y teá\n"


def test_tcvn3_text_file_is_converted(tmp_path: Path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(TCVN3.encode("cp1252"))
    raw = ingest.read(f)
    assert raw.encoding == "tcvn3"
    assert raw.pages[0].splitlines() == ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Bộ Y tế"]


def test_vni_text_file_is_converted(tmp_path: Path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(VNI.encode("cp1252"))
    raw = ingest.read(f)
    assert raw.encoding == "vni"
    assert raw.pages[0].splitlines()[1] == "Bộ Y tế"


def test_unicode_seed_is_untouched():
    for seed in SEEDS:
        raw = ingest.read(seed)
        assert raw.encoding == "utf-8"
        assert "\n".join(raw.pages) == seed.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
