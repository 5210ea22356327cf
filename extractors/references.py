"""Documents the text cites (FORMAT.md §1 'Citations', §3): every số ký hiệu with its type, date, issuer and summary,
short forms pointing back to them ('Thông tư số 13', 'các văn bản nêu trên'), and citations by name alone
('Luật Khám bệnh, chữa bệnh năm 2023', 'Đề án 06/CP').

Not citations: the document's own number (header, the 'Số:' line, an annex's 'Kèm theo Quyết định số …' of this very
document), form and annex numbers ('Mẫu số 01/…'), database notes in square brackets, and the forwarded documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from pipeline.document import Document

from . import symbols
from .citation_parts import (Label, folded_view, label_before, law_label_before, not_a_document, number_word_before,
                             tail_after)
from .findings import Header, Reference
from .issuers import name_of
from .lexicon import type_by_abbreviation, unpreceded
from .named_citations import by_name

# 'Số:' opening the header's number box: at a line start, after a column gap or a table bar, or with its colon.
_OWN_LABEL = re.compile(r"(?:(?:^|\n|\||[ \t]{2})[ \t]*(?:Số|SỐ|So|S6|Sô)\s*[:.]?|(?<!\w)(?:Số|SỐ|S6|Sô)\s*:)"
                        r"\s*[^\w\s]?$")           # a stray OCR mark may stand before the number: 'Số: †4/UBND
_HEADER_REACH = 2500       # the number box sits in the first lines (after at most a database's title line)


@dataclass(frozen=True)
class _Candidate:
    match: symbols.SymbolMatch
    label: Label | None

    @property
    def start(self) -> int:
        return self.label.start if self.label else self.match.start


def extract(doc: Document, header: Header) -> tuple[Reference, ...]:
    text = doc.text
    clean = symbols.view(text)
    folded = folded_view(clean)
    forwarded = doc.zone("forwarded")
    end = forwarded.start if forwarded else len(text)

    found = [c for c in (_candidate(clean, folded, m) for m in symbols.find(clean, 0, end)) if c]
    own = _own_numbers(doc, header, clean, found)
    found = [c for c in found if not _is_own(c, own, folded) and not _in_note(folded, c.match)]
    refs: list[Reference] = []
    for i, c in enumerate(found):
        stop = found[i + 1].start if i + 1 < len(found) else end
        refs.append(_reference(text, clean, folded, c, stop))
    refs += by_name(text, clean, end, refs)
    refs += _short_forms(text, folded, end, refs)
    return _completed(sorted(refs, key=lambda r: r.span))


def _candidate(clean: str, folded: str, m: symbols.SymbolMatch) -> _Candidate | None:
    if not_a_document(folded, m.start):
        return None
    label = label_before(clean, folded, m.start)
    ns = m.value
    single = len(symbols.groups(ns.symbol)) == 1 and ns.year is None and "-" not in ns.id
    if single and not (label or number_word_before(folded, m.start)):
        return None            # '2/HDPE' and the like: a bare code, no word says it is a document
    return _Candidate(m, label)


def _own_numbers(doc: Document, header: Header, clean: str, found: list[_Candidate]) -> list[symbols.NumberSymbol]:
    """The document's own số ký hiệu: from the header, the number zone and the first 'Số:' line."""
    own = []
    if header.number and header.symbol:
        own.append(symbols.NumberSymbol(header.number, header.year, symbols.clean(header.symbol), None, ""))
    zone = doc.zone("number")
    boxed = next((c for c in found if zone and zone.start <= c.match.start < zone.end), None)
    labelled = next((c for c in found if c.match.start < _HEADER_REACH and _is_number_box(clean, c)), None)
    return own + [c.match.value for c in (boxed, labelled) if c]


def _is_number_box(clean: str, c: _Candidate) -> bool:
    """'Số: 1366/BYT-K2ĐT', or for a law 'Luật số: 64/2025/QH15' opening its line (FORMAT.md §2b)."""
    if c.label is None:
        return bool(_OWN_LABEL.search(clean[max(0, c.match.start - 12):c.match.start]))
    line_start = clean.rfind("\n", 0, c.label.start) + 1
    return not clean[line_start:c.label.start].strip(" \t|") and \
        bool(re.search(r"(?:số|SỐ)\s*:\s*$", clean[c.label.start:c.match.start]))


