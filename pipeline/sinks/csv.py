"""obligations.csv: UTF-8 with a byte-order mark, which is how Excel recognizes UTF-8."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable


from ..table import flat
from . import replacing

if TYPE_CHECKING:
    import pandas as pd


def write(frames: Iterable[pd.DataFrame], target: Path) -> None:
    with replacing(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        for n, df in enumerate(frames):
            flat(df).to_csv(f, index=False, header=n == 0)
