"""Repeated figures: one subject stated twice ("调处纠纷287起" … later "调处纠纷285起").

A subject is a number's label (the clause words before it) with filler and punctuation removed,
together with its unit. On real reports the same words very often name a different thing: last
year's result and this year's target (城镇新增就业), a five-year total, another district's budget
line. So a pair counts only when it is unmistakable: a specific label (six characters or more, no
change, comparison or plan words), the same time frame (the nearest year or period marker before
each mention, such as 2023年, 今年, 过去五年), no plan words in either sentence, and neither
figure approximate; both are headline figures (共, 累计, 全年, 受理 …), the kind a summary
restates; and they stand in different paragraphs.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from lawaudit.extract import patterns as P
from lawaudit.extract.context import (
    Item,
    Sentence,
    clause_before,
    place,
    strip_filler,
    time_frame,
)
from lawaudit.extract.counts import is_whole
from lawaudit.model import Claim, ClaimKind, Document

NOT_SUBJECT = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")
OTHER_TIME = re.compile(r"上年|去年|同期|上月|此前|以前|前年|上一年|年初|基期|目标|计划|预计|力争")
MIN_SUBJECT = 6
PLAN = re.compile(r"目标|力争|预计|计划|确保|安排|预算|预期|将|要|争取|拟")
LINE_BREAK = re.compile("\n")
QUOTED = re.compile(r"“([^”]{1,20})”")


def line_break_between(breaks: list[int], start: int, end: int) -> bool:
    """Whether a line break stands in `text[start:end]`, given where the text's breaks stand:
    found by bisection, not by reading the text from the first mention, which may be far."""
    return bisect.bisect_left(breaks, end) > bisect.bisect_left(breaks, start)


def subject_of(item: Item) -> str | None:
    label = item.label
    if P.CHANGE_WORDS.search(label) or OTHER_TIME.search(label) or P.AMONG.search(label):
        return None
    if P.SHARE_WORDS.search(label) or P.ALL_EQUAL.search(label):
        return None
    subject = NOT_SUBJECT.sub("", strip_filler(label))
    subject = re.sub(r"(?:达到|达|为|是|有|约)$", "", subject)
    cjk = sum(1 for ch in subject if "\u4e00" <= ch <= "\u9fff")
    return subject if cjk >= MIN_SUBJECT else None


# Words that point at the text around them: two "此类工单" counts are of different kinds.
REFERS_BACK = re.compile(r"此类|该类|上述|以上|前述|此项|该项|同类")


# A section heading at a line's start: "(二)市长信箱", "二、办理情况", "2.热点诉求".
HEADING = re.compile(
    r"^[ \t　]*([(（][一二三四五六七八九十]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])",
    re.M,
)


def marker(head: str) -> str:
    """The kind of a heading's number: (二), 二、 or 2."""
    return (
        "paren"
        if head[0] in "(（"
        else "cn"
        if head[-1] == "、" and not head[0].isdigit()
        else "num"
    )


def parallel_sections(headings: list[tuple[int, str]], a: int, b: int) -> bool:
    """Two mentions under two headings of one kind, the second heading between them ("(二)市长
    信箱 … 受理市民来信27件" and "(三)区长信箱 … 受理市民来信23件"): sibling sections, each
    counting its own thing, however alike the words."""
    i, j = bisect.bisect_left(headings, (a,)), bisect.bisect_left(headings, (b,))
    if i == 0 or j <= i:
        return False  # no heading above the first, or none between the two
    ha, hb = headings[i - 1], headings[j - 1]
    return ha[1] == hb[1]


# Words that say nothing of what is counted, dropped before two labels are compared.
GENERIC = re.compile(
    r"共计|合计|总计|累计|共|全年|全市|全区|全县|本[年月周]|本季度|今年|其中|达到?|为|有|是|约"
    r"|第[一二三四1-4]季度|[上下]半年|\d{1,4}年度?|\d{1,2}月份?|\d{1,2}日"
)


def restatable(item: Item) -> str | None:
    """The words of a figure a report may state again in other words: a count, or a rate with
    its name; never 0 or 100%, which many figures share."""
    q = item.q
    if q.approximate or not q.unit or q.unit in ("百分点", "倍") or q.value in (0, 100):
        return None
    return label_words(item.label, q.is_percent)


