"""Word 97–2003 (.doc): LibreOffice converts it to .docx and the .docx reader does the rest."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..document import RawText
from ..options import Options
from . import docx, office


def read(path: Path, data: bytes, options: Options) -> RawText:
    converted = office.convert(data, "doc", "docx", options.timeout_s)
    return dataclasses.replace(docx.read(path, converted, options), format="doc")
