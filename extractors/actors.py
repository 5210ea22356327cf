"""Who a duty falls on (FORMAT.md §5 'Actors'): the subject before the marker, the object after
'đề nghị' / 'giao' / 'yêu cầu', the actor named in an item heading, and deixis ('Quý Sở', 'các Đơn vị',
a term defined by '(Sau đây gọi là …)') resolved to the Kính gửi list."""
from __future__ import annotations

import re
from functools import lru_cache

from .findings import Recipient
from .lexicon import fold, read_tsv

MAX_ACTOR_WORDS = 60
# Lead-ins before the subject: 'Riêng X', 'Đồng thời X', 'Trên cơ sở …, X', 'Trong quá trình thực hiện, nếu …, X'.
LEAD_IN = re.compile(r"(?:Riêng|Đồng thời|Ngoài ra|Mặt khác|Nay|Lưu ý\s*:)\s*,?\s*", re.IGNORECASE)
PREPOSITIONS = ("về", "cho", "với", "tại", "của", "đến", "từ", "và", "gửi", "trình")
TIME_CELL = re.compile(r"\s(?:Trước|Tháng|Quý|Năm|Từ|Đến|Hoàn thành|Thường xuyên|Hằng|Hàng|Dự kiến|\d)")
# a second command word joined to the first: 'đề nghị và hướng dẫn', 'yêu cầu, đề nghị'
COORDINATED = re.compile(r"\s*(?:(?:và|,)\s*(?:hướng dẫn|yêu cầu|đề nghị|chỉ đạo|giao)\s+)?")
HONORIFIC = re.compile(r"(?:các ông, bà|các ông bà|ông, bà|ông/bà)\s*:?\s*", re.IGNORECASE)
DEFINED_TERM = re.compile(r"\((?:sau đây|dưới đây)\s+(?:gọi|viết)\s+(?:tắt\s+|chung\s+)?là\s*:?\s*[\"“]?([^\")”]+)[\"”]?\)",
                          re.IGNORECASE)
# words that are verbs in the action list but nouns inside an actor list
NOUN_VERBS = ("tổ chức", "lập", "cử")
NOUN_AFTER = re.compile(r"\s*(?:,|và\b|cá nhân|có liên quan|liên quan|\)|;)", re.IGNORECASE)
NOUN_BEFORE = re.compile(r"(?:,|\bcác|\bnhững|\bvà|\bmọi)\s*$", re.IGNORECASE)
NOT_ACTORS = ("trường hợp", "người bệnh không", "cơ sở dữ liệu", "cơ sở pháp lý", "tổ chức thực hiện",
              "các nội dung", "các văn bản", "các quy định", "các hoạt động", "các chỉ tiêu", "các thông tin")
BARE_ACTOR_WORDS = 14
BARE_HEADS = ("người", "cơ quan", "tổ chức", "cá nhân", "bên", "người đứng đầu")
APPOSITION = re.compile(r"\s+[-–]\s+(?=[a-zđ])")
HEAD_COLON = re.compile(r"(?<=\w)\s*:\s+(?=[A-ZĐ])")
NOT_BARE = re.compile(r"\b(?:được|khi|nếu|sau|trường hợp|là)\b", re.IGNORECASE)
DEIXIS = ("quy co quan", "quy so", "quy don vi", "quy benh vien", "quy ong", "quy ba", "quy vi",
          "cac don vi", "don vi", "cac co quan, don vi", "cac co quan, don vi lien quan")


@lru_cache(maxsize=None)
def _nouns() -> tuple[str, ...]:
    # longest first, so 'Phó Chủ tịch' wins over 'Phó'
    return tuple(sorted((r[0] for r in read_tsv("actor_nouns.tsv")), key=len, reverse=True))


@lru_cache(maxsize=None)
def _noun_start() -> re.Pattern:
    # web copies and OCR lose spaces inside names ('Bảo hiểm xãhội các tỉnh'): a space may be missing
    return re.compile(r"(?:" + "|".join(r"\s*".join(map(re.escape, n.split())) for n in _nouns()) + r")(?!\w)",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _verb_pattern() -> re.Pattern:
    verbs = sorted((r[0] for r in read_tsv("action_verbs.tsv")), key=len, reverse=True)
    # case-sensitive: a capitalised verb inside a name is part of it ('Cục Quản lý Dược', 'Vụ Tổ chức cán bộ')
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in verbs) + r")(?!\w)")


def _noun_use(s: str, m: re.Match) -> bool:
    """'tổ chức' and its kin inside a list of actors ('cơ quan, tổ chức, cá nhân') name someone, not an act."""
    return (m.group(0).lower() in NOUN_VERBS
            and (NOUN_AFTER.match(s, m.end()) is not None or NOUN_BEFORE.search(s[:m.start()]) is not None))


def opens_actor(s: str) -> bool:
    """Does s begin with a word that opens an actor phrase ('Sở Y tế', 'các đơn vị', 'Thủ trưởng …')?"""
    low = s[:40].lower()
    if low.startswith(NOT_ACTORS):
        return False
    if low.startswith("tổ chức ") and _verb_pattern().match(s, 8):
        return False              # 'Tổ chức triển khai …' organises; 'Tổ chức thu lệ phí' is someone
    return _noun_start().match(s) is not None


