"""Word 2007+ (.docx): paragraphs, tables and text boxes in reading order, headers first, footers last.
The zip is checked before anything is unpacked, the XML parsed without DTDs or entities, and text in
the legacy .VnTime / VNI fonts converted to Unicode run by run, from the fonts the runs name."""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from .. import encodings
from ..document import RawText
from ..errors import IngestError
from ..options import Options
from .docx_numbering import Numbering, w_val

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAIN_PART = "word/document.xml"
NEAR_EMPTY = 20          # fewer letters than this: the document is pictures (a scan pasted into Word)
PICTURES_ONLY = "no text in the document: it holds images only and needs OCR"    # ocr.complete reads these
MAX_RATIO = 200          # deflate reaches ~1000:1 only on degenerate data; real XML stays well under 100:1


def read(path: Path, data: bytes, options: Options) -> RawText:
    zf = open_zip(data, options)
    main = _main_part(zf, options)
    parts = sorted(n for n in zf.namelist() if re.fullmatch(r"word/header\d*\.xml", n))
    footers = sorted(n for n in zf.namelist() if re.fullmatch(r"word/footer\d*\.xml", n))
    styles = _Styles(_optional_part(zf, "word/styles.xml", options))
    walker = _Walker(styles, Numbering(_optional_part(zf, "word/numbering.xml", options)))
    blocks: list[list[tuple[str, str | None]]] = []
    seen: set[str] = set()
    for name in [*parts, main, *footers]:
        part_blocks = walker.blocks(_parse(zf, name, options))
        key = "\n".join("".join(t for t, _ in b) for b in part_blocks)
        if name == main or key not in seen:         # each section repeats its header and footer
            blocks += part_blocks
            seen.add(key)
    text, encoding = encodings.repair_lines(blocks)
    encoding = encoding or "utf-8"
    warnings = ()
    if sum(c.isalpha() for c in text) < NEAR_EMPTY:
        pictures = any(n.startswith("word/media/") for n in zf.namelist())
        warnings = (PICTURES_ONLY if pictures
                    else "no text in the document",)
    return RawText(format="docx", pages=(text,), encoding=encoding, warnings=warnings)


def open_zip(data: bytes, options: Options) -> zipfile.ZipFile:
    """The archive, refused when corrupt or when it would unpack past the limit (a zip bomb)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise IngestError(f"corrupt zip: {e}") from None
    total = sum(i.file_size for i in infos)
    if total > options.max_unpacked_bytes:
        raise IngestError(f"zip bomb: unpacks to {total} bytes, the limit is {options.max_unpacked_bytes}")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise IngestError(f"zip bomb: {i.filename} expands {i.file_size // max(i.compress_size, 1)} times")
    return zf


def _main_part(zf: zipfile.ZipFile, options: Options) -> str:
    """The officeDocument target named in _rels/.rels, else the usual word/document.xml."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        for rel in _parse(zf, "_rels/.rels", options).iter(REL):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target in names:
                    return target
    if MAIN_PART not in names:
        raise IngestError("not a Word document: the zip has no word/document.xml")
    return MAIN_PART


def _optional_part(zf: zipfile.ZipFile, name: str, options: Options) -> Element | None:
    return _parse(zf, name, options) if name in zf.namelist() else None


def _parse(zf: zipfile.ZipFile, name: str, options: Options) -> Element:
    try:
        with zf.open(name) as f:
            xml = f.read(options.max_unpacked_bytes + 1)     # a member may declare a false size
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise IngestError(f"corrupt zip member {name}: {e}") from None
    except RuntimeError as e:                                # encrypted member
        raise IngestError(f"unreadable zip member {name}: {e}") from None
    if len(xml) > options.max_unpacked_bytes:
        raise IngestError(f"zip bomb: {name} unpacks past {options.max_unpacked_bytes} bytes")
    try:
        return SafeET.fromstring(xml, forbid_dtd=True)
    except defusedxml.DefusedXmlException as e:
        raise IngestError(f"unsafe XML in {name}: {type(e).__name__}") from None
    except ParseError as e:
        raise IngestError(f"malformed XML in {name}: {e}") from None


