"""Deadlines (FORMAT.md §4, SCORING.md): the seeds and dev documents against their gold, and hand-made hard cases
with the expected values written out."""
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import deadlines
from extractors.findings import Header
from pipeline.document import RawText, Zone
from pipeline.process import build_document

from .conftest import RAW, SEEDS, gold, manifest


def found(text: str, issued: str | None = None, zones=None):
    doc = build_document("case.txt", "0" * 64, RawText(format="txt", pages=(text,)))
    if zones is not None:
        doc = replace(doc, zones=zones(doc.text))
    return deadlines.extract(doc, Header(issued_date=issued))


def dues(text: str, issued: str | None = None) -> list[tuple[str, str | None]]:
    return [(d.kind, d.due) for d in found(text, issued)]


# ---- the seeds, written out ----------------------------------------------------------------------------------

def test_seed_byt_one_inclusive_deadline_and_no_cited_or_vision_dates():
    doc = build_document(str(SEEDS[0]), "0" * 64, RawText("txt", (SEEDS[0].read_text(encoding="utf-8"),)))
    got = deadlines.extract(doc, Header())
    assert [(d.kind, d.due, d.value) for d in got] == [("by", "2025-09-30", "2025-09-30")]
    assert " ".join(got[0].text.split()) == "chậm nhất vào ngày 30/9/2025"


def test_seed_dongthap_by_and_from_with_blank_issue_day():
    doc = build_document(str(SEEDS[1]), "0" * 64, RawText("txt", (SEEDS[1].read_text(encoding="utf-8"),)))
    got = deadlines.extract(doc, Header(issued_date="2026-04"))
    assert [(d.kind, d.due, d.text) for d in got] == [
        ("by", "2026-12-31", "chậm nhất vào ngày 31/12/2026"),
        ("from", "2027-01-01", "từ ngày 01/01/2027"),
    ]


# ---- the dev text documents against their gold ----------------------------------------------------------------

TEXT_DOCS = sorted(name for name, kind in manifest().items() if kind == "txt" and name.endswith(".txt"))


@pytest.mark.parametrize("name", TEXT_DOCS)
def test_dev_text_document_due_days_match_gold(name):
    g = gold(name.rsplit(".", 1)[0])
    doc = build_document(name, "0" * 64, RawText("txt", ((RAW / name).read_text(encoding="utf-8"),)))
    got = deadlines.extract(doc, Header(issued_date=g["header"].get("issued_date")))
    assert {d.due for d in got if d.due} == {d["due"] for d in g["deadlines"] if d.get("due")}
    for d in got:
        assert doc.text[d.span[0]:d.span[1]] == d.text


# ---- operators ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, due, written", [
    ("Báo cáo về Sở trước ngày 03/4/2025.", "by", "2025-04-03", "trước ngày 03/4/2025"),
    ("hoàn thành chậm nhất là ngày 15/ 8/ 2019.", "by", "2019-08-15", "chậm nhất là ngày 15/ 8/ 2019"),
    ("Thời gian chậm nhất đến hết ngày 25/10/2025.", "by", "2025-10-25", "chậm nhất đến hết ngày 25/10/2025"),
    ("Hồ sơ nộp trước hết ngày 31/10/2025.", "by", "2025-10-31", "trước hết ngày 31/10/2025"),
    ("áp dụng từ ngày 01/01/2027.", "from", "2027-01-01", "từ ngày 01/01/2027"),
    ("Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.", "from", "2026-07-01",
     "có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026"),
    ("Kể từ 0h00 ngày 01/8/2025 ngừng cung cấp dịch vụ.", "from", "2025-08-01", "Kể từ 0h00 ngày 01/8/2025"),
    ("Từ ngày 27/07/2024, chỉ các đơn vị đã đăng ký mới kết nối được.", "from", "2024-07-27", "Từ ngày 27/07/2024"),
    ("Lúc 14 giờ 00 phút, ngày 28 tháng 4 năm 2026.", "on", "2026-04-28",
     "Lúc 14 giờ 00 phút, ngày 28 tháng 4 năm 2026"),
    ("Hội nghị tổ chức vào lúc 8h00, thứ Năm, ngày 20/5/2021.", "on", "2021-05-20",
     "vào lúc 8h00, thứ Năm, ngày 20/5/2021"),
    ("Thời gian: Buổi sáng, ngày 18 tháng 4 năm 2026.", "on", "2026-04-18",
     "Thời gian: Buổi sáng, ngày 18 tháng 4 năm 2026"),
    ("Thời gian hoàn thành: 30/10/2025.", "by", "2025-10-30", "Thời gian hoàn thành: 30/10/2025"),
    ("Hạn nộp: ngày 20/11/2025", "by", "2025-11-20", "Hạn nộp: ngày 20/11/2025"),
    ("tiếp nhận hồ sơ từ ngày 01/10/2025 đến hết ngày 15/10/2025.", "period", "2025-10-15",
     "từ ngày 01/10/2025 đến hết ngày 15/10/2025"),
])
def test_operator_gives_kind_due_and_keeps_its_words(text, kind, due, written):
    got = found(text, "2019-01-02")
    assert [(d.kind, d.due, d.text) for d in got] == [(kind, due, written)]


