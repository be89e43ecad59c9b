"""LA911 xxgk-unaligned: a table that looks like the 政府信息公开 template's but could not be aligned.

What: a notice, not a finding. When 表三, 表四 or 表二 of a 政府信息公开工作年度报告 is recognised
by its labels but a row's cells do not match its columns (a cell lost in extraction, a row not in
the template, a header in another order, a table that ends before （七）总计), the identities that
need it are not checked, and this says where and why, so a reader knows the table was not audited
rather than that it passed.

Why: checking a misaligned table would report false errors, or pass wrong ones.

反例 (fails): 政府信息公开行政复议情况\\n行政复议|行政诉讼\\n结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉\\n结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计\\n1|1|0|0|2|0|0|0|0|0|0|0|0|0
正例 (passes): 政府信息公开行政复议情况\\n行政复议|行政诉讼\\n结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉\\n结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计\\n1|1|0|0|2|0|0|0|0|0|0|0|0|0|0

The notice is unverifiable with severity info: it never changes the exit code by itself. (The
反例 above, 表四 with fourteen cells for fifteen columns, gives the notice and no failure.)
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import note, tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings

RULE = Rule(
    id="LA911",
    name="xxgk-unaligned",
    severity=Severity.INFO,
    summary="A 政府信息公开 template table that could not be aligned, so it was not checked.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is ClaimKind.XXGK_UNALIGNED:
        why = note(claim.notes[0]) if claim.notes else tr("not aligned", "无法对齐")
        msg = tr(
            f"{claim.subject} looks like the template's but could not be aligned ({why}); not checked",
            f"{claim.subject}形似模板中的表格，但无法逐格对齐（{why}），未核验",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, "", {})
