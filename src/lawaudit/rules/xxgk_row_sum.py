"""LA111 xxgk-row-sum: in 表三 of a 政府信息公开工作年度报告, each row's 总计 is the sum of its
applicant columns.

What: 表三 收到和处理政府信息公开申请情况 counts every row by applicant: 自然人, then the five kinds
of 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), then 总计. For every row
(一、本年新收 … 四、结转下年度继续办理) 总计 must equal 自然人 plus the five; where a report adds a
法人或其他组织 小计 column, 小计 must equal the five. Columns are found by the header's words, so a
report that drops or adds a column is still read right. A blank, "/", "—" or "无" cell is not a
zero: the row is then unverifiable, and the check names the blank cell.

Why: the template's arithmetic is fixed; a 总计 that is not the sum of its row means a cell was
typed wrong, and the 勾稽关系 checks below it cannot be trusted either.

反例 (fails): 政府信息公开申请情况\\n自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\\n一、本年新收政府信息公开申请数量|3|1|0|0|0|0|5
正例 (passes): 政府信息公开申请情况\\n自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\\n一、本年新收政府信息公开申请数量|3|1|0|0|0|0|4
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity
from lawaudit.rules.base import Outcome, Settings
from lawaudit.rules.xxgk import sum_outcome

RULE = Rule(
    id="LA111",
    name="xxgk-row-sum",
    severity=Severity.ERROR,
    summary="表三 of a 政府信息公开 report: a row's 总计 that is not 自然人 + the 法人或其他组织 columns.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is ClaimKind.XXGK_ROW:
        yield sum_outcome(claim, tr("the sum of its applicant columns", "本行各类申请人之和"))