@pytest.mark.parametrize("text, due, value", [
    ("Các đơn vị hoàn thành trong tháng 10/2025.", "2025-10-31", "2025-10"),
    ("báo cáo trong tháng 10 năm 2025", "2025-10-31", "2025-10"),
    ("Trong tháng 11-2017, tổ chức kiểm tra.", "2017-11-30", "2017-11"),
    ("triển khai xong trong quý IV/2025.", "2025-12-31", "2025"),
    ("hoàn thành quý II năm 2026", "2026-06-30", "2026"),
    ("Thời gian thực hiện: tháng 11/2025", "2025-11-30", "2025-11"),
    ("sơ kết 6 tháng đầu năm 2026", "2026-06-30", "2026"),
    ("hoàn thành trong năm 2026.", "2026-12-31", "2026"),
    ("phấn đấu đến năm 2030 đạt 100%", "2030-12-31", "2030"),
    ("Từ nay đến năm 2020 tất cả các huyện lập ban chỉ đạo", "2020-12-31", "2020"),
])
def test_period_resolves_to_its_last_day(text, due, value):
    got = found(text, "2017-01-02")
    assert [(d.due, d.value) for d in got] == [(due, value)]


def test_start_of_a_budget_year_and_before_a_period():
    assert dues("tiếp tục có hiệu lực thi hành kể từ năm ngân sách 2026", "2026-01-16") == [("from", "2026-01-01")]
    assert dues("báo cáo trước tháng 10/2025", "2025-01-02") == [("by", "2025-09-30")]


def test_period_alone_in_a_plan_time_column():
    plan = ("Cần Thơ, ngày 01 tháng 3 năm 2025\n| Rà soát hồ sơ | Phòng KHTC | Quý IV/2025 |\n"
            "| Tổng kết | Văn phòng | Năm 2026 |")
    assert dues(plan, "2025-03-01") == [("period", "2025-12-31"), ("period", "2026-12-31")]
    # A header date whose day OCR could not read is no month period.
    assert dues("SỞ Y TẾ\nKiên Giang, ngày 2{ tháng 12 năm 2017.\nV/v thực hiện", "2017-12-21") == []
    assert dues("Tổ chức hội nghị tổng kết, hoàn thành năm 2026.", "2025-03-01") == [("period", "2026-12-31")]


def test_day_alone_in_a_time_column_but_not_in_the_header():
    plan = ("Hà Nội, ngày 01 tháng 3 năm 2018\nKẾ HOẠCH\n| Nhận hồ sơ | Phòng NVD | 01/3/2018 – 05/3/2018 |\n"
            "| Công bố kết quả | Sở Y tế | Dự kiến 10/7/2018 |\n| Họp hội đồng | Sở Y tế | 23/4/2018 |")
    assert dues(plan, "2018-03-01") == [("period", "2018-03-05"), ("on", "2018-07-10"), ("on", "2018-04-23")]
    assert dues("Ký bởi: Sở Y tế\n16.04.2020\nỦY BAN NHÂN DÂN\nSố: 05/CT-UBND", "2020-04-15") == []