def _is_own(c: _Candidate, own: list[symbols.NumberSymbol], folded: str) -> bool:
    """Same number, year and symbol; in an annex's '(Kèm theo … số …)' line the symbol may carry a typo
    ('BVSN-CTTT' for 'BVSN-CNTT'), elsewhere a near miss is another register's document."""
    ns = c.match.value
    annex = "kem theo" in folded[max(0, c.start - 40):c.start]
    return any(ns.number == o.number and (ns.year is None or o.year is None or ns.year == o.year)
               and (ns.symbol.upper() == o.symbol.upper() or annex and
                    SequenceMatcher(None, ns.symbol.upper(), o.symbol.upper()).ratio() >= 0.85) for o in own)


# A legal database's note on the text: '[Nội dung này được đính chính bởi Công văn 666/BYT-BH …]'. Other brackets
# may hold the document's own footnotes, which cite documents like its body does.
_DATABASE_NOTE = re.compile(r"\[\s*(?:noi dung|khoan|diem|dieu|cum tu|van ban|muc|chuong|phu luc)\b[^\]\n]*?"
                            r"\b(?:dinh chinh|sua doi|bo sung|bai bo|thay the|het hieu luc)\b[^\]\n]*\]")


def _in_note(folded: str, m: symbols.SymbolMatch) -> bool:
    """Inside a database's note, or inside a web address: not the document's own words."""
    line_start = folded.rfind("\n", 0, m.start) + 1
    token = folded[line_start:m.start].split(" ")[-1]
    return any(n.start() < m.start and m.end <= n.end() for n in _DATABASE_NOTE.finditer(folded, line_start)) or \
        bool(re.search(r"https?:|www\.|\.(?:vn|com|gov)\b", token))


def _doc_type(label: Label | None, ns: symbols.NumberSymbol) -> str | None:
    """The grammar decides (FORMAT.md §3 'trust the grammar, not the label'); the label settles what it leaves open:
    a QH number (law or resolution), the old inverted order '500/BYT-QĐ', a bare issuer '769/TTg'."""
    slug = label.slug if label else None
    parts = symbols.groups(ns.symbol)
    table = type_by_abbreviation()
    if "-" in ns.id.split("/")[0]:                       # party form: parse() already read the type
        return ns.doc_type or slug
    if ns.doc_type != "cong_van":
        if ns.doc_type == "luat" and slug in ("luat", "bo_luat", "phap_lenh", "nghi_quyet"):
            return slug
        return ns.doc_type
    if slug and slug in {table.get(p.upper()) for p in parts[1:]}:
        return slug
    if len(parts) == 1 and slug:
        return slug
    return "cong_van"


def _reference(text: str, clean: str, folded: str, c: _Candidate, stop: int) -> Reference:
    ns, label, start = c.match.value, c.label, c.start
    title = None
    if label is None and ns.doc_type == "luat":
        law = law_label_before(clean, c.match.start)
        if law:
            label = Label(law[0], law[1], True)
            named = " ".join(clean[law[1]:c.match.start].split())
            title = re.sub(r"\s+(?:số|so)\s*:?$", "", named) or None
            start = law[1] if title and " " in title else c.match.start
    if label and label.slug == "de_an" and not label.has_number_word and ns.year is None \
            and len(symbols.groups(ns.symbol)) == 1:
        # 'Đề án 06/CP' is a nickname, not a number (FORMAT.md §2b)
        return Reference(text[label.start:c.match.end], (label.start, c.match.end), None, "de_an",
                         title=" ".join(text[label.start:c.match.end].split()))
    tail = tail_after(text, clean, folded, c.match.end, stop)
    end = max(c.match.end, tail.end)
    return Reference(text[start:end], (start, end), ns.id, _doc_type(label, ns), ns.number, ns.year, ns.symbol,
                     tail.issuer, tail.date, title or tail.title)


