"""LA413 xxgk-in-force: with `--previous`, 现行有效件数 = last year's + 本年制发件数 − 本年废止件数.

What: 表二 主动公开政府信息情况 (2021 format) counts 规章 and 行政规范性文件 by 本年制发件数,
本年废止件数 and 现行有效件数. With last year's report given as `--previous`, this year's 现行有效
件数 must be last year's 现行有效件数 plus this year's 本年制发 less this year's 本年废止. A blank
cell on either side makes it unverifiable.

Why: documents in force change only by issuing and repealing; a stock that moves otherwise means
one of the three counts is wrong (or documents were repealed without being counted).

反例 (fails): 政府信息公开\\n信息内容|本年制发件数|本年废止件数|现行有效件数\\n规章|0|0|0\\n行政规范性文件|3|0|9‖上年‖政府信息公开\\n信息内容|本年制发件数|本年废止件数|现行有效件数\\n规章|0|0|0\\n行政规范性文件|0|5|5
正例 (passes): 政府信息公开\\n信息内容|本年制发件数|本年废止件数|现行有效件数\\n规章|0|0|0\\n行政规范性文件|3|0|8‖上年‖政府信息公开\\n信息内容|本年制发件数|本年废止件数|现行有效件数\\n规章|0|0|0\\n行政规范性文件|0|5|5

An example's text before ‖上年‖ is this year's report, the text after it last year's.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base
from lawaudit.rules.xxgk import blank_outcome, noted, says, shown, total

RULE = Rule(
    id="LA413",
    name="xxgk-in-force",
    severity=Severity.ERROR,
    summary="With --previous: 现行有效件数 ≠ last year's + 本年制发 − 本年废止 (表二).",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.XXGK_IN_FORCE or claim.total is None:
        return
    if (out := blank_outcome(claim)) is not None:
        yield out
        return
    (before, issued), repealed = claim.parts, claim.counts
    computed = total((before, issued)) - total(repealed)
    sums = f"{before.raw} + {issued.raw} − {repealed[0].raw} = {computed}"
    where = shown(claim, "last year: ")
    place = tr(
        f" ({where[0] if where else 'last year'})", f"（{where[0] if where else '上年报告'}）"
    )
    arithmetic = f"{sums}{place}{says(claim.total)}"
    values = {
        "total": base(claim.total),
        "parts": [base(before), base(issued)],
        "counts": [base(q) for q in repealed],
        "computed": str(computed),
        "cells": noted(claim, "cell: "),
    }
    msg = f"{claim.subject} = 上年现行有效 + 本年制发 − 本年废止{tr(': ', '：')}{sums}"
    if computed == claim.total.value:
        yield Outcome(Status.PASS, msg + tr("", "，相符"), arithmetic, values)
    else:
        fail = tr(f", but the table says {claim.total.raw}", f"，表中为{claim.total.raw}")
        yield Outcome(Status.FAIL, msg + fail, arithmetic, values)