# ---- recurring, relative, immediate ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    ("Báo cáo trước ngày 20 hằng tháng.", "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("gửi trước ngày mùng 05 của tháng kế tiếp", "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("hằng năm trước ngày 15/12 gửi báo cáo", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ("Định kỳ trước ngày 05 tháng 12 hằng năm báo cáo", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5"),
    ("định kỳ hằng quý báo cáo kết quả", "FREQ=MONTHLY;INTERVAL=3"),
    ("Định kỳ 6 tháng tổng hợp, báo cáo", "FREQ=MONTHLY;INTERVAL=6"),
    ("hàng năm tổ chức kiểm tra", "FREQ=YEARLY"),
])
def test_recurring_has_a_rule_and_no_day(text, rule):
    got = found(text, "2025-03-01")
    assert [(d.kind, d.due, d.recurrence) for d in got] == [("recurring", None, rule)]


def test_relative_limit_counts_from_the_issue_day_only_when_it_is_this_documents_own():
    issued = "2025-12-29"
    assert dues("hoàn thành trong thời gian 90 ngày kể từ ngày ban hành Quyết định này.", issued) == \
        [("within", "2026-03-29")]
    # 10 (mười) working days from Friday 3 October 2025: weekends skipped.
    assert dues("trong thời hạn 10 (mười) ngày làm việc kể từ ngày ký văn bản này", "2025-10-03") == \
        [("within", "2025-10-17")]
    assert dues("trong thời hạn mười lăm ngày kể từ ngày ban hành văn bản này", "2025-10-03") == \
        [("within", "2025-10-18")]
    assert dues("trong 15 ngày kể từ ngày nhận được văn bản", issued) == [("within", None)]
    assert dues("Chậm nhất là 03 ngày kể từ ngày công bố", issued) == [("within", None)]
    assert dues("Báo giá có hiệu lực tối thiểu 90 ngày kể từ ngày ban hành.", issued) == [("within", None)]
    assert dues("gửi khoa dược trong vòng 24 giờ.", issued) == [("within", None)]
    assert dues("Ảnh chụp trong vòng 01 năm trở lại.", issued) == []


def test_immediate_forms_have_no_day():
    assert dues("Gửi đơn thuốc ngay sau khi kết thúc quy trình khám bệnh.", "2025-01-02") == [("within", None)]


def test_effect_from_signing_takes_the_issue_day_when_known():
    text = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành."
    assert dues(text, "2025-03-12") == [("from", "2025-03-12")]
    assert dues(text, "2026-04") == [("from", None)]
    # Quoted from a repealed text: that document's signing, not this one's.
    assert dues("Bãi bỏ cụm từ “có giá trị 02 năm kể từ ngày ký”.", "2025-03-12") == [("within", None)]


def test_day_month_without_year_falls_in_the_issue_year_or_just_after():
    assert dues("Báo cáo về Sở trước ngày 20/10.", "2025-10-01") == [("by", "2025-10-20")]
    assert dues("Báo cáo về Sở trước ngày 10/01.", "2025-12-20") == [("by", "2026-01-10")]
    # Written in March, 15 December is this year's, though last December's lies nearer.
    assert dues("Báo cáo năm gửi về Sở Y tế chậm nhất ngày 15/12.", "2025-03-05") == [("by", "2025-12-15")]
    assert dues("Hoàn thành trước ngày 30 tháng 9.", "2025-03-05") == [("by", "2025-09-30")]
    assert dues("Trước ngày 31 tháng 7 của năm xét tặng", "2025-11-24") == [("by", None)]
    # This year's August and September, already past, and next year's too far: no deadline.
    assert dues("Số liệu từ ngày 14/8 đến ngày 13/9 như sau.", "2017-10-17") == []


