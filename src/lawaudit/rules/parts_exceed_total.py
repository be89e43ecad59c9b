"""LA101 parts-exceed-total: the parts listed under a total cannot add up to more than it.

What: "共……N件，其中A a件、B b件": each part, and the sum of the parts, must not exceed N.
A 其中 list that names only some parts is not expected to reach the total, so a short sum
always passes here (LA102 checks lists that claim to be complete).

Why: a part larger than its whole is always an error. A sum larger than the whole is an error
when the parts are separate categories; if they can overlap (网上受理 and 涉企案件 may count
the same case) the report should say so, so an excess sum is a warning and a single part
larger than the total is an error.

反例 (fails): 共办理行政复议案件15件，其中维持10件、撤销7件。  10 + 7 = 17 > 15.
正例 (passes): 共办理行政复议案件15件，其中维持10件、撤销3件。  10 + 3 = 13 ≤ 15.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.arith import range_of
from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, listed_parts, written
from lawaudit.rules.sums import sum_range, sum_text

RULE = Rule(
    id="LA101",
    name="parts-exceed-total",
    severity=Severity.ERROR,
    summary="Parts listed under a total (其中) that add up to more than the total.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.TOTAL or claim.exhaustive or not claim.total:
        return
    total, parts = claim.total, claim.parts
    t = range_of(total)
    shown, value = sum_text(total, parts)
    values = {"total": base(total), "parts": listed_parts(parts), "computed": value}
    t_hi = t.hi
    big = [p for p in parts if t_hi is not None and range_of(p).lo > t_hi]
    s = sum_range(parts)
    if big:
        msg = tr(
            f"part {big[0].raw} is larger than the total {total.raw}",
            f"分项{big[0].raw}大于总数{total.raw}",
        )
        yield Outcome(Status.FAIL, msg, f"{written(big[0])} > {written(total)}", values)
    elif t_hi is not None and s.lo > t_hi:
        msg = tr(
            f"parts add up to more than the total {total.raw} (unless they overlap)",
            f"各分项之和超过总数{total.raw}（除非分项有交叉）",
        )
        arithmetic = f"{shown} > {written(total)}"
        yield Outcome(Status.FAIL, msg, arithmetic, values, Severity.WARNING)
    else:
        msg = tr(
            f"parts within the total {total.raw} (其中 lists some of them)",
            f"分项未超过总数{total.raw}（“其中”只列出部分分项）",
        )
        yield Outcome(Status.PASS, msg, f"{shown} ≤ {written(total)}", values)
