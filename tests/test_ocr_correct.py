"""OCR post-correction and header column order, on hand-made OCR output (no Tesseract needed)."""
from __future__ import annotations

import pytest

from pipeline.ingest.ocr_correct import correct
from pipeline.ingest.ocr_layout import page_text


@pytest.mark.parametrize("ocr, right", [
    ("Só: 1366 /BYT-K2ĐÐT", "Số: 1366/BYT-K2ĐT"),
    ("S6; 05/BNV-VP", "Số: 05/BNV-VP"),
    ("Số: 26 /§SYT-TCCB", "Số: 26/SYT-TCCB"),
    ("Số: 406//BVPS", "Số: 406/BVPS"),
    (".. UBNDTỈNH KIÊN GIANG\n. SỞ Y TẾ\n: Kính gửi: -\n- Như trên;", "UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\nKính gửi:\n- Như trên;"),
    ("V/v báo cáo số lượng __", "V/v báo cáo số lượng"),
    ("Thông tư số 57/2024/TT- BYT ngày 31/12/2024", "Thông tư số 57/2024/TT-BYT ngày 31/12/2024"),
    ("năm 2O25", "năm 2025"),
    ("Kinh gửi: Giám đôc Sở Y tê", "Kính gửi: Giám đốc Sở Y tế"),
    ("Noi nhận:\n- Như trên;", "Nơi nhận:\n- Như trên;"),
    ("SỞ Y TÉ", "SỞ Y TẾ"),
    ("KÉ HOẠCH", "KẾ HOẠCH"),
    ("CỘNG HÒA XÃ HỘI CHU NGHIA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ðiều 1. tô\nchức triên khai", "Điều 1. tổ\nchức triển khai"),
    ("quy định chỉ tiết về chỉ phí", "quy định chi tiết về chi phí"),
    ("1, Thực hiện nghiêm các quy định; - : --", "1. Thực hiện nghiêm các quy định;"),
    ("- Như trên;\n-BGĐSYT;\n-- Lưu: VT.", "- Như trên;\n- BGĐSYT;\n- Lưu: VT."),
    ("NỘI DUNG GIÁO BẠN CÔNG TÁC DẪN SÓ", "NỘI DUNG GIAO BAN CÔNG TÁC DÂN SỐ"),
    ("__—2. Mã số đào tạo:\n_a) Trung tâm", "2. Mã số đào tạo:\na) Trung tâm"),
    ("- L:VT,ntphong (02B):", "- Lưu: VT,ntphong (02B):"),
    ("Lưu VT.pxphong.", "- Lưu: VT, pxphong."),
    ("- Lưu VT, NVD.", "- Lưu: VT, NVD."),
])
def test_known_slips_are_set_right(ocr, right):
    assert correct(ocr) == right


@pytest.mark.parametrize("text", [
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",          # both placements of the mark are in use
    "Thủ tướng Chính phủ chỉ đạo các Bộ, ngành: - UBND tỉnh; - Sở Y tế.",
    "đủ điều kiện thực hiện chi trả hằng năm",
    "cộng tác viên tại cộng đồng",
    "theo chỉ dẫn số 5 và dân số trung bình",                  # 'cộng tác' is a word, not 'công tác' misread
    "Tờ trình số 12/TTr-SYT - Như trên",          # a list dash is not part of the symbol
    "Độc lập - Tự do - Hạnh phúc",
    "- Như trên;\n- Lưu: VT, NVY.",
])
def test_correct_text_is_left_alone(text):
    assert correct(text) == text


