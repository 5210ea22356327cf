"""obligations.csv: UTF-8 with a byte-order mark, which is how Excel recognizes UTF-8."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


from ..table import flat
from . import replacing

if TYPE_CHECKING:
    import pandas as pd


def write(df: pd.DataFrame, target: Path) -> None:
    with replacing(target) as tmp:
        flat(df).to_csv(tmp, index=False, encoding="utf-8-sig")