def test_with_only_the_issue_month_known_the_month_bounds_the_past():
    # 'ngày   tháng 10 năm 2017': the day blank, or handwritten on a scan that OCR could not read
    text = "Các đơn vị hoàn thành trước ngày 31/12/2016; đề nghị gửi báo cáo về Sở trước ngày 20/10."
    assert dues(text, "2017-10") == [("by", "2017-10-20")]
    assert dues(text, None) == [("by", "2016-12-31"), ("by", None)]
    # a range opened by a day left blank (it once raised)
    assert dues("ngày   tháng 4 năm 2026 - 30/9/2025", "2025-03-12") == [("period", "2025-09-30")]


def test_month_without_year_falls_in_the_issue_year_or_just_after():
    assert dues("Các đơn vị hoàn thành trong tháng 12.", "2025-03-05") == [("period", "2025-12-31")]
    assert dues("Các đơn vị hoàn thành trước tháng 6.", "2025-03-05") == [("by", "2025-05-31")]
    assert dues("Các đơn vị hoàn thành trong tháng 01.", "2025-11-20") == [("period", "2026-01-31")]
    assert dues("Các đơn vị báo cáo trong tháng 12 hằng năm.", "2025-03-05") == [("recurring", None)]
    assert dues("Trong tháng 02 vừa qua, Sở Y tế đã tổ chức kiểm tra.", "2025-03-05") == []
    assert dues("Hoàn thành trước ngày 15 tháng 12.", "2025-03-05") == [("by", "2025-12-15")]   # a day's month


def test_before_the_end_of_a_period_is_its_last_day():
    assert dues("Các đơn vị hoàn thành trước cuối tháng 6/2025.", "2025-03-05") == [("by", "2025-06-30")]
    assert dues("Các đơn vị hoàn thành trước tháng 6/2025.", "2025-03-05") == [("by", "2025-05-31")]
    assert dues("Các đơn vị hoàn thành trước cuối năm 2025.", "2025-03-05") == [("by", "2025-12-31")]


def test_latest_is_a_deadline_word_and_a_day_range_shares_its_end_month():
    assert dues("Các đơn vị hoàn thành muộn nhất vào ngày 31/12/2025.", "2025-03-05") == [("by", "2025-12-31")]
    got = found("Sở Y tế tổ chức tập huấn từ ngày 20-25/5/2025 tại Hà Nội.", "2025-03-05")
    assert [(d.kind, d.value, d.due, d.text) for d in got] == [
        ("period", "2025-05-20", "2025-05-25", "từ ngày 20-25/5/2025")]
    assert dues("Số liệu 10-25/5/2025 như sau.", "2025-03-05") == []     # no deadline word


@pytest.mark.parametrize("cell", ["23/7/2018 - 14/8/2018", "23/7/2018 – 14/8/2018", "23/7/2018 ~ 14/8/2018",
                                  "23/7/2018 đến 14/8/2018"])
def test_a_range_alone_in_a_time_column_is_a_period(cell):
    text = f"TT | Nội dung | Thời gian | Đơn vị\n14 | Tiếp nhận hồ sơ dự thầu | {cell} | Sở Y tế\n"
    assert dues(text, "2018-03-09") == [("period", "2018-08-14")]