@functools.lru_cache(maxsize=4096)  # labels repeat across a report: 受理, 办结, 占比 …
def label_words(label: str, percent: bool) -> str | None:
    if P.CHANGE_WORDS.search(label) or OTHER_TIME.search(label):
        return None
    if percent and "率" not in label:
        return None
    return GENERIC.sub("", NOT_SUBJECT.sub("", label)) or None


def shares_words(a: str, b: str, n: int) -> str:
    """A run of `n` characters both labels hold ("省长热线"), or ""."""
    return next((a[i : i + n] for i in range(len(a) - n + 1) if a[i : i + n] in b), "")


def repeat_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    frame = time_frame(text)
    breaks = [m.start() for m in LINE_BREAK.finditer(text)]

    headings = [(m.start(), marker(m.group(1))) for m in HEADING.finditer(text)]
    first: dict[tuple[str, str, str], Item] = {}
    stated: dict[tuple, list[tuple[Item, str]]] = {}  # (value, unit, frame) -> earlier figures
    for sent in sentences:
        if not sent.items or PLAN.search(text, sent.start, sent.end):
            continue
        seen_here: set[tuple[str, str, str]] = set()
        for item in sent.items:
            restated = restatement(doc, item, stated, frame, breaks, headings)
            if restated is not None:
                yield restated
                continue
            if not item.q.unit or item.q.unit in ("百分点", "倍") or item.q.approximate:
                continue
            if not is_whole(item):
                continue  # the rarer and cheaper test first
            subject = subject_of(item)
            if subject is None or REFERS_BACK.search(item.label):
                continue  # "本周共办理此类工单25件": 此类 is whatever the heading above named
            # "“我有话对省长说”共收到公众来信1129件" and "“网上咨询”共收到公众来信389件": the
            # names in quotes before the words say whose count it is
            named = "".join(QUOTED.findall(clause_before(text, item.q.start, 0)))
            key = (named + subject, item.q.unit, frame(item.q.start))
            if key in seen_here:
                continue  # a parallel list in one sentence, not a restatement
            seen_here.add(key)
            earlier = first.get(key)
            if earlier is None:
                first[key] = item
                continue
            if not line_break_between(breaks, earlier.q.end, item.q.start):
                continue  # one paragraph: sub-entities listed in turn, not a restatement
            if parallel_sections(headings, earlier.q.start, item.q.start):
                first[key] = item
                continue  # "(二)市长信箱 … (三)区长信箱": each section counts its own
            line = doc.line_col(earlier.q.start)[0]
            yield Claim(
                kind=ClaimKind.REPEAT,
                subject=subject,
                stated=item.q,
                previous=earlier.q,
                notes=(f"first stated on line {line}",),
                **place(doc, item.q, item.q.start - len(item.label)),
            )


RECENT = 8  # earlier figures of one value a restatement is compared with
SHARED_RUN = 4  # characters two labels of one restated figure must share


def restatement(doc: Document, item: Item, stated, frame, breaks, headings) -> Claim | None:
    """ "省长热线平台转办13件" and, in another paragraph, "省长热线转办13件": one figure stated
    again in other words. The same value is what pairs them, so the words need only share a
    run of four characters (not three: "类诉求" ends 咨询类诉求 and 投诉类诉求 alike); a figure
    stated again with another value is LA401's strict reading, by identical words."""
    words = restatable(item)
    if words is None:
        return None
    key = (item.q.value, item.q.unit, frame(item.q.start))
    earlier = stated.setdefault(key, [])
    for prev, prev_words in earlier[-RECENT:]:  # bounded: a line of "三项" a thousand times
        if not line_break_between(breaks, prev.q.end, item.q.start):
            continue
        form = item.q.value < 100 and words == prev_words
        if form and parallel_sections(headings, prev.q.start, item.q.start):
            continue  # "(二)市长信箱…受理来信31件", "(三)区长信箱…受理来信31件": a form
        shared = shares_words(words, prev_words, SHARED_RUN)
        if shared:
            line = doc.line_col(prev.q.start)[0]
            return Claim(
                kind=ClaimKind.REPEAT,
                subject=strip_filler(item.label) or shared,
                stated=item.q,
                previous=prev.q,
                notes=(f"first stated on line {line}",),
                **place(doc, item.q, item.q.start - len(item.label)),
            )
    earlier.append((item, words))
    del earlier[:-RECENT]
    return None