def phrase_until_verb(s: str) -> tuple[str, int] | None:
    """The actor phrase at the start of s, ended by the first action verb: ('Sở Tài chính', end offset)."""
    s2 = HONORIFIC.sub("", s, count=1) if HONORIFIC.match(s) else s
    shift = len(s) - len(s2)
    if not opens_actor(s2):
        return None
    # a bare head ('Người', 'Tổ chức') takes the verb after it as its own: 'Người nộp lệ phí thực hiện …'
    m = next((v for v in _verb_pattern().finditer(s2)
              if not _noun_use(s2, v) and s2[:v.start()].strip().lower() not in BARE_HEADS), None)
    if not m or m.start() == 0:
        return None
    # 'Giao Giám đốc: Sở X, Sở Y …' reads 'Giám đốc Sở X, Sở Y'; 'Sở X - cơ quan thường trực …' is Sở X
    actor = APPOSITION.split(HEAD_COLON.sub(" ", s2[:m.start()]))[0].strip(" ,:;-–")
    if not actor or len(actor.split()) > MAX_ACTOR_WORDS or "." in actor[-2:]:
        return None
    return actor, shift + m.start()


def named_in(s: str, start: int = 0) -> str | None:
    """The first capitalised actor name in s from start, up to a time cell or the end:
    '… tiêm chủng Trung tâm Kiểm soát bệnh tật Trước ngày 15/3/2026' -> 'Trung tâm Kiểm soát bệnh tật'."""
    for m in re.finditer(r"(?<=\s)(?=[A-ZĐ])", s[start:]):
        at = start + m.start()
        before = s[:at].split()[-1:] or [""]
        # not inside a name ('Sở Y tế') nor the object of a preposition in the content ('gửi về Sở Y tế')
        if opens_actor(s[at:]) and not before[0][:1].isupper() and before[0].lower() not in PREPOSITIONS:
            rest = s[at:]
            stop = TIME_CELL.search(rest)
            return rest[:stop.start() if stop else len(rest)].strip(" ,;.")
    return None


def has_verb(s: str) -> bool:
    return _verb_pattern().search(s) is not None


def object_after(s: str, pos: int) -> tuple[str, int] | None:
    """The addressee after a command word ending at pos: 'đề nghị [và hướng dẫn] các Đơn vị <verb>'."""
    m = COORDINATED.match(s, pos)
    start = m.end() if m else pos
    found = phrase_until_verb(s[start:])
    return (found[0], start + found[1]) if found else None


def subject(sentence: str, before: int | None = None, fronted: bool = True) -> tuple[str, int] | None:
    """The subject of a sentence: at its start, after a lead-in, or (with `fronted`) after a fronted clause
    ('…, X <verb>'); it must start before offset `before` (the marker) when that is given."""
    starts = [0]
    m = LEAD_IN.match(sentence)
    if m:
        starts.append(m.end())
    if fronted:
        starts += [c.end() for c in re.finditer(r",\s+", sentence)]
    for st in starts:
        if before is not None and st >= before:
            break
        found = phrase_until_verb(sentence[st:])
        if found and (before is None or st + found[1] <= before):
            return found[0], st + found[1]
    return None


def heading_actor(text: str, bare: bool = True) -> str | None:
    """The actor a heading names: 'Sở Y tế:', 'Trách nhiệm của Cục X', 'Đối với UBND cấp xã, …',
    'X có trách nhiệm:', 'Phân cấp … cho Cục Phòng bệnh', 'Giao X thực hiện các nhiệm vụ sau:'."""
    t = text.strip().rstrip(":").strip()
    for pat in (r"^(?:Trách nhiệm|Nhiệm vụ)(?: thực hiện)? của\s+(.+)$", r"^Đối với\s+(.+)$",
                r"\bcho\s+((?:[A-ZĐÂƯÔƠÊĂÁÀẢÃẠ]\w*)(?:\s+\S+){0,12})$"):
        m = re.search(pat, t)
        if m and opens_actor(m.group(1)) and len(m.group(1).split()) <= BARE_ACTOR_WORDS \
                and not NOT_BARE.search(m.group(1)):
            return m.group(1).strip(" ,")
    m = re.match(r"^(.+?)\s+(?:có|chịu) trách nhiệm$", t)
    if m and opens_actor(m.group(1)):
        return m.group(1)
    # a bare name ('1. Sở Y tế:', 'Các Đơn vị:'); not for article titles, which name topics ('Điều 10. Bảo hiểm xã hội')
    if bare and opens_actor(t) and len(t.split()) <= BARE_ACTOR_WORDS and not _verb_pattern().search(t) \
            and not NOT_BARE.search(t):
        return t
    return None


def defined_terms(text: str) -> tuple[str, ...]:
    """Terms the text defines for its addressees: '(Sau đây gọi là các Đơn vị)'."""
    return tuple(m.group(1).strip() for m in DEFINED_TERM.finditer(text))


def resolve(actor: str | None, recipients: tuple[Recipient, ...], terms: tuple[str, ...]) -> tuple[str, ...]:
    """The actors a phrase stands for: deixis and defined terms become the 'to' recipients."""
    if not actor:
        return ()
    key = fold(actor).strip()
    to = tuple(r.name for r in recipients if r.role == "to")
    if to and (key in DEIXIS or key.startswith("quy ") or key in {fold(t) for t in terms}):
        return to
    parts = [p.strip(" ,") for p in re.split(r";\s*", actor) if p.strip(" ,")]
    return tuple(parts)
