"""`congvan run` end to end on a slice of the dev corpus: every output read back with a real reader, the store
consistent with them, a second run idempotent, a changed or removed file reflected."""
import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from icalendar import Calendar

from pipeline import batch, process, store, table
from pipeline.cli import main
from pipeline.options import Options
from pipeline.sinks import ics

from .conftest import RAW, SEEDS

SLICE = (*SEEDS, RAW / "316_CP_NQ_13-NQ-CP_2026.txt", RAW / "304_BYT_TT_45-2025-TT-BYT.txt")
PDF = RAW / "054_HDND-CaoBang_NQ_33-2022-NQ-HDND.pdf"     # born-digital, 4 pages
TABLES = ("documents", "files", "citations", "recipients", "deadlines", "obligations", "documents_fts")


def counts(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def failed(out) -> list[str]:
    return pd.read_csv(out / "errors.csv", encoding="utf-8-sig")["file"].tolist()


def records(out) -> list[dict]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """One run over the slice, with an empty file in a subfolder that must fail; (input, out, exit code, stdout)."""
    root = tmp_path_factory.mktemp("run")
    src, out = root / "in", root / "out"
    (src / "sub").mkdir(parents=True)
    for f in (*SLICE, PDF):
        shutil.copy(f, src / f.name)
    (src / "sub" / "empty.docx").write_bytes(b"")
    code = main(["run", str(src), "--out", str(out)])
    return src, out, code


def test_failures_are_listed_and_set_the_exit_code(first):
    src, out, code = first
    assert code == 1
    assert pd.read_csv(out / "errors.csv", encoding="utf-8-sig").columns.tolist() == ["file", "error"]
    assert str(src / "sub" / "empty.docx") in failed(out)
    stored = {r["source"]["path"] for r in records(out)}
    assert stored | set(failed(out)) == {str(p) for p in src.rglob("*") if p.is_file()}
    assert {str(src / f.name) for f in SLICE} <= stored


def test_outputs_agree_with_the_records(first, validate_record):
    _, out, _ = first
    recs = records(out)
    for r in recs:
        validate_record(r)
    expected = sorted((r["doc_id"], n) for r in recs for n in range(1, len(r["obligations"]) + 1))
    raw = (out / "obligations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frames = {"csv": pd.read_csv(out / "obligations.csv", encoding="utf-8-sig"),
              "parquet": pq.read_table(out / "obligations.parquet").to_pandas(),
              "xlsx": pd.read_excel(out / "obligations.xlsx", engine="openpyxl")}
    for name, df in frames.items():
        assert sorted(zip(df["doc_id"], df["position"].astype(int))) == expected, name
    assert openpyxl.load_workbook(out / "obligations.xlsx").active.max_row == len(expected) + 1
    due = [row for r in recs for row in table.rows(r) if ics.due_day(row)]
    assert len(Calendar.from_ical((out / "deadlines.ics").read_bytes()).walk("VTODO")) == len(due)
    c = counts(out / "congvan.sqlite")
    assert (c["documents"], c["documents_fts"], c["obligations"]) == (len(recs), len(recs), len(expected))
    assert c["citations"] == sum(len(r["references"]) for r in recs)


def test_search_finds_the_seeds_without_marks(first):
    _, out, _ = first
    conn = store.open_existing(out / "congvan.sqlite")
    assert {h.path.rsplit("/", 1)[1] for h in store.search(conn, "benh an dien tu")} >= {s.name for s in SEEDS}
    hits = store.search(conn, "dong thap")
    assert hits[0].path.endswith(SEEDS[1].name)
    assert "[Đồng Tháp]" in hits[0].snippet


def test_both_seeds_cite_the_circular_on_electronic_records(first):
    _, out, _ = first
    conn = store.open_existing(out / "congvan.sqlite")
    citing = {r["path"].rsplit("/", 1)[1] for r in store.citing(conn, "13 / 2025/TT-BYT")}
    assert citing >= {s.name for s in SEEDS}


@pytest.mark.skipif(importlib.util.find_spec("pipeline.ingest.pdf") is None, reason="no PDF reader yet")
def test_pdf_pages_reach_the_table(first):
    _, out, _ = first
    pdf = next(r for r in records(out) if r["source"]["path"].endswith(PDF.name))
    assert pdf["source"]["format"] == "pdf" and pdf["source"]["pages"] == 4
    pages = pd.read_csv(out / "obligations.csv", encoding="utf-8-sig").query("doc_id == @pdf['doc_id']")["page"]
    assert pages.between(1, 4).all()


def recording(log: Path):
    """A process_file that only notes its path, in a file: files are parsed in worker processes."""
    def process_file(path, *args, **kwargs):
        with open(log, "a", encoding="utf-8") as f:
            f.write(path + "\n")
    return process_file


def test_second_run_skips_everything_and_changes_nothing(first, monkeypatch):
    src, out, _ = first
    before = counts(out / "congvan.sqlite")
    outputs = {name: (out / name).read_bytes() for name in ("obligations.csv", "records.jsonl", "deadlines.ics")}
    failures, log = failed(out), out.parent / "parsed.log"
    monkeypatch.setattr(process, "process_file", recording(log))
    (src / SEEDS[0].name).touch()             # a new mtime alone: hashed again, not parsed
    summary = batch.run(str(src), out)
    parsed = log.read_text().splitlines() if log.exists() else []
    assert sorted(parsed) == sorted(failures)       # only the failed files are tried again
    assert summary.skipped == summary.files - len(failures)
    assert counts(out / "congvan.sqlite") == before
    assert {name: (out / name).read_bytes() for name in outputs} == outputs


def test_a_changed_file_replaces_its_rows_and_a_removed_one_goes(first):
    src, out, _ = first
    db = out / "congvan.sqlite"
    before = counts(db)
    seed = src / SEEDS[1].name
    old_id = store.file_state(store.connect(db), str(seed)).doc_id
    seed.write_text(seed.read_text(encoding="utf-8") + "\nGhi chú: Quy Nhơn.\n", encoding="utf-8")
    summary = batch.run(str(src), out)
    assert summary.skipped == summary.files - len(failed(out)) - 1
    assert counts(db)["documents"] == before["documents"]
    conn = store.connect(db)
    assert not store.has_document(conn, old_id)
    assert [h.path for h in store.search(conn, "quy nhon")] == [str(seed)]
    seed.unlink()
    batch.run(str(src), out)
    assert counts(db)["documents"] == before["documents"] - 1
    assert all(r["source"]["path"] != str(seed) for r in records(out))


def test_a_file_that_turns_unreadable_loses_its_old_rows(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    seed = shutil.copy(SEEDS[0], src / SEEDS[0].name)
    assert batch.run(str(src), out).failures == []
    assert counts(out / "congvan.sqlite")["documents"] == 1
    seed.write_bytes(b"")
    assert batch.run(str(src), out).failures == [(str(seed), "empty file")]
    assert counts(out / "congvan.sqlite")["documents"] == 0
    assert records(out) == []


def test_records_made_by_other_code_are_extracted_again(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEEDS[1], src / SEEDS[1].name)
    batch.run(str(src), out)
    with sqlite3.connect(out / "congvan.sqlite") as conn:
        conn.execute("UPDATE documents SET extractor_version = 'older'")
    assert batch.run(str(src), out).skipped == 0
    assert batch.run(str(src), out).skipped == 1
    assert batch.run(str(src), out, Options(ocr="never")).skipped == 0     # another OCR setting, another record
    assert counts(out / "congvan.sqlite")["documents"] == 1


def test_an_export_that_cannot_be_written_is_named_and_the_others_are_written(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(SEEDS[0], src / SEEDS[0].name)
    (out / "obligations.xlsx").mkdir(parents=True)       # a folder where the workbook goes
    assert main(["run", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "obligations.xlsx" in err[0], err
    assert len(records(out)) == 1 and (out / "obligations.parquet").is_file()
    assert counts(out / batch.DB_NAME)["documents"] == 1
    assert not list(out.glob(".*.tmp"))
