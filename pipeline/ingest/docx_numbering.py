"""Automatic list numbers of a .docx ('1.', 'a)', 'II.'): Word stores them as rules in numbering.xml,
not as text, and a khoản or điểm without its number loses its place in the document."""
from __future__ import annotations

from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "-"      # bullet glyphs are private-use codes of Symbol/Wingdings fonts; a dash reads the same
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def w_val(el: Element | None, child: str, default: str | None = None) -> str | None:
    c = el.find(f"{W}{child}") if el is not None else None
    return c.get(f"{W}val", default) if c is not None else default


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """a … z, then aa, bb … as Word counts."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(), "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


class Numbering:
    """Counts list paragraphs as Word does and writes their labels."""

    def __init__(self, root: Element | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}   # numId -> ilvl -> (start, format, text)
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(f"{W}abstractNumId"): self._levels(a) for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            levels = dict(abstract.get(w_val(num, "abstractNumId"), {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if ilvl in levels and w_val(override, "startOverride"):
                    levels[ilvl] = (int(w_val(override, "startOverride")),) + levels[ilvl][1:]
            self.levels[num.get(f"{W}numId")] = levels

    @staticmethod
    def _levels(abstract: Element) -> dict[int, tuple[int, str, str]]:
        return {int(lvl.get(f"{W}ilvl", "0")): (int(w_val(lvl, "start", "1") or 1), w_val(lvl, "numFmt", "decimal"),
                                                 w_val(lvl, "lvlText", "") or "")
                for lvl in abstract.findall(f"{W}lvl")}

    def label(self, num_id: str | None, ilvl: int) -> str:
        """The label of the next paragraph in list num_id at level ilvl ('' for none)."""
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] += 1
        start, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return BULLET
        for level in range(ilvl, -1, -1):
            if level in levels:
                lvl_start, lvl_fmt, _ = levels[level]
                shown = max(counts[level], 1) + lvl_start - 1
                text = text.replace(f"%{level + 1}", FORMATS.get(lvl_fmt, str)(shown))
        return text
