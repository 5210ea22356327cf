"""Repair Vietnamese text that went through a legacy or wrong encoding (FORMAT.md §6): TCVN3/ABC
(.VnTime, .VnTimeH), VNI-Windows, UTF-8 misread as cp1252 or MacRoman, half-composed cp1258.
Good Unicode text passes through untouched: a line is converted only when it holds no letter that
exists in Unicode alone, and only on evidence (font names, or codes that Vietnamese never shows).
NFD text and cp1258's half-composed 'ê' + dot below are left to pipeline.normalize (NFC)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from . import legacy_charsets as cs

# Letters outside Latin-1 that any Vietnamese Unicode text is full of, and the marks of NFD text.
UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _pairs(table: str) -> dict[str, str]:
    return {p[0]: p[1] for p in table.split()}


_TCVN3 = str.maketrans(_pairs(cs.TCVN3))
_TCVN3_LOWER = "".join(code for code, letter in _pairs(cs.TCVN3).items() if letter.islower())
_VNI_LETTERS = str.maketrans(_pairs(cs.VNI_LETTERS))
_VNI_MARKS = {**cs.VNI_MARKS, **{k.upper(): v for k, v in cs.VNI_MARKS.items()}}
_VNI_SYLLABLE = re.compile("([aeiouyơưAEIOUYƠƯ])([" + "".join(_VNI_MARKS) + "])")
_VNI_EVIDENCE = re.compile("[aeiouyôöAEIOUYÔÖ][" + cs.VNI_TELLTALE_MARKS + cs.VNI_TELLTALE_MARKS.upper() + "]|[ñÑ]")
# A TCVN3 code inside a word: '§iÒu', 'Hµ'; a lone '§ 2' or '©' is just a symbol.
_TCVN3_EVIDENCE = re.compile(f"(?<=[^\\W\\d_])[{cs.TCVN3_TELLTALES}]|[{cs.TCVN3_TELLTALES}](?=[^\\W\\d_])")
_ASCII_LETTERS = re.compile("[A-Za-z]")
_PRECOMPOSED = re.compile("[\u1ea0-\u1ef9]")
# Word keeps the codes of a font it takes for a symbol font at U+F000 + code.
_SYMBOL_AREA = {0xF000 + b: b for b in range(0x20, 0x100)}
# Telltales that mean the same in Windows-1258 as in Latin-1 ('µ' yes; 'Ð', which cp1258 reads 'Đ',
# no): a real cp1258 text re-read as Latin shows none of them.
_TCVN3_TELLTALES_CP1258 = "".join(c for c in cs.TCVN3_TELLTALES if c.encode("latin-1").decode("cp1258") == c)
_CP1258_SAFE = re.compile(f"(?<=[^\\W\\d_])[{_TCVN3_TELLTALES_CP1258}]|[{_TCVN3_TELLTALES_CP1258}](?=[^\\W\\d_])")


def font_encoding(font: str) -> str | None:
    """'tcvn3' for the .Vn… fonts, 'tcvn3-upper' for their all-caps …H variants, 'vni' for VNI-…"""
    name = font.strip().strip("'\"").replace("\\", "")
    if name.lower().startswith("vni"):
        return "vni"
    if name.lower().startswith((".vn", "vn")):
        return "tcvn3-upper" if name.endswith("H") else "tcvn3"
    return None


def has_unicode_vietnamese(text: str) -> bool:
    return UNICODE_ONLY.search(text) is not None


def repair(text: str, font_hints: Iterable[str] = ()) -> tuple[str, str | None]:
    """(repaired text, what it was converted from) — None when nothing was converted."""
    hinted = {e for e in map(font_encoding, font_hints) if e}
    if hinted == {"tcvn3", "tcvn3-upper"}:
        hinted = {"tcvn3"}          # mixed runs: capitals are then told by their plain letters
    reread = None if hinted else _reread_cp1258(text)
    if reread:
        return reread
    text, found = _fix_mojibake(text)
    if len(hinted) == 1:
        enc = hinted.pop()
        text = text.translate(_SYMBOL_AREA)
        fixed = _convert_lines(text, enc, lambda line: True)
    else:
        enc = _dominant_legacy(text)
        fixed = _convert_lines(text, enc, _evidence_test(text, enc)) if enc else text
    if fixed != text:
        return fixed, enc.removesuffix("-upper")
    return text, found


def repair_lines(lines: Iterable[Sequence[tuple[str, str | None]]]) -> tuple[str, str | None]:
    """Repair a text given as lines of (text, font name) pieces, as DOCX and HTML hold it: pieces in
    legacy fonts are converted by their font, the rest by what the whole text shows."""
    grouped = [_group_by_encoding(pieces) for pieces in lines]
    trust_fonts = _fonts_are_legacy(grouped)
    out, found = [], None
    for groups in grouped:
        line = []
        for text, font in groups:
            fixed, enc = repair(text, (font,)) if font and trust_fonts else (text, None)
            line.append(fixed)
            found = found or enc
        out.append("".join(line).rstrip())
    text, enc = repair("\n".join(out))
    return text, found or enc


def _fonts_are_legacy(grouped: list[list[tuple[str, str | None]]]) -> bool:
    """False for a Unicode text typed over a template whose styles still name .VnTime: most of the
    non-ASCII text in legacy fonts then holds letters that only Unicode has."""
    unicode = legacy = 0
    for groups in grouped:
        for text, font in groups:
            if font and not text.isascii():
                if has_unicode_vietnamese(text):
                    unicode += 1
                else:
                    legacy += 1
    return legacy >= unicode


def _group_by_encoding(pieces: Sequence[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Merge neighbouring pieces whose fonts share an encoding, so a syllable split over runs converts
    whole; a group keeps the font of its first piece, or None when that font names no legacy encoding."""
    groups: list[list] = []                        # [text, font, encoding]
    for text, font in pieces:
        enc = font_encoding(font) if font else None
        if groups and groups[-1][2] == enc:
            groups[-1][0] += text
        else:
            groups.append([text, font if enc else None, enc])
    return [(text, font) for text, font, _ in groups]


