"""The rest of a total: "受理申请20件，已办结18件，其余2件正在办理".

其余 (剩余, 余下) names what is left of a total once the count before it is taken out, so that
count and the 其余 count add up to the total exactly, and a sum that does not is an error the
sentence states plainly. Only the plain shape is read: a total (共, 合计, or an intake such as
受理), one count, then 其余, in one sentence with no 其中 between (a 其中 list reads its 其余
itself: totals.covers_all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item
from lawaudit.extract.counts import comparable, is_whole

REST = re.compile(r"^(?:其余|剩余|余下)的?$")
DONE = re.compile(r"已")


def rest_of_total(
    text: str, counts: list[Item], can_add
) -> Iterator[tuple[Item, list[Item], bool]]:
    """(total, [count, rest], marked) for each "total …, count …, 其余 rest" in a sentence's
    counts. An unmarked total ("公布事项6项；已出台1项，其余5项") is read only when the count
    says what is done (已…), so the rest is what is not; it is then inferred (`marked` False):
    "A类10件，B类5件，其余3件" lists siblings, not a total and its parts."""
    for i in range(2, len(counts)):
        rest = counts[i]
        if not REST.search(rest.label):
            continue  # nearly always: the label is not 其余
        total, done = counts[i - 2], counts[i - 1]
        if not (can_add(text, total) and can_add(text, done)) or is_whole(done):
            continue
        marked = is_whole(total)
        if not (marked or DONE.match(done.label)):
            continue
        if not all(comparable(x.q, total.q) for x in (done, rest)):
            continue
        if P.AMONG.search(text, total.q.end, rest.q.start):
            continue
        yield total, [done, rest], marked
