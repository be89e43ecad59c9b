"""LA204 capped-rate-range: a rate that counts a part of a whole lies between 0% and 100%.

What: rates whose name says they count a share of cases — 满意率, 办结率, 成功率, 合格率,
覆盖率, 结案率 … and any share stated with 占 — cannot exceed 100% or fall below 0%. Growth
rates and contribution rates (增长率, 贡献率) can, and are not capped.

Why: 满意率102% is a typing or calculation error whatever the counts behind it.

反例 (fails): 受理诉求件119件，办结119件，群众满意率102%。
正例 (passes): 受理诉求件119件，办结119件，群众满意率100%。

Only rates outside the range are listed: a rate inside it is not a finding on its own, and its
arithmetic is checked by LA201 and LA203.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, stated_as

RULE = Rule(
    id="LA204",
    name="capped-rate-range",
    severity=Severity.ERROR,
    summary="A satisfaction, completion or success rate (or a share) above 100% or below 0%.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    stated = claim.stated
    if claim.kind is not ClaimKind.RATE or not claim.capped or stated is None:
        return
    if 0 <= stated.value <= 100:
        return
    side = "above 100%" if stated.value > 100 else "below 0%"
    zh = "高于100%" if stated.value > 100 else "低于0%"
    values = {"stated": base(stated), "computed": "100" if stated.value > 100 else "0"}
    msg = tr(
        f"{claim.subject} {stated.raw} is {side}, which a share of cases cannot be",
        f"{claim.subject} {stated.raw} {zh}，而这类比率只能在0%到100%之间",
    )
    arithmetic = f"0% ≤ {claim.subject} ≤ 100%{stated_as()}{stated.raw}"
    yield Outcome(Status.FAIL, msg, arithmetic, values)
