"""LA103 listed-count: a count that names its list ("四支队伍（…）") against the list itself.

What: a count of named things followed by their list — in brackets (“四支队伍”（A、B、C、D）) or
after a colon (开展三项行动：一是……二是……三是……) — against the number of items listed, counted at
the top level only: the 、 inside “黄、赌、毒、邪” does not split an item.

Why: a list one short or one long of its count is an item dropped or added in editing while the
count stayed; a reader notices at once, and it puts the report's other figures in doubt.

反例 (fails): 成立调解维稳“四支队伍”（妇女督导队、老人调解队、青年巡逻队）。
正例 (passes): 成立调解维稳“四支队伍”（妇女督导队、老人调解队、青年巡逻队、乡贤志愿队）。

A list may also come before its count ("“县区、乡镇、社区”四级", "A、B、C等五类", "从A、B、C三个
方面"), and a ranking names its top N ("居前三位的是A、B、C"); the extract modules listed,
listed_before and listed_ranking say how sure each shape is. A count with no list beside it
(“四个中心”, “两个确立”) is not checked, nor 一 (an article), nor a list that may be partial
(等, 包括: only more items than the count fail) or whose items carry counts of their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, num, stated_as

RULE = Rule(
    id="LA103",
    name="listed-count",
    severity=Severity.WARNING,
    summary="A count of named things (“四支队伍”) beside a list of another length.",
    doc=__doc__ or "",
)
ITEM_CHARS, LIST_CHARS = 12, 90  # items are shortened for the message


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    stated = claim.stated
    if claim.kind is not ClaimKind.LISTED or stated is None or not claim.items:
        return
    n = len(claim.items)
    shown = shorten(claim.items)
    values = {"stated": base(stated), "computed": str(n)}
    arithmetic = (
        f"{tr('count', '计数')}({shown}) = {n}{stated_as()}{stated.raw} = {num(stated.value)}"
    )
    if n == stated.value:
        msg = tr(
            f"{claim.subject}: {n} items listed, as stated",
            f"{claim.subject}：列出{n}项，与所述相符",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
        return
    msg = tr(
        f"{claim.subject} says {num(stated.value)}, but {n} items follow: {shown}",
        f"{claim.subject}写的是{num(stated.value)}项，但后面列出了{n}项：{shown}",
    )
    yield Outcome(Status.FAIL, msg, arithmetic, values)


def shorten(items: tuple[str, ...]) -> str:
    """ "以妇女为主导的…督导队、…": each item and the whole list cut to a readable length; items
    that hold a 、 themselves ("人口多、土地少") are joined by ；."""
    parts = [i if len(i) <= ITEM_CHARS else i[: ITEM_CHARS - 1] + "…" for i in items]
    joined = ("；" if any("、" in i for i in items) else "、").join(parts)
    return joined if len(joined) <= LIST_CHARS else joined[: LIST_CHARS - 1] + "…"