def _reread_cp1258(text: str) -> tuple[str, str] | None:
    """TCVN3/VNI bytes that a reader decoded as Windows-1258 (the usual guess for 8-bit Vietnamese):
    back to bytes, read as Windows Latin, and convert if they show a legacy encoding. Such text never
    holds a precomposed letter of the U+1EA0 block, which any real Unicode Vietnamese text does."""
    if text.isascii() or _PRECOMPOSED.search(text):
        return None
    try:
        latin = text.encode("cp1258").decode("cp1252", errors="replace")
    except UnicodeEncodeError:
        return None
    enc = _dominant_legacy(latin, _CP1258_SAFE)
    if enc is None:
        return None
    return _convert_lines(latin, enc, _evidence_test(latin, enc, _CP1258_SAFE)), enc


def _fix_mojibake(text: str) -> tuple[str, str | None]:
    """UTF-8 bytes shown as cp1252 ('Cá»™ng') or MacRoman ('C·ªông'): re-encode each run of
    non-ASCII characters and decode it as UTF-8 (a Vietnamese letter's bytes are never ASCII)."""
    for codec, name in (("cp1252", "utf-8 read as cp1252"), ("mac_roman", "utf-8 read as macroman")):
        count = 0
        leads = _UTF8_LEADS[codec]
        if not _UTF8_PAIRS[codec].search(text):
            continue

        def redo(m: re.Match) -> str:
            nonlocal count
            if not any(c in leads for c in m.group()) or all(c in _VIETNAMESE_LATIN1 for c in m.group()):
                return m.group()             # no UTF-8 lead byte, or plain Vietnamese letters ('à', 'Ô')
            fixed = _reencode(m.group(), codec)
            if fixed is None or not all(_vietnamese_char(c) for c in fixed):
                return m.group()
            count += 1
            return fixed

        candidate = _NON_ASCII_RUN.sub(redo, text)
        if count:
            return unicodedata.normalize("NFC", candidate), name
    return text, None


def _reencode(run: str, codec: str) -> str | None:
    try:
        raw = b"".join(_byte(c, codec) for c in run)
        fixed = raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != run else None


def _byte(c: str, codec: str) -> bytes:
    if codec == "cp1252" and 0x80 <= ord(c) <= 0x9F:
        return bytes([ord(c)])       # a byte cp1252 leaves undefined, decoded as a C1 control
    return c.encode(codec)


_TYPOGRAPHIC = "“”‘’–—…•"
# How each codec shows the lead bytes of Vietnamese letters and quotes in UTF-8 (C3 C4 C5 C6 E1 E2).
_UTF8_LEADS = {"cp1252": "ÃÄÅÆáâ", "mac_roman": "√ƒ≈∆·‚"}
_VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"


def _continuations(codec: str) -> str:
    """How the codec shows the continuation bytes of UTF-8 (0x80-0xBF), as _byte reads them back."""
    shown = bytes(range(0x80, 0xC0)).decode(codec, errors="ignore")
    return shown + "".join(map(chr, range(0x80, 0xA0))) if codec == "cp1252" else shown


