"""LA401 repeated-figure: one subject, one value, wherever the report states it.

What: a figure stated twice for the same subject — same words before it, same unit — must be
the same both times ("共调处矛盾纠纷287起" in the summary and again in the section). Rounded
restatements agree when their written precision overlaps (1.2万人 and 12000人 agree).

Why: a report that gives two values for one fact has at least one wrong, and readers quote
whichever they saw first.

反例 (fails): 全镇共调处各类矛盾纠纷287起。\\n全镇共调处各类矛盾纠纷285起。
正例 (passes): 全镇共调处各类矛盾纠纷287起。\\n全镇共调处各类矛盾纠纷287起。

Subjects are matched only when their words are specific (four characters or more, no change or
comparison words), and the same words twice in one sentence are a list, not a restatement.
A figure stated again in other words ("省长热线平台转办13件", later "省长热线转办13件") is read
as a restatement when its value is the same and the words share a run of characters: it can
pass, never fail, since the equal value is what pairs the two.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.arith import overlaps, range_of
from lawaudit.i18n import note, tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base

RULE = Rule(
    id="LA401",
    name="repeated-figure",
    severity=Severity.WARNING,
    summary="The same subject stated twice in one report with different values.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.REPEAT or claim.stated is None or claim.previous is None:
        return
    now, before = claim.stated, claim.previous
    where = note(claim.notes[0]) if claim.notes else tr("stated earlier", "前文所述")
    values = {"stated": base(now), "computed": base(before)}
    arithmetic = tr(f"{now.raw} here; {before.raw} {where}", f"此处{now.raw}；{where}{before.raw}")
    if now.value == before.value or overlaps(range_of(now), range_of(before)):
        msg = tr(
            f"{claim.subject}: the same value as {where}", f"{claim.subject}：与{where}的数值相同"
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        msg = tr(
            f"{claim.subject}: {now.raw} here but {before.raw} {where}",
            f"{claim.subject}：此处为{now.raw}，{where}却为{before.raw}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)
