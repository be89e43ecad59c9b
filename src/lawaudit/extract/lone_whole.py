"""The part or whole of a rate the nearest words give, when no count names its verb.

"转网络单位办理451件，按期办结率97%": a completion rate (办结率, 按期办结率, 回复率) right after
a count of what was received, handled or passed on is a rate of that count, so 97% must be some
k / 451. Only other rates may stand between the count and the rate ("承办工单39818件，办结率
99.88%，按期办结率99.08%": both are of 39818).

A satisfaction rate (满意率) is measured over those who rated, which reports seldom state: the
handled count is then only a possible whole, and a rate it cannot give is a doubt, not a failure.

"累计42人持证，持证率80.8%": a rate's verb written just after a count's unit names that count
as the rate's part.
"""

from __future__ import annotations

import re

from lawaudit.extract import patterns as P
from lawaudit.extract.bases import TIMELY
from lawaudit.extract.context import Item
from lawaudit.extract.counts import is_level, is_whole

# A count of what came in or was worked on: what a completion rate is measured over.
HANDLED = re.compile(r"办理|承办|处理|受理|收到|转办|交办|转派|接收|接到|新收|收案|受案|调处")
# An outcome of what was handled: closed, rated, or handled early or late.
OUTCOME = re.compile(rf"{P.CLOSED.pattern}|{P.SURVEYED.pattern}|{TIMELY.pattern}|超期|延期|不|未")
# A rate standing between the count and this rate: "办结率99.88%".
OTHER_RATE = re.compile(r"[\u4e00-\u9fff]{1,12}率(?:为|达到?|是)?\s*\d+(?:\.\d+)?%")
BREAK = re.compile(r"[，,；;]")


def adjacent(text: str, count: Item, rate_label_start: int) -> bool:
    """Nothing but other rates between the count and the rate's own words."""
    gap = BREAK.split(text[count.q.end : rate_label_start])
    if len(gap) < 2 or gap[0] or gap[-1]:
        return False  # "办理451件后…": words after the unit, or no clause break at all
    return all(OTHER_RATE.fullmatch(seg.strip()) for seg in gap[1:-1])


def handled_whole(
    text: str, name: str, before: list[Item], rate_label_start: int
) -> tuple[Item | None, bool]:
    """(the count the rate is of, whether it is only a possible whole) or (None, False)."""
    completion = bool(P.CLOSED.search(name))
    surveyed = bool(P.SURVEYED.search(name))
    if not (completion or surveyed) or not before:
        return None, False
    count = before[0]
    if not (is_level(count) and (is_whole(count) or HANDLED.search(count.label))):
        return None, False
    if OUTCOME.search(count.label):
        return None, False  # "超时办理4件": an outcome of the handled cases, not their number
    if not adjacent(text, count, rate_label_start):
        return None, False
    return count, surveyed and not completion


def verb_after(text: str, item: Item, verbs: tuple[str, ...]) -> bool:
    """ "42人持证": the count's unit is followed at once by one of the rate's verbs."""
    return any(text.startswith(v, item.q.end) for v in verbs)
