"""LA901 suppression-without-reason: a `<!-- lawaudit: ignore … -->` comment must say why.

What: in a Markdown or HTML source, `<!-- lawaudit: ignore LA201 原因 -->` before a paragraph
silences the named rules' findings on that paragraph (they stay in the output, marked
`suppressed`, and do not count for the exit code). The words after the rule IDs are the reason.
A comment with no reason silences nothing, and is this finding instead.

Why: a silenced finding is a decision someone made about the report's numbers; the next reader
needs to know why (统计口径不同, 上级通报数据) without asking.

反例 (fails): <!--lawaudit:ignore,LA201-->\n共调处纠纷287起，调解成功284起，调处成功率98.96%。
正例 (passes): <!--lawaudit:ignore,LA201,上级通报口径-->\n调解成功284起，调处成功率98.96%。

Spaces or commas separate the parts: `<!-- lawaudit: ignore LA201 LA203 数据口径不同 -->`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings

RULE = Rule(
    id="LA901",
    name="suppression-without-reason",
    severity=Severity.ERROR,
    summary="A `<!-- lawaudit: ignore … -->` comment that gives no reason (it silences nothing).",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.SUPPRESS or claim.notes:
        return
    first, last = claim.covers
    where = (
        tr(f"lines {first}–{last}", f"第{first}–{last}行")
        if first
        else tr("no paragraph after it", "其后没有段落")
    )
    msg = tr(
        f"{claim.quote}: a suppression needs a reason after the rule IDs; it silences nothing",
        f"{claim.quote}：忽略注释须在规则编号后写明理由，否则不起作用",
    )
    rules = ", ".join(claim.items) or "?"
    yield Outcome(Status.FAIL, msg, tr(f"ignore {rules} on {where}", f"忽略{rules}：{where}"), {})
