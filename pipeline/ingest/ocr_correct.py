"""Post-correction of Tesseract output: known phrases take their marks back, look-alike letters
and digits are set right, the 'Số:' label and the số ký hiệu lose their OCR noise."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import fold

from .ocr_phrases import BODY, HEADER, HOMOGRAPHS

# Character fixes that hold anywhere in Vietnamese text.
LOOK_ALIKES = (
    (re.compile(r"ĐÐ|ÐĐ|ĐĐ"), "Đ"),                 # Tesseract reads one 'Đ' twice, as 'Đ' and as eth
    (re.compile("Ð"), "Đ"), (re.compile("ð"), "đ"),  # eth (Icelandic) never occurs in Vietnamese
    (re.compile(r"(?<=\d)[Oo](?=\d)"), "0"),                 # letter O between digits
)
# The 'Số:' label at the head of a line, as 'Só:', 'S6:', 'Sô;', 'SỐ :' …
NUMBER_LABEL = re.compile(r"(?m)^([ \t]*)S[oóòỏõọôốồổỗộơớờởỡợ06]\s?[:;]")
# A số ký hiệu with a stray space at the slash or on one side of a hyphen ('1366 /BYT',
# 'TT- BYT'); a hyphen spaced on both sides is a list dash and ends the symbol.
SYMBOL = re.compile(r"\d+ ?/ ?(?:\d{4} ?/ ?)?[A-ZĐ][\w&]*(?:(?: -|- |-)[A-ZĐ][\w&]*)*(?![^\W\d_])")
# Speckles read as a sign between the slash and the symbol's letters ('26 /§SYT-TCCB', '406//BVPS').
SLASH_NOISE = re.compile(r"(?<=[\d ])/[§$*#@%^~'`\"/]+(?=[A-ZĐ])")
# Specks read as punctuation at either end of a line ('.. UBND TỈNH', '__ “SỞ Y TẾ', ': Kính gửi: -',
# 'môi trường; - : --'); a list dash at the head of a line is kept.
EDGE_SPECKS = re.compile(r"(?m)^[ \t]*[._'\"“”‘’`~|¬:;,]+[ \t]+|[ \t]+(?:[_'\"“”‘’`~|¬]+|-)[ \t]*$"
                         r"|(?:[ \t]+[^\w\s]+){2,}[ \t]*$")
# An issuing body's abbreviation run into the next word ('UBNDTỈNH KIÊN GIANG').
GLUED_ABBREVIATION = re.compile(r"\b(UBND|HĐND)(?=[A-ZĐÀ-Ỹ][^\W\d_])")
# List markers as OCR bends them: '1,' for '1.', a dash glued to its item or doubled ('-BGĐSYT;', '-- Lưu'),
# underscores (no Vietnamese line opens with one) read from a speck before the marker.
LIST_MARKS = (
    (re.compile(r"(?m)^([ \t]*)_+[—–]?(?=[^\s_])"), r"\1"),     # '__—2. Mã số', '_a) Trung tâm'
    (re.compile(r"(?m)^([ \t]*\d{1,2}),(?=[ \t]+[A-ZĐÀ-Ỹ])"), r"\1."),
    (re.compile(r"(?m)^([ \t]*)(?:-(?=[A-ZĐÀ-Ỹ])|--[ \t]*(?=\w))"), r"\1- "),
)
# The archive line of Nơi nhận ('- Lưu: VT, <drafting unit>.', FORMAT.md 9b) as OCR bends it: 'L:VT,',
# 'Lưu VT.pxphong.', its dash lost; the stamp 'VT' (văn thư) anchors it.
ARCHIVE = (
    (re.compile(r"(?m)^[ \t]*(?:-[ \t]*)?L(?:ưu|uu|ưư|ư|u)?[ \t]*[:;.]?[ \t]*(?=VT\b)"), "- Lưu: "),
    (re.compile(r"(?m)^(- Lưu: VT)[.;](?=[ \t]*[^\W\d_])"), r"\1, "),
)
WORD = re.compile(r"[^\W\d_]+")
SEPARATOR = re.compile(r"[ \t]*\n?[ \t]*")      # between the words of one phrase: spaces, one line break


@lru_cache(maxsize=1)
def phrases() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Diacritic-free key -> the correct spellings, preferred first."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for phrase in HEADER + BODY + HOMOGRAPHS:
        words = tuple(phrase.split())
        table.setdefault(tuple(fold(w) for w in words), []).append(words)
    return {key: tuple(spellings) for key, spellings in table.items()}


def correct(text: str) -> str:
    for pattern, replacement in LOOK_ALIKES:
        text = pattern.sub(replacement, text)
    text = EDGE_SPECKS.sub("", text)
    text = GLUED_ABBREVIATION.sub(r"\1 ", text)
    for pattern, replacement in LIST_MARKS + ARCHIVE:
        text = pattern.sub(replacement, text)
    text = NUMBER_LABEL.sub(r"\1Số:", text)
    text = SLASH_NOISE.sub("/", text)
    text = SYMBOL.sub(lambda m: m.group().replace(" ", ""), text)
    return restore_phrases(text)


def restore_phrases(text: str) -> str:
    words = list(WORD.finditer(text))
    table = phrases()
    longest = max(len(key) for key in table)
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 1, -1):
            run = words[i:i + n]
            if not all(SEPARATOR.fullmatch(text[a.end():b.start()]) for a, b in zip(run, run[1:])):
                continue
            spellings = table.get(tuple(fold(w.group()) for w in run))
            if not spellings:
                continue
            if tuple(w.group().lower() for w in run) not in spellings:
                edits.extend((w.start(), w.end(), with_case(right, w.group()))
                             for w, right in zip(run, spellings[0]))
            i += n - 1
            break
        i += 1
    for start, end, word in reversed(edits):
        text = text[:start] + word + text[end:]
    return text


def with_case(word: str, model: str) -> str:
    """`word` in the case of the OCR word it replaces."""
    if model.isupper() and (len(model) > 1 or len(word) == 1):
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word
