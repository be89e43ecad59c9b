"""LA112 xxgk-column-sum: in 表三, （七）总计 is the sum of the results （一） to （六）, column by column.

What: for each applicant column of 表三, 三、本年度办理结果（七）总计 must equal （一）予以公开 +
（二）部分公开 + （三）不予公开 1–8 + （四）无法提供 1–3 + （五）不予处理 1–5 + （六）其他处理 (one row
in the 2019 format, three sub-items 1–3 in the 2021 format; a report may mix the two). Rows are
recognised by their words, numbered or not. A row the table lacks, or a blank cell, makes the
column unverifiable, and the check names it.

Why: every application handled ends in exactly one result (部分公开 "只计这一情形"), so the results
add up to the total handled; a gap means an application counted twice or not at all.

反例 (fails): 政府信息公开申请\\n自然人|总计\\n一、本年新收|2|2\\n二、上年结转|0|0\\n（一）予以公开|1|1\\n（二）部分公开|0|0\\n（三）不予公开1.国家秘密|0|0\\n2.禁止公开|0|0\\n3.三安全一稳定|0|0\\n4.第三方合法权益|0|0\\n5.内部事务|0|0\\n6.过程性信息|0|0\\n7.执法案卷|0|0\\n8.行政查询|0|0\\n（四）无法提供1.不掌握|0|0\\n2.另行制作|0|0\\n3.补正后不明确|0|0\\n（五）不予处理1.信访举报|0|0\\n2.重复申请|0|0\\n3.公开出版物|0|0\\n4.大量反复|0|0\\n5.重新出具|0|0\\n（六）其他处理|0|0\\n（七）总计|2|2\\n四、结转下年度|0|0
正例 (passes): 政府信息公开申请\\n自然人|总计\\n一、本年新收|2|2\\n二、上年结转|0|0\\n（一）予以公开|1|1\\n（二）部分公开|1|1\\n（三）不予公开1.国家秘密|0|0\\n2.禁止公开|0|0\\n3.三安全一稳定|0|0\\n4.第三方合法权益|0|0\\n5.内部事务|0|0\\n6.过程性信息|0|0\\n7.执法案卷|0|0\\n8.行政查询|0|0\\n（四）无法提供1.不掌握|0|0\\n2.另行制作|0|0\\n3.补正后不明确|0|0\\n（五）不予处理1.信访举报|0|0\\n2.重复申请|0|0\\n3.公开出版物|0|0\\n4.大量反复|0|0\\n5.重新出具|0|0\\n（六）其他处理|0|0\\n（七）总计|2|2\\n四、结转下年度|0|0
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity
from lawaudit.rules.base import Outcome, Settings
from lawaudit.rules.xxgk import sum_outcome

RULE = Rule(
    id="LA112",
    name="xxgk-column-sum",
    severity=Severity.ERROR,
    summary="表三 of a 政府信息公开 report: （七）总计 that is not the sum of results （一）–（六）.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is ClaimKind.XXGK_COLUMN:
        yield sum_outcome(claim, tr("the sum of （一）…（六）", "（一）至（六）之和"))
