"""The period a report covers, against the dates it carries.

A "2023年度" report signed on 2023年12月20日 cannot hold the whole year's figures: its totals stop
short, or some were estimated, and a reader comparing it with other years should know. A title
and a body that name different periods ("2025年…年度报告" whose data "统计期限为2024年1月1日至
2024年12月31日") mean one of them was carried over from an earlier year.

The period is read from the title, in one of the first paragraphs (a year, 年度, a quarter, a half
year, a month with its year, or a week's dates in brackets: "周报(2018年7月16日-7月22日)"); with
no title, from a paragraph's opening words as reports open them: "2023年,全区…", "2023年以来,…",
"截至2022年底,…", "上个月,…". The date is read by period_dates. Forward-looking documents named
by the year they plan — 政府工作报告, 预算, 计划, 要点 — are left alone, and so is a sentence that
plans ("2024年,我们将…"). A monthly title is also set against the month its body gives data for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from lawaudit.extract.period_dates import (
    _CN,
    _MD,
    _Y,
    bracketed,
    header_dates,
    make_date,
    read_date,
    signature,
    yearless_dates,
)
from lawaudit.extract.period_dates import number as _number
from lawaudit.model import Claim, ClaimKind, Document

__all__ = ["is_relative", "is_since", "period_claims", "read_date", "read_span"]

HEAD, TAIL = 20, 5  # paragraphs searched for the title and header dates; for the signature
_R = rf"(?:{_Y})年(?:{_MD})月(?:{_MD})日起?(?:至|到|—|-|~)(?:(?:{_Y})年)?(?:{_MD})月(?:{_MD})日止?"
RANGE = re.compile(
    rf"(?P<y>{_Y})年(?P<m>{_MD})月(?P<d>{_MD})日起?(?:至|到|—|-|~)"
    rf"(?:(?P<y2>{_Y})年)?(?P<m2>{_MD})月(?P<d2>{_MD})日止?"
)
YEAR = re.compile(rf"(?P<y>{_Y})年度?")
PART = re.compile(
    rf"(?P<y>{_Y})年度?(?:第?(?P<q>[一二三四1-4])季度|(?P<h>[上下]半年|前三季度)"
    rf"|(?P<m1>{_MD})(?:-|—|至|~)(?P<m2>{_MD})月)"
)
SINCE_YEAR = re.compile(rf"(?P<y>{_Y})年以来")  # the year so far, up to the report's date
AS_AT = re.compile(rf"(?:截至|截止到?)(?P<y>{_Y})年(?:底|末)")  # figures standing at a year's end
# The period a title names: a year, a quarter, a half year, months (1-6月) or a month.
_PERIOD = (
    rf"(?:{_Y})年度?(?:第?[一二三四1-4]季度|[上下]半年|前三季度"
    rf"|(?:{_MD})(?:-|—|至|~)(?:{_MD})月|(?:{_MD})月(?!(?:{_MD})日))?"
)
TITLE = re.compile(  # the words before the period may hold numbers that are names (12345热线)
    rf"(?:[^\s,。:;!?《》“”()\d]|\d(?!\d{{0,3}}年)){{0,30}}?(?:关于)?(?P<period>{_PERIOD})"
    r"[^\s,。:;!?《》()]{0,40}(?:报告|公报|总结|情况|统计|数据|分析|通报|白皮书)"
)
# A weekly (or any) report whose title gives its dates in brackets.
RANGE_TITLE = re.compile(
    r"[^\s,。:;!?《》“”()]{2,40}?(?:周报|月报|季报|报告|通报|情况|统计|分析)\s*[(（]"
    rf"(?P<period>{_R})[)）]"
)
# ... or names its year first and the days in brackets: "2025年…运行分析报告(4月1日-4月30日)".
DAYS_TITLE = re.compile(
    rf"[^\s,。:;!?《》“”()\d]{{0,30}}?(?P<y>{_Y})年[^\s,。:;!?《》()]{{0,40}}"
    r"(?:周报|月报|季报|报告|通报|情况|统计|分析)\s*[(（]"
    rf"(?P<days>(?:{_MD})月(?:{_MD})日(?:至|到|—|-|~)(?:{_MD})月(?:{_MD})日)[)）]"
)
# ... or opens on them: "2018年7月16日-7月22日全市热线运行情况".
RANGE_LEAD = re.compile(
    rf"(?P<period>{_R})[^\s,。:;!?《》()]{{0,40}}(?:周报|月报|季报|报告|通报|情况|统计|分析)"
)
_RELATIVE = r"上个?月|上周|上季度|去年"
# A paragraph opening on its period: "2023年,…", "2023年以来,…", "截至2022年底,…", "上个月,…";
# not "2023年,是…之年", which says what the year is, not what was done in it.
BODY_PERIOD = re.compile(
    rf"(?:^|(?<=[,，。;；:：]))[ 　]{{0,4}}(?P<period>(?:截至|截止到?)(?:{_Y})年(?:底|末)"
    rf"|(?:{_Y})年(?:度|以来)?|{_RELATIVE})[ 　]?[,，](?!是)",
    re.M,
)
# ... or on its year's name followed by its subject: "2022年度深圳市…中心共办理…".
YEAR_LEAD = re.compile(rf"(?P<period>(?:{_Y})年度)(?=[\u4e00-\u9fff])")
RELATIVE = re.compile(_RELATIVE)
BREADCRUMB = re.compile(r"当前位置|您的位置|您现在的位置|首页>")
PLANS = re.compile(r"将|计划|力争|预计|拟|目标|预算")  # "2024年,我们将…": a plan, not a record
CLAUSE_END = re.compile(r"[。;；\n]")
NOT_RETROSPECTIVE = re.compile(
    r"(?<!年度)政府工作报告|预算|决算|计划|规划|要点|方案|草案|意见|通知"
)
PART_YEAR = re.compile(r"月|季度|半年|旬|周")
# A monthly report: "12345政府服务热线二月情况通报", against the month its data are given for.
MONTH_TITLE = re.compile(
    rf"(?:(?P<y>{_Y})年)?(?<![{_CN}十\d\-—~至])(?P<m>十[一二]?|[一二三四五六七八九]|\d{{1,2}})月份?"
    r"[^\s,。:;]{0,12}?(?:情况|分析|通报|报告)"
)
BODY_MONTH = re.compile(rf"(?P<y>{_Y})年(?P<m>{_MD})月(?!{_MD}日|份?[至到—-])")
MONTH = re.compile(rf"(?P<y>{_Y})年(?P<m>{_MD})月")
STATED_PERIOD = re.compile(r"统计(?:期限|期间|时段|时限|周期|区间)|数据期限")


def period_claims(doc: Document) -> Iterator[Claim]:
    """At most one period-against-date claim and one title-against-body claim per document."""
    text = doc.text
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    yield from month_claims(doc, paras)
    title, titled = _title(text, paras[:HEAD])
    if title is None and titled:
        return  # a forward-looking or part-year title: its body years are not its period
    at = title or _body_period(text, paras[:HEAD])
    if at is None:
        return
    period = _period(at)
    found = [(m, "signed") for m in signature(text, paras[-TAIL:])]
    signed = {m.start() for m, _ in found}
    found += [(m, "dated") for m in header_dates(text, paras[:HEAD]) if m.start() not in signed]
    if title is not None and (m := _dated_title(text, title)):
        found.append((m, "dated"))
    dates = [(d, m, how) for m, how in found if (d := read_date(m.group())) is not None]
    if dates:
        _, m, how = min(dates, key=lambda x: x[0])  # the earliest: any date before the end counts
        yield _claim(doc, m, at, f"{how} {m.group()}; the report covers {period}")
    else:
        for m in yearless_dates(text, paras[:HEAD]):
            yield _claim(doc, m, at, f"dated {m.group()}, a day of no stated year")
            break
    if title is None:
        return
    for m in STATED_PERIOD.finditer(text):
        r = RANGE.search(text, m.end(), m.end() + 40)
        if r and r.start() - m.end() <= 4 and read_span(r.group()):
            note = f"the title says {period}; the body says its data cover {r.group()}"
            yield _claim(doc, r, title, note)
            break


def _period(m: re.Match) -> str:
    """The period a title or opening names; days in brackets take the year the title gives."""
    return f"{m['y']}年{m['days']}" if m.re is DAYS_TITLE else m.group("period")


def month_claims(doc: Document, paras: list[tuple[int, int]]) -> Iterator[Claim]:
    """A monthly report's title month against the first month its body gives data for."""
    text = doc.text
    for a, b in paras[:3]:
        title = MONTH_TITLE.search(text, a, b)
        if title is None:
            continue
        body = BODY_MONTH.search(text, b, b + 300)
        if body is None:
            return
        year = title["y"] or body["y"]
        period = f"{year}年{_number(title['m'])}月"
        found = f"{body['y']}年{_number(body['m'])}月"
        note = f"the title names {title.group()}; the body gives data for {body.group()}"
        claim = _claim(doc, body, title, note)
        yield replace(claim, items=(period, found))
        return


