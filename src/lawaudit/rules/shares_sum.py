"""LA205 shares-sum: shares of one whole cannot add up to more than 100%.

What: consecutive shares of the same whole ("投诉3751件，占比82.13%；表扬298件，占比6.53%…",
or "比重分别为3.1%、35.0%和61.9%") are added up. More than 100% — beyond what the rounding of
each written share allows (half a unit of its last digit each) — is an error. When the list says
it is complete (a share labelled 其他), it must also reach 100% within that rounding. Shares
listed with 分别为 may name overlapping categories (高技术制造业, 装备制造业), so their excess is a
warning.

Why: shares that exceed the whole were computed from different totals or mistyped; a complete
list that falls short leaves a category out.

One wrong share is one finding: when every share states its count and the whole is stated, a
share its own count contradicts fails on its own (LA201), and if putting its computed value in
its place brings the list within 100%, the excess is that share's, not a second error.

反例 (fails): 三次产业增加值占地区生产总值的比重分别为3.1%、45.0%和61.9%。
正例 (passes): 三次产业增加值占地区生产总值的比重分别为3.1%、35.0%和61.9%。
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lawaudit.arith import range_of, ratio_range, share_fits, show
from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base, num, written

RULE = Rule(
    id="LA205",
    name="shares-sum",
    severity=Severity.ERROR,
    summary="Shares of one whole that add up to more than 100% (or, listed with 其他, to less).",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.SHARES or not claim.parts:
        return
    total = sum((Fraction(p.value) for p in claim.parts), Fraction(0))
    slack = sum((Fraction(p.half_ulp) for p in claim.parts), Fraction(0))
    shown = " + ".join(written(p) for p in claim.parts)
    digits = max(p.decimals for p in claim.parts)
    values = {"parts": [base(p) for p in claim.parts], "computed": show(total, digits)}
    allows = tr(
        f" (rounding allows ±{num(slack, digits + 1)})", f"（舍入允许±{num(slack, digits + 1)}）"
    )
    arithmetic = f"{shown} = {show(total, digits)}%{allows}"
    if any(p.approximate for p in claim.parts):
        msg = tr("some shares are approximate", "部分占比是约数")
        yield Outcome(Status.UNVERIFIABLE, msg, arithmetic, values)
    elif total > 100 + slack and (wrong := excess_of(claim, slack)):
        whole = claim.total.raw  # type: ignore[union-attr]  # excess_of needs it
        named = "、".join(f"{p.raw} ({c.raw} / {whole})" for c, p in wrong)
        msg = tr(
            f"the shares add up to {show(total, digits)}%; the excess is the share its own count"
            f" and the whole {whole} contradict: {named}, a finding of its own",
            f"各占比合计{show(total, digits)}%；超出部分来自与其数量和总数{whole}不符的占比："
            f"{named}，已单独列出",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, arithmetic + " > 100%", values)
    elif total > 100 + slack:
        msg = tr(
            f"{len(claim.parts)} shares of one whole add up to {show(total, digits)}%, over 100%",
            f"同一总数的{len(claim.parts)}个占比合计{show(total, digits)}%，超过100%",
        )
        if claim.inferred:
            msg += tr(" (unless the listed categories overlap)", "（除非所列类别有交叉）")
        severity = Severity.WARNING if claim.inferred else None
        yield Outcome(Status.FAIL, msg, arithmetic + " > 100%", values, severity)
    elif claim.exhaustive and total < 100 - slack:
        msg = tr(
            f"a complete list of shares (with 其他) adds up to only {show(total, digits)}%",
            f"含“其他”的完整占比合计只有{show(total, digits)}%",
        )
        yield Outcome(Status.FAIL, msg, arithmetic + " < 100%", values)
    else:
        tail = "100%" if claim.exhaustive else "at most 100%"
        zh = "100%" if claim.exhaustive else "不超过100%"
        msg = tr(
            f"{len(claim.parts)} shares add up to {show(total, digits)}%: {tail} within rounding",
            f"{len(claim.parts)}个占比合计{show(total, digits)}%，在舍入范围内{zh}",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)


def excess_of(claim: Claim, slack: Fraction) -> list:
    """(count, share) for the shares their own count and the stated whole contradict, when the
    list with their computed values in their place adds up to at most 100%: the whole excess
    is theirs. Empty when the counts or the whole are not all stated, or the excess is more
    than theirs."""
    whole = claim.total
    if whole is None or len(claim.counts) != len(claim.parts):
        return []
    pairs = list(zip(claim.counts, claim.parts, strict=True))
    wrong = [(c, p) for c, p in pairs if not share_fits(c, p, whole)]
    if not wrong or len(wrong) * 2 > len(pairs):
        return []
    corrected = sum(
        (
            Fraction(share.value)
            if share_fits(count, share, whole)
            else ratio_range(range_of(count), range_of(whole)).lo  # already in %
            for count, share in pairs
        ),
        Fraction(0),
    )
    return wrong if corrected <= 100 + slack else []
