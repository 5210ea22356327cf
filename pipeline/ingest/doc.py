"""Word 97–2003 (.doc): LibreOffice converts it to .docx in a private folder with a private profile
(parallel conversions would otherwise fight over one), and the .docx reader does the rest."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import RawText
from ..errors import IngestError
from ..options import Options
from . import docx

CONVERT_TIMEOUT_S = 120.0
# Import filters tried in turn; naming one keeps LibreOffice from importing a damaged file as plain text.
WORD_FILTERS = ("MS Word 97", "MS Word 95", "MS WinWord 6.0")


def read(path: Path, data: bytes, options: Options) -> RawText:
    converted = to_docx(data, min(CONVERT_TIMEOUT_S, options.timeout_s))
    return dataclasses.replace(docx.read(path, converted, options), format="doc")


def to_docx(data: bytes, timeout_s: float) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError("cannot read .doc: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="congvan-doc-") as tmp:
        work = Path(tmp)
        source = work / "in.doc"
        source.write_bytes(data)
        for import_filter in WORD_FILTERS:
            cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   f"--infilter={import_filter}", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(work / "out"), str(source)]
            try:
                subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout_s, check=False)
            except subprocess.TimeoutExpired:
                raise IngestError(f"cannot read .doc: LibreOffice took longer than {timeout_s:.0f} s") from None
            result = work / "out" / "in.docx"
            if result.is_file():
                return result.read_bytes()
        raise IngestError("cannot read .doc: LibreOffice could not open it as a Word document (corrupt or encrypted?)")
