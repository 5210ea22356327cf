"""Legacy 8-bit Vietnamese encodings as data: what each code shows as in Latin-1/cp1252, and what it
stands for. Read by pipeline.encodings."""
from __future__ import annotations

# TCVN 5712:1993 VN3 ("ABC", the .VnTime fonts): one code per letter. Only the lower-case toned
# letters have codes; upper-case toned letters come from the .VnTimeH fonts, which draw these same
# codes as capitals. Pairs: code as Latin-1, Unicode letter.
TCVN3 = """
¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ
µà ¶ả ·ã ¸á ¹ạ
»ằ ¼ẳ ½ẵ ¾ắ Æặ
Çầ Èẩ Éẫ Êấ Ëậ
Ìè Îẻ Ïẽ Ðé Ñẹ
Òề Óể Ôễ Õế Öệ
×ì Øỉ Üĩ Ýí Þị
ßò áỏ âõ ãó äọ
åồ æổ çỗ èố éộ
êờ ëở ìỡ íớ îợ
ïù ñủ òũ óú ôụ
õừ öử ÷ữ øứ ùự
úỳ ûỷ üỹ ýý þỵ
"""

# VNI-Windows: a base letter followed by a mark code (cp1252 letters). Mark code -> combining marks.
VNI_MARKS = {
    "ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",   # huyền sắc hỏi ngã nặng
    "â": "\u0302", "ê": "\u0306",                                                 # mũ (â ê ô), trăng (ă)
    "à": "\u0302\u0300", "á": "\u0302\u0301", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "è": "\u0306\u0300", "é": "\u0306\u0301", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # the upper-case codes (Ø Ù … Ë) mark upper-case letters the same way

# VNI-Windows letters with a code of their own (ì í are the same as in Unicode).
VNI_LETTERS = """
ôơ öư ñđ æỉ óĩ òị îỵ
ÔƠ ÖƯ ÑĐ ÆỈ ÓĨ ÒỊ ÎỴ
"""

# Codes that betray each encoding when the text has no Unicode-only Vietnamese letters: TCVN3 codes
# that are neither Vietnamese Latin-1 letters nor VNI codes; VNI marks that never follow a vowel in
# Vietnamese Unicode text.
TCVN3_TELLTALES = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÇÐ×Þßþ÷"
VNI_TELLTALE_MARKS = "øùûïäëüå"
