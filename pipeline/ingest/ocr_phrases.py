"""Words of Vietnamese administrative writing, as Tesseract tends to misread their marks.

Tesseract (vie) drops or swaps tone marks, above all on circumflex vowels of low-resolution scans
('Giám đôc', 'Y tê', 'tô chức'), and its language model adds marks to common syllables ('chỉ tiết'
for 'chi tiết'). A run of OCR words whose diacritic-free form equals one of these phrases takes
the phrase's marks. Only phrases of two or more syllables are listed: a single syllable has many
correct readings ('so', 'số', 'sở', 'sổ'); two together rarely do. Lower case; the OCR word's
case is kept. Sources: NĐ 30/2020 Phụ lục I (header, footer and type names) and the standard
vocabulary of directives (tasks, bodies, titles)."""

HEADER = (
    "cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam",
    "độc lập", "tự do", "hạnh phúc", "đảng cộng sản việt nam",
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "chính phủ", "thủ tướng",
    "bộ y tế", "sở y tế", "bộ tài chính", "bộ nội vụ", "bộ xây dựng", "bộ giáo dục và đào tạo",
    "sở giáo dục và đào tạo", "bảo hiểm xã hội", "văn phòng", "trung tâm y tế", "bệnh viện",
    "quyết định", "chỉ thị", "thông báo", "kế hoạch", "công văn", "báo cáo", "tờ trình",
    "nghị quyết", "nghị định", "thông tư", "công điện", "hướng dẫn", "chương trình", "giấy mời",
    "kính gửi", "nơi nhận", "như trên", "lưu vt", "để báo cáo", "để thực hiện", "để biết",
    "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "bộ trưởng", "thứ trưởng",
    "chánh văn phòng", "phó chánh văn phòng", "trưởng phòng", "phó trưởng phòng", "cục trưởng",
    "vụ trưởng", "thủ trưởng", "tổng giám đốc", "hiệu trưởng", "ký thay", "thừa lệnh",
)

BODY = (
    "căn cứ", "theo đề nghị", "đề nghị", "đề xuất", "thực hiện", "triển khai", "tổ chức",
    "kiểm tra", "giám sát", "tổng kết", "sơ kết", "đánh giá", "chỉ đạo", "phối hợp", "chủ trì",
    "trách nhiệm", "nhiệm vụ", "quyền hạn", "thẩm quyền", "quy định", "chi tiết", "chi phí",
    "chi trả", "kinh phí", "ngân sách", "đơn vị", "cơ quan", "cơ sở", "địa phương", "địa bàn",
    "y tế", "khám bệnh", "chữa bệnh", "người bệnh", "bảo hiểm y tế", "hồ sơ", "bệnh án",
    "điện tử", "thông tin", "công nghệ thông tin", "chuyển đổi số", "dữ liệu", "tập huấn",
    "kiến thức", "tìm hiểu", "tư vấn", "nộp thuế", "cục thuế", "tổng cục", "bình đẳng",
    "chuyển sang", "kết quả", "tình hình", "nội dung", "biện pháp", "giải pháp", "mục tiêu",
    "yêu cầu", "khẩn trương", "nghiêm túc", "đầy đủ", "kịp thời", "thời gian", "thời hạn",
    "trước ngày", "chậm nhất", "định kỳ", "hằng năm", "hàng năm", "hằng tháng", "hàng tháng",
    "hiệu lực", "kể từ ngày", "thi hành", "ban hành", "sửa đổi", "bổ sung", "bãi bỏ", "thay thế",
    "vướng mắc", "khó khăn", "phát sinh", "kiến nghị", "tổng hợp", "gửi về", "trực thuộc",
    "trung ương", "thành phố", "thị xã",
    "liên quan", "các sở", "ban ngành", "đoàn thể", "doanh nghiệp", "người dân", "cán bộ",
    "công chức", "viên chức", "người lao động", "an toàn", "phòng chống", "dịch bệnh",
    "đảm bảo", "bảo đảm", "tăng cường", "đẩy mạnh", "nâng cao", "chất lượng", "hiệu quả",
    "số liệu", "danh sách", "danh mục", "phụ lục", "đính kèm", "xem xét", "giải quyết",
    "quản lý", "thủ tục", "hành chính", "cải cách", "dịch vụ", "công tác", "năm học",
    "điều kiện", "sự kiện", "hội nghị", "cuộc họp", "ý kiến", "trang thiết bị", "thiết bị",
    "vật tư", "mua sắm", "đấu thầu", "điều chỉnh", "giấy phép", "hoạt động", "lĩnh vực",
    "cộng đồng", "giao ban", "dân số", "kế hoạch hóa gia đình",
)
# Real words whose diacritic-free form is that of a listed phrase: listed so that they are kept
# as read ('cộng tác viên' is not 'công tác viên').
HOMOGRAPHS = ("cộng tác", "chi tiêu", "chỉ tiêu", "dẫn số")     # 'chỉ dẫn số 5', 'trích dẫn số liệu'
