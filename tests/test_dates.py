"""Day-month dates as directives write them (FORMAT.md §4), read by rule, never month-first."""
from datetime import date

import pytest

from extractors.dates import add_months, add_working_days, date_at, day_month, find_dates, month_end


@pytest.mark.parametrize("text, iso", [
    ("03/4/2025", "2025-04-03"),                      # day first: 3 April, not 4 March
    ("ngày 12 tháng 3 năm 2025", "2025-03-12"),
    ("NGÀY 14 THÁNG 10 NĂM 2015", "2015-10-14"),
    ("ngày   tháng 4 năm 2026", "2026-04"),            # e-signed text: day left blank
    ("ngày … tháng 4 năm 2026", "2026-04"),
    ("15/ 8/ 2019", "2019-08-15"),
    ("ngày 31 / 12 / 2025", "2025-12-31"),
    ("12-3-2025", "2025-03-12"),
    ("12.3.2025", "2025-03-12"),
    ("ngày07/3/2025", "2025-03-07"),                   # OCR lost the space
    ("ngày 28 tháng\n4 năm 2026", "2026-04-28"),       # split over two lines
])
def test_one_date(text, iso):
    assert [m.iso for m in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", [
    "Điện thoại: 0934.575.477",                        # a phone number is no date
    "Thời gian ký: 2025-05-10 09:12:33",               # ISO stamp of an e-signature
    "31/02/2025",                                      # no such day
    "ngày 12 tháng 13 năm 2025",
    "năm 20255",
])
def test_not_a_date(text):
    assert find_dates(text) == []


def test_range_gives_both_days_with_their_spans():
    text = "Thời gian: 04/6/2018-15/6/2018"
    found = find_dates(text)
    assert [m.iso for m in found] == ["2018-06-04", "2018-06-15"]
    assert [text[m.start:m.end] for m in found] == ["04/6/2018", "15/6/2018"]


def test_wordy_form_wins_over_the_numeric_one_inside_it():
    found = find_dates("ban hành ngày 28/12/2021 của Bộ")
    assert len(found) == 1 and found[0].iso == "2021-12-28" and found[0].day == date(2021, 12, 28)


def test_date_at_allows_leading_spaces_only():
    text = "trước   ngày 20/10/2025"
    assert date_at(text, 5).iso == "2025-10-20"
    assert date_at("trước hết ngày 20/10/2025", 0) is None


def test_calendar_helpers():
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert day_month(2025, 2, 29) is None
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_working_days(date(2025, 10, 3), 1) == date(2025, 10, 6)    # Friday + 1 working day = Monday
    assert add_working_days(date(2025, 10, 3), 5) == date(2025, 10, 10)