def tsv(*words: tuple) -> str:
    """Tesseract TSV with one row per word: (text, line, left, top, width, height[, confidence])."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    rows += [f"5\t1\t1\t1\t{line}\t{i}\t{left}\t{top}\t{width}\t{height}\t{rest[0] if rest else 95}\t{text}"
             for i, (text, line, left, top, width, height, *rest) in enumerate(words, 1)]
    return "\n".join(rows)


def test_two_header_columns_come_out_one_after_the_other():
    page = tsv(("UBND", 1, 450, 230, 130, 40), ("TỈNH", 1, 590, 230, 110, 40),
               ("CỘNG", 1, 1120, 230, 140, 40), ("HÒA", 1, 1270, 230, 100, 40), ("XÃ", 1, 1390, 230, 60, 40),
               ("SỞ", 2, 640, 290, 60, 40), ("Y", 2, 710, 290, 25, 40), ("TẾ", 2, 750, 290, 60, 40),
               ("Độc", 2, 1290, 290, 80, 40), ("lập", 2, 1390, 290, 60, 40),
               ("Số:", 3, 530, 350, 70, 40), ("12/SYT-VP", 3, 610, 350, 200, 40),
               ("Kiên", 3, 1170, 350, 90, 40), ("Giang,", 3, 1270, 350, 120, 40),
               ("V/v", 4, 460, 410, 60, 40), ("tập", 4, 530, 410, 60, 40), ("huấn", 4, 600, 410, 100, 40),
               ("Kính", 5, 900, 480, 90, 40), ("gửi:", 5, 1000, 480, 80, 40),
               ("Sở", 6, 450, 540, 50, 40), ("Y", 6, 510, 540, 25, 40), ("tế", 6, 545, 540, 40, 40),
               ("nhận", 6, 600, 540, 90, 40), ("được", 6, 700, 540, 90, 40), ("công", 6, 800, 540, 90, 40),
               ("văn", 6, 900, 540, 70, 40), ("số", 6, 980, 540, 40, 40), ("499/RHMTW", 6, 1030, 540, 200, 40),
               ("ngày", 6, 1240, 540, 90, 40), ("04", 6, 1340, 540, 40, 40), ("tháng", 6, 1390, 540, 90, 40))
    assert page_text(page) == "\n".join([
        "UBND TỈNH", "SỞ Y TẾ", "Số: 12/SYT-VP", "",
        "CỘNG HÒA XÃ", "Độc lập", "Kiên Giang,", "",
        "V/v tập huấn", "Kính gửi:",                 # left column only: stays in reading order
        "Sở Y tế nhận được công văn số 499/RHMTW ngày 04 tháng"]) + "\n"


def test_seal_specks_are_left_out_and_the_columns_stay_in_order():
    # A Nơi nhận column beside a round seal, read as low-confidence fragments (confidences as
    # Tesseract gave them on a real scan); a handwritten number keeps its số ký hiệu.
    page = tsv(("Số:", 1, 450, 100, 60, 40, 56), ("20€2)/SYT-NVY", 1, 520, 100, 260, 40, 25),
               ("Nơi", 2, 450, 400, 60, 40, 95), ("nhận:", 2, 520, 400, 90, 40, 96),
               ("GIÁM", 2, 1200, 400, 90, 40, 91), ("ĐỐC", 2, 1300, 400, 80, 40, 91),
               ("-", 3, 450, 460, 20, 40, 90), ("BGĐSYT;", 3, 480, 460, 150, 40, 67), ("..", 3, 640, 460, 20, 40, 33),
               ("ĐA", 3, 1200, 460, 50, 40, 0), ("XHCN", 3, 1260, 460, 90, 40, 45), ("NG", 3, 1360, 460, 50, 40, 46),
               ("-", 4, 450, 520, 20, 40, 92), ("Lưu:", 4, 480, 520, 80, 40, 90), ("VT.", 4, 570, 520, 60, 40, 93),
               ("¬¬_.", 4, 1200, 520, 60, 40, 0), ("t", 4, 1300, 520, 20, 40, 83), ("`", 4, 1330, 520, 20, 40, 70))
    assert page_text(page) == "\n".join([
        "Số: 20€2)/SYT-NVY", "Nơi nhận:", "- BGĐSYT;", "- Lưu: VT.", "", "GIÁM ĐỐC"]) + "\n"


def test_a_list_item_read_as_a_new_paragraph_stays_in_its_list():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t{par}\t1\t{i}\t{left}\t{top}\t100\t40\t95\t{text}" for i, (text, par, left, top) in enumerate([
        ("Nơi", 1, 100, 100), ("nhận:", 1, 210, 100), ("-", 2, 100, 160), ("Bộ", 2, 130, 160), ("Y", 2, 240, 160),
        ("tế;", 2, 350, 160), ("-", 3, 100, 220), ("Lưu:", 3, 130, 220), ("VT.", 3, 240, 220),
        ("Điều", 4, 100, 280), ("1.", 4, 210, 280)], 1)]
    assert page_text("\n".join([header, *rows])) == "Nơi nhận:\n\n- Bộ Y tế;\n- Lưu: VT.\n\nĐiều 1.\n"
