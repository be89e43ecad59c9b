"""LA102 breakdown-sum: a breakdown that claims to be complete must add up to its total.

What: parts that the text presents as the whole of a total — a list ending in 其他/其余, a pair
such as 满意 / 不满意, "分别为" after a total, or 办结 + 在办 after 受理 — are summed and
compared with the total. Rounding in the written digits is allowed for: 150.25万 + 29.64万 can
differ from 179.90万 by up to the half-units of each figure, and such a sum passes with a note.

Why: a complete breakdown that does not add up means a part or the total is wrong. When the total
was taken from earlier text (a list of shares of a total stated above) the failure is a warning.

反例 (fails): 受理诉求180.00万件，办结150.25万件，正在办理中28.75万件。  179.00万 ≠ 180.00万.
正例 (passes): 受理诉求180.00万件，办结150.25万件，正在办理中29.75万件。
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.arith import overlaps, range_of
from lawaudit.i18n import note, tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, listed_parts, stated_as, written
from lawaudit.rules.sums import sum_range, sum_text

RULE = Rule(
    id="LA102",
    name="breakdown-sum",
    severity=Severity.ERROR,
    summary="A complete breakdown (其他, 分别为, 办结 + 在办) that does not add up to its total.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.TOTAL or not claim.exhaustive or not claim.total:
        return
    total, parts = claim.total, claim.parts
    shown, value = sum_text(total, parts)
    values = {"total": base(total), "parts": listed_parts(parts), "computed": value}
    arithmetic = f"{shown}{stated_as()}{written(total)}"
    why = tr(" ({})", "（{}）").format(note(claim.notes[0])) if claim.notes else ""
    exact_sum = sum(p.value for p in parts)
    if exact_sum == total.value:
        msg = tr(f"parts add up to {total.raw}{why}", f"各项之和等于{total.raw}{why}")
        yield Outcome(Status.PASS, msg, arithmetic, values)
    elif overlaps(sum_range(parts), range_of(total)):
        msg = tr(
            f"parts add up to {total.raw} within the rounding of the written figures{why}",
            f"在所写数字的舍入范围内，各项之和等于{total.raw}{why}",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        approx = any(p.approximate for p in (total, *parts))
        severity = Severity.WARNING if approx or claim.inferred else None
        msg = tr(
            f"parts do not add up to the total {total.raw}{why}",
            f"各项之和不等于总数{total.raw}{why}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values, severity)
