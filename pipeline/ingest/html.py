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
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;\"}]+)", re.I)


def read(path: Path, data: bytes, options: Options) -> RawText:
    markup, charset = decode(data)
    root = _parse(markup)
    hints = _font_names(root)
    _drop_chrome(root)
    body = root.find("body")
    text = "\n".join(_lines(_main_content(body if body is not None else root)))
    fixed, legacy = encodings.repair(text)
    if legacy is None and hints and not encodings.has_unicode_vietnamese(text):
        fixed, legacy = encodings.repair(text, hints)      # a page all in .VnTime with few telltales
    return RawText(format="html", pages=(fixed,), encoding=legacy or charset)


def decode(data: bytes) -> tuple[str, str]:
    """Byte order mark, else the <meta> charset, else UTF-8; bytes that are not UTF-8 and declare
    nothing are Windows Latin (where TCVN3/VNI pages live, repaired later) or cp1258."""
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
    if encodings.repair(latin)[1] is not None:
        return latin, "cp1252"
    return data.decode("cp1258", errors="replace"), "cp1258"


def _parse(markup: str):
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)     # lxml refuses a str with an encoding declaration
    try:
        return lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(no_network=True, recover=True))
    except (lxml.etree.ParserError, ValueError) as e:
        raise IngestError(f"unreadable HTML: {e}") from None


def _font_names(root) -> tuple[str, ...]:
    """Font names that say the text is in a legacy encoding: CSS font-family and <font face>."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        styles = el.get("style", "") + (el.text or "" if el.tag == "style" else "")
        for family in _FONT_FAMILY.findall(styles):
            found += [f for f in family.split(",")]
        if el.tag == "font" and el.get("face"):
            found += el.get("face").split(",")
    return tuple(f for f in found if encodings.font_encoding(f))


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


def _lines(el) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def end_line() -> None:
        line = re.sub(r"[ \t\u00a0]+", " ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(node, pre: bool) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "br":
            end_line()
        elif tag in BLOCKS:
            end_line()
        pre = pre or tag == "pre"
        if node.text:
            _add(current, node.text, pre, end_line)
        for child in node:
            walk(child, pre)
            if child.tail:
                _add(current, child.tail, pre, end_line)
        if tag in BLOCKS:
            end_line()

    walk(el, False)
    end_line()
    return lines


def _add(current: list[str], text: str, pre: bool, end_line) -> None:
    if not pre:
        current.append(re.sub(r"\s+", " ", text))
        return
    for i, part in enumerate(text.split("\n")):
        if i:
            end_line()
        current.append(part)