# ---- what is not a deadline -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hà Nội, ngày 12 tháng 3 năm 2025",                                      # the issue date
    "Đồng Tháp, ngày        tháng 4 năm 2026",
    "Căn cứ Thông tư số 13/2025/TT-BYT ngày 06/6/2025 của Bộ Y tế;",          # a legal basis
    "Thực hiện Thông tư số 13/2025/TT-BYT ngày 06/6/2025 của Bộ Y tế về hồ sơ bệnh án, Bộ Y tế đề nghị.",
    "Ngày 12/3/2025, Bộ Y tế đã tổ chức hội nghị.",                          # a past event
    "Trong năm 2025 đã đạt 95% kế hoạch.",
    "Bộ Y tế đã đề nghị các đơn vị báo cáo trước ngày 20/3/2025.",
    "Thời gian ký: 10.05.2025 09:12:33",                                     # a signature stamp
    "Liên hệ: 0934.575.477",                                                 # a phone number
    "Đề án giai đoạn 2022 - 2025, tầm nhìn đến năm 2030;",                   # a vision
    "Quyết định số 2269/QĐ-TTg phê duyệt Chương trình viễn thông công ích đến năm 2030.",   # a cited title
    "triển khai Chiến lược quốc gia phòng, chống tai nạn thương tích đến năm 2030",   # a programme's name
    "Số liệu tính đến ngày 30/9/2025.",                                      # a reference point
    "[Nội dung này được đính chính bởi Công văn 666/BYT-BH năm 2021 có hiệu lực kể từ ngày 28/01/2026]",
    "- Ví dụ: thẻ hết thời hạn sử dụng vào ngày 31 tháng 12 năm 2026.\n+ Chi phí phát sinh từ ngày 01/01/2027 "
    "đến hết ngày 05/01/2027: thanh toán 95%.",
    "Thời gian báo cáo kể từ ngày 08/08/2024 đến hết ngày 31/12/2024.",      # a past period
    "Lượng nước sử dụng trung bình hàng tháng (năm 2016)",                   # an average, not a duty
])
def test_not_a_deadline(text):
    assert found(text, "2025-01-02") == ()


def test_issue_day_falls_back_to_the_place_date_line_only():
    header_lost = ("Hội nghị tổng kết tổ chức tại Hà Nội, ngày 20 tháng 5 năm 2025.\n"
                   "Đề nghị báo cáo trước ngày 10/5/2025.")
    assert dues(header_lost) == [("by", "2025-05-10")]
    with_header = "Hà Nội, ngày 20 tháng 5 năm 2025\nĐề nghị báo cáo trước ngày 10/5/2025."
    assert dues(with_header) == []


def test_a_report_keeps_only_the_periods_after_its_issue_day():
    report = ("UBND tỉnh báo cáo kết quả thực hiện trong tháng 01 năm 2025 như sau.\n"
              "Trong tháng 01 năm 2025, tỉnh thực hiện đánh giá 02 thủ tục; phấn đấu hoàn thành cuối năm 2025.\n"
              "II. NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2025")
    doc = build_document("r.txt", "0" * 64, RawText("txt", (report,)))
    as_report = deadlines.extract(doc, Header(issued_date="2025-01-23", doc_type="bao_cao"))
    assert [d.due for d in as_report] == ["2025-02-28"]
    # In a plan the same month is the time given for the work; 'kết quả thực hiện trong …' stays a result.
    as_plan = deadlines.extract(doc, Header(issued_date="2025-01-23", doc_type="ke_hoach"))
    assert [d.due for d in as_plan] == ["2025-01-31", "2025-12-31", "2025-02-28"]


def test_a_past_day_is_dropped_but_a_retroactive_application_is_kept():
    assert dues("hoàn thành trước ngày 20/12/2024.", "2025-01-27") == []
    assert dues("Nội dung hướng dẫn tại công văn này được áp dụng thực hiện từ ngày 01 tháng 01 năm 2025.",
                "2025-01-27") == [("from", "2025-01-01")]


def test_forwarded_document_is_ignored():
    text = "Đề nghị báo cáo trước ngày 20/10/2025.\nBỘ Y TẾ\nĐề nghị hoàn thành trước ngày 15/12/2025."
    got = found(text, "2025-10-01", zones=lambda t: (Zone("body", 0, t.index("BỘ Y TẾ")),
                                                     Zone("forwarded", t.index("BỘ Y TẾ"), len(t))))
    assert [d.due for d in got] == ["2025-10-20"]


# ---- robustness ---------------------------------------------------------------------------------------------------

