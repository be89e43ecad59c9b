"""Counts that close the list they count with 等: "将家事、乡村振兴、城市生活、营商环境等四类
矛盾纠纷".

The list runs back from 等 to the clause break before it (or to the verb or preposition that
opens it: 将, 从, 围绕 …) and is split at the top-level 、 (and its last item at 和/及/与). The
list may name only some of the things counted: more items than the count is a failure, as many
a pass, fewer says nothing. Only this form is read: a count with no 等, or in quotes ("四个
自信", "“四项要求”"), names a slogan or a set defined elsewhere as often as the words before
it (tried on the corpus: 50 false alarms among 政府工作报告). Items with numbers (a breakdown),
quotes or book titles are not a plain list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawaudit.extract.listed import split_top
from lawaudit.extract.numbers import parse_number
from lawaudit.model import Claim, ClaimKind, Document, Quantity

COUNT = re.compile(
    r"(?P<etc>等)?[“\"]?(?P<num>二十|十[一二三四五六七八九]?|[两二三四五六七八九])"
    r"(?P<unit>个方面|方面|类|项|大|种|级|支|个)(?P<noun>[\u4e00-\u9fff]{0,6})"
)
# Where a list begins: after a clause break, or after the word that introduces it.
OPENER = re.compile(
    r"(?:[，,。；;：:\n（(]|将|把|从|对|围绕|聚焦|针对|涵盖|涉及|按照|坚持|突出|实现|落实)"
)
JOINER = re.compile(r"和|及|与|以及")
REACH = 120  # characters back a list may start: the corpus's longest runs 96


def listed_before_claims(doc: Document) -> Iterator[Claim]:
    text = doc.text
    for m in COUNT.finditer(text):
        start = m.start()
        if start == 0 or not re.match(r"[\u4e00-\u9fff”\"]", text[start - 1]):
            continue  # the count follows the list's last item directly
        if not m["etc"] or text[m.end("etc")] in '“"':
            continue  # only "A、B、C等三类": a count in quotes or with no 等 may name anything
        readings = list_before(text, start)
        if readings is None:
            continue
        n = parse_number(m["num"])[0]
        items = next((r for r in readings if len(r) == n), min(readings, key=len))
        if len(items) < n:
            continue  # 等: the list may name only some of them
        line, column = doc.line_col(start)
        at = m.start("num")
        yield Claim(
            kind=ClaimKind.LISTED,
            subject=text[at : m.end("noun")],
            line=line,
            column=column,
            quote=doc.quote(max(0, start - 60), m.end()),
            stated=Quantity(m["num"], n, m["unit"], start=at, end=m.end("num")),
            items=tuple(items),
            notes=("the list before the count",),
            page=doc.page(start),
        )


def list_before(text: str, end: int) -> list[list[str]] | None:
    """The readings of the list that ends at `end`: its top-level 、 items, and the same with
    the last item split at 和/及/与 ("生物医药和高端医疗器械" may be one thing or two). None when
    there is no plain list: fewer than two items, an item too long or carrying a number."""
    lo = max(0, end - REACH)
    head = text[lo:end]
    cuts = [c.end() for c in OPENER.finditer(head)]
    body = head[cuts[-1] :] if cuts else None
    if not body or "、" not in body:
        return None
    items = split_top(body, "、")
    if len(items) < 2 or any(not 2 <= len(i) <= 16 or re.search(r"[\d“”\"《》]", i) for i in items):
        return None  # numbers (a breakdown), quotes or titles (slogans, works): not a plain list
    last = JOINER.split(items[-1])
    if len(last) == 2 and all(2 <= len(p) <= 16 for p in last):
        return [items, [*items[:-1], *last]]
    return [items]
