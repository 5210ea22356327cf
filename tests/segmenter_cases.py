"""Hand-made documents with the hard layouts of FORMAT.md §1, and a helper that segments a text the way the
pipeline does. Shared by test_zones, test_header and test_recipients."""
from __future__ import annotations

import unicodedata

from pipeline.document import Document
from pipeline.normalize import normalize
from pipeline.zones import find_zones


def doc_of(text: str, fmt: str = "txt") -> Document:
    text, pages = normalize((unicodedata.normalize("NFC", text),))
    return Document(path="case.txt", doc_id="0" * 64, format=fmt, text=text, pages=pages, zones=find_zones(text))


# The two header columns read line by line in turn, and the Nơi nhận column interleaved with the signer's lines.
INTERLEAVED = """\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BỘ Y TẾ
Độc lập - Tự do - Hạnh phúc
CỤC QUẢN LÝ KHÁM, CHỮA BỆNH
Hà Nội, ngày 12 tháng 3 năm 2025
Số: 123/KCB-NV
V/v tăng cường công tác phòng chống
dịch bệnh mùa hè
Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.
Cục Quản lý Khám, chữa bệnh đề nghị Sở Y tế chỉ đạo các cơ sở thực hiện./.
Nơi nhận:
TL. BỘ TRƯỞNG
- Như trên;
KT. CỤC TRƯỞNG
- Thứ trưởng Trần Văn A (để b/c);
PHÓ CỤC TRƯỞNG
- Lưu: VT, NV.
(Đã ký)
ThS. Nguyễn Văn Bình
"""

# An e-signed text that starts with the signature stamp; urgency stamp; number and day left blank; several
# Nơi nhận entries on one line; the typo 'đế b/c'.
STAMP = """\
Ký bởi: Sở Y tế
Email: syt@tinh.gov.vn
Cơ quan: Tỉnh Quảng Ngãi
Thời gian ký: 03.04.2026 08:15:00 +07:00
UBND TỈNH QUẢNG NGÃI
SỞ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
HỎA TỐC
Số:     /SYT-NVY
Quảng Ngãi, ngày      tháng 4 năm 2026
V/v báo cáo nhanh số ca bệnh
Kính gửi:
- Các bệnh viện trong tỉnh;
- Trung tâm Y tế các huyện, thị xã, thành phố.
Sở Y tế đề nghị các đơn vị báo cáo trước ngày 10/4/2026./.
Nơi nhận:
- Như trên;
- UBND tỉnh (để b/c); Cục Quản lý KCB (đế b/c);
- Lưu: VT, NVY.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Cường
"""

# A cover letter that forwards another body's công văn, with its own header, Nơi nhận and signature.
FORWARDED = """\
SỞ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 560/SYT-NVY
Đồng Tháp, ngày 05 tháng 5 năm 2026
V/v triển khai Công văn số 1366/BYT-K2ĐT
Kính gửi: Các đơn vị trực thuộc.
Sở Y tế chuyển Công văn số 1366/BYT-K2ĐT của Bộ Y tế (đính kèm) đề nghị các đơn vị thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, NVY.
GIÁM ĐỐC
Phạm Văn Dũng
BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1366/BYT-K2ĐT
Hà Nội, ngày 12 tháng 3 năm 2025
V/v đẩy mạnh chuyển đổi số
Kính gửi: Các Sở Y tế tỉnh, thành phố.
Bộ Y tế đề nghị các Sở Y tế thực hiện./.
Nơi nhận:
- Như trên;
- Bộ trưởng (để b/c);
- Lưu: VT, K2ĐT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Thuấn
"""

# Columns printed side by side (pdftotext -layout style): tabs and runs of spaces between them.
SIDE_BY_SIDE = """\
   ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   TỈNH QUẢNG NGÃI                  Độc lập - Tự do - Hạnh phúc

   Số: 507 /UBND-KGVX             Quảng Ngãi, ngày 24 tháng 01 năm 2025
V/v góp ý dự thảo Quyết định sửa
  đổi, bổ sung Quyết định số 2269/QĐ-TTg

                   Kính gửi: Sở Thông tin và Truyền thông

        UBND tỉnh đề nghị Sở Thông tin và Truyền thông tổng hợp, báo cáo./.

  Nơi nhận:                                             TL. CHỦ TỊCH
  - Như trên;                                      KT. CHÁNH VĂN PHÒNG
  - Bộ Thông tin và Truyền thông (b/cáo);
  - CT, PCT UBND tỉnh (b/cáo);
                                                   PHÓ CHÁNH VĂN PHÒNG
  - VPUB: CVP, PCVP, KTTH;
  - Lưu: VT, KGVX(bnt).

                                                         Phùng Tô Long
"""
