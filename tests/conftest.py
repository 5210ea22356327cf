"""Paths to the shared dev corpus and the seeds, and a schema validator for records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
RAW = DEV / "raw"
GOLD = DEV / "gold"
FORMATS = DEV / "formats"
VARIANTS = DEV / "variants"
SCHEMA = SHARED / "spec" / "record.schema.json"
SEEDS = (RAW / "byt_hsba_2025.txt", RAW / "syt_dongthap_hsba_2026.txt")


def manifest() -> dict[str, str]:
    """file name -> kind (txt, born-digital, scan, broken-layer, draft-docx, …)."""
    rows = (DEV / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {Path(r.split("\t")[0]).name: r.split("\t")[1] for r in rows if r.strip()}


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_record():
    import jsonschema
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))

    def check(record: dict) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return check
