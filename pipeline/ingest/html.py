"""HTML: the document's own text, without the page around it (scripts, styles, menus, site header and
footer, forms). Blocks become lines, <br> a line break, and table rows are read cell by cell as in the
.docx reader, so a borderless NĐ30 header table keeps each cell whole."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.etree
import lxml.html

from .. import encodings
from ..document import RawText
from ..errors import IngestError
from ..options import Options

CHROME = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
          "select", "input", "textarea", "svg", "iframe", "object", "embed", "canvas", "head", "dialog"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
          "td", "th", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "blockquote", "pre",
          "center", "address", "figure", "figcaption", "hr", "body", "html"}
MAIN_SHARE = 0.8          # a child holding this share of its parent's text is where the document lies…
MAIN_WORDS = 60           # …if it holds a document's worth of words (a header table's cell holds fewer)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)", re.I)
_NAMES_LEGACY_FONT = re.compile(rb"""(?:font-family\s*:|face\s*=)\s*["']?\\?\.?vn""", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def read(path: Path, data: bytes, options: Options) -> RawText:
    markup, charset = decode(data)
    root = _parse(markup)
    fonts = _FontRules(root)
    _drop_chrome(root)
    body = root.find("body")
    text, legacy = encodings.repair_lines(_lines(_main_content(body if body is not None else root), fonts))
    return RawText(format="html", pages=(text,), encoding=legacy or charset)


def decode(data: bytes) -> tuple[str, str]:
    """Byte order mark, else the <meta> charset, else UTF-8; bytes that are not UTF-8 and declare
    nothing are Windows Latin when the page names a .Vn… or VNI font or shows their codes (such
    pages are repaired later), else cp1258."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass                          # unknown or false label: guess as if there were none
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    latin = data.decode("cp1252", errors="replace")
    if _NAMES_LEGACY_FONT.search(data) or encodings.repair(latin)[1] is not None:
        return latin, "cp1252"
    return data.decode("cp1258", errors="replace"), "cp1258"


def _parse(markup: str):
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)     # lxml refuses a str with an encoding declaration
    try:
        return lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(no_network=True, recover=True))
    except (lxml.etree.ParserError, ValueError) as e:
        raise IngestError(f"unreadable HTML: {e}") from None


class _FontRules:
    """The font each element is drawn in, as far as legacy encodings care: its style attribute,
    <font face>, the page's CSS rules for its class or tag, else its parent's."""

    def __init__(self, root):
        self.by_class: dict[str, str] = {}
        self.by_tag: dict[str, str] = {}
        for style in root.iter("style"):
            css = re.sub(r"/\*.*?\*/|<!--|-->", "", style.text or "", flags=re.S)
            for selectors, block in _CSS_RULE.findall(css):
                family = _first_family(block)
                for selector in selectors.split(","):
                    last = re.split(r"[\s>+~]+", selector.strip())[-1]
                    tag, _, cls = last.partition(".")
                    if family and cls:
                        self.by_class[cls] = family
                    elif family and tag:
                        self.by_tag[tag.lower()] = family

    def of(self, el, inherited: str | None) -> str | None:
        own = _first_family(el.get("style", "")) or (el.get("face", "").split(",")[0] if el.tag == "font" else "")
        if not own:
            own = next((self.by_class[c] for c in el.get("class", "").split() if c in self.by_class), None)
        return own or self.by_tag.get(el.tag) or inherited


def _first_family(css: str) -> str | None:
    m = _FONT_FAMILY.search(css)
    return m.group(1).split(",")[0].strip().strip("'\"") if m else None


def _drop_chrome(root) -> None:
    doomed = [el for el in root.iter()
              if not isinstance(el.tag, str)
              or el.tag.lower() in CHROME
              or el.get("role", "").lower() in CHROME_ROLES
              or el.get("aria-hidden") == "true" or el.get("hidden") is not None
              or re.search(r"display\s*:\s*none", el.get("style", ""), re.I)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()                  # keeps the tail text, which belongs to the parent


def _text_size(el) -> int:
    return len("".join(el.itertext()).split())


def _main_content(el):
    """<main> or a single <article> when there is one; else go down from <body> while one child
    holds nearly all of the text (a page wraps the document in its own containers)."""
    for tag in ("main", "article"):
        found = el.findall(f".//{tag}")
        if len(found) == 1 and _text_size(found[0]) >= 0.5 * _text_size(el):
            el = found[0]
            break
    while True:
        total = _text_size(el)
        children = [c for c in el if isinstance(c.tag, str)]
        biggest = max(children, key=_text_size, default=None)
        size = _text_size(biggest) if biggest is not None else 0
        if size < MAIN_WORDS or size < MAIN_SHARE * total or (el.text or "").strip():
            return el
        if any((c.tail or "").strip() for c in children):
            return el                        # loose text beside the child belongs to the document too
        el = biggest


Piece = tuple[str, "str | None"]          # text and the font it is drawn in


def _lines(el, fonts: _FontRules) -> list[list[Piece]]:
    lines: list[list[Piece]] = []
    current: list[Piece] = []

    def end_line() -> None:
        pieces = [(re.sub(r"[ \t\u00a0]+", " ", t), f) for t, f in current]
        if "".join(t for t, _ in pieces).strip():
            pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
            lines.append(pieces)
        current.clear()

    def add(text: str, pre: bool, font: str | None) -> None:
        if not pre:
            current.append((re.sub(r"\s+", " ", text), font))
            return
        for i, part in enumerate(text.split("\n")):
            if i:
                end_line()
            current.append((part, font))

    def walk(node, pre: bool, inherited: str | None) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        font = fonts.of(node, inherited) if tag else inherited
        if tag == "br" or tag in BLOCKS:
            end_line()
        pre = pre or tag == "pre"
        if node.text:
            add(node.text, pre, font)
        for child in node:
            walk(child, pre, font)
            if child.tail:
                add(child.tail, pre, font)
        if tag in BLOCKS:
            end_line()

    outer = None
    for ancestor in reversed(list(el.iterancestors())):    # the body may set the font of the whole page
        outer = fonts.of(ancestor, outer)
    walk(el, False, outer)
    end_line()
    return lines
