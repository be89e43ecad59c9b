"""LA402 report-period: the period a report's title names, against its date and its data period.

What: a report for a year ("2023年度法治政府建设工作报告", "2024年政府信息公开工作年度报告") signed
or published before that year ends, or whose body says its data cover another period than the
title ("统计期限为2024年1月1日至2024年12月31日" under a 2025 title).

Why: a 2023 report dated 2023年12月20日 cannot hold the whole year's figures — its totals stop
short or were estimated — and a title carried over from last year's report makes a reader
compare the wrong years. A date after the period ends is normal and passes.

反例 (fails): 2023年度法治政府建设工作报告……2023年12月20日
正例 (passes): 2023年度法治政府建设工作报告……2024年1月31日

The same holds for a quarter, a half year, a month or a week ("周报(2018年7月16日-7月22日)")
and for a period read from the body with no title ("2023年,全区…"; "截至2022年底" passes on
the day itself; "2023年以来" runs up to the report's date, so only a date before 2023 fails). A
date of no year ("本报北京4月1日电") is unverifiable: a year cannot be set against it.
Forward-looking documents named by the year they plan (政府工作报告, 预算, 计划, 要点) are not
checked. Severity info: an early date is a caveat, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.extract.period import is_relative, is_since, read_date, read_span
from lawaudit.extract.period_dates import is_yearless
from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings

RULE = Rule(
    id="LA402",
    name="report-period",
    severity=Severity.INFO,
    summary="A report dated before the period in its title ends, or whose data cover another.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.PERIOD or len(claim.items) < 2:
        return
    period, found = claim.items[:2]
    values = {"stated": period, "computed": found}
    span, when = read_span(period), read_date(found)
    other = None if when else read_span(found)
    against = f"{period} {tr('against', '对比')} {found}"
    why = ""  # nothing to compare: a period counted back from the date, or a day of no year
    if is_relative(period):
        why = tr(
            f"{period} is counted back from the report's own date {found}: nothing to compare",
            f"“{period}”从报告自身日期{found}倒推，无可对比",
        )
    elif is_yearless(found):
        why = tr(
            f"dated {found}, with no year: it cannot be set against {period}",
            f"日期{found}未写年份，无法与{period}对比",
        )
    if why:
        yield Outcome(Status.UNVERIFIABLE, why, against, values)
        return
    if span is None or (when is None and other is None):
        msg = tr(
            f"cannot read a period in {period!r} or a date or period in {found!r}",
            f"无法从“{period}”读出期间，或无法从“{found}”读出日期或期间",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, f"{period} {tr('against', '对比')} {found}", values)
        return
    first, last = span
    if when is not None and is_since(period):
        yield _since(period, found, when, first, values)
        return
    if when is not None:
        end = tr(f", the end of {period}", f"（{period}的最后一天）")
        arithmetic = f"{found} = {when} {'>' if when > last else '≤'} {last}{end}"
        if when > last or (first == last and when == last):
            msg = tr(f"dated {found}, after {period} ended", f"落款{found}，在{period}结束之后")
            yield Outcome(Status.PASS, msg, arithmetic, values)
        else:
            msg = tr(
                f"dated {found}, before {period} ends on {last}: its figures may not cover it all",
                f"落款{found}，早于{period}结束（{last}），数据可能未覆盖全期",
            )
            yield Outcome(Status.FAIL, msg, arithmetic, values)
        return
    a, b = other
    arithmetic = tr(
        f"{period} = {first}…{last}; the data period {found} = {a}…{b}",
        f"{period} = {first}…{last}；数据期间{found} = {a}…{b}",
    )
    if (a, b) == (first, last):
        msg = tr(f"the data period {found} is {period}", f"数据期间{found}即{period}")
        yield Outcome(Status.PASS, msg, arithmetic, values)
    elif first <= a and b <= last:
        msg = tr(
            f"the data cover {found}, only part of {period} named in the title",
            f"数据只覆盖{found}，仅为标题所称{period}的一部分",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)
    else:
        msg = tr(
            f"the title names {period}, but the data cover {found}",
            f"标题为{period}，但数据覆盖的是{found}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)


def _since(period: str, found: str, when, first, values: dict) -> Outcome:
    """ "2023年以来" runs up to the report's own date: only a date before it starts is wrong."""
    arithmetic = f"{found} = {when} {'≥' if when >= first else '<'} {first}"
    if when >= first:
        msg = tr(f"dated {found}, within or after {period}", f"落款{found}，在{period}开始之后")
        return Outcome(Status.PASS, msg, arithmetic, values)
    msg = tr(f"dated {found}, before {period} begins", f"落款{found}，早于{period}开始")
    return Outcome(Status.FAIL, msg, arithmetic, values)
