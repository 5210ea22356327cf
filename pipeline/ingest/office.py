"""LibreOffice conversions of Word files: .doc to .docx for the .docx reader, and .doc/.docx to PDF
for OCR of a document that holds only pictures (a scan pasted into Word). Each conversion runs in
a private folder with a private profile: parallel conversions would otherwise fight over one."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import IngestError

CONVERT_TIMEOUT_S = 120.0
# Import filters tried in turn for .doc; naming one keeps LibreOffice from importing a damaged file as plain text.
WORD_FILTERS = ("MS Word 97", "MS Word 95", "MS WinWord 6.0")
IMPORT_FILTERS: dict[str, tuple[str | None, ...]] = {"doc": WORD_FILTERS, "docx": (None,)}   # .docx: detected
EXPORT_FILTERS = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export"}


def convert(data: bytes, source: str, target: str, timeout_s: float) -> bytes:
    """`data`, a `source` file ('doc' or 'docx'), converted to `target` ('docx' or 'pdf')."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError(f"cannot read .{source}: LibreOffice (soffice) is not installed")
    timeout_s = min(CONVERT_TIMEOUT_S, timeout_s)
    with tempfile.TemporaryDirectory(prefix="congvan-office-") as tmp:
        work = Path(tmp)
        original = work / f"in.{source}"
        original.write_bytes(data)
        for import_filter in IMPORT_FILTERS[source]:
            cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   *([f"--infilter={import_filter}"] if import_filter else []),
                   "--convert-to", EXPORT_FILTERS[target], "--outdir", str(work / "out"), str(original)]
            try:
                subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout_s, check=False)
            except subprocess.TimeoutExpired:
                raise IngestError(f"cannot read .{source}: LibreOffice took longer than {timeout_s:.0f} s") from None
            result = work / "out" / f"in.{target}"
            if result.is_file():
                return result.read_bytes()
        raise IngestError(f"cannot read .{source}: LibreOffice could not open it as a Word document "
                          "(corrupt or encrypted?)")