def _issuer_from_symbol(symbol: str) -> str | None:
    """The issuer's code in the symbol: after the type ('TT-BYT' -> 'Bộ Y tế'), or first in a công văn
    ('BYT-K2ĐT' -> 'Bộ Y tế'). A party symbol ('NQ/TW') does not say which central body issued it."""
    parts = symbols.groups(symbol)
    if "/" in symbol or not parts:
        return None
    if len(parts) == 2 and parts[0].upper() in type_by_abbreviation():
        return name_of(parts[1])
    return name_of(parts[0])


_SHORT_TYPES = ("thong tu lien tich", "thong tu", "nghi dinh", "nghi quyet", "quyet dinh", "chi thi", "cong van",
                "van ban", "ke hoach", "thong bao", "cong dien", "huong dan", "chuong trinh", "to trinh", "bao cao")
_WORD = rf"(?P<word>{'|'.join(unpreceded(w) for w in _SHORT_TYPES)})"
_SHORT = re.compile(rf"{_WORD}\s+(?:so|s6)\s*:?\s*(?P<num>\d{{1,6}}[a-z]?)(?![\d/-]|\s*[/-]\s*\w)")
_THE_ABOVE = re.compile(rf"(?P<word>{'|'.join(unpreceded(w, '[a-z]', 'cac ') for w in _SHORT_TYPES)})"
                        r"\s+(?:neu |noi )?tren(?![a-z])")
_ALL_ABOVE = re.compile(rf"{unpreceded('cac van ban')} (?:neu |noi )?tren(?![a-z])")


def _short_forms(text: str, folded: str, end: int, refs: list[Reference]) -> list[Reference]:
    """'Thông tư số 13', 'Chỉ thị số 04 nêu trên': the earlier citation with that number and type;
    'Quyết định nêu trên', 'văn bản nêu trên': the last one of that type; 'các văn bản nêu trên': every document
    cited before it."""
    full = sorted((r for r in refs if r.id), key=lambda r: r.span)
    out = []

    def fits(r: Reference, m: re.Match) -> bool:
        named = (r.doc_type or "").replace("_", " ")
        return r.span[1] <= m.start() and m.group("word") in ("cong van", "van ban", named)

    def point(r: Reference, m: re.Match) -> Reference:
        return replace(r, text=text[m.start():m.end()], span=(m.start(), m.end()), title=None)

    for m in _SHORT.finditer(folded, 0, end):
        earlier = [r for r in full if fits(r, m) and r.number.lstrip("0") == m.group("num").lstrip("0")]
        if earlier and not any(r.span[0] <= m.start() < r.span[1] for r in full):
            out.append(point(earlier[-1], m))
    for m in _THE_ABOVE.finditer(folded, 0, end):
        earlier = [r for r in full if fits(r, m)]
        if earlier:
            out.append(point(earlier[-1], m))
    for m in _ALL_ABOVE.finditer(folded, 0, end):
        seen: dict[str, Reference] = {}
        for r in full:
            if r.span[1] <= m.start():
                seen.setdefault(r.id, r)
        out += [point(r, m) for r in seen.values()]
    return out


def _completed(refs: list[Reference]) -> tuple[Reference, ...]:
    """A later mention of an id ('Thông tư số 13/2025/TT-BYT') takes what its fullest mention tells; an issuer
    that no mention names comes from the symbol."""
    best: dict[str, Reference] = {}
    for r in refs:
        if r.id:
            b = best.get(r.id)
            if b is None or _richness(r) > _richness(b):
                best[r.id] = r
    return tuple(replace(r, doc_type=r.doc_type or best[r.id].doc_type, date=r.date or best[r.id].date,
                         issuer=r.issuer or best[r.id].issuer or _issuer_from_symbol(r.symbol or ""),
                         title=r.title or best[r.id].title)
                 if r.id else r for r in refs)


def _richness(r: Reference) -> int:
    return sum(v is not None for v in (r.date, r.issuer, r.title))
