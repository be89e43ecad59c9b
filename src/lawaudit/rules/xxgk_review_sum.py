"""LA114 xxgk-review-sum: in 表四, each 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

What: 表四 政府信息公开行政复议、行政诉讼情况 has three groups of five columns — 行政复议, 行政诉讼
未经复议直接起诉, and 行政诉讼 复议后起诉 — each ending in 总计, which must be the sum of the four
outcomes before it. The fifteen cells are aligned by the header's words; a table whose cells do not
make fifteen, or whose header runs in another order, is a notice (LA911), never a guess.

Why: every case is in exactly one state, so the outcomes add up to the cases; a 总计 that does not
means the cases or an outcome were miscounted.

反例 (fails): 政府信息公开行政复议情况\\n行政复议|行政诉讼\\n结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉\\n结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计\\n10|1|0|0|0|0|0|0|0|0|0|0|0|0|0
正例 (passes): 政府信息公开行政复议情况\\n行政复议|行政诉讼\\n结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉\\n结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计\\n10|1|0|0|11|0|0|0|0|0|0|0|0|0|0
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.model import Claim, ClaimKind, Rule, Severity
from lawaudit.rules.base import Outcome, Settings
from lawaudit.rules.xxgk import sum_outcome

RULE = Rule(
    id="LA114",
    name="xxgk-review-sum",
    severity=Severity.ERROR,
    summary="表四 of a 政府信息公开 report: a 总计 that is not 维持 + 纠正 + 其他 + 尚未审结.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is ClaimKind.XXGK_REVIEW:
        yield sum_outcome(claim, "结果维持 + 结果纠正 + 其他结果 + 尚未审结")
