"""Obligations: the seeds and dev documents with their duties written out, and hand-made cases from
FORMAT.md §5 (heading actors, 'Giao X chủ trì, phối hợp với Y', prohibitions, deixis, non-duties)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extractors import deadlines, header, obligations, recipients, references
from extractors.findings import Deadline, Recipient
from pipeline.document import Document
from pipeline.normalize import normalize
from pipeline.zones import find_zones

from .conftest import FORMATS, RAW, SEEDS


def doc_of(text: str, path: str = "case.txt") -> Document:
    norm, pages = normalize((text,))
    return Document(path=path, doc_id="test", format="txt", text=norm, pages=pages, zones=find_zones(norm))


def duties_of(doc: Document, recips=None, dls=None, refs=()):
    head = header.extract(doc)
    recips = recipients.extract(doc) if recips is None else recips
    dls = deadlines.extract(doc, head) if dls is None else dls
    return obligations.extract(doc, head, recips, dls, refs)


def deadline_at(doc: Document, phrase: str, kind: str, due: str) -> Deadline:
    at = doc.text.index(phrase)
    return Deadline(phrase, kind, (at, at + len(phrase)), due, due)


def dated_duties(text: str, *dates: tuple[str, str, str]):
    """The duties of text with a deadline (phrase, kind, due) placed on each phrase."""
    doc = doc_of(text)
    return duties_of(doc, (), tuple(deadline_at(doc, *d) for d in dates))


def file_duties(path: Path):
    return duties_of(doc_of(path.read_text(encoding="utf-8"), str(path)))


def test_seed_so_y_te_dong_thap():
    got = file_duties(SEEDS[1])
    assert [(o.item, o.actor, o.modality) for o in got] == [
        ("1", "Thủ trưởng các đơn vị", "must"),
        ("2", "Các cơ sở khám bệnh, chữa bệnh", "must"),
        ("3", "Văn phòng Sở, phòng Kế hoạch Tài chính Sở và các đơn vị có liên quan", "assign"),
        (None, "các đơn vị", "request"),
    ]
    assert got[1].deadline == "2026-12-31"
    assert got[2].text.startswith("Giao Văn phòng Sở")
    assert got[3].text == "Đề nghị các đơn vị khẩn trương triển khai, thực hiện./."


def test_seed_bo_y_te():
    doc = doc_of(SEEDS[0].read_text(encoding="utf-8"), str(SEEDS[0]))
    got = duties_of(doc)
    assert [(o.item, o.actor, o.modality) for o in got] == [
        ("1", "Các Đơn vị", "must"),
        ("2", "Thủ trưởng Đơn vị", "must"),
        ("3", "Các Đơn vị", "must"),
        ("4", "Cơ sở khám bệnh, chữa bệnh", "report"),
        (None, "các Đơn vị", "request"),
    ]
    assert got[1].deadline == "2025-09-30"
    assert got[3].report_to == ("cơ quan quản lý y tế trực tiếp", "Bộ Y tế (Cục Khoa học công nghệ và Đào tạo)")
    # '(Sau đây gọi là các Đơn vị)' makes 'các Đơn vị' the Kính gửi list
    to = tuple(r.name for r in recipients.extract(doc) if r.role == "to")
    assert to and got[4].actors == to
    # each span points at the duty's own words
    for o in got:
        assert doc.text[o.span[0]:o.span[1]] == o.text


def test_no_duty_from_preamble_purpose_or_signature():
    texts = " ".join(o.text for o in file_duties(SEEDS[1]))
    assert "Căn cứ" not in texts and "Nhằm" not in texts and "Nơi nhận" not in texts


def test_resolution_implementation_article():
    # Nghị quyết 13/NQ-CP: Điều 1 announces (own act), Điều 2 starts with the entry into force
    got = file_duties(RAW / "316_CP_NQ_13-NQ-CP_2026.txt")
    assert [(o.item, o.modality) for o in got] == [("Điều 2", "report"), ("Điều 3", "must")]
    assert got[0].text.startswith("Trong quá trình thực hiện")
    assert got[0].report_to == ("Bộ Tài chính",)
    assert got[1].actor.startswith("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ")
    assert "chịu trách nhiệm thi hành Nghị quyết này" in got[1].action


def test_decision_task_articles():
    # QĐ 51/2025/QĐ-TTg: Điều 3 gives duties per clause and point, Điều 4.2 the implementation duty
    got = file_duties(RAW / "310_TTg_QD_51-2025-QD-TTg.txt")
    items = [o.item for o in got]
    assert "Điều 3.1" in items and "Điều 4.2" in items
    points = [o for o in got if o.item and o.item.startswith("Điều 3.2.")]
    assert {o.actor for o in points} == {"Bộ Nông nghiệp và Môi trường"}
    assert [o.item for o in points][:1] == ["Điều 3.2.a"] and points[0].modality == "coordinate"
    assert not any("có hiệu lực" in o.text for o in got)


def test_repeal_list_is_no_duty():
    # TT 47/2025: Điều 1-2 repeal 45 documents whose titles hold 'báo cáo', 'hướng dẫn tổ chức thực hiện'
    got = file_duties(RAW / "005_BYT_TT_47-2025-TT-BYT.txt")
    assert [o.item for o in got] == ["Điều 3.2"]
    assert "chịu trách nhiệm thi hành Thông tư này" in got[0].text


def test_plan_task_lines():
    from pipeline import ingest
    path = FORMATS / "061_THPT-CaoLanh2_KH_58-KH-THPTCL2_2026.docx"
    raw = ingest.read(path)
    text, pages = normalize(raw.pages)
    doc = Document(path=str(path), doc_id="t", format=raw.format, text=text, pages=pages, zones=find_zones(text))
    got = duties_of(doc)
    tasks = [o for o in got if o.item and o.item.startswith("II.")]
    assert [(o.actor, o.modality) for o in tasks[:2]] == [("Trường THPT Cao Lãnh 2", "assign"),
                                                           ("Trường THPT Thống Linh", "assign")]
    assert not any(o.item and o.item.startswith("I.") for o in got)   # Mục đích, yêu cầu


HANDMADE = """BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/BYT-KCB
Hà Nội, ngày 05 tháng 3 năm 2026
V/v tăng cường phòng, chống sốt xuất huyết
Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.
Căn cứ Thông tư số 17/2019/TT-BYT ngày 17 tháng 7 năm 2019 của Bộ trưởng Bộ Y tế;
Nhằm chủ động phòng, chống dịch sốt xuất huyết, Bộ Y tế đề nghị Quý Sở thực hiện các nội dung sau:
1. Sở Y tế:
a) Chỉ đạo các cơ sở y tế tăng cường giám sát, phát hiện sớm ca bệnh;
b) Tổng hợp, báo cáo kết quả về Bộ Y tế (qua Cục Quản lý Khám, chữa bệnh) trước ngày 30/6/2026.
2. Giao Trung tâm Kiểm soát bệnh tật chủ trì, phối hợp với các bệnh viện tổ chức tập huấn cho cán bộ y tế.
3. Các cơ sở khám bệnh, chữa bệnh không được từ chối tiếp nhận người bệnh sốt xuất huyết.
Ban hành kèm theo Công văn này Hướng dẫn giám sát ca bệnh.
Trân trọng./.
Nơi nhận:
- Như trên;
- Lưu: VT, KCB.
"""


@pytest.fixture(scope="module")
def handmade():
    doc = doc_of(HANDMADE)
    so = doc.text.index("Sở Y tế các tỉnh")
    recips = (Recipient("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "to", (so, so + 50)),)
    due = doc.text.index("trước ngày 30/6/2026")
    dls = (Deadline("trước ngày 30/6/2026", "by", (due, due + 20), "2026-06-30", "2026-06-30"),)
    return doc, duties_of(doc, recips, dls)


def test_heading_actor_is_inherited(handmade):
    _, got = handmade
    first = [o for o in got if o.item and o.item.startswith("1.")]
    assert [(o.item, o.actor) for o in first] == [("1.a", "Sở Y tế"), ("1.b", "Sở Y tế")]
    assert first[1].modality == "report"
    assert first[1].deadline == "2026-06-30"
    assert first[1].report_to == ("Bộ Y tế (qua Cục Quản lý Khám, chữa bệnh)",)
    assert first[0].text == "Chỉ đạo các cơ sở y tế tăng cường giám sát, phát hiện sớm ca bệnh;"


def test_assign_lead_and_partners(handmade):
    _, got = handmade
    two = next(o for o in got if o.item == "2")
    assert (two.actor, two.modality) == ("Trung tâm Kiểm soát bệnh tật", "assign")
    assert two.action.startswith("chủ trì, phối hợp với các bệnh viện")


def test_prohibition(handmade):
    _, got = handmade
    three = next(o for o in got if o.item == "3")
    assert (three.actor, three.modality) == ("Các cơ sở khám bệnh, chữa bệnh", "prohibit")


def test_intro_is_not_a_duty_and_quy_so_resolves(handmade):
    doc, got = handmade
    assert not any(o.text.startswith(("Nhằm", "Căn cứ", "Ban hành kèm theo", "Trân trọng")) for o in got)
    assert len(got) == 4


def test_quy_so_deixis():
    doc = doc_of("Kính gửi: Sở Y tế tỉnh Đồng Tháp.\nĐề nghị Quý Sở khẩn trương báo cáo kết quả thực hiện.\n")
    recips = (Recipient("Sở Y tế tỉnh Đồng Tháp", "to", (10, 32)),)
    got = duties_of(doc, recips, ())
    assert [(o.actor, o.actors, o.modality) for o in got] == [("Quý Sở", ("Sở Y tế tỉnh Đồng Tháp",), "request")]


def test_back_reference_to_cited_documents():
    from extractors.findings import Reference
    text = ("Kính gửi: Các đơn vị.\nThực hiện Công văn số 1366/BYT-K2ĐT ngày 12/3/2025 của Bộ Y tế.\n"
            "Đề nghị các đơn vị nghiêm túc thực hiện các văn bản nêu trên.\n")
    doc = doc_of(text)
    at = doc.text.index("1366/BYT-K2ĐT")
    ref = Reference(text="Công văn số 1366/BYT-K2ĐT", span=(at - 12, at + 13), id="1366/BYT-K2ĐT")
    got = duties_of(doc, (), (), (ref,))
    assert [o.references for o in got] == [("1366/BYT-K2ĐT",)]


@pytest.mark.parametrize("line", [
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Hội đồng.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 1. Phê duyệt Kế hoạch triển khai hồ sơ bệnh án điện tử năm 2026.",
    "Điều 3. Bãi bỏ Quyết định số 15/QĐ-BYT ngày 02 tháng 01 năm 2020 của Bộ trưởng Bộ Y tế về việc giao nhiệm vụ.",
    "Theo đề nghị của Cục trưởng Cục Quản lý Khám, chữa bệnh,",
])
def test_acts_of_the_document_are_no_duties(line):
    assert duties_of(doc_of("QUYẾT ĐỊNH:\n" + line + "\n"), (), ()) == ()


REPORT = """SỞ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 210/BC-SYT
Cần Thơ, ngày 10 tháng 11 năm 2025
BÁO CÁO
Kết quả công tác y tế tháng 10 năm 2025
I. KẾT QUẢ THỰC HIỆN
1. Phối hợp với Sở Giáo dục và Đào tạo tổ chức truyền thông phòng chống dịch tại 120 trường học.
2. Sở Y tế đã chỉ đạo các bệnh viện báo cáo số ca sốt xuất huyết hằng tuần.
II. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2025
1. Tổ chức kiểm tra công tác an toàn thực phẩm dịp cuối năm.
Trên đây là báo cáo kết quả công tác tháng 10 năm 2025, đề nghị các đơn vị trực thuộc xây dựng kế hoạch thực hiện nhiệm vụ tháng 11 năm 2025./.
"""


def test_report_keeps_what_it_asks_of_others_and_its_tasks_ahead_not_its_results():
    doc = doc_of(REPORT)
    head = header.extract(doc)
    assert head.doc_type == "bao_cao"
    got = obligations.extract(doc, head, (), (), ())
    assert [(o.actor, o.modality) for o in got] == [(None, "must"), ("các đơn vị trực thuộc", "request")]
    assert got[0].text == "Tổ chức kiểm tra công tác an toàn thực phẩm dịp cuối năm."
    # the ground 'Trên đây là báo cáo …,' is cut from the request it introduces
    assert got[1].text.startswith("đề nghị các đơn vị trực thuộc xây dựng kế hoạch")


PLAN = """SỞ Y TẾ
Số: 45/KH-SYT
KẾ HOẠCH
Phòng chống tai nạn thương tích năm 2026
I. MỤC TIÊU
Giảm tỷ lệ tử vong do tai nạn thương tích, phối hợp liên ngành hiệu quả.
II. NỘI DUNG HOẠT ĐỘNG
1. Tổ chức truyền thông về phòng chống tai nạn thương tích tại cộng đồng.
2. Phối hợp với ngành giáo dục lồng ghép nội dung an toàn cho trẻ em.
III. TỔ CHỨC THỰC HIỆN
1. Trung tâm Kiểm soát bệnh tật chủ trì xây dựng tài liệu truyền thông.
2. Các Trung tâm Y tế:
a) Tổ chức triển khai kế hoạch trên địa bàn;
b) Báo cáo kết quả về Sở Y tế trước ngày 15/12/2026.
"""


def test_plan_activities_without_actor_are_contents():
    doc = doc_of(PLAN)
    head = header.extract(doc)
    assert head.doc_type == "ke_hoach"
    got = obligations.extract(doc, head, (), (), ())
    assert [(o.item, o.actor) for o in got] == [("III.1", "Trung tâm Kiểm soát bệnh tật"),
                                                ("III.2.a", "Các Trung tâm Y tế"), ("III.2.b", "Các Trung tâm Y tế")]
    assert got[2].report_to == ("Sở Y tế",)


def test_one_duty_per_actor_and_polite_request():
    text = ("Kính gửi: Ủy ban nhân dân các huyện.\n"
            "1. Giao Sở Tài chính chủ trì thẩm định dự toán kinh phí; Sở Nội vụ phối hợp rà soát biên chế.\n"
            "Trân trọng đề nghị Quý cơ quan quan tâm phối hợp thực hiện./.\n")
    got = duties_of(doc_of(text), (), ())
    assert [(o.item, o.actor, o.modality) for o in got] == [
        ("1", "Sở Tài chính", "assign"), ("1", "Sở Nội vụ", "coordinate"), (None, "Quý cơ quan", "request")]
    assert got[0].text.endswith("dự toán kinh phí;")


@pytest.mark.parametrize("line", [
    # a web copy that lost the space after 'theo' (QĐ 719/QĐ-TTg 2012)
    "Điều 1. Ban hành kèm theoQuyết định này Kế hoạch tổ chức các hoạt động kỷ niệm 100 năm Ngày sinh.",
    # a resolution's ground (NQ 30/2011/NQ-HĐND Bình Định)
    "Trên cơ sở xem xét Tờ trình số 51/TTr-UBND ngày 11/8/2011 của Ủy ban nhân dân tỉnh về việc xin ý kiến",
])
def test_glued_act_and_resolution_ground_are_no_duties(line):
    assert duties_of(doc_of("QUYẾT ĐỊNH:\n" + line + "\n"), (), ()) == ()


@pytest.mark.parametrize("lead", [
    "Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện, cụ thể như sau:",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:",
])
def test_plan_presenting_itself_is_no_duty(lead):
    text = ("KẾ HOẠCH\nTriển khai Quyết định số 34/2014/QĐ-TTg\n"
            "Thực hiện Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 của Bộ Lao động, Thương binh và Xã hội.\n"
            f"{lead}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Tạo môi trường sống an toàn, thân thiện với trẻ em.\n")
    assert duties_of(doc_of(text), (), ()) == ()


def test_lead_in_ending_with_the_command_gives_the_next_paragraph():
    # CV 554/UBND-KT An Giang 2006: the duty is the paragraph after 'yêu cầu:', not the lead-in
    text = ("Kính gửi: UBND huyện, thị, thành phố.\n"
            "Nhân dịp Lễ hội diễn ra tại An Giang từ ngày 23 đến ngày 26 tháng 02 năm 2006, "
            "Ủy ban nhân dân tỉnh An Giang yêu cầu:\n"
            "Ủy ban nhân dân các huyện, thị, thành phố vận động nhân dân treo cờ tổ quốc trong suốt những ngày "
            "diễn ra Lễ hội.\n"
            "Ủy ban nhân dân tỉnh An Giang yêu cầu UBND huyện, thị, thành phố khẩn trương tổ chức thực hiện.\n")
    got = duties_of(doc_of(text), (), ())
    assert [(o.actor, o.text[:40]) for o in got] == [
        ("Ủy ban nhân dân các huyện, thị, thành phố", "Ủy ban nhân dân các huyện, thị, thành ph"),
        ("UBND huyện, thị, thành phố", "Ủy ban nhân dân tỉnh An Giang yêu cầu UB")]


def test_dash_items_under_a_request_are_duties():
    # CV 4024/BHXH-CSYT 2008 and CV 2618/BHXH-KHTC 2010: 'đề nghị/yêu cầu X …:' then dash items
    text = ("Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố.\n"
            "Vì vậy, đề nghị Bảo hiểm xã hội các tỉnh, thành phố thực hiện nghiêm túc hướng dẫn tại công văn trên, "
            "cụ thể như sau:\n"
            "- Thông báo các cơ sở khám chữa bệnh BHYT có đăng ký khám chữa bệnh ban đầu cho tỉnh ngoài.\n"
            "- Chỉ phát hành thẻ đăng ký KCB ban đầu tại tỉnh khác từ cơ sở KCB tuyến huyện trở xuống\n")
    got = duties_of(doc_of(text), (), ())
    assert [o.text[:30] for o in got] == ["Vì vậy, đề nghị Bảo hiểm xã hộ", "Thông báo các cơ sở khám chữa ",
                                          "Chỉ phát hành thẻ đăng ký KCB "]
    assert {o.actor for o in got} == {"Bảo hiểm xã hội các tỉnh, thành phố"}


def test_rule_heading_items_are_no_duties():
    # TT 55/2025/TT-BYT Điều 6: 'phân cấp chuyên môn' is a noun; the items list who may prescribe
    text = ("Điều 6. Thẩm quyền kê đơn\n"
            "1. Người hành nghề được kê đơn kết hợp thuốc thang với thuốc hóa dược phù hợp với phạm vi hoạt động "
            "chuyên môn và phân cấp chuyên môn kỹ thuật của cơ sở với các chức danh chuyên môn sau:\n"
            "a) Người hành nghề quy định tại điểm a khoản 1 Điều 4 Thông tư này;\n")
    assert [o.item for o in duties_of(doc_of(text), (), ())] == []


def test_implementation_article_and_actor_forms():
    text = ("QUYẾT ĐỊNH:\n"
            "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Ban, ngành có liên quan căn cứ "
            "Quyết định thi hành.\n"
            "Điều 3. Giao Giám đốc: Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông tiếp tục "
            "tuyên truyền trong toàn thể cán bộ, công chức.\n"
            "Điều 4. Các cơ quan, đơn vị sau đây chịu trách nhiệm tổ chức thực hiện Kế hoạch hành động:\n"
            "1. Sở Kế hoạch và Đầu tư - cơ quan thường trực Ban vì sự tiến bộ phụ nữ tỉnh giúp Ban tham mưu "
            "Ủy ban nhân dân tỉnh chỉ đạo triển khai Kế hoạch hành động.\n")
    got = duties_of(doc_of(text), (), ())
    assert [(o.item, o.actor) for o in got] == [
        ("Điều 2", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Ban, ngành có liên quan"),
        ("Điều 3", "Giám đốc Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông"),
        ("Điều 4.1", "Sở Kế hoạch và Đầu tư")]


EVENT_PLAN = """TRƯỜNG THPT CAO LÃNH 2
Số: 58/KH-THPTCL2
Đồng Tháp, ngày 15 tháng 4 năm 2026
KẾ HOẠCH
Tổ chức sinh hoạt chuyên môn môn Lịch sử Cụm 2
II. NỘI DUNG SINH HOẠT CHUYÊN MÔN
1. Phân tích đề thi tốt nghiệp năm 2025 (môn Lịch sử) – Trường THPT Cao Lãnh 2 thực hiện.
2. Tham luận “Kinh nghiệm ôn thi” - Trường THPT Thống Linh hỗ trợ thực hiện.
III. THỜI GIAN, HÌNH THỨC
1. Thời gian
Lúc 14 giờ 00 phút, ngày 28 tháng 4 năm 2026.
IV. TỔ CHỨC THỰC HIỆN
- Trường THPT Cao Lãnh 2 xây dựng kế hoạch, điều hành các hoạt động của buổi sinh hoạt chuyên môn.
"""


def test_plan_event_date_governs_its_content_items():
    doc = doc_of(EVENT_PLAN)
    at = doc.text.index("Lúc 14 giờ")
    dls = (Deadline("Lúc 14 giờ 00 phút, ngày 28 tháng 4 năm 2026", "on", (at, at + 44), "2026-04-28", "2026-04-28"),)
    got = duties_of(doc, (), dls)
    assert [(o.item, o.deadline) for o in got] == [("II.1", "2026-04-28"), ("II.2", "2026-04-28"), ("IV", None)]


def test_dates_named_by_reference_and_scope_periods():
    text = ("QUYẾT ĐỊNH:\n"
            "Điều 1. Công ty X khẩn trương rà soát và đề xuất kế hoạch cổ phần hóa trong năm 2025, báo cáo "
            "UBND tỉnh trước ngày 08/02/2025.\n"
            "Điều 2. Các cơ quan, đơn vị có liên quan có trách nhiệm chuẩn bị các điều kiện cần thiết kể từ ngày "
            "Quyết định này có hiệu lực.\n"
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 03 năm 2026.\n"
            "Điều 4. Văn phòng UBND thị trấn và các ban, ngành có liên quan căn cứ quyết định thi hành kể từ ngày ký.\n")
    doc = doc_of(text)

    dls = (deadline_at(doc, "trong năm 2025", "period", "2025-12-31"),
           deadline_at(doc, "trước ngày 08/02/2025", "by", "2025-02-08"),
           deadline_at(doc, "có hiệu lực thi hành kể từ ngày 01 tháng 03 năm 2026", "from", "2026-03-01"))
    head = replace(header.extract(doc), issued_date="2024-03-29")
    got = obligations.extract(doc, head, (), dls, ())
    assert [(o.item, o.deadline) for o in got] == [("Điều 1", "2025-02-08"), ("Điều 2", "2026-03-01"),
                                                   ("Điều 4", "2024-03-29")]


def test_closing_completion_sentence_dates_the_duty_before():
    # TB 11/TB-UBND Quảng Ngãi 2025 item 1 and a PGD Bình Chánh 2016 request: the date comes after the work
    text = ("Kính gửi: Các đơn vị.\n"
            "1. Công ty X khẩn trương rà soát, báo cáo toàn bộ quá trình cổ phần hóa, đề xuất kế hoạch thực hiện "
            "cổ phần hóa trong năm 2025 đảm bảo khả thi.\n"
            "Trường hợp không đảm bảo điều kiện thì phối hợp với các cơ quan liên quan đề xuất hướng xử lý. "
            "Hoàn thành và báo cáo UBND tỉnh (thông qua Sở Tài chính, Sở Kế hoạch và Đầu tư) trước ngày 08/02/2025.\n"
            "2. Đề nghị Hiệu trưởng các trường rà soát lại việc thu quỹ phòng, chống thiên tai.\n"
            "Các đơn vị thực hiện trước ngày 24/3/2016.\n")
    got = dated_duties(text, ("trong năm 2025", "period", "2025-12-31"), ("trước ngày 08/02/2025", "by", "2025-02-08"),
                       ("trước ngày 24/3/2016", "by", "2016-03-24"))
    assert [(o.item, o.deadline) for o in got] == [("1", "2025-02-08"), (None, "2025-02-08"), (None, "2025-02-08"),
                                                   ("2", "2016-03-24"), (None, "2016-03-24")]


def test_lead_in_holds_only_the_paragraph_after_it():
    text = ("Kính gửi: Các đơn vị.\n"
            "Sở Y tế yêu cầu:\n"
            "- Các đơn vị rà soát danh sách người bệnh điều trị ngoại trú.\n"
            "Kết quả kiểm tra tháng 3 năm 2026 tại 12 bệnh viện được gửi kèm công văn này.\n")
    got = duties_of(doc_of(text), (), ())
    assert [o.text[:25] for o in got] == ["Các đơn vị rà soát danh s"]


def test_report_submission_sentence_dates_the_request():
    # CV 29/SYT-KHTC Kiên Giang 2018 (scan): the date sits in the sentence on sending the report, after a remark
    text = ("Kính gửi: Các đơn vị trực thuộc Sở Y tế.\n"
            "Sở Y tế yêu cầu các Bệnh viện, Trung tâm Y tế có giường bệnh báo cáo thông tin về an toàn môi trường "
            "của các bệnh viện theo biểu mẫu đính kèm.\n"
            "Các đơn vị có thể nêu các khó khăn, vướng mắc đề xuất với Sở Y tế.\n"
            "Báo cáo gửi về Sở Y tế (qua phòng Kế hoạch - Tài chính) chậm nhất đến ngày 20/01/2018.\n")
    got = dated_duties(text, ("chậm nhất đến ngày 20/01/2018", "by", "2018-01-20"))
    assert [(o.text[:20], o.deadline) for o in got] == [("Sở Y tế yêu cầu các ", "2018-01-20"),
                                                        ("Báo cáo gửi về Sở Y ", "2018-01-20")]


def test_item_on_sending_the_report_dates_the_request_heading():
    # CV 01/SYT-NVD Kiên Giang 2018 (scan): the heading asks, item 3 says by when
    text = ("Kính gửi: Các cơ sở khám chữa bệnh.\n"
            "Sở Y tế đề nghị các cơ sở khám chữa bệnh báo cáo tình hình sử dụng thuốc cụ thể như sau:\n"
            "1. Biểu mẫu báo cáo đính kèm, đề nghị truy cập vào hộp thư điện tử của Phòng Nghiệp vụ Dược.\n"
            "2. Thời gian báo cáo kể từ ngày 08/08/2017 đến hết ngày 31/12/2017.\n"
            "3. Báo cáo được gửi trước ngày 04/01/2018 về Sở Y tế qua văn phòng Sở Y tế.\n")
    got = dated_duties(text, ("trước ngày 04/01/2018", "by", "2018-01-04"))
    assert (got[0].text[:20], got[0].deadline) == ("Sở Y tế đề nghị các ", "2018-01-04")
    assert [o.deadline for o in got if o.item == "1"] == [None]


def test_actor_name_that_lost_a_space():
    # CV 4024/BHXH-CSYT 2008 as copied on the web: 'Bảo hiểm xãhội'
    text = ("Kính gửi: Bảo hiểm xã hội các tỉnh.\n"
            "Vì vậy, đề nghị Bảo hiểm xãhội các tỉnh, thành phố thực hiện nghiêm túc hướng dẫn tại công văn trên, "
            "cụ thể như sau:\n"
            "- Chỉ phát hành thẻ đăng ký KCB ban đầu tại tỉnh khác từ cơ sở KCB tuyến huyện trở xuống.\n")
    got = duties_of(doc_of(text), (), ())
    assert [o.actor for o in got] == ["Bảo hiểm xãhội các tỉnh, thành phố"] * 2


REPORT_AHEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 22/BC-UBND\nQuảng Ngãi, ngày 3 tháng 01 năm 2025\n\nBÁO CÁO\n"
          "Kết quả cải cách thủ tục hành chính tháng 01 năm 2025\n\n"
          "I. KẾT QUẢ THỰC HIỆN\n1. Nhiệm vụ đã làm\nTỉnh đã rà soát 14 thủ tục hành chính trong tháng.\n\n"
          "{head} NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2025\n"
          "1. Tiếp tục rà soát, đơn giản hóa thủ tục hành chính nội bộ.\n"
          "2. Theo dõi tiếp nhận, xử lý phản ánh, kiến nghị trên Cổng Dịch vụ công Quốc gia.\n\n"
          "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")


@pytest.mark.parametrize("head", ["II.", "II"])      # OCR may drop the Roman label's dot
def test_a_reports_tasks_ahead_are_duties_its_results_are_not(head):
    texts = [o.text for o in duties_of(doc_of(REPORT_AHEAD.replace("{head}", head)))]
    assert texts == ["Tiếp tục rà soát, đơn giản hóa thủ tục hành chính nội bộ.",
                     "Theo dõi tiếp nhận, xử lý phản ánh, kiến nghị trên Cổng Dịch vụ công Quốc gia."]


def test_closing_formula_for_the_addressees_to_know_and_do_is_a_duty():
    text = ("SỞ Y TẾ\nSố: 34/TB-SYT\nKiên Giang, ngày 5 tháng 04 năm 2018\n\nTHÔNG BÁO\nVề việc tuyển sinh\n\n"
            "Sở Y tế thông báo đến các đơn vị được biết và thực hiện./.\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n")
    assert [o.text for o in duties_of(doc_of(text))] == ["Sở Y tế thông báo đến các đơn vị được biết và thực hiện./."]