PIECES = ["chậm nhất vào ngày ", "30/9/2025", "trước ngày ", "20 hằng tháng", "quý IV/2025", "trong ", "năm 2026",
          "kể từ ngày ký", "có hiệu lực ", "15 ngày ", "kể từ ngày ", "ban hành văn bản này", "đến hết ngày ",
          "tháng 10/2025", "“", "[", "]", "\n", "Ví dụ: ", "đã ", "Căn cứ ", "số 13/2025/TT-BYT ", "Hà Nội, ",
          "ngày   tháng 4 năm 2026", "mười lăm ", "ngày làm việc", " - ", "|", "6 tháng đầu năm 2026",
          "999 ", "trước ngày 31/4", "ngày 32 hằng tháng", "quý V/2025", "tháng 13/2025"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join),
       st.sampled_from([None, "2025-03-12", "2026-04", "9999-12-31"]))
def test_never_raises_and_spans_cover_their_text(text, issued):
    doc = build_document("g.txt", "0" * 64, RawText("txt", (text,)))
    for d in deadlines.extract(doc, Header(issued_date=issued)):
        assert 0 <= d.span[0] <= d.span[1] <= len(doc.text)
        assert doc.text[d.span[0]:d.span[1]] == d.text
        assert d.kind in ("by", "on", "from", "within", "recurring", "period")


# ---- held-out shapes ---------------------------------------------------------------------------------------------

def test_a_cited_law_coming_into_force_in_the_past_is_no_deadline():
    # BHXH Việt Nam 2618/BHXH-KHTC (2010): the law's own date of effect is a past fact, not a rule of this letter.
    text = ("Nhưng, do Luật Bảo hiểm y tế có hiệu lực thi hành từ ngày 01/7/2009, nên cần thiết bổ sung thông tin.\n"
            "Quyết định này có hiệu lực thi hành kể từ ngày 01/3/2010.\n")
    assert dues(text, "2010-06-28") == [("from", "2010-03-01")]


def test_an_anniversary_range_is_no_period():
    # QĐ 719/QĐ-TTg (2012): the years of a life name the anniversary.
    text = ("Điều 1. Ban hành Kế hoạch tổ chức các hoạt động kỷ niệm 100 năm Ngày sinh cố Tổng Bí thư "
            "Nguyễn Văn Cừ (09/7/1912 - 09/7/2012).\nThời gian triển khai: 01/6/2012 - 30/7/2012.\n")
    assert dues(text, "2012-06-15") == [("period", "2012-07-30")]


def test_a_stage_of_years_from_one_year_to_another_ends_with_the_last():
    # KH 1312/KH-UBND Bến Tre (2013)
    text = "Uỷ ban nhân dân tỉnh xây dựng Kế hoạch thực hiện Đề án 31 giai đoạn II từ năm 2013 đến 2016 như sau:\n"
    assert dues(text, "2013-03-28") == [("period", "2016-12-31")]


def test_this_letter_applying_from_a_past_day_stays_a_deadline():
    # a type's name used as a common noun ('hướng dẫn tại công văn này') names no other document
    text = ("6. Nội dung hướng dẫn tại công văn này được áp dụng thực hiện từ ngày 01 tháng 01 năm 2021.\n"
            "7. Kế hoạch được thực hiện từ ngày 15 tháng 01 năm 2021.\n")
    assert dues(text, "2021-01-27") == [("from", "2021-01-01"), ("from", "2021-01-15")]


@pytest.mark.parametrize("text, expected", [
    ("Hạn chót nhận hồ sơ là ngày 30/9/2025.", [("by", "2025-09-30")]),
    ("Thời hạn nộp báo cáo: ngày 15/10/2025.", [("by", "2025-10-15")]),
    ("Thẻ có thời hạn sử dụng là ngày 31/12/2025.", []),      # a validity, not a time to act
])
def test_a_deadline_named_by_a_noun_with_its_act_between(text, expected):
    assert dues(text, "2025-09-01") == expected
