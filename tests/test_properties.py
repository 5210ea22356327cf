"""Property-based: the extractors never raise on arbitrary text, and every span lies inside the text and
covers what its finding says."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import deadlines, header, obligations, recipients, references
from extractors.lexicon import fold, fold_by_decomposition, fold_each, unpreceded
from pipeline.document import RawText
from pipeline.process import build_document

# Pieces of real directive phrasing, so that generated texts reach deep into the extractors' rules.
PIECES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BỘ Y TẾ", "SỞ Y TẾ", "Số:", "Số: 12/",
    "/BYT-K2ĐT", "Hà Nội, ngày 12 tháng 3 năm 2025", "ngày   tháng 4 năm 2026", "V/v", "QUYẾT ĐỊNH", "Về việc",
    "Kính gửi:", "- ", "Các Sở Y tế;", "(Sau đây gọi là các Đơn vị)", "Căn cứ", "Thông tư số 13/2025/TT-BYT",
    "ngày 06/6/2025", "của Bộ Y tế", "72-NQ/TW", "1. ", "a) ", "Điều 3.", "đề nghị", "yêu cầu", "giao", "phải",
    "không được", "chậm nhất vào ngày 30/9/2025", "trước ngày 20 hằng tháng", "quý IV/2025", "trong 15 ngày kể từ ngày",
    "có hiệu lực kể từ ngày ký", "báo cáo về Bộ Y tế", "Nơi nhận:", "- Như trên;", "(để b/c)", "Lưu: VT, K2ĐT.",
    "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "./.", "\n", "\n\n", " ", "\t", "Ð", "o\u0300", "nêu trên", "Quý cơ quan",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def run_all(text: str):
    doc = build_document("generated.txt", "0" * 64, RawText(format="txt", pages=(text,)))
    head = header.extract(doc)
    refs = references.extract(doc, head)
    recips = recipients.extract(doc)
    dls = deadlines.extract(doc, head)
    duties = obligations.extract(doc, head, recips, dls, refs)
    return doc, head, refs, recips, dls, duties


def inside(doc, span) -> str:
    start, end = span
    assert 0 <= start <= end <= len(doc.text), span
    return doc.text[start:end]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_lie_inside_the_text_and_cover_their_findings(text):
    doc, head, refs, recips, dls, duties = run_all(text)
    for _, span in head.spans:
        inside(doc, span)
    for r in refs:
        assert inside(doc, r.span) == r.text
    for r in recips:
        assert r.name in inside(doc, r.span)
    for d in dls:
        assert inside(doc, d.span) == d.text
    for o in duties:
        assert inside(doc, o.span) == o.text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    run_all(text)


@settings(max_examples=500)
@given(st.one_of(texts, st.text()))
def test_the_fold_table_agrees_with_unicode_decomposition(text):
    assert fold(text) == fold_by_decomposition(text)


def test_the_fold_table_agrees_on_every_character():
    disagree = [c for c in map(chr, range(0x30000)) if fold(c) != fold_by_decomposition(c)]
    assert disagree == []


@given(st.text(alphabet="ac tu\n2", max_size=40))
def test_a_trailing_look_behind_finds_what_a_leading_one_does(text):
    for word, before in (("tu", ()), ("ac tu", ("[a-z]", "ac ")), ("tu", (r"\w", "2 "))):
        leading = re.compile("".join(f"(?<!{b})" for b in before or ("[a-z]",)) + word + r"\s*\w?")
        trailing = re.compile(unpreceded(word, *before) + r"\s*\w?")
        assert [m.span() for m in trailing.finditer(text)] == [m.span() for m in leading.finditer(text)]


def first_of_fold(c: str) -> str:
    return (fold(c) or " ")[0]


@given(st.one_of(texts, st.text()))
def test_fold_each_maps_every_character(text):
    assert fold_each(text, first_of_fold) == "".join(map(first_of_fold, text))
