"""congvan search / obligations / cites on a store of hand-made records: what a user sees."""
import csv
import io
import json
import sqlite3

import pytest

from pipeline import store, table
from pipeline.cli import main

from . import made_records


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "congvan.sqlite"
    conn = store.connect(path)
    store.put(conn, made_records.dongthap("in/dongthap.txt"), "in/dongthap.txt", 1, 1)
    store.put(conn, made_records.hsba("in/hsba.txt"), "in/hsba.txt", 1, 1)
    conn.close()
    return str(path)


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_search_prints_ranked_hits_with_snippets(db, capsys):
    code, out = run(capsys, "search", "dong thap", "--db", db)
    assert code == 0
    first = out.splitlines()
    assert first[0].startswith("1. 1234/SYT-VP  2026-04  Sở Y tế")
    assert "[Đồng Tháp]" in out and "in/dongthap.txt" in out and "2." not in out
    code, out = run(capsys, "search", "benh an dien tu", "--db", db, "--limit", "1")
    assert code == 0 and "1. " in out and "2. " not in out
    assert run(capsys, "search", "quy nhon", "--db", db) == (1, "no match\n")


def test_obligations_filters_and_formats(db, capsys):
    code, out = run(capsys, "obligations", "--actor", "van phong", "--db", db)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["deadline", "number_symbol", "item"]
    assert lines[1].startswith("2026-05-20  1234/SYT-VP") and "Văn phòng Sở" in lines[1]
    assert lines[-1] == "1 obligations"
    _, out = run(capsys, "obligations", "--due-before", "2027-01-01", "--due-after", "2026-06-01",
                 "--format", "json", "--db", db)
    rows = json.loads(out)
    assert [r["deadline"] for r in rows] == ["2026-12-31"] and rows[0]["actors"] == ["Các cơ sở khám bệnh, chữa bệnh"]
    _, out = run(capsys, "obligations", "--format", "csv", "--db", db)
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert len(parsed) == 4 and list(parsed[0]) == list(table.NAMES)


def test_obligations_rejects_a_bad_date(db, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["obligations", "--due-before", "31/12/2026", "--db", db])
    assert stop.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_cites_both_ways(db, capsys):
    code, out = run(capsys, "cites", "13 / 2025/tt-byt", "--db", db)
    assert code == 0
    assert out.splitlines()[0] == "Documents citing 13/2025/tt-byt: 2"
    assert "in/dongthap.txt" in out and "in/hsba.txt" in out
    _, out = run(capsys, "cites", "1234/SYT-VP", "--db", db)
    assert "Documents citing 1234/SYT-VP: 0" in out and "1234/SYT-VP cites: 1" in out


def test_a_missing_store_is_explained(tmp_path, capsys):
    assert main(["search", "x", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "no store" in capsys.readouterr().err


def test_a_store_of_another_layout_is_left_alone(tmp_path, capsys):
    old = tmp_path / "old.sqlite"
    conn = store.connect(old)
    conn.execute("UPDATE meta SET value = '0'")
    conn.close()
    assert main(["obligations", "--db", str(old)]) == 2
    assert "another version" in capsys.readouterr().err
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone() == ("0",)