def _claim(doc: Document, at: re.Match, title: re.Match, note: str) -> Claim:
    """Placed at the date (or data period) found; quoted with the title as the file writes it."""
    line, column = doc.line_col(at.start())
    opening = title.re in (BODY_PERIOD, YEAR_LEAD)
    start, end = title.span("period") if opening else title.span()
    heading = doc.quote(start, min(end, start + 40))
    return Claim(
        kind=ClaimKind.PERIOD,
        subject=doc.text[start:end][:40],
        line=line,
        column=column,
        quote=f"{heading} … {doc.quote(at.start(), at.end())}",
        items=(_period(title) if title.re is not MONTH_TITLE else title.group(), at.group()),
        notes=(note,),
        page=doc.page(at.start()),
    )


def _title(text: str, paras: list[tuple[int, int]]) -> tuple[re.Match | None, bool]:
    """The first paragraph that opens with a report's title naming its period, and whether a
    title was seen at all (one that plans, or covers part of a year it names, gives None)."""
    for a, b in paras:
        if BREADCRUMB.match(text, a, b):  # "当前位置:首页>…>数据发布>" then the title
            a = max(a, text.rfind(">", a, min(b, a + 200)) + 1)
        m = RANGE_TITLE.match(text, a, b) or RANGE_LEAD.match(text, a, b)
        m = m or DAYS_TITLE.match(text, a, b)
        if m is not None and not NOT_RETROSPECTIVE.search(text, a, m.end()):
            return m, True
        m = TITLE.match(text, a, b)
        if m is None:
            continue
        if NOT_RETROSPECTIVE.search(text, a, min(b, m.end() + 4)):
            return None, True
        whole_year = YEAR.fullmatch(m.group("period")) is not None
        after = text[m.end() : m.end() + 20]
        if whole_year and PART_YEAR.search(text, m.end("period"), m.end()):
            return None, True
        if whole_year and after.startswith("(") and PART_YEAR.search(after.partition(")")[0]):
            return None, True  # "…运行分析报告 (4月1日-4月30日)": a month's report
        return m, True
    return None, False


