"""obligations.csv: UTF-8 with a byte-order mark, which is how Excel recognizes UTF-8."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..table import flat
from . import replacing


def write(df: pd.DataFrame, target: Path) -> None:
    with replacing(target) as tmp:
        flat(df).to_csv(tmp, index=False, encoding="utf-8-sig")
