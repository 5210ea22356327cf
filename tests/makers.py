"""Makers of odd and hostile input files, shared by the ingest tests and the hostile-batch test.

Each returns bytes; the tests decide the file name (a PDF named .txt is a case of its own)."""
from __future__ import annotations

import io
import random
import struct
import unicodedata
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- PDF -------------------------------------------------------------------------------------------

def minimal_pdf(page_streams: list[bytes], encrypt: bool = False) -> bytes:
    """A small valid PDF: one Helvetica text stream per page; with `encrypt`, a standard security
    handler whose user password is not empty, so no reader can open it without the password."""
    count = len(page_streams)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, stream in enumerate(page_streams):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    trailer = b""
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32))
        trailer = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"33" * 16, b"33" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# --- DOCX ------------------------------------------------------------------------------------------

def zipped(*names: str) -> bytes:
    """A zip whose members are the given names, each a tiny XML document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buf.getvalue()


def make_docx(body: str, parts: dict[str, str] | None = None, prolog: str = "") -> bytes:
    """A minimal .docx: `body` is the inside of <w:body>, `parts` more members by name."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
                                         f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
    return buf.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def run(text: str, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def docx_of_text(text: str) -> bytes:
    """A .docx holding `text`, one paragraph a line (XML special characters escaped)."""
    from xml.sax.saxutils import escape
    return make_docx("".join(para(run(escape(line))) for line in text.splitlines()))


def external_entity_docx(secret_path: str) -> bytes:
    """A .docx whose text is an external entity naming a local file: a reader must not pull it in."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'
    return make_docx(para(run("Kính gửi: các đơn vị. &xxe;")), prolog=prolog)


def billion_laughs_docx(levels: int = 10) -> bytes:
    """Entities nested ten deep, ten each: a few bytes that expand to 10^levels copies."""
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, levels))
    return make_docx(para(run(f"&a{levels - 1};")), prolog=f"<!DOCTYPE w:document [{entities}]>")


def zip_bomb_docx(unpacked_gb: int = 2) -> bytes:
    """A .docx with a media member of `unpacked_gb` GB of zeros in about a thousandth of that.

    Built from one flushed deflate block repeated, so making it costs milliseconds, not a 2 GB compression;
    sizes and CRC are the true ones, so only the declared size or the unpacking itself can give it away."""
    chunk_size = 16 << 20
    copies = unpacked_gb * 1024 // 16
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(chunk_size)) + packer.flush(zlib.Z_FULL_FLUSH)
    stream = block * copies + b"\x03\x00"        # an empty final block ends the stream
    size = chunk_size * copies
    crc = 0
    zeros = bytes(chunk_size)
    for _ in range(copies):
        crc = zlib.crc32(zeros, crc)
    head = make_docx(para(run("Kính gửi: các đơn vị.")))
    return _append_member(head, "word/media/zeros.bin", stream, size, crc)


def _append_member(archive: bytes, name: str, deflated: bytes, size: int, crc: int) -> bytes:
    """`archive` with one more deflated member, written by hand (zipfile would compress it for real)."""
    eocd = archive.rindex(b"PK\x05\x06")
    entries, _, dir_size, dir_offset = struct.unpack("<HHII", archive[eocd + 8:eocd + 20])
    body, directory = archive[:dir_offset], archive[dir_offset:dir_offset + dir_size]
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), size, len(encoded), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), size,
                          len(encoded), 0, 0, 0, 0, 0, len(body))
    new_body = body + local + encoded + deflated
    new_dir = directory + central + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries + 1, entries + 1, len(new_dir), len(new_body), 0)
    return new_body + new_dir + end


# --- text ------------------------------------------------------------------------------------------

def nfd(text: str) -> bytes:
    return unicodedata.normalize("NFD", text).encode("utf-8")


def crlf_with_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def html_with_scripts(text: str, marker: str) -> bytes:
    """A page holding `text` in paragraphs, with `marker` inside scripts, a style and a noscript-free head."""
    from html import escape
    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    script = f"<script>var {marker} = '{marker}'; document.write('{marker}');</script>"
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản</title>{script}'
            f'<style>.{marker} {{ color: red }}</style></head><body>{script}{body}'
            f'<script type="text/javascript">console.log("{marker}")</script></body></html>').encode("utf-8")


def repeated_to(text: str, size: int) -> bytes:
    """`text` repeated, UTF-8, until at least `size` bytes."""
    data = text.encode("utf-8")
    return data * (size // len(data) + 1)
