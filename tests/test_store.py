"""The store: rows per document, replacement by content, diacritic-free search with snippets, citations by
canonical id, obligations filters; read back with plain sqlite3."""
import json
import sqlite3

import pytest

from extractors.lexicon import fold_keep
from pipeline import store
from pipeline.fulltext import match_expression, snippet

from . import made_records

COUNTED = ("documents", "files", "citations", "recipients", "deadlines", "obligations", "documents_fts")


def counts(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "congvan.sqlite"
    conn = store.connect(path)
    store.put(conn, made_records.dongthap("in/dongthap.txt"), "in/dongthap.txt", 1, 10)
    store.put(conn, made_records.hsba("in/hsba.txt"), "in/hsba.txt", 1, 10)
    yield path, conn
    conn.close()


def test_rows_of_each_document(db):
    path, _ = db
    c = counts(path)
    assert (c["documents"], c["files"], c["documents_fts"], c["obligations"], c["citations"]) == (2, 2, 2, 4, 2)
    with sqlite3.connect(path) as conn:
        number, issuer, key = conn.execute(
            "SELECT number_symbol, issuer, id_key FROM documents WHERE path = 'in/dongthap.txt'").fetchone()
        assert (number, issuer, key) == ("1234/SYT-VP", "Sở Y tế", "1234/SYT-VP")
        assert conn.execute("SELECT DISTINCT id_key FROM citations").fetchall() == [("13/2025/TT-BYT",)]


def test_putting_a_document_again_duplicates_nothing(db):
    path, conn = db
    before = counts(path)
    store.put(conn, made_records.dongthap("in/dongthap.txt"), "in/dongthap.txt", 2, 10)
    assert counts(path) == before


def test_a_changed_file_replaces_its_rows(db):
    path, conn = db
    changed = made_records.dongthap("in/dongthap.txt")
    changed["doc_id"] = "f" * 64
    changed["obligations"] = changed["obligations"][:1]
    store.put(conn, changed, "in/dongthap.txt", 3, 11)
    c = counts(path)
    assert (c["documents"], c["files"], c["obligations"], c["documents_fts"]) == (2, 2, 2, 2)
    assert store.file_state(conn, "in/dongthap.txt") == store.FileState("f" * 64, 3, 11, "")


def test_a_document_goes_with_the_last_file_that_holds_it(db):
    path, conn = db
    doc_id = store.file_state(conn, "in/hsba.txt").doc_id
    store.note_file(conn, "in/copy.txt", doc_id, 1, 10)
    changed = made_records.hsba("in/hsba.txt")
    changed["doc_id"] = "e" * 64
    store.put(conn, changed, "in/hsba.txt", 2, 11)
    assert store.has_document(conn, doc_id) and counts(path)["documents"] == 3
    store.note_file(conn, "in/copy.txt", "e" * 64, 2, 11)
    assert not store.has_document(conn, doc_id) and counts(path)["documents"] == 2


def test_a_vanished_file_takes_its_document_along(db):
    path, conn = db
    assert store.forget_missing(conn, "in", {"in/hsba.txt"}) == 1
    assert counts(path)["documents"] == 1 and counts(path)["obligations"] == 1


@pytest.mark.parametrize("query", ["benh an dien tu", "bệnh án điện tử", "BỆNH ÁN Điện Tử"])
def test_search_ignores_marks_and_case(db, query):
    _, conn = db
    hits = store.search(conn, query)
    assert {h.path for h in hits} == {"in/dongthap.txt", "in/hsba.txt"}
    assert all("[bệnh án điện tử]" in h.snippet.lower() for h in hits)


def test_search_folds_d_with_stroke(db):
    _, conn = db
    hits = store.search(conn, "dong thap")
    assert [h.path for h in hits] == ["in/dongthap.txt"]
    assert "[Đồng Tháp]" in hits[0].snippet
    assert hits[0].number_symbol == "1234/SYT-VP"
    assert store.search(conn, "dong thap quy nhon") == []


def test_search_ranks_the_subject_first(db):
    _, conn = db
    hits = store.search(conn, "khám bệnh chữa bệnh")
    assert hits[0].path == "in/dongthap.txt"      # the words are its subject; the other has them in the body only


def test_fold_keeps_offsets_and_snippets_cut_the_original():
    text = "Sở Y tế tỉnh Đồng Tháp ĐỀ NGHỊ các đơn vị"
    assert len(fold_keep(text)) == len(text)
    assert fold_keep(text) == "so y te tinh dong thap de nghi cac don vi"
    assert snippet(text, "de nghi") == "Sở Y tế tỉnh Đồng Tháp [ĐỀ NGHỊ] các đơn vị"
    assert match_expression('"hồ sơ" điện-tử 13 / 2025/TT-BYT') == '"ho so" "dien tu" "13 2025 tt byt"'
    assert match_expression(" -*") is None


@pytest.mark.parametrize("written", ["13/2025/TT-BYT", "13 / 2025/TT-BYT", "13/2025/tt-byt", " 13/2025/ TT - BYT"])
def test_citations_match_however_the_number_is_written(db, written):
    _, conn = db
    assert {r["path"] for r in store.citing(conn, written)} == {"in/dongthap.txt", "in/hsba.txt"}


def test_what_a_stored_document_cites(db):
    _, conn = db
    assert [r["id"] for r in store.cited_by(conn, "1234/syt-vp")] == ["13 / 2025/tt-BYT"]
    assert store.cited_by(conn, "13/2025/TT-BYT") == []


def test_obligations_filters(db):
    _, conn = db
    assert len(store.obligation_rows(conn)) == 4
    assert [r["item"] for r in store.obligation_rows(conn, actor="VAN PHONG so")] == ["3"]
    assert [r["item"] for r in store.obligation_rows(conn, actor="co so kham benh")] == ["2"]
    assert [r["deadline"] for r in store.obligation_rows(conn, due_before="2026-12-31")] == ["2026-05-20"]
    assert [r["deadline"] for r in store.obligation_rows(conn, due_after="2026-06-01")] == ["2026-12-31"]
    row = store.obligation_rows(conn, actor="văn phòng")[0]
    assert row["actors"] == ["Văn phòng Sở"] and row["recurrence"] == "FREQ=MONTHLY;BYMONTHDAY=20"


def test_obligations_as_json_are_the_rows(db):
    _, conn = db
    assert [json.loads(line) for line in store.obligation_json(conn)] == store.obligation_rows(conn)


def test_stored_records_are_their_json(db):
    _, conn = db
    record = made_records.hsba("in/hsba.txt")
    assert json.dumps(record, ensure_ascii=False) in list(store.record_texts(conn))


def test_a_store_of_another_layout_is_rebuilt(db):
    path, conn = db
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.close()
    again = store.connect(path)
    assert counts(path)["documents"] == 0
    assert again.execute("SELECT value FROM meta").fetchone()[0] == str(store.SCHEMA_VERSION)
    again.close()
