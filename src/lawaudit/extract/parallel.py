"""其中 lists that restate several measures item by item.

"共完成交易235项，交易金额9.8519亿元，节约金额0.1968亿元，其中：工程建设项目交易101项，交易额
8.2655亿元，节约金额0.1488亿元；政府采购项目交易133项，交易额1.5697亿元，节约金额0.0479亿元。"
The sentence states three measures of one whole; after 其中, each item gives its own value of
each, starting where a count like the first item's (a 项 count named 交易) comes back. Each
measure then has its parts, one per item: 101 + 133 of the 235 项, 8.2655 + 1.5697 of the
9.8519亿 交易金额, 0.1488 + 0.0479 of the 0.1968亿 节约金额. Read as one run of counts, the
8.2655亿 交易额 would be a part of the 0.1968亿 saved, the nearest count before 其中.

A measure is matched by unit, and among counts of one unit by the words of its label (交易额 is
交易金额's, not 节约金额's). The items do not say they are complete, so the parts must only stay
within each total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawaudit.extract.context import Item, Sentence, strip_filler
from lawaudit.extract.totals import breakdown
from lawaudit.model import Claim, Document

MARK = re.compile(r"其中[:：，,]?")


def parallel_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    for sent in sentences:
        m = MARK.search(text, sent.start, sent.end)
        if m is None:
            continue
        items = segments([it for it in sent.items if it.is_count and it.q.start >= m.end()])
        if len(items) < 2 or len(items[0]) < 2 or any(len(g) > len(items[0]) for g in items):
            continue  # the first item names every measure; a later one may leave some out
        head = [it for it in sent.items if it.is_count and it.q.end <= m.start()]
        measures = head[-len(items[0]) :]
        if len(measures) < len(items[0]) or len({key(it) for it in measures}) < len(measures):
            continue
        columns = matched(measures, items)
        if columns is None:
            continue
        note = "each item of the 其中 list gives its own value of this measure"
        for total, parts in zip(measures, columns, strict=True):
            yield breakdown(doc, total, parts, False, note)


def key(it: Item) -> tuple[str, str]:
    return it.q.unit, strip_filler(it.label)[-4:]


def segments(counts: list[Item]) -> list[list[Item]]:
    """The counts after 其中, one list for each item: an item starts again where a count of the
    first one's unit and words comes back (窗口受理14717件，办结14666件，统一平台受理12470件…)."""
    out: list[list[Item]] = []
    for it in counts:
        first = out[0][0] if out else None
        if first is None or (it.q.unit == first.q.unit and likeness(first.label, it.label)):
            out.append([])
        out[-1].append(it)
    return out


def matched(measures: list[Item], items: list[list[Item]]) -> list[list[Item]] | None:
    """For each measure, its value in every item that gives it; None unless each count of an
    item is one measure's, told apart by unit and words."""
    columns: list[list[Item]] = [[] for _ in measures]
    for seg in items:
        taken: set[int] = set()
        for k, total in enumerate(measures):
            best = max(
                (j for j, it in enumerate(seg) if it.q.unit == total.q.unit and j not in taken),
                key=lambda j: (likeness(total.label, seg[j].label), -j),
                default=None,
            )
            if best is None:
                continue  # "采矿权出让交易1项，交易额0.101亿元": no 节约金额 for this item
            taken.add(best)
            columns[k].append(seg[best])
        if len(taken) < len(seg):
            return None
    same_unit = [m for m in measures if sum(o.q.unit == m.q.unit for o in measures) > 1]
    for k, total in enumerate(measures):
        if total in same_unit and any(likeness(total.label, p.label) == 0 for p in columns[k]):
            return None  # two measures of one unit the words cannot tell apart
    return columns


def likeness(a: str, b: str) -> int:
    """Character pairs two labels share at their ends (交易金额 and 交易额 share 交易)."""
    a, b = strip_filler(a)[-6:], strip_filler(b)[-6:]
    pairs = {a[i : i + 2] for i in range(len(a) - 1)}
    return sum(1 for i in range(len(b) - 1) if b[i : i + 2] in pairs)
