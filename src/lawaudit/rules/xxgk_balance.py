"""LA113 xxgk-balance: in 表三, 一 + 二 = （七）总计 + 四, column by column (the 勾稽关系).

What: the template prints it over 表三 itself: "本列数据的勾稽关系为：第一项加第二项之和，等于第三项
加第四项之和" — applications received this year (一、本年新收) plus those carried in (二、上年结转)
equal those handled (三、本年度办理结果（七）总计) plus those carried out (四、结转下年度继续办理).
Checked for each applicant column and for 总计; a blank cell or a row the table lacks makes the
column unverifiable, and the check names it.

Why: an application received is either handled this year or carried to the next; when the two
sides differ, an application was lost or counted twice.

反例 (fails): 政府信息公开申请\\n自然人|总计\\n一、本年新收|2|2\\n二、上年结转|1|1\\n（一）予以公开|1|1\\n（二）部分公开|1|1\\n（三）不予公开1.国家秘密|0|0\\n2.禁止公开|0|0\\n3.三安全一稳定|0|0\\n4.第三方合法权益|0|0\\n5.内部事务|0|0\\n6.过程性信息|0|0\\n7.执法案卷|0|0\\n8.行政查询|0|0\\n（四）无法提供1.不掌握|0|0\\n2.另行制作|0|0\\n3.补正后不明确|0|0\\n（五）不予处理1.信访举报|0|0\\n2.重复申请|0|0\\n3.公开出版物|0|0\\n4.大量反复|0|0\\n5.重新出具|0|0\\n（六）其他处理|0|0\\n（七）总计|2|2\\n四、结转下年度|0|0
正例 (passes): 政府信息公开申请\\n自然人|总计\\n一、本年新收|2|2\\n二、上年结转|1|1\\n（一）予以公开|1|1\\n（二）部分公开|1|1\\n（三）不予公开1.国家秘密|0|0\\n2.禁止公开|0|0\\n3.三安全一稳定|0|0\\n4.第三方合法权益|0|0\\n5.内部事务|0|0\\n6.过程性信息|0|0\\n7.执法案卷|0|0\\n8.行政查询|0|0\\n（四）无法提供1.不掌握|0|0\\n2.另行制作|0|0\\n3.补正后不明确|0|0\\n（五）不予处理1.信访举报|0|0\\n2.重复申请|0|0\\n3.公开出版物|0|0\\n4.大量反复|0|0\\n5.重新出具|0|0\\n（六）其他处理|0|0\\n（七）总计|2|2\\n四、结转下年度|1|1
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base
from lawaudit.rules.xxgk import blank_outcome, noted, plus, total

RULE = Rule(
    id="LA113",
    name="xxgk-balance",
    severity=Severity.ERROR,
    summary="表三 of a 政府信息公开 report: 一 + 二 ≠ （七）总计 + 四 in a column (its 勾稽关系).",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.XXGK_BALANCE:
        return
    if (out := blank_outcome(claim)) is not None:
        yield out
        return
    received, handled = claim.parts, claim.counts
    a, b = total(received), total(handled)
    arithmetic = tr(
        f"一 + 二: {plus(received)} = {a}; （七）总计 + 四: {plus(handled)} = {b}",
        f"一 + 二：{plus(received)} = {a}；（七）总计 + 四：{plus(handled)} = {b}",
    )
    values = {
        "parts": [base(q) for q in received],
        "total": str(b),
        "computed": str(a),
        "counts": [base(q) for q in handled],
        "cells": noted(claim, "cell: "),
    }
    if a == b:
        msg = tr(
            f"{claim.subject}: 一 + 二 = （七）总计 + 四 = {a}",
            f"{claim.subject}：一 + 二 = （七）总计 + 四 = {a}，相符",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    else:
        msg = tr(
            f"{claim.subject}: 一 + 二 = {a} but （七）总计 + 四 = {b} (the 勾稽关系 the template states)",
            f"{claim.subject}：一 + 二 = {a}，而（七）总计 + 四 = {b}，不符合模板所列的勾稽关系",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)
