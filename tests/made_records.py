"""Records built by hand on the seeds' real text, for tests of the store and the exports that must not depend on
what the extractors find today. Every span is located in the text, so it points at what it claims."""
from __future__ import annotations

from pipeline.process import process_file

from .conftest import SEEDS


def _span(text: str, needle: str) -> list[int]:
    start = text.index(needle)
    return [start, start + len(needle)]


def _duty(text: str, sentence: str, actor: str, action: str, deadline: str | None, item: str | None) -> dict:
    return {"item": item, "actor": actor, "actors": [actor], "action": action, "modality": "must",
            "deadline": deadline, "report_to": [], "references": [], "text": sentence,
            "span": _span(text, sentence), "page": 1}


def dongthap(path: str | None = None) -> dict:
    """The Đồng Tháp letter, numbered 1234/SYT-VP, citing 13/2025/TT-BYT (written oddly, as some texts do); item 2
    is due 2026-12-31, item 3 is given a monthly report on the 20th so that the calendar has a recurring task."""
    record = process_file(str(SEEDS[1]))
    text = record["text"]
    if path:
        record["source"]["path"] = path
    record["header"] = {**record["header"], "number": "1234", "symbol": "SYT-VP", "doc_type": "cong_van",
                        "issuer": "Sở Y tế", "issued_date": "2026-04", "subject": "đẩy mạnh triển khai hồ sơ bệnh án "
                        "điện tử tại các cơ sở khám bệnh, chữa bệnh"}
    record["references"] = [{"text": "Thông tư số 13/2025/TT-BYT", "id": "13 / 2025/tt-BYT", "doc_type": "thong_tu",
                             "span": _span(text, "Thông tư số 13/2025/TT-BYT"), "page": 1}]
    item2 = text[text.index("Các cơ sở khám bệnh, chữa bệnh khẩn trương"):text.index("01/01/2027.") + 11]
    item3 = text[text.index("Giao Văn phòng Sở"):text.index("(Đính kèm")].strip()
    record["deadlines"] = [
        {"text": "chậm nhất vào ngày 31/12/2026", "kind": "by", "value": "2026-12-31", "due": "2026-12-31",
         "recurrence": None, "span": _span(text, "chậm nhất vào ngày 31/12/2026"), "page": 1},
        {"text": "tham mưu", "kind": "recurring", "value": None, "due": "2026-05-20",
         "recurrence": "FREQ=MONTHLY;BYMONTHDAY=20", "span": _span(text, "tham mưu"), "page": 1}]
    record["obligations"] = [
        _duty(text, item2, "Các cơ sở khám bệnh, chữa bệnh", "hoàn thành triển khai hồ sơ bệnh án điện tử",
              "2026-12-31", "2"),
        _duty(text, item3, "Văn phòng Sở", "tham mưu Lãnh đạo Sở Y tế", "2026-05-20", "3"),
        _duty(text, "Đề nghị các đơn vị khẩn trương triển khai, thực hiện.", "các đơn vị", "triển khai, thực hiện",
              None, None)]
    return record


def hsba(path: str | None = None) -> dict:
    """The Bộ Y tế letter with its header lost: no number; it cites 13/2025/TT-BYT as printed."""
    record = process_file(str(SEEDS[0]))
    text = record["text"]
    if path:
        record["source"]["path"] = path
    record["header"] = {**record["header"], "number": None, "symbol": None, "issuer": None}
    record["references"] = [{"text": "Thông tư số 13/2025/TT-BYT", "id": "13/2025/TT-BYT", "doc_type": "thong_tu",
                             "span": _span(text, "Thông tư số 13/2025/TT-BYT"), "page": 1}]
    record["deadlines"] = []
    record["obligations"] = [_duty(text, "Các Đơn vị xác định triển khai chuyển đổi số", "Các Đơn vị",
                                   "xác định triển khai chuyển đổi số là nhiệm vụ trọng tâm", None, "1")]
    return record
