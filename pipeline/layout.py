"""Line-level cues of the NĐ 30/2020 layout (FORMAT.md §1), shared by the segmenter and the header and
recipient extractors.

Header and footer are two columns that text extraction often puts side by side on one line or interleaves line
by line, so every cue is a pattern that may sit anywhere in a line; a wide run of spaces or a tab separates the
columns of a line printed side by side ('Nơi nhận:            KT. GIÁM ĐỐC')."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extractors.lexicon import fold, read_tsv
from extractors.symbols import NUMBER_SYMBOL, PARTY, NumberSymbol, parse

# The national motto in capitals only: the same words in lower case occur in body text ('nước Cộng hòa xã hội …').
MOTTO = re.compile(r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
TAGLINE = re.compile(r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc", re.IGNORECASE)
# The label of 'Số: 1366/BYT-K2ĐT', 'Số:   /SYT-VP' (left blank), 'Số 05/…', 'Số 72-NQ/TW'; the number must follow,
# so 'Số điện thoại' is not one.
# A scanner may garble a character or two before the number ('Số: Ø2/CT-UBND').
NUMBER = re.compile(r"(?<!\w)S[ốỐóo]\s*(?:hiệu\s*)?[:.]?\s*"
                    r"(?=[^\s\w/]?(?:\w?\d{1,6}[a-z]?)?[\s.…_]*/\s*-?\s*[\dA-ZĐÐ]|\d{1,5}\s*-\s*[A-ZĐ]"
                    r"|/?[^\s/]{1,4}\s?[^\s/]{0,3}\s?/\s?[A-ZĐ])")      # a number the scanner made unreadable ('Số: 42 %É/SYT-NVY')
# 'Hà Nội, ngày 12 tháng 3 năm 2025', 'Đồng Tháp, ngày        tháng 4 năm 2026', 'Hà Nội, ngày27 …'
# A place may join its words with a hyphen: 'Bà Rịa - Vũng Tàu', 'Phan Rang-Tháp Chàm'.
PLACE_DATE = re.compile(
    r"(?P<place>(?:\w+\.\s?)?\w+(?:(?:[ \t]*[-–][ \t]*| )\w+){0,5})\s*[,.]\s*"
    r"(?P<date>ng[àa]y[\s.…_\d]*(?:th[áa]ng|/)\s*\d{1,2}\s*(?:n[ăa]m|/)\s*(?:19|20)\d{2}"
    r"|ng[àa]y[^\n]{0,8}?th[áa]ng[^\n]{0,6}?n[ăa]m\s*(?:19|20)\d{2})",      # scanner-garbled day or month
    re.IGNORECASE)
DAY_WORD = re.compile(r"ng[àa]y", re.IGNORECASE)      # what every PLACE_DATE match holds
HEAD_DATE = re.compile(r"^[\s*_|]*(?P<date>ng[àa]y[\s.…_\d]*th[áa]ng\s*\d{1,2}\s*n[ăa]m\s*(?:19|20)\d{2})",
                       re.IGNORECASE | re.MULTILINE)
VE_VIEC = re.compile(r"(?P<lead>[\s*_|]*)Về\s+việc\s+\S")
VV = re.compile(r"(?<!\w)V/v\b\.?\s*", re.IGNORECASE)
# 'V/v' as OCR bends it at the start of a line ('WW', 'Vv', 'V|v'): the slash merges into the letters. Only a
# lower-case word after it confirms it; no Vietnamese word is spelt so.
VV_GARBLED = re.compile(r"[\s*_|]*(?:[VW][/\\|lI1]?[VvWw])\.?\s+(?=[a-zà-ỹđ])")


@lru_cache(maxsize=None)
def _letters_by_fold() -> dict[str, str]:
    """Letters up to the end of Vietnamese (U+1EF9) by what they fold to: 'u' -> 'UuÙÚ…ựừ'."""
    found: dict[str, set[str]] = {}
    for c in map(chr, range(0x41, 0x1EFA)):
        if c.isalpha():
            found.setdefault(fold(c), set()).add(c)
    return {base: "".join(sorted(letters)) for base, letters in found.items()}


def _letter_class(base: str) -> str:
    """Every Vietnamese letter that folds to base, both cases: 'u' -> '[uúùủũụưứừửữựUÚ…]'."""
    if not base.isalpha():
        return re.escape(base)
    return "[" + "".join(sorted(set(_letters_by_fold().get(base, "")) | {base, base.upper()})) + "]"


def near_label(label: str) -> str:
    """A short label with one letter misread by OCR ('Kính gửt', 'Nơi nhân'): the folded label with one letter
    after the first replaced by any letter or dropped. Only a colon after it confirms a label so slipped, so the
    pattern ends with one."""
    base = fold(label)
    classes = [_letter_class(c) if c != " " else r"\s+" for c in base]
    alts = []
    for k in range(1, len(base)):
        if base[k].isalpha():
            alts += ["".join(classes[:k]) + slip + "".join(classes[k + 1:]) for slip in (r"[^\W\d_]", "")]
    return "(?:" + "|".join(alts) + r")\s*:"


# Capital K only: 'kính gửi' in a sentence is not the addressee line.
KINH_GUI = re.compile(r"(?<!\w)(?<!Như )(?<!như )(?:K(?:ÍNH|ính|inh)\s+(?:GỬI|gửi|gui)\s*:?|(?=K)" + near_label("kinh gui") + ")")
NOI_NHAN = re.compile(r"^[\s*_|]*(?:N[ơo]i\s+nh[ậa]n\s*:?|(?=[Nn])" + near_label("noi nhan") + ")",
                      re.IGNORECASE | re.MULTILINE)
LUU = re.compile(r"^\W*L[ưu]u\b\s*:?", re.IGNORECASE)
# Lines that open the content: after them no header cue is looked for. The sentence openers are matched in
# sentence case: in capitals they belong to a trích yếu ('KẾ HOẠCH' / 'THỰC HIỆN ĐỀ ÁN …').
BODY_OPENER = re.compile(
    r"^[\s*_|]*(?:(?-i:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Nhằm)|Điều\s+1\b|Phần\s+I\b|"
    r"Chương\s+I\b|"
    r"(?-i:Ngày)\s+\d|"
    r"(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s+\S)", re.IGNORECASE)
# A sentence opening run into the line before it (normalization joined them).
RUN_IN_OPENER = re.compile(r"(?<=\s)(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Nhằm|Trên\s+cơ\s+sở|Sau\s+khi|Hiện\s+nay|"
                           r"Tiếp\s+theo|Nhận\s+được|Vừa\s+qua|Ngày\s+\d)\b")
SEPARATOR = re.compile(r"^[\s\-_=*–—.•|]*$")
# An e-signature stamp (organisation name, e-mail, ISO signing time) that PDF text layers often put first.
STAMP = re.compile(r"@[\w.-]+\.\w+|\d{2}[./-]\d{2}[./-]\d{4}\s+\d{1,2}:\d{2}|K[ýy]\s+b[ởo]i|Th[ờo]i\s+gian\s+k[ýy]",
                   re.IGNORECASE)


def _signer_prefix() -> re.Pattern:
    """Signer authority prefix + upper-case title: 'KT. BỘ TRƯỞNG', 'TL.CHỦ TỊCH', 'T/M BAN THƯỜNG VỤ'.
    A one-letter prefix needs its dot ('Q. GIÁM ĐỐC'; 'QUYẾT NGHỊ' is no prefix)."""
    words = sorted((r[0] for r in read_tsv("signer_prefixes.tsv")), key=len, reverse=True)
    alts = [re.escape(w) + (r"(?=\s*\.)" if len(w) == 1 else r"(?=\s*\.|\s)") for w in words]
    return re.compile(r"(?<![\w/])(?P<prefix>" + "|".join(alts) + r")\s*\.?\s*(?=[A-ZĐÀ-Ỹ])")


SIGNER_PREFIX = _signer_prefix()
ANNEX = re.compile(
    r"^[\s*_|(]*(?:PH[ỤU]\s+L[ỤU]C|Phụ\s+lục\b|DANH\s+M[ỤU]C|BI[ỂE]U\s+M[ẪA]U|M[ẪA]U\b|Mẫu\s+số|BM[.\s]*\d|"
    r"(?:Ban\s+hành\s+)?[Kk]èm\s+theo|Đính\s+kèm)", re.MULTILINE)
COLUMN_GAP = re.compile(r"\t+|\s{3,}")
# A list dash as OCR may misread it: a mark or two with a stray letter ('_Ắ.', '¬ ', 'Ắ.') before an entry's
# capital. Only a real bullet on the next line confirms it (see garbled_bullet).
_GARBLED_BULLET = re.compile(r"[\s*|]*(?:(?:[^\s\w(\[“\"'‘]|_){1,2}[^\W\d_]?[.,:;]?|[^\W\d_][.,:;])\s*"
                             r"(?=[A-ZĐ\u00C0-\u00DD\u1EA0-\u1EF8][^\W\d_]*[a-zđà-ỹ])")


def garbled_bullet(line: str, next_line: str) -> int:
    """Length of a misread list dash opening line when next_line opens with a dash; 0 otherwise."""
    m = _GARBLED_BULLET.match(line)
    return m.end() if m and next_line.strip()[:1] in "-–—•+" else 0


class Line(NamedTuple):
    """One line of the text: [start, end) without its line break. A tuple, for speed on long texts."""
    start: int
    end: int
    text: str


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    out, pos = [], start
    for part in text[start:end].split("\n"):
        out.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def segments(line: Line) -> list[tuple[int, int]]:
    """The column pieces of a line, as spans without their outer blanks."""
    out, pos = [], line.start
    for gap in COLUMN_GAP.finditer(line.text):
        out.append((pos, line.start + gap.start()))
        pos = line.start + gap.end()
    out.append((pos, line.end))
    spans = []
    for a, b in out:
        piece = line.text[a - line.start:b - line.start]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((a + lead, a + len(piece.rstrip())))
    return spans


def is_upper(s: str) -> bool:
    """All cased letters upper case, with at least two letters ('BỘ Y TẾ', 'SỞ GDĐT TỈNH ĐỒNG THÁP')."""
    letters = list(filter(str.isalpha, s))
    return len(letters) >= 2 and not any(map(str.islower, letters))


def clean(s: str) -> str:
    """Strip Markdown emphasis, table bars and outer punctuation the text layer may carry."""
    return " ".join(s.replace("*", " ").replace("|", " ").split()).strip(" \t-–—_=:;,")


def signed_name(s: str) -> str | None:
    """A person's name as signed: 2 to 6 capitalized words ('Nguyễn Văn A'), without an academic title before it
    ('ThS.', 'BS.CKII') or a stray mark after it that the text layer put there ('Nguyễn Phước Bình h5')."""
    words = [w for w in clean(s).split() if "." not in w]
    while words and (any(c.isdigit() for c in words[-1])
                     or (len(words[-1]) <= 2 and words[-1].islower() and not re.search("[aeiouy]", fold(words[-1])))):
        words.pop()
    ok = 2 <= len(words) <= 6 and all(w[0].isupper() and (len(w) == 1 or not w.isupper()) and w.isalpha()
                                      for w in words)
    return " ".join(words) if ok else None


def name_like(s: str) -> bool:
    return signed_name(s) is not None


def place_start(text: str, m) -> int:
    """Where the place name of a PLACE_DATE match begins: its trailing run of capitalized words
    ('… triển khai Ninh Bình, ngày' gives 'Ninh Bình')."""
    words = list(re.finditer(r"\S+", m.group("place")))
    start = m.end("place")
    for w in reversed(words):
        word = w.group(0)
        if word in ("-", "–"):      # 'Bà Rịa - Vũng Tàu'
            continue
        # a place name is in title case; 'KGVX' ends a số ký hiệu run into the date ('Số: 507/UBND-KGVX Quảng Ngãi')
        if not word[0].isupper() or (len(word) > 2 and word.isupper() and not word.endswith(".")):
            break
        start = m.start("place") + w.start()
    unit = _PLACE_UNIT.search(text, max(0, start - 12), start)      # 'Thành phố Hồ Chí Minh, ngày …'
    return _wrapped_place_start(text, unit.start() if unit else start)


_PLACE_UNIT = re.compile(r"(?<!\w)(?:Thành\s+phố|Thị\s+xã|Thị\s+trấn)\s+$")


def _wrapped_place_start(text: str, start: int) -> int:
    """A narrow date box wraps a two-word place ('Tam' / 'Kỳ, ngày 19 tháng 6 năm 2007'): a line of one or two
    title-case words right above the place begins it."""
    if start == 0 or text[start - 1] != "\n":
        return start
    above = text.rfind("\n", 0, start - 1) + 1
    words = text[above:start - 1].split()
    if 1 <= len(words) <= 2 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words):
        return above + len(text[above:start - 1]) - len(text[above:start - 1].lstrip())
    return start


def number_at(text: str, pos: int) -> tuple[NumberSymbol | None, int]:
    """The số ký hiệu that starts at pos (after 'Số:') and where it ends; a blank (or unreadable) number gives
    number None."""
    # 'Ø2/…', '⁄26/…' from a scan: read from the first digit, out of the garbled character's sight
    garbled = re.compile(r"[^\s\w/]?\D?(?=\d)").match(text, pos)
    for at in (pos, garbled.end() if garbled else pos):
        for rx in (PARTY, NUMBER_SYMBOL):
            m = rx.match(text[at:at + 120])
            if m:
                return parse(m), at + m.end()
    # a typo doubles the separator ('Số: 1281/-UBND'): read the number past the stray hyphen
    stray = re.compile(r"(\d{1,6}[a-z]?)\s*/\s*-\s*(?=[A-ZĐ])").match(text, pos)
    if stray:
        m = NUMBER_SYMBOL.match(stray.group(1) + "/" + text[stray.end():stray.end() + 80])
        if m:
            return parse(m), stray.end() + m.end() - len(stray.group(1)) - 1
    # a number left blank, or one the scanner made unreadable, maybe with a stray slash ('/(x› /BC-TTYT')
    for blank_rx in (r"[\s.…_]*/", r"/?[^\s/]{1,4}\s?[^\s/]{0,3}\s?/\s?"):
        blank = re.compile(blank_rx).match(text, pos)
        # the grammar wants a number: parse the left-blank one as 0 and drop it
        m = NUMBER_SYMBOL.match("0/" + text[blank.end():blank.end() + 80]) if blank else None
        if m:
            ns = parse(m)
            ident = ns.id[ns.id.index("/") + 1:]
            return NumberSymbol(None, ns.year, ns.symbol, ns.doc_type, ident), blank.end() + m.end() - 2
    return None, pos


@lru_cache(maxsize=None)
def authority_words() -> tuple[str, ...]:
    """Folded first words of a signing-authority or title line ('bo truong', 'pho giam doc')."""
    return tuple(fold(r[0]) for r in read_tsv("authority_words.tsv"))


@lru_cache(maxsize=None)
def org_heads() -> tuple[str, ...]:
    """Folded first words of an organisation's name ('bo', 'so', 'uy ban', 'benh vien')."""
    return tuple(fold(r[0]) for r in read_tsv("org_heads.tsv"))


def opens_organisation(s: str) -> bool:
    key = fold(clean(s))
    return any(key == h or key.startswith(h + " ") for h in org_heads())


@lru_cache(maxsize=None)
def signer_prefixes() -> frozenset[str]:
    """'TM', 'KT', 'TL', 'TUQ', 'Q', 'T/M', …"""
    return frozenset(r[0] for r in read_tsv("signer_prefixes.tsv"))