def _body_period(text: str, paras: list[tuple[int, int]]) -> re.Match | None:
    """The first paragraph opening (or sentence opening) on its period, in a report with no
    title: not one that plans, nor in a document whose head names a plan or budget."""
    for a, b in paras[:3]:
        if NOT_RETROSPECTIVE.search(text, a, min(b, a + 80)):
            return None
    for a, b in paras:
        lead = YEAR_LEAD.match(text, a, b)
        for m in [*([lead] if lead else []), *BODY_PERIOD.finditer(text, a, b)]:
            stop = CLAUSE_END.search(text, m.end(), min(b, m.end() + 60))
            if not PLANS.search(text, m.end(), stop.start() if stop else min(b, m.end() + 60)):
                return m
    return None


def _dated_title(text: str, title: re.Match) -> re.Match | None:
    """The title's line closed by its date in brackets: "…工作相关情况 (2015-04-23)"."""
    a = text.rfind("\n", 0, title.start()) + 1
    b = text.find("\n", title.end())
    m = bracketed(text, a, len(text) if b < 0 else b)
    return m if m and m.start() > title.start() else None


def is_relative(period: str) -> bool:
    """ "上个月", "去年": counted back from the report's own date, so never before it."""
    return RELATIVE.fullmatch(period.strip()) is not None


def is_since(period: str) -> bool:
    """ "2023年以来": the period runs up to the report's own date."""
    return SINCE_YEAR.fullmatch(period.strip()) is not None


def read_span(s: str) -> tuple[date, date] | None:
    """ "2023年度", "2023年二季度", "2023年上半年", "2023年3月", "2023年以来", "截至2022年底" or
    "2024年1月1日至2024年12月31日" -> (first day, last day); None otherwise."""
    s = s.strip()
    m = RANGE.fullmatch(s)
    if m:
        start = make_date(m["y"], m["m"], m["d"])
        end = make_date(m["y2"] or m["y"], m["m2"], m["d2"])
        return (start, end) if start and end and start <= end else None
    m = YEAR.fullmatch(s) or SINCE_YEAR.fullmatch(s)
    if m:
        year = _number(m["y"])
        return date(year, 1, 1), date(year, 12, 31)
    m = AS_AT.fullmatch(s)
    if m:
        end = date(_number(m["y"]), 12, 31)
        return end, end
    m = PART.fullmatch(s)
    if m:
        year = _number(m["y"])
        first, last = _months(m["q"], m["h"], m["m1"], m["m2"])
        if not 1 <= first <= last <= 12:
            return None
        return date(year, first, 1), _month_end(year, last)
    m = MONTH.fullmatch(s)
    if m:
        year, month = _number(m["y"]), _number(m["m"])
        if not 1 <= month <= 12:
            return None
        return date(year, month, 1), _month_end(year, month)
    return None


def _months(
    quarter: str | None, half: str | None, m1: str | None, m2: str | None
) -> tuple[int, int]:
    """The first and last month of a quarter ("二"), of 上半年 / 下半年 / 前三季度, or of 1-6月."""
    if m1 and m2:
        return _number(m1), _number(m2)
    if quarter:
        q = int(quarter) if quarter.isdigit() else "一二三四".index(quarter) + 1
        return 3 * q - 2, 3 * q
    return {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}[half or "上半年"]


def _month_end(year: int, month: int) -> date:
    after = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(after.toordinal() - 1)
