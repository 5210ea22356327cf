"""Each export read back with a real reader: pandas/pyarrow, openpyxl, icalendar, csv."""
import csv
import json
from datetime import datetime, timezone

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from icalendar import Calendar

from pipeline import table
from pipeline.sinks import csv as csv_sink
from pipeline.sinks import errors, ics, jsonl, parquet, xlsx

from . import made_records

STAMP = datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)


def made_rows() -> list[dict]:
    return table.rows(made_records.dongthap("in/dongthap.txt")) + table.rows(made_records.hsba("in/hsba.txt"))


def json_rows(rows: list[dict]) -> list[str]:
    """The rows as the Parquet export takes them (store.obligation_json)."""
    return [json.dumps(row, ensure_ascii=False) for row in rows]


def test_rows_carry_document_fields_and_recurrence():
    rows = made_rows()
    assert [r["position"] for r in rows] == [1, 2, 3, 1]
    assert {r["number_symbol"] for r in rows} == {"1234/SYT-VP", None}
    assert [r["recurrence"] for r in rows[:3]] == [None, "FREQ=MONTHLY;BYMONTHDAY=20", None]
    assert all(set(r) == set(table.NAMES) for r in rows)


def test_csv_has_a_bom_and_joined_lists(tmp_path):
    target = tmp_path / "obligations.csv"
    rows = made_rows()
    rows[0]["actors"] = ["Bệnh viện A", "Bệnh viện B"]
    csv_sink.write(rows, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(back.columns) == list(table.NAMES)
    assert len(back) == 4
    assert back.loc[0, "actors"] == "Bệnh viện A; Bệnh viện B"
    assert back.loc[1, "text"] == rows[1]["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["obligations.csv"]     # no temporary file left behind


def test_csv_cells_never_start_a_formula(tmp_path):
    target = tmp_path / "obligations.csv"
    rows = made_rows()
    rows[0]["action"] = '=HYPERLINK("http://x","y")'
    rows[1]["actor"] = "@SUM(A1)"
    rows[2]["actors"] = ["-1+1", "Sở Y tế"]
    csv_sink.write(rows, target)
    back = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back.loc[0, "action"] == """'=HYPERLINK("http://x","y")"""
    assert back.loc[1, "actor"] == "'@SUM(A1)"
    assert back.loc[2, "actors"] == "'-1+1; Sở Y tế"
    assert back.loc[3, "action"] == rows[3]["action"]          # ordinary text as it is


def test_parquet_keeps_lists_and_types(tmp_path):
    target = tmp_path / "obligations.parquet"
    parquet.write(json_rows(made_rows()), target)
    t = pq.read_table(target)
    actors = t.schema.field("actors").type
    assert pa.types.is_list(actors) and actors.value_type == pa.string()
    assert t.schema.field("page").type == "int64"
    back = t.to_pandas()
    assert list(back.loc[0, "actors"]) == ["Các cơ sở khám bệnh, chữa bệnh"]
    assert back["deadline"].tolist()[:2] == ["2026-12-31", "2026-05-20"]


def test_empty_table_still_has_every_column(tmp_path):
    parquet.write([], tmp_path / "o.parquet")
    csv_sink.write([], tmp_path / "o.csv")
    xlsx.write([], tmp_path / "o.xlsx")
    assert pq.read_table(tmp_path / "o.parquet").schema.names == list(table.NAMES)
    assert pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig").columns.tolist() == list(table.NAMES)
    assert [c.value for c in openpyxl.load_workbook(tmp_path / "o.xlsx").active[1]] == list(table.NAMES)


def test_xlsx_has_the_same_rows(tmp_path):
    target = tmp_path / "obligations.xlsx"
    rows = made_rows()
    rows[0]["text"] += "\x0b"         # a control character Excel refuses
    rows[1]["action"] = "=HYPERLINK(\"x\")"     # text, never a formula
    xlsx.write(rows, target)
    sheet = openpyxl.load_workbook(target).active
    values = list(sheet.values)
    assert list(values[0]) == list(table.NAMES)
    assert len(values) == 5
    col = table.NAMES.index("actor")
    assert [v[col] for v in values[1:]] == [r["actor"] for r in rows]
    assert values[1][table.NAMES.index("text")] == rows[0]["text"][:-1]
    assert sheet.cell(row=3, column=table.NAMES.index("action") + 1).data_type == "s"


def test_xlsx_cuts_a_cell_to_what_excel_holds(tmp_path):
    rows = made_rows()
    rows[0]["text"] = "Sở Y tế " * 5000                 # 40,000 characters
    xlsx.write(rows, tmp_path / "o.xlsx")
    text = openpyxl.load_workbook(tmp_path / "o.xlsx").active.cell(row=2, column=table.NAMES.index("text") + 1).value
    assert len(text) == 32767 and text.endswith("…") and text.startswith("Sở Y tế Sở Y tế")


def test_ics_one_todo_per_due_obligation_with_stable_uids(tmp_path):
    target = tmp_path / "deadlines.ics"
    rows = made_rows()
    assert ics.write(rows, target, STAMP) == 2
    cal = Calendar.from_ical(target.read_bytes())
    todos = cal.walk("VTODO")
    assert [t.decoded("due").isoformat() for t in todos] == ["2026-12-31", "2026-05-20"]
    assert str(todos[0]["summary"]).startswith("Các cơ sở khám bệnh, chữa bệnh: hoàn thành")
    assert "1234/SYT-VP" in str(todos[0]["description"]) and "31/12/2026" in str(todos[0]["description"])
    assert "RRULE" not in todos[0]
    assert todos[1]["rrule"].to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=20"
    again = tmp_path / "again.ics"
    ics.write(made_rows(), again, STAMP)
    assert again.read_bytes() == target.read_bytes()
    assert len({str(t["uid"]) for t in todos}) == 2


@pytest.mark.parametrize("issued, recurrence, due", [
    ("2026-04", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", "2026-12-15"),      # 'trước ngày 15 tháng 12 hằng năm'
    ("2026-12-20", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", "2027-12-15"),
    ("2026-04-10", "FREQ=MONTHLY;BYMONTHDAY=5", "2026-05-05"),               # 'ngày 05 hằng tháng'
    ("2026-04-10", "FREQ=YEARLY", None),                                      # 'hằng năm': no day to put it on
    (None, "FREQ=MONTHLY;BYMONTHDAY=5", None),
])
def test_a_recurring_duty_without_a_date_is_due_on_its_first_day(issued, recurrence, due):
    row = {**made_rows()[2], "deadline": None, "issued_date": issued, "recurrence": recurrence}
    assert (ics.due_day(row) and ics.due_day(row).isoformat()) == due


def test_jsonl_and_errors(tmp_path):
    record = json.dumps(made_records.hsba("in/hsba.txt"), ensure_ascii=False)
    assert jsonl.write(iter([record, record]), tmp_path / "records.jsonl") == 2
    assert (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines() == [record, record]
    errors.write([], tmp_path / "errors.csv")
    assert (tmp_path / "errors.csv").read_text(encoding="utf-8-sig").splitlines() == ["file,error"]
    errors.write([("in/x.pdf", "empty file, or so")], tmp_path / "errors.csv")
    with open(tmp_path / "errors.csv", encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["file", "error"], ["in/x.pdf", "empty file, or so"]]


def test_parquet_written_in_row_groups_equals_one_piece(tmp_path):
    rows = made_rows()
    assert len(rows) > 2
    parquet.write(json_rows(rows), tmp_path / "groups.parquet", row_group=1)
    parquet.write(json_rows(rows), tmp_path / "whole.parquet")
    assert pq.ParquetFile(tmp_path / "groups.parquet").num_row_groups == len(rows)
    assert pq.read_table(tmp_path / "groups.parquet").equals(pq.read_table(tmp_path / "whole.parquet"))
