"""LA412 xxgk-carry-over: with `--previous`, 二、上年结转 this year equals last year's 四、结转下年度.

What: with last year's 政府信息公开工作年度报告 given as `--previous`, each column of this year's
表三 二、上年结转政府信息公开申请数量 must equal the same column of last year's 四、结转下年度继续
办理 (columns matched by their names). A blank cell on either side makes it unverifiable.

Why: the applications carried out of one year are the applications carried into the next; when
the two reports differ, one year's accounts lost or invented an application.

反例 (fails): 政府信息公开申请\\n自然人|总计\\n一、本年新收|1|1\\n二、上年结转|2|2‖上年‖政府信息公开申请\\n自然人|总计\\n一、本年新收|3|3\\n四、结转下年度继续办理|1|1
正例 (passes): 政府信息公开申请\\n自然人|总计\\n一、本年新收|1|1\\n二、上年结转|1|1‖上年‖政府信息公开申请\\n自然人|总计\\n一、本年新收|3|3\\n四、结转下年度继续办理|1|1

An example's text before ‖上年‖ is this year's report, the text after it last year's.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base
from lawaudit.rules.xxgk import blank_outcome, noted, shown

RULE = Rule(
    id="LA412",
    name="xxgk-carry-over",
    severity=Severity.ERROR,
    summary="With --previous: 二、上年结转 this year ≠ 四、结转下年度 in last year's 政府信息公开 report.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.XXGK_CARRY:
        return
    if (out := blank_outcome(claim)) is not None:
        yield out
        return
    now, then = claim.stated, claim.previous
    where = shown(claim, "last year: ")
    last = tr(
        f"{claim.items[0]} ({where[0] if where else 'last year'})",
        f"{claim.items[0]}（{where[0] if where else '上年报告'}）",
    )
    values = {"stated": base(now), "computed": base(then), "cells": noted(claim, "cell: ")}
    arithmetic = tr(
        f"this year {now.raw}; {last}: {then.raw}",
        f"本年为{now.raw}；{last}为{then.raw}",
    )
    if now.value == then.value:
        msg = tr(
            f"{claim.subject} {now.raw} = {last} {then.raw}",
            f"{claim.subject}为{now.raw}，与{last}的{then.raw}相符",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        msg = tr(
            f"{claim.subject} is {now.raw}, but {last} is {then.raw}",
            f"{claim.subject}为{now.raw}，而{last}为{then.raw}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)
