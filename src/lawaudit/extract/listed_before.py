"""Counts that close the list they count: "A、B、C、D等四类纠纷", "“县区、乡镇、社区”三级",
"A、B、C“三项要求”", "从A、从B……五个方面".

The list runs back from the count to the clause break before it (or to the verb or preposition
that opens it: 将, 从, 围绕 …; for "N个方面" to the 从 that opens the frame) and is split at the
top-level 、 (its last item also at 和/及/与). How sure the reading is depends on what bounds it:
- 等 before the count (or 例如/比如 before the list): the list may name only some of the
  things counted; more items than the count fails, as many passes, fewer says nothing.
- a quoted list right before the count ("“县区、乡镇、社区、网格”四级"): the quotes hold
  exactly the list; a count of another length fails.
- a bare list right before the count, itself bare or quoted ("改革、开放、创新三大动力",
  "A、B“四项要求”", "从A、B、C三个方面"): the words before a count are often not its items
  ("残疾人两项补贴", "坚决做到“两个维护”": 50 false alarms among 政府工作报告 when read as
  lists), so the items must be parallel (see `parallel`) to fail, and parallel or at least
  three to pass. A bare count in Arabic figures ("文化馆、群艺馆17个") says how many there are.
Items with numbers (a breakdown), counts of their own ("做实两大定位"), quotes or book titles
are not a plain list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lawaudit.extract.listed import split_top
from lawaudit.extract.numbers import parse_number
from lawaudit.model import Claim, ClaimKind, Document, Quantity

COUNT = re.compile(
    r"(?=[等“\"二两三四五六七八九十1-9])"  # one character tells: most positions fail at once
    r"(?P<etc>等)?(?P<q>[“\"])?"
    r"(?P<num>二十|十[一二三四五六七八九]?|[两二三四五六七八九]|1[0-9]|20|[2-9])"
    r"(?P<unit>个方面|方面|个维度|维度|类|项|大|种|级|支|个|条|篇|张)(?P<noun>[\u4e00-\u9fff]{0,6})"
)
FRAME_UNITS = ("个方面", "方面", "个维度", "维度")  # 从A、从B……五个方面
NOT_BARE = re.compile(r"以上|以下|左右|多|余")  # 三级以上公路: a grade, not a count
# Where a list begins: after a clause break, or after the word that introduces it.
OPENER = re.compile(
    r"(?:[，,。；;：:\n（(]|将|把|从|对|围绕|聚焦|针对|涵盖|涉及|按照|坚持|突出|实现|落实)"
)
BREAK = re.compile(r"[，,。；;：:\n（(]")
FROM = re.compile(r"(?<![服遵自听顺])从(?![严而事中来未不])")  # 从严, 服从: not the frame
JOINER = re.compile(r"和|及|与|以及")
NOT_PLAIN = re.compile(  # figures, quotes, titles, counts of their own, a heading's numeral
    r"[\d“”\"《》]|[二两三四五六七八九十][个项类大种级支条]|^[一二三四五六七八九十]+$"
)
LAST_CHAR = re.compile(r"[\u4e00-\u9fff”\"]")  # what the count may follow
CLAUSE_END = re.compile(r"[。;:\n]")  # where a , list before a count may begin
TWO_CHARS = re.compile(r"[\u4e00-\u9fff]{2}")
EXAMPLES = ("例如", "比如", "诸如", "譬如")  # "例如A、B三类": some of them, as with 等
QUOTE_SEPS = (";", ",", "、", "—")  # a quoted list is split at the coarsest one it holds
# Where the counted noun ends and the sentence goes on: "五个方面就…提出", "6个方面提出25项".
NOUN_END = re.compile(r"就|作为|对|提出|细化|在|向|将|把|被|从|为|和|与|及|是|有|的")
REACH = 120  # characters back a list may start: the corpus's longest runs 96


def listed_before_claims(doc: Document) -> Iterator[Claim]:
    text = doc.text
    for m in COUNT.finditer(text):
        start = m.start()
        if start == 0 or not LAST_CHAR.match(text[start - 1]):
            continue  # the count follows the list's last item directly
        if m["etc"] and text[m.end("etc")] in '“"':
            continue  # "等“四个自信”": a slogan named after a list
        n = parse_number(m["num"])[0]
        chosen = _choose(_readings(text, m), n)
        if chosen is None:
            continue
        line, column = doc.line_col(start)
        at = m.start("num")
        yield Claim(
            kind=ClaimKind.LISTED,
            subject=text[at : m.end("unit")] + NOUN_END.split(m["noun"], 1)[0],
            line=line,
            column=column,
            quote=doc.quote(max(0, start - 60), m.end()),
            stated=Quantity(m["num"], n, m["unit"], start=at, end=m.end("num")),
            items=tuple(chosen[0]),
            notes=(chosen[1],),
            page=doc.page(start),
        )


Readings = tuple[list[list[str]], str]  # the ways to read the list, and how sure they are


def _readings(text: str, m: re.Match) -> Readings | None:
    """The list that ends where the count `m` starts, and which of the modes above holds."""
    start = m.start()
    quoted = not m["q"] and text[start - 1] == "”"
    if quoted and (items := quoted_list(text, start - 1)):
        return items, "etc" if m["etc"] else "exact"
    if m["unit"] in FRAME_UNITS and (items := framed_list(text, start)):
        return items, "etc" if m["etc"] else "bare"
    if m["etc"]:
        return (items, "etc") if (items := list_before(text, start)) else None
    if m["num"].isdigit():
        return None  # "文化馆、群艺馆17个": how many there are, not how many kinds
    if (m["unit"] == "级" and not m["q"]) or NOT_BARE.match(m["noun"]):
        return None  # "二级航道", "三级以上": a grade
    if text[m.end() : m.end() + 2].lstrip("”")[:1] in ("(", ":"):
        return None  # "三大行动(A、B、C)": the list after the count is the one it names
    if not (items := list_before(text, start)):
        return None
    return items, "etc" if items[0][0].startswith(EXAMPLES) else "bare"


def _choose(found: Readings | None, n) -> tuple[list[str], str] | None:
    """The reading to claim, with its note, or None when the mode says nothing."""
    if found is None:
        return None
    readings, mode = found
    same = next((r for r in readings if len(r) == n), None)
    sure = next((r for r in reversed(readings) if parallel(r)), None)
    if mode == "etc":
        fewest = min(readings, key=len)
        items = same or fewest
        return None if len(items) < n else (items, "the list before 等 and the count")
    if mode == "exact":
        return same or sure or readings[0], "the list in quotes before the count"
    if same and (n >= 3 or parallel(same)):
        return same, "the list right before the count"
    if not same and sure:
        return sure, "the parallel list right before the count"
    return None


def list_before(text: str, end: int) -> list[list[str]] | None:
    """The readings of the list that ends at `end`: its top-level 、 items, and the same with
    the last item split at 和/及/与 ("生物医药和高端医疗器械" may be one thing or two). None when
    there is no plain list: fewer than two items, an item too long or not plain."""
    lo = max(0, end - REACH)
    head = text[lo:end]
    cuts = [c.end() for c in OPENER.finditer(head) if head[c.start() - 1 : c.start()] != "、"]
    cuts = cuts or ([0] if lo == 0 else [])  # "、实现C": a verb that opens an item, not the list
    body = head[cuts[-1] :] if cuts else None
    if not body or "、" not in body:
        return _comma_list(head)
    if head[cuts[-1] - 1 : cuts[-1]] == "," and head[: cuts[-1] - 1].endswith(body[-1]):
        return None  # "A业,B业,C、D和E业三大行业": the , pieces may be the things counted
    return _plain(split_top(body, "、"), 2)


def quoted_list(text: str, close: int) -> list[list[str]] | None:
    """The readings of the list in the quotes that close at `text[close]`: "“A、B、C”"."""
    opened = text.rfind("“", max(0, close - REACH), close)
    body = text[opened + 1 : close].replace("——", "—")
    if opened < 0 or "”" in body:
        return None
    sep = next((s for s in QUOTE_SEPS if len(split_top(body, s)) > 1), None)
    return _plain(split_top(body, sep), 1, 24) if sep else None


def framed_list(text: str, end: int) -> list[list[str]] | None:
    """The readings of the list between 从 and "N个方面" in one clause: "从A、从B、C五个方面"."""
    lo = max(0, end - REACH)
    breaks = [b.end() for b in BREAK.finditer(text, lo, end)]
    frame = FROM.search(text, breaks[-1] if breaks else lo, end)
    if frame is None or "、" not in text[frame.end() : end]:
        return None
    return _plain(split_top(text[frame.end() : end], "、"), 2, 24)


def _comma_list(head: str) -> list[list[str]] | None:
    """ "行政处罚,行政许可,行政确认": a , list before the count, read only when its items share
    their first two characters; the first may carry the words that lead to it ("集中在行政处罚")."""
    start = max((b.end() for b in CLAUSE_END.finditer(head)), default=0)
    pieces = head[start:].split(",")
    lead = pieces[-1][:2]
    if not TWO_CHARS.fullmatch(lead):
        return None
    run = 1
    while run < len(pieces) and pieces[-run - 1].startswith(lead):
        run += 1
    items = pieces[-run:]
    if run < len(pieces) and lead in pieces[-run - 1]:
        first = pieces[-run - 1]
        items = [first[first.rindex(lead) :], *items]
    if len(items) < 3 or min(map(len, items)) <= 2:
        return None
    return _plain(items, 3)


def _plain(items: list[str], shortest: int, longest: int = 16) -> list[list[str]] | None:
    """`items`, and the same with its last item split at 和/及/与, when each is a plain name
    (a quote or a 从 frame bounds longer ones)."""
    if len(items) < 2 or any(
        not shortest <= len(i) <= longest or NOT_PLAIN.search(i) for i in items
    ):
        return None  # numbers (a breakdown), quotes or titles (slogans, works): not a plain list
    readings = [items]
    last = JOINER.split(items[-1])
    if len(last) == 2 and all(2 <= len(p) <= longest for p in last):
        readings.append([*items[:-1], *last])
    if shared := under_one_head(items):
        readings.append(shared)
    return readings


def under_one_head(items: list[str]) -> list[str] | None:
    """The items with an item that lacks the head noun most items end with joined to the next
    one that has it: "…、政府信息公开行政复议、行政诉讼情况、…" may be one part, 复议 and 诉讼
    under one 情况. A reading that only lets a count pass."""
    tails = Counter(i[-2:] for i in items)
    tail, times = tails.most_common(1)[0]
    if times < 2:
        return None
    out: list[str] = []
    i = 0
    while i < len(items):
        if i + 1 < len(items) and not items[i].endswith(tail) and items[i + 1].endswith(tail):
            out.append(items[i] + "、" + items[i + 1])
            i += 2
        else:
            out.append(items[i])
            i += 1
    return out if len(out) < len(items) else None


def parallel(items: list[str]) -> bool:
    """Items plainly alike, so that the list is plainly the things counted: they share their
    last character (…队、…队), or the items after the first share their first two and the first
    holds them ("努力推动法治政府、法治社会"; the first may carry the verb before the list).
    Items merely of one length are not enough: "巩固、拓展、提升四大优势" are verbs."""
    rest = items[1:]
    if len({i[-1] for i in items}) == 1:
        return True
    head = rest[0][:2]
    return len(head) == 2 and all(i.startswith(head) for i in rest) and head in items[0]