class _Styles:
    """The font a run is drawn in when it names none itself: its character style, its paragraph
    style (following basedOn), the default paragraph style, the document defaults. And the list a
    paragraph style numbers its paragraphs in."""

    def __init__(self, styles: Element | None):
        self.font: dict[str, str | None] = {}
        self.numbering: dict[str, tuple[str | None, int]] = {}
        self.based_on: dict[str, str] = {}
        self.default_style = None
        self.doc_default = None
        if styles is None:
            return
        rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.doc_default = run_font(rpr)
        for s in styles.iter(f"{W}style"):
            sid = s.get(f"{W}styleId", "")
            self.font[sid] = run_font(s.find(f"{W}rPr"))
            if numbered := list_of(s.find(f"{W}pPr")):
                self.numbering[sid] = numbered
            based = s.find(f"{W}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{W}val", "")
            if s.get(f"{W}type") == "paragraph" and s.get(f"{W}default") in ("1", "true"):
                self.default_style = sid

    def _inherited(self, table: dict, style: str | None):
        for _ in range(20):             # basedOn chains are short; a cycle must not hang us
            if style is None:
                break
            if table.get(style):
                return table[style]
            style = self.based_on.get(style)
        return None

    def font_of(self, run_style: str | None, para_style: str | None) -> str | None:
        return (self._inherited(self.font, run_style) or self._inherited(self.font, para_style or self.default_style)
                or self.doc_default)

    def list_of(self, para_style: str | None) -> tuple[str | None, int] | None:
        return self._inherited(self.numbering, para_style or self.default_style)


def run_font(rpr: Element | None) -> str | None:
    if rpr is None:
        return None
    f = rpr.find(f"{W}rFonts")
    if f is None:
        return None
    return f.get(f"{W}ascii") or f.get(f"{W}hAnsi")


def list_of(ppr: Element | None) -> tuple[str | None, int] | None:
    """(numId, level) of w:numPr, when the paragraph properties name one."""
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is None:
        return None
    return w_val(num, "numId"), int(w_val(num, "ilvl") or 0)


class _Walker:
    """Blocks in reading order; a block is one output line made of (text, font) pieces. Table rows
    are read cell by cell, so that each cell of a borderless NĐ30 header table comes out whole."""

    def __init__(self, styles: _Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.field_code = ""         # instruction of the complex field being read
        self.in_page_field = False   # inside the shown result of a PAGE / NUMPAGES field

    def blocks(self, root: Element) -> list[list[tuple[str, str | None]]]:
        out: list[list[tuple[str, str | None]]] = []
        self._container(root, out)
        return out

    def _container(self, el: Element, out: list) -> None:
        for child in el:
            if child.tag == f"{W}p":
                self._paragraph(child, out)
            elif child.tag == f"{W}tbl":
                for row in child.findall(f"{W}tr"):
                    for cell in row.findall(f"{W}tc"):
                        self._container(cell, out)
            elif child.tag != MC_FALLBACK:
                self._container(child, out)       # body, sdt, sdtContent, customXml, txbxContent, …

    def _paragraph(self, p: Element, out: list) -> None:
        ppr = p.find(f"{W}pPr")
        para_style = w_val(ppr, "pStyle")
        pieces: list[tuple[str, str | None]] = []
        num_id, level = list_of(ppr) or self.styles.list_of(para_style) or (None, 0)
        label = self.numbering.label(num_id, level) if num_id not in (None, "0") else ""
        if label:
            pieces.append((label + " ", None))
        boxes: list = []
        self._inline(p, para_style, pieces, boxes)
        out.append(pieces)
        out.extend(boxes)

    def _inline(self, el: Element, para_style, pieces: list, boxes: list) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}fldSimple" and _is_page_number(child.get(f"{W}instr", "")):
                continue
            if tag == f"{W}r":
                self._field_state(child)
                if self.in_page_field:
                    continue
                font = self.styles.font_of(w_val(child.find(f"{W}rPr"), "rStyle"), para_style)
                font = run_font(child.find(f"{W}rPr")) or font
                pieces.append((self._run_text(child, boxes), font))
            elif tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", MC_FALLBACK):
                continue                          # deleted or moved-away text, properties, duplicate drawings
            else:
                self._inline(child, para_style, pieces, boxes)   # hyperlink, ins, smartTag, sdt, …

    def _field_state(self, run: Element) -> None:
        """Page numbers in headers and footers are field results: follow begin / code / separate / end."""
        for c in run:
            if c.tag == f"{W}fldChar":
                kind = c.get(f"{W}fldCharType")
                if kind == "begin":
                    self.field_code = ""
                elif kind == "separate":
                    self.in_page_field = _is_page_number(self.field_code)
                elif kind == "end":
                    self.in_page_field = False
            elif c.tag == f"{W}instrText":
                self.field_code += c.text or ""

    def _run_text(self, run: Element, boxes: list) -> str:
        parts = []
        for c in run:
            if c.tag == f"{W}t":
                parts.append(c.text or "")
            elif c.tag == f"{W}tab":
                parts.append("\t")
            elif c.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif c.tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif c.tag != f"{W}rPr":
                for box in _text_boxes(c):
                    self._container(box, boxes)
        return "".join(parts)


def _is_page_number(instruction: str) -> bool:
    return instruction.split()[:1] in (["PAGE"], ["NUMPAGES"], ["SECTIONPAGES"])


def _text_boxes(el: Element):
    """w:txbxContent under a drawing or VML shape, skipping mc:Fallback copies of the same box."""
    for child in el:
        if child.tag == f"{W}txbxContent":
            yield child
        elif child.tag != MC_FALLBACK:
            yield from _text_boxes(child)