# A lead byte's character right before a continuation byte's: no text without one holds a UTF-8 sequence
# to repair, and this is far cheaper to look for than the runs of non-ASCII characters are to try.
_UTF8_PAIRS = {codec: re.compile(f"[{re.escape(leads)}][{re.escape(_continuations(codec))}]")
               for codec, leads in _UTF8_LEADS.items()}


def _vietnamese_char(c: str) -> bool:
    base = unicodedata.normalize("NFD", c)[0]
    return base.isascii() or c in "đĐ" or c in _TYPOGRAPHIC or "LATIN" in unicodedata.name(base, "")


def _dominant_legacy(text: str, tcvn3_evidence: re.Pattern = _TCVN3_EVIDENCE) -> str | None:
    """The legacy encoding of this text, when its lines without Unicode-only letters show enough of
    one encoding's telltales (two or more, and one word in fifty: Vietnamese in TCVN3 or VNI shows
    one in every few words, a Unicode text at most a stray 'µm') and outnumber the Unicode lines."""
    scores = {"tcvn3": 0, "vni": 0}
    legacy_lines = unicode_lines = legacy_words = 0
    for line in text.splitlines():
        if has_unicode_vietnamese(line):
            unicode_lines += 1
            continue
        t, v = len(tcvn3_evidence.findall(line)), len(_VNI_EVIDENCE.findall(line))
        scores["tcvn3"] += t
        scores["vni"] += v
        legacy_lines += bool(t or v)
        legacy_words += len(line.split())
    enc = max(scores, key=scores.get)
    if scores[enc] < max(2, legacy_words / 50):
        return None
    strong_line = any(_line_evidence(line, enc, tcvn3_evidence) >= 2 for line in text.splitlines())
    return enc if legacy_lines >= unicode_lines or strong_line else None


def _line_evidence(line: str, enc: str, tcvn3_evidence: re.Pattern = _TCVN3_EVIDENCE) -> int:
    if has_unicode_vietnamese(line):
        return 0
    return len((tcvn3_evidence if enc == "tcvn3" else _VNI_EVIDENCE).findall(line))


def _evidence_test(text: str, enc: str, tcvn3_evidence: re.Pattern = _TCVN3_EVIDENCE):
    """Which lines to convert: all non-Unicode lines in a mostly legacy text, else those with telltales."""
    lines = [line for line in text.splitlines() if line.strip()]
    legacy = sum(1 for line in lines if _line_evidence(line, enc, tcvn3_evidence))
    unicode = sum(1 for line in lines if has_unicode_vietnamese(line))
    if legacy >= unicode:
        return lambda line: True
    return lambda line: _line_evidence(line, enc, tcvn3_evidence) >= 2


def _convert_lines(text: str, enc: str, wanted) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if line.isascii() or has_unicode_vietnamese(line) or not wanted(line):
            out.append(line)
        elif enc == "vni":
            out.append(_from_vni(line))
        else:
            out.append(_from_tcvn3(line, upper=enc == "tcvn3-upper"))
    return "".join(out)


def _from_vni(line: str) -> str:
    line = line.translate(_VNI_LETTERS)
    line = _VNI_SYLLABLE.sub(lambda m: m.group(1) + _VNI_MARKS[m.group(2)], line)
    return unicodedata.normalize("NFC", line)


def _from_tcvn3(line: str, upper: bool) -> str:
    """Decode, then restore capitals that .VnTimeH drew from lower-case codes: each word whose plain
    letters are all capitals ('CéNG', 'KHÈN'), and the whole line when all its plain letters are
    capitals and its words with lower-case codes hold two or more of them ('Bé Y TÕ'; not 'HÖ VN-2000'
    = 'Hệ VN-2000', nor 'Sè: 02/TT-BGD§T')."""
    converted = line.translate(_TCVN3)
    words = re.split(r"(\s+)", line)
    coded = [w for w in words if any(c in _TCVN3_LOWER for c in w)]     # 'TT-BGD§T' has a capital Đ only
    if upper or (_all_caps(line, minimum=1) and _all_caps("".join(coded), minimum=2)):
        return converted.upper()
    out, pos = [], 0
    for w in words:
        piece = converted[pos:pos + len(w)]
        out.append(piece.upper() if _all_caps(w, minimum=2) else piece)
        pos += len(w)
    return "".join(out)


def _all_caps(s: str, minimum: int) -> bool:
    letters = _ASCII_LETTERS.findall(s)
    return len(letters) >= minimum and all(c.isupper() for c in letters)
