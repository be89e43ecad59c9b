"""LA302 points-mismatch: a change between two rates, in 百分点, must be their difference.

What: "城镇化率由60.5%提高到62.8%，提高2.3个百分点": b − a (62.8 − 60.5) is compared with the
stated 百分点, allowing each rate its own rounding. A change between two stated rates written as
% that only their difference gives ("由60%提高到62%，提高2%": 2 百分点, but a relative rise of
3.33%), or 百分点 that only the relative change gives, is the classic confusion of the two: it
fails as a warning that names the unit meant.

Why: 百分点 and % differ by a factor of the rate itself; confusing them overstates or
understates a change, and a difference its own rates cannot give means a number is wrong.

反例 (fails): 城镇化率由60.5%提高到62.8%，提高3.2个百分点。
  62.8 − 60.5 = 2.3个百分点; stated up 3.2个百分点.
正例 (passes): 城镇化率由60.5%提高到62.8%，提高2.3个百分点。

Approximate rates (以上, 左右) and a previous rate taken from an earlier sentence make a failure
a warning. A relative change between two rates stated correctly as % passes under LA301.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, stated_as
from lawaudit.rules.change_mismatch import (
    Verdict,
    failure,
    form_of,
    has_base,
    is_between_rates,
    judge,
    reading,
    said,
    taken,
    weight,
)

RULE = Rule(
    id="LA302",
    name="points-mismatch",
    severity=Severity.ERROR,
    summary="A change in 百分点 that is not its two rates' difference, or 百分点 and % confused.",
    doc=__doc__ or "",
)


def as_rates(v: Verdict) -> dict:
    """values with the keys of a difference of two rates: a (before), b (after)."""
    out = {"a": v.values["previous"], "b": v.values["current"], "stated": v.values["stated"]}
    return out | {"computed": v.values.get("computed", "")}


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    form = form_of(claim)
    if form == "points":
        points = judge(claim, "points", settings)
        relative = judge(claim, "pct", settings) if has_base(claim) else None
        found = reading(points, relative)
        values = as_rates(points)
        if found == "meant":
            msg = f"{claim.subject} {said(claim)} {tr('agrees', '相符')}{taken(claim)}"
            yield Outcome(Status.PASS, msg, points.arithmetic, values)
        elif found == "other":
            msg = tr(
                f"{claim.subject} {said(claim)} is the relative change: % was meant, not 百分点",
                f"{claim.subject} {said(claim)} 是相对变化：应写%，而不是百分点",
            )
            msg += taken(claim)
            both = f"{points.head}{tr('; ', '；')}{relative.head}{stated_as()}{said(claim)}"
            yield Outcome(Status.FAIL, msg, both, values, Severity.WARNING)
        else:
            msg = failure(claim, points, "rates")
            yield Outcome(Status.FAIL, msg, points.arithmetic, values, weight(points))
    elif form == "pct" and claim.kind is ClaimKind.CHANGE and is_between_rates(claim):
        if not has_base(claim):
            return
        relative = judge(claim, "pct", settings)
        points = judge(claim, "points", settings)
        if reading(relative, points) == "other":
            b, a = claim.current.raw, claim.previous.raw
            msg = tr(
                f"{claim.subject} {said(claim)}: {a} to {b} is that many 百分点, not that many "
                f"percent; 百分点 was meant",
                f"{claim.subject} {said(claim)}：从{a}到{b}变化的是这么多个百分点，"
                "不是百分之几；应写百分点",
            )
            both = f"{points.head}{tr('; ', '；')}{relative.head}{stated_as()}{said(claim)}"
            yield Outcome(Status.FAIL, msg, both, as_rates(points), Severity.WARNING)
