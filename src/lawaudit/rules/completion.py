"""LA202 completion: cases closed cannot outnumber cases received.

What: "受理N件……办结M件" in one sentence: M ≤ N is checked, and the result is shown as a rate
(119 of 119 closed is a verified 100%). A stated 办结率 or 答复率 is checked by LA201.

Why: more closed than received means a count is wrong — or cases carried over from an earlier
period were closed, which the report should then say. Because of that second reading a failure
is a warning, not an error.

反例 (fails): 受理群众诉求件119件，及时答复办结121件。
正例 (passes): 受理群众诉求件119件，及时答复办结119件。

An intake of new cases only (新收, 新受理) may be outnumbered by the cases closed, which include
those carried over: that is unverifiable, not a failure. So may any intake by the cases judged
(审结, 结案): courts and review bodies judge the cases pending from before (旧存) too. A closed
count the text says includes earlier cases ("办结28498件（包括上周7件）") is unverifiable too.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.arith import range_of, ratio_range
from lawaudit.i18n import tr
from lawaudit.model import (
    CARRIED_OVER_NOTE,
    JUDGED_NOTE,
    Claim,
    ClaimKind,
    Rule,
    Severity,
    Status,
)
from lawaudit.rules.base import Outcome, Settings, base, describe_range, written

RULE = Rule(
    id="LA202",
    name="completion",
    severity=Severity.WARNING,
    summary="More cases closed (办结) than received (受理) in the same statement.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.COMPLETION or not (claim.numerator and claim.denominator):
        return
    done, got = claim.numerator, claim.denominator
    r_done, r_got = range_of(done), range_of(got)
    ratio = ratio_range(r_done, r_got)
    values = {"numerator": base(done), "denominator": base(got), "computed": describe_range(ratio)}
    arithmetic = f"{written(done)} / {written(got)} = {describe_range(ratio)}%"
    if r_got.hi is not None and r_got.hi <= 0:
        yield Outcome(Status.UNVERIFIABLE, tr("nothing received", "受理数为零"), arithmetic, values)
    elif r_got.hi is None or r_done.lo <= r_got.hi:
        msg = tr(
            f"{written(done)} of {written(got)} closed ({claim.subject})",
            f"受理{written(got)}、办结{written(done)}，办结数未超过受理数（{claim.subject}）",
        )
        yield Outcome(Status.PASS, msg, arithmetic + " ≤ 100%", values)
    elif claim.new_only:
        en, zh = why_more(claim)
        msg = tr(
            f"{written(done)} closed is more than the {written(got)} received: {en}",
            f"办结{written(done)}，多于受理的{written(got)}：{zh}，无法核验",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, arithmetic + " > 100%", values)
    else:
        msg = tr(
            f"{written(done)} closed is more than the {written(got)} received",
            f"办结{written(done)}，多于受理的{written(got)}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic + " > 100%", values)


def why_more(claim: Claim) -> tuple[str, str]:
    """Why more closed than received may be right, in English and Chinese: the text says cases
    were carried over, the cases were judged (旧存 among them), or the intake was new cases only."""
    if CARRIED_OVER_NOTE in claim.notes:
        return (
            "the text says cases were carried over, which may account for it",
            "原文写明含结转案件，可能由此所致",
        )
    if JUDGED_NOTE in claim.notes:
        return (
            "cases pending from before (旧存) are judged too, and may account for it",
            "审结数含以前年度旧存案件，可能由此所致",
        )
    return (
        "only new cases (新收) were counted in; cases carried over may account for it",
        "受理数只计新收，可能含上年结转的案件",
    )
