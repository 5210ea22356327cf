"""Duties: who must do what, by when (FORMAT.md §5; SCORING.md 'Obligations').

One duty per numbered item or directive sentence. An item whose heading names an actor, or an article
titled 'Tổ chức thực hiện' / 'Trách nhiệm …', makes each of its clauses a duty; elsewhere a sentence
needs a modal marker (extractors/data/modal_markers.tsv). Preambles, purpose and scope statements, and
the acts the document performs itself are skipped (extractors/data/non_duty_markers.tsv)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.document import Document

from . import actors, duty_deadlines, tasktable
from .body import body_paragraphs, body_range
from .dates import find_dates
from .findings import Deadline, Header, Obligation, Recipient, Reference
from .items import Paragraph, sentences
from .lexicon import read_tsv
from .modality import find_markers, is_non_duty, non_duty, section_kind, starts_with

INTRO_TAIL = re.compile(r"[,;]?\s*(?:(?:một số|các|những)\s+(?:nội dung|nhiệm vụ|công việc|việc|giải pháp|biện pháp)"
                        r"(?:\s+(?:chủ yếu|trọng tâm))?[,\s]*)?(?:cụ thể[,\s]*)?(?:(?:như\s+)?sau(?:\s+đây)?)?\s*:?\s*$",
                        re.IGNORECASE)
BACK_REFERENCE = re.compile(r"\b(?:nêu trên|trên đây|văn bản trên|nói trên)\b", re.IGNORECASE)
REPORT_TO = re.compile(
    r"\b(?i:báo cáo|gửi|phản ánh|thông tin)\b[^.;]{0,200}?\bvề\s+"
    r"((?:Bộ|Sở|Cục|Vụ|Ủy ban|Uỷ ban|UBND|Văn phòng|Phòng|Ban|Trung tâm|cơ quan|Thanh tra|Bảo hiểm|BHXH)[^.;,()]*?"
    r"(?:\s*\([^)]*\))?)(?=\s+(?:để|trước|chậm nhất|trong|theo|qua|trên)\b|\s*[.;,]|\s*$)")
REPORT_DIRECT = re.compile(r"\b(?i:báo cáo)\s+((?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Thủ tướng|Hội đồng|Chủ tịch)[^.;,()]*?"
                           r"(?:\s*\([^)]*\))?)(?=\s+(?:để|về|trước|chậm nhất|trong|theo)\b|\s*[.;,]|\s*$)")
# a plan's task line: 'Phân tích đề thi … – Trường THPT Cao Lãnh 2 thực hiện.'
TASK_TAIL = re.compile(r"\s[–-]\s+([^–-]{3,120}?)\s+(?:hỗ trợ\s+|phối hợp\s+)?(?:thực hiện|chủ trì|phụ trách|đảm nhận)\s*[.;]?\s*$")
# 'X thực hiện …' with X a named actor at the head of the sentence: a plain statement of what X does
PLAIN_DUTY_VERBS = ("thực hiện", "triển khai", "tổ chức", "chủ động", "tiếp tục", "bảo đảm", "đảm bảo", "tuân thủ",
                    "chấp hành", "chuẩn bị", "cử ", "tham mưu", "chỉ đạo", "xây dựng", "rà soát", "hướng dẫn",
                    "kiểm tra", "giám sát", "cung cấp", "gửi ", "cần ", "tham dự")
NARRATIVE = re.compile(r"(?:đã|đang|vừa|chưa|nhận được)\b")
MIN_WORDS = 4
REPORTING_TYPES = ("bao_cao", "to_trinh")
MERGE_SHARE = 0.5        # a following sentence shorter than this share of the duty before it stays with it
MIN_ACTION_WORDS = 5     # a heading ending in ':' is a duty itself only with this much action left


@dataclass
class Context:
    """What a heading hands down to the clauses below it."""
    level: float
    label: str | None
    heading: bool
    actor: str | None = None
    duties: bool = False          # clauses are duties without a marker
    skip: bool = False            # clauses are not duties (scope, purpose, definitions)
    modality: str = "must"
    deadline: str | None = None
    lead_in: bool = False         # an unlabelled 'X yêu cầu:' whose next paragraph is what it asks
    content: bool = False         # a plan's content section ('II. NỘI DUNG …'): its event's date governs it
    ahead: bool = False           # a report's section of tasks still to do ('NHIỆM VỤ TRỌNG TÂM THÁNG 02')
    duty_at: int | None = None    # where the heading's own duty ('đề nghị X báo cáo … như sau:') sits in the output


@lru_cache(maxsize=None)
def _ahead_words() -> tuple[str, ...]:
    return tuple(r[0] for r in read_tsv("report_ahead.tsv"))


def _item_label(stack: list[Context]) -> str | None:
    parts = [c.label for c in stack if c.label]
    return ".".join(parts) if parts else None


def _report_to(s: str) -> tuple[str, ...]:
    out = []
    for pat in (REPORT_TO, REPORT_DIRECT):
        for m in pat.finditer(s):
            whole = re.sub(r"\s+", " ", m.group(1)).strip(" ,")
            # 'về cơ quan quản lý trực tiếp và Bộ Y tế (Cục X)': two bodies; 'và' inside brackets stays
            parts = re.split(r"\s+và\s+(?![^(]*\))", whole)
            if not all(actors.opens_actor(p) for p in parts[1:]):
                parts = [whole]
            out += [p for p in parts if p and p not in out]
    return tuple(out)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space: a duty's text is exactly its span in the document."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def _clean(s: str) -> str:
    return " ".join(s.split())


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    modality: str
    actor: str | None
    action: str
    addressed: bool = False       # the actor is the object of 'đề nghị' / 'yêu cầu' / 'giao' / 'kính trình'


def _classify(text: str, start: int, end: int, ctx: Context) -> _Candidate | None:
    """One sentence: a duty candidate, or None."""
    s = text[start:end]
    flat = _clean(s)
    if len(flat.split()) < MIN_WORDS or is_non_duty(flat, ctx.duties):
        return None
    marks = find_markers(s)
    command = next((m[0] for m in marks if m[2] in ("request", "assign")), None)
    comma = s.rfind(",", 0, command) if command is not None else -1
    if comma > 0 and starts_with(flat, non_duty("start")):
        # 'Căn cứ Công văn …, Giám đốc Sở Y tế yêu cầu …': the duty is the main clause after the fronted ground
        return _classify(text, start + comma + 1 + len(s[comma + 1:]) - len(s[comma + 1:].lstrip()), end, ctx)
    actor, action_from = None, 0
    subj_first = actors.subject(s, fronted=False)
    if not marks and not ctx.duties:
        task = TASK_TAIL.search(s)
        if task and actors.opens_actor(task.group(1)):
            return _Candidate(start, end, "assign", _clean(task.group(1)), _clean(s[:task.start()]))
        if not subj_first or not s[subj_first[1]:].startswith(PLAIN_DUTY_VERBS):
            return None
    if subj_first and NARRATIVE.match(s, subj_first[1]) and not any(m[2] in ("request", "assign") for m in marks):
        return None               # 'UBND tỉnh đã ban hành …', 'các đơn vị chưa báo cáo …': a report of the past
    prohibit = next((m for m in marks if m[2] == "prohibit"), None)
    first = marks[0] if marks else None
    modality = prohibit[2] if prohibit else (first[2] if first else ctx.modality)
    addressed = False
    if first and first[2] in ("request", "assign"):
        obj = actors.object_after(s, first[1])
        if obj:
            (actor, action_from), addressed = obj, True
    if actor is None:
        inline = re.match(r"^\s*([^:]{3,160}):\s+(\S.*)$", s, re.S)
        if inline and actors.opens_actor(inline.group(1).strip()) and not actors.has_verb(inline.group(1)):
            actor, action_from = _clean(inline.group(1)), inline.start(2)
    if actor is None:
        subj = actors.subject(s, first[0] if first else None)
        if subj and not (first and first[2] in ("request", "assign") and subj[1] > first[0]):
            actor, action_from = _clean(subj[0]), subj[1]
    if actor is None:
        actor = ctx.actor
        action_from = first[0] if first and first[0] == len(s) - len(s.lstrip()) else 0
    action = _clean(s[action_from:]).rstrip("./;:")
    if not any(m[2] in ("request", "assign") for m in marks) and _presents_document(action, flat):
        return None
    return _Candidate(start, end, modality, actor, action, addressed)


def extract(doc: Document, header: Header, recipients: tuple[Recipient, ...], deadlines: tuple[Deadline, ...],
            references: tuple[Reference, ...]) -> tuple[Obligation, ...]:
    text = doc.text
    lo, hi = body_range(doc)
    terms = actors.defined_terms(text[lo:hi])
    out: list[Obligation] = []
    stack: list[Context] = []
    # a report or submission tells what its issuer did and plans; only what it asks of others is a duty
    doc_type = header.doc_type if header else None
    reporting, planning = doc_type in REPORTING_TYPES, doc_type == "ke_hoach"
    paras = list(body_paragraphs(doc))
    event = duty_deadlines.event_date(paras, deadlines) if planning else None
    # a row that names no unit is no duty, unless OCR read the table: it often sets the unit column apart
    rows = [r for r in tasktable.rows(text, paras[0].start, paras[-1].end) if r.actor or doc.ocr_pages] \
        if paras else []
    for i, p in enumerate(paras):
        in_table = [r for r in rows if r.start < p.end and p.start < r.end]
        if in_table:
            label = _item_label(stack)
            out += [_row_duty(text, r, label, recipients, terms, deadlines, references) for r in in_table]
            rows = [r for r in rows if r not in in_table]
            continue
        below = paras[i + 1] if i + 1 < len(paras) else None
        if not p.heading and p.level >= 2 and below is not None and below.level > p.level \
                and actors.heading_actor(p.text.rstrip(". "), bare=True):
            p = replace(p, heading=True)   # '1. Công chức Văn phòng - Thống kê, Ông Nguyễn Văn A.' heads its points
        elif p.heading and p.level >= 4 and not p.text.endswith(":") \
                and (below is None or 0 <= below.level <= p.level):
            p = replace(p, heading=False)  # an unpunctuated last or lone dash heads nothing: it is an item
        _place(stack, p)
        ctx = _merged(stack)
        if p.heading:
            cands = _heading_duty(text, p, ctx, stack[-1], deadlines)
        elif ctx.skip:
            continue
        else:
            cands = _paragraph_duties(text, p, ctx)
        if reporting:      # a report's own section of tasks ahead ('II. NHIỆM VỤ TRỌNG TÂM …') lists duties
            cands = [c for c in cands if c.addressed or ctx.ahead]
        elif planning and not ctx.duties:
            cands = [c for c in cands if c.actor]   # a plan's activity list names no one: contents, not duties
        label = _item_label(stack)
        for c in cands:
            duty = _obligation(text, c, label, ctx, header, recipients, terms, deadlines, references, lo)
            out.append(replace(duty, deadline=event) if event and ctx.content and not duty.deadline else duty)
        if p.heading and cands and cands[-1].end == p.end:
            stack[-1].duty_at = len(out) - 1
        elif cands:
            _date_heading_duties(text, out, stack[:-1], deadlines)
    return tuple(_dated_by_next(text, out, deadlines))


def _date_heading_duties(text: str, out: list[Obligation], above: list[Context],
                         deadlines: tuple[Deadline, ...]) -> None:
    """An item that only says by when ('3. Báo cáo được gửi trước ngày 04/01/2018 về Sở Y tế') dates the
    undated duty of the heading that introduced the items ('Sở Y tế đề nghị các cơ sở … báo cáo … như sau:')."""
    last = out[-1]
    due = duty_deadlines.closing(text, sentences(text, *last.span)[0], deadlines)
    for node in above:
        if due and node.duty_at is not None and not out[node.duty_at].deadline:
            out[node.duty_at] = replace(out[node.duty_at], deadline=due)


def _dated_by_next(text: str, duties: list[Obligation], deadlines: tuple[Deadline, ...]) -> list[Obligation]:
    """A closing sentence that only dates the work ('Hoàn thành … trước ngày 08/02/2025.', 'Các đơn vị thực hiện
    trước ngày 24/3/2016.', 'Báo cáo gửi về Sở Y tế chậm nhất ngày …') dates the undated duties before it, back to
    the start of its own item, over a short undated remark between them."""
    out = list(duties)
    due = None
    for i in range(len(out) - 1, 0, -1):
        prev, cur = out[i - 1], out[i]
        due = duty_deadlines.closing(text, sentences(text, *cur.span)[-1], deadlines) \
            or (due if cur.deadline == due else None)
        gap = (prev.span[1], cur.span[0])
        if not due or len(text[gap[0]:gap[1]].split()) > duty_deadlines.GAP_WORDS or cur.item not in (None, prev.item) \
                or duty_deadlines.firm(deadlines, *gap) or duty_deadlines.firm(deadlines, *prev.span):
            due = None
            continue
        out[i - 1] = replace(prev, deadline=due)
    return out


def _row_duty(text: str, row: tasktable.Row, label: str | None, recipients: tuple[Recipient, ...],
              terms: tuple[str, ...], deadlines: tuple[Deadline, ...], references: tuple[Reference, ...]) -> Obligation:
    """A task-table row: the unit column is the actor, the latest day in the row its deadline."""
    dues = [d.due for d in deadlines if row.start <= d.span[0] and d.span[1] <= row.end and d.due]
    dues += [m.iso for m in find_dates(text, row.start, row.end) if len(m.iso) == 10]
    s, e = row.cells[0]
    return Obligation(
        text=text[row.start:row.end], action=_clean(text[s:e]), modality="assign", span=(row.start, row.end),
        item=f"{label}.{row.number}" if label else row.number, actor=row.actor,
        actors=actors.resolve(row.actor, recipients, terms), deadline=max(dues) if dues else None,
        report_to=_report_to(text[row.start:row.end]),
        references=tuple(r.id for r in references if r.id and row.start <= r.span[0] and r.span[1] <= row.end))


def _heading_duty(text: str, p: Paragraph, ctx: Context, node: Context,
                  deadlines: tuple[Deadline, ...]) -> list[_Candidate]:
    """A heading hands an actor and a duty context to its items. One ending in ':' is a duty itself when,
    past its actor and marker, real action is left ('Riêng UBND phường X cử đại diện … và chỉ đạo …:');
    its items then are details of that duty, unless it asks for them ('đề nghị X …, cụ thể như sau:')."""
    _set_heading(node, p, text, deadlines)
    if not p.text.rstrip("”\"’").endswith(":") or p.level in (0, 1) or ctx.skip:
        return []
    spans = sentences(text, p.body_start, p.end)
    before = _sentence_duties(text, spans[:-1], ctx)   # 'Đề nghị UBND cấp xã …. Riêng UBND phường X …:'
    lead_start = spans[-1][0] if spans else p.body_start
    commands = [m for m in find_markers(text[lead_start:p.end]) if m[2] in ("request", "assign")]
    if commands and not INTRO_TAIL.sub("", text[lead_start + commands[-1][1]:p.end]).strip():
        return before             # 'Ủy ban nhân dân tỉnh yêu cầu:': the duty is what follows
    cand = _classify(text, lead_start, p.end, ctx)
    # a duty of its own: a command, or a named subject doing something ('Các cơ sở KCB thực hiện …:')
    if cand is None or not (find_markers(text[lead_start:p.end]) or cand.actor != ctx.actor) \
            or len(_action_left(cand.action).split()) < MIN_ACTION_WORDS:
        return before
    # 'đề nghị X thực hiện …, cụ thể như sau:' asks for each item below; 'X được kê đơn … với:' lists details
    node.duties = bool(commands)
    return before + [cand]


def _presents_document(action: str, sentence: str) -> bool:
    """'UBND tỉnh ban hành Kế hoạch triển khai thực hiện như sau:': the issuer presents this document."""
    return starts_with(action, non_duty("own")) and re.search(r"\bsau(?:\s+đây)?\s*:$", sentence) is not None


def _action_left(action: str) -> str:
    """What an introducing heading asks beyond 'the following': nothing for 'để <purpose> như sau:'."""
    if action.lower().startswith("để "):
        return ""
    return INTRO_TAIL.sub("", action).strip()


def _place(stack: list[Context], p: Paragraph) -> None:
    """Put p into the numbering tree: labelled items close their siblings and deeper items; an unlabelled
    paragraph closes plain items and unlabelled headings, so a closing sentence does not inherit item 4."""
    level: float = p.level
    if p.level >= 0:
        while stack and stack[-1].level >= p.level:
            stack.pop()
    else:
        while stack and (not stack[-1].heading or stack[-1].level != int(stack[-1].level)):
            if stack[-1].lead_in:
                stack[-1].lead_in = False   # the one paragraph a lead-in introduces sits under it
                break
            stack.pop()
        # an unlabelled paragraph sits between its labelled parent and that parent's numbered children
        level = (stack[-1].level if stack else -1) + 0.5
    if stack:
        stack[-1].lead_in = False         # a lead-in holds only the paragraph right after it
    stack.append(Context(level=level, label=p.label if p.level in (1, 2, 3) else None, heading=p.heading))


def _merged(stack: list[Context]) -> Context:
    ctx = Context(level=-1, label=None, heading=False)
    for c in stack[:-1]:
        ctx.actor = c.actor or ctx.actor
        ctx.duties = ctx.duties or c.duties
        ctx.skip = ctx.skip or c.skip
        ctx.deadline = c.deadline or ctx.deadline
        ctx.content = ctx.content or c.content
        ctx.ahead = ctx.ahead or c.ahead
        if c.duties:
            ctx.modality = c.modality
    return ctx


def _set_heading(node: Context, p: Paragraph, text: str, deadlines: tuple[Deadline, ...]) -> None:
    kind = section_kind(p.text)
    node.skip = kind == "skip"
    node.duties = kind == "duties"
    node.ahead = node.duties and any(w in p.text.lower() for w in _ahead_words())
    # the sentence that introduces the list: 'Nhằm …. Sở Y tế đề nghị các đơn vị …, cụ thể như sau:'
    spans = sentences(text, p.body_start, p.end)
    lead = _clean(text[spans[-1][0]:spans[-1][1]]) if spans else ""
    marks = find_markers(lead)
    if starts_with(lead, non_duty("act")) and not any(m[2] in ("request", "assign") for m in marks):
        node.skip = True          # 'Điều 1. Bãi bỏ …:', 'Ban hành kèm theo …': lists of the document's own acts
    actor = actors.heading_actor(lead, bare=p.level not in (0, 1))
    if not actor and marks and marks[0][2] in ("request", "assign"):
        obj = actors.object_after(lead, marks[0][1])
        actor = obj[0] if obj else None
    if not actor and marks and marks[0][2] not in ("request", "assign"):
        # the subject of 'yêu cầu' / 'giao' is who asks, not who must act
        subj = actors.subject(lead, marks[0][0])
        actor = subj[0] if subj else None
    # 'Việc kê đơn phải … các nguyên tắc sau:' lists rules; items are duties under an actor or a request
    if actor or any(m[2] in ("request", "assign") for m in marks):
        node.duties = not node.skip
    node.actor = _clean(actor) if actor else None
    # items under 'Giao X …:' or 'Phân công …' are assignments; under 'đề nghị …:' plain duties of the addressee
    if any(m[2] == "assign" for m in marks):
        node.modality = "assign"
    node.deadline = duty_deadlines.governing(deadlines, p.start, p.end)
    node.content = p.level in (0, 1) and duty_deadlines.is_content_title(p.text)
    node.lead_in = p.level < 0 and node.duties and p.text.rstrip("”\"’").endswith(":")


def _paragraph_duties(text: str, p: Paragraph, ctx: Context) -> list[_Candidate]:
    return _sentence_duties(text, [c for s, e in sentences(text, p.body_start, p.end) for c in _clauses(text, s, e)],
                            ctx)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence split at each ';' after which another actor acts: 'Giao Sở Tài chính chủ trì …; Sở Nội vụ
    phối hợp …' gives one duty per actor. A list of names ('Chánh Văn phòng Bộ; Vụ trưởng …') stays whole."""
    out, pos = [], start
    for m in re.finditer(r";\s+", text[start:end]):
        cut = start + m.end()
        clause_end = text.find(";", cut, end)
        if actors.has_verb(text[pos:start + m.start()]) and actors.phrase_until_verb(
                text[cut:clause_end if clause_end > 0 else end]):
            out.append((pos, start + m.start() + 1))
            pos = cut
    return out + [(pos, end)]


def _sentence_duties(text: str, spans: list[tuple[int, int]], ctx: Context) -> list[_Candidate]:
    """Sentences of a paragraph that are duties; a following sentence with no subject of its own stays with
    the duty before it when it has no marker or is short."""
    out: list[_Candidate] = []
    first_sentence = True
    for s, e in spans:
        sub_ctx = ctx if first_sentence else Context(level=-1, label=None, heading=False, actor=ctx.actor,
                                                     modality=ctx.modality)
        cand = _classify(text, s, e, sub_ctx)
        own = cand is not None and cand.actor is not None and cand.actor != ctx.actor
        short = out and len(text[s:e].split()) < MERGE_SHARE * len(text[out[-1].start:out[-1].end].split())
        if out and (cand is None or not own) and (cand is None or short) and not is_non_duty(_clean(text[s:e])):
            last = out[-1]
            out[-1] = replace(last, end=e)
        elif cand is not None:
            out.append(cand)
        first_sentence = False
    return out


def _obligation(text: str, c: _Candidate, label: str | None, ctx: Context, header: Header | None,
                recipients: tuple[Recipient, ...],
                terms: tuple[str, ...], deadlines: tuple[Deadline, ...], references: tuple[Reference, ...],
                body_start: int) -> Obligation:
    start, end = _trimmed(text, c.start, c.end)
    s = text[start:end]
    refs = [r.id for r in references if r.id and start <= r.span[0] and r.span[1] <= end]
    if BACK_REFERENCE.search(s):
        refs += [r.id for r in references if r.id and body_start <= r.span[0] < start]
    return Obligation(
        text=s, action=c.action, modality=c.modality, span=(start, end), item=label,
        actor=c.actor, actors=actors.resolve(c.actor, recipients, terms),
        deadline=duty_deadlines.governing(deadlines, c.start, c.end) or ctx.deadline
        or duty_deadlines.implied(s, header, deadlines),
        report_to=_report_to(s), references=tuple(dict.fromkeys(refs)))
