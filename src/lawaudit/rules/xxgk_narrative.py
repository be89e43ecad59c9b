"""LA411 xxgk-narrative: a figure the prose of a 政府信息公开 report states for a cell of its tables
must equal the cell.

What: the prose of these reports restates the tables: "全年共收到政府信息公开申请66件" is 表三
一、本年新收 · 总计, "上年结转2件" is 二、上年结转 · 总计, "予以公开3件" and "部分公开17件" are their
rows' 总计, "结转下年度继续办理1件" is 四, and "政府信息公开行政复议2件" / "行政诉讼3件" are 表四's
总计 (the two kinds of 诉讼 together). Figures for another year (上年, 去年, 同比) are not paired;
a count of applications in a sentence that names 上年结转 may be 一 + 二 ("共受理申请30件，含上年
结转2件") and passes when it is either. A count the prose says was 受理 (accepted) may be fewer
than those received (新收): fewer is unverifiable, more is a failure.
The message names both places: the sentence's line and the table cell's.

Why: the prose and the table are written by different hands at different times; when they differ
one of them is wrong, and readers quote the prose. The pairing is by words, so a failure is a
warning: the prose may count a narrower scope (one office rather than the whole body).

反例 (fails): 全年共收到政府信息公开申请5件。\\n自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\\n一、本年新收政府信息公开申请数量|3|1|0|0|0|0|4
正例 (passes): 全年共收到政府信息公开申请4件。\\n自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计\\n一、本年新收政府信息公开申请数量|3|1|0|0|0|0|4
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.i18n import tr
from lawaudit.model import Claim, ClaimKind, Rule, Severity, Status
from lawaudit.rules.base import Outcome, Settings, base
from lawaudit.rules.xxgk import blank_outcome, noted, shown

RULE = Rule(
    id="LA411",
    name="xxgk-narrative",
    severity=Severity.WARNING,
    summary="A 政府信息公开 report's prose states a figure its own table contradicts.",
    doc=__doc__ or "",
)


def check(claim: Claim, settings: Settings) -> Iterator[Outcome]:
    if claim.kind is not ClaimKind.XXGK_NARRATIVE or claim.stated is None:
        return
    if (out := blank_outcome(claim)) is not None:
        yield out
        return
    said, cell = claim.stated, claim.previous
    where = tr(", ", "、").join(shown(claim, "table: ")) or tr("the table", "表格")
    values = {"stated": base(said), "computed": base(cell), "cells": noted(claim, "cell: ")}
    arithmetic = tr(
        f"the prose says {said.raw}; {claim.subject} ({where}) is {cell.raw}",
        f"正文为{said.raw}；{claim.subject}（{where}）为{cell.raw}",
    )
    both = sum(q.value for q in claim.counts) if claim.counts else None
    if said.value == cell.value:
        msg = tr(
            f"{said.raw} agrees with {claim.subject} ({where})",
            f"正文{said.raw}与{claim.subject}（{where}）相符",
        )
        yield Outcome(Status.PASS, msg, arithmetic, values)
    elif said.value == both:  # the sentence names 上年结转: its total counts them in
        added = " + ".join(q.raw for q in claim.counts)
        msg = tr(
            f"{said.raw} agrees with 一、本年新收 + 二、上年结转 ({where}): {added} = {both}",
            f"正文{said.raw}与一、本年新收 + 二、上年结转（{where}）相符：{added} = {both}",
        )
        yield Outcome(Status.PASS, msg, arithmetic, {**values, "computed": str(both)})
    elif noted(claim, "accepted: ") and said.value < cell.value:
        msg = tr(
            f"the prose says {said.raw} 受理 (accepted), {claim.subject} ({where}) is {cell.raw}:"
            " fewer accepted than received may be right",
            f"正文称受理{said.raw}，{claim.subject}（{where}）为{cell.raw}：受理数少于收到数可能属实，无法核验",
        )
        yield Outcome(Status.UNVERIFIABLE, msg, arithmetic, values)
    else:
        msg = tr(
            f"the prose says {said.raw}, but {claim.subject} ({where}) is {cell.raw}",
            f"正文为{said.raw}，而{claim.subject}（{where}）为{cell.raw}",
        )
        yield Outcome(Status.FAIL, msg, arithmetic, values)
