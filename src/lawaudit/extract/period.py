"""The period a report covers, against the dates it carries.

A "2023年度" report signed on 2023年12月20日 cannot hold the whole year's figures: its totals stop
short, or some were estimated, and a reader comparing it with other years should know. A title
and a body that name different periods ("2025年…年度报告" whose data "统计期限为2024年1月1日至
2024年12月31日") mean one of them was carried over from an earlier year. The title is looked for
at the start of the first paragraphs, the date at the end of the last ones (a signature) or in
the header (发布日期: 2024-01-31). Forward-looking documents named by the year they plan —
政府工作报告, 预算, 计划, 要点 — and monthly or quarterly reports are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from lawaudit.extract.numbers import parse_number
from lawaudit.model import Claim, ClaimKind, Document

HEAD, TAIL = 12, 5  # paragraphs searched for the title and header dates; for the signature
_CN = "〇零一二三四五六七八九"
_Y = rf"(?:19|20)\d{{2}}|[二][{_CN}]{{3}}"
_MD = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
DATE = re.compile(
    rf"(?P<y>{_Y})年(?P<m>{_MD})月(?P<d>{_MD})日|(?P<iy>(?:19|20)\d{{2}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)"
)
RANGE = re.compile(
    rf"(?P<y>{_Y})年(?P<m>{_MD})月(?P<d>{_MD})日起?(?:至|到|—|-|~)"
    rf"(?:(?P<y2>{_Y})年)?(?P<m2>{_MD})月(?P<d2>{_MD})日止?"
)
YEAR = re.compile(rf"(?P<y>{_Y})年度?")
TITLE = re.compile(
    rf"(?:[^\s,。:;!?《》“”()\d]{{0,30}}?)(?:关于)?(?P<period>(?:{_Y})年度?)"
    r"[^\s,。:;!?《》()]{0,40}(?:报告|公报|总结|情况)"
)
NOT_RETROSPECTIVE = re.compile(
    r"(?<!年度)政府工作报告|预算|决算|计划|规划|要点|方案|草案|意见|通知"
)
PART_YEAR = re.compile(r"月|季度|半年|旬|周")
# A monthly report: "12345政府服务热线二月情况通报", against the month its data are given for.
MONTH_TITLE = re.compile(
    rf"(?:(?P<y>{_Y})年)?(?<![{_CN}十])(?P<m>十[一二]?|[一二三四五六七八九]|\d{{1,2}})月份?"
    r"[^\s,。:;]{0,12}?(?:情况|分析|通报|报告)"
)
BODY_MONTH = re.compile(rf"(?P<y>{_Y})年(?P<m>{_MD})月(?!{_MD}日|份?[至到—-])")
MONTH = re.compile(rf"(?P<y>{_Y})年(?P<m>{_MD})月")
DATE_LABEL = re.compile(
    r"(?:^|(?<=[【\s|]))(?:发布|成文|印发|公开|信息|发文)?(?:日期|时间)[:|\s]*", re.M
)
SINCE = re.compile(r"截至|截止|至|到|于|在|从|自|:")  # a date in a sentence, not a signature
STATED_PERIOD = re.compile(r"统计(?:期限|期间|时段|时限|周期|区间)|数据期限")


def period_claims(doc: Document) -> Iterator[Claim]:
    """At most one title-against-date claim and one title-against-body claim per document."""
    text = doc.text
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    yield from month_claims(doc, paras)
    title = _title(text, paras[:HEAD])
    if title is None:
        return
    period = title.group("period")
    found = [(m, "signed") for m in _signature(text, paras[-TAIL:])]
    signed = {m.start() for m, _ in found}
    found += [(m, "dated") for m in _header_dates(text, paras[:HEAD]) if m.start() not in signed]
    dates = [(d, m, how) for m, how in found if (d := read_date(m.group())) is not None]
    if dates:
        _, m, how = min(dates, key=lambda x: x[0])  # the earliest: any date before the end counts
        note = f"{how} {m.group()}; the report covers {period}"
        yield _claim(doc, m, title, note)
    for m in STATED_PERIOD.finditer(text):
        r = RANGE.search(text, m.end(), m.end() + 40)
        if r and r.start() - m.end() <= 4 and read_span(r.group()):
            note = f"the title says {period}; the body says its data cover {r.group()}"
            yield _claim(doc, r, title, note)
            break


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
    heading = doc.quote(title.start(), min(title.end(), title.start() + 40))
    return Claim(
        kind=ClaimKind.PERIOD,
        subject=title.group()[:40],
        line=line,
        column=column,
        quote=f"{heading} … {doc.quote(at.start(), at.end())}",
        items=(title.groupdict().get("period") or title.group(), at.group()),
        notes=(note,),
        page=doc.page(at.start()),
    )


def _title(text: str, paras: list[tuple[int, int]]) -> re.Match | None:
    """The first paragraph that opens with a report's title naming a whole year."""
    for a, b in paras:
        m = TITLE.match(text, a, b)
        if m is None:
            continue
        after = text[m.end() : m.end() + 20]
        if NOT_RETROSPECTIVE.search(text, a, min(b, m.end() + 4)) or PART_YEAR.search(m.group()):
            return None
        if after.startswith("(") and PART_YEAR.search(after.partition(")")[0]):
            return None  # "…运行分析报告 (4月1日-4月30日)": a month's report
        return m
    return None


def _header_dates(text: str, paras: list[tuple[int, int]]) -> Iterator[re.Match]:
    """Dates labelled 发布日期/时间 (maybe on the next line), or standing alone on a line."""
    for a, b in paras:
        label = DATE_LABEL.search(text, a, b)
        if label:
            m = DATE.match(text, label.end()) or DATE.match(text, label.end() + 1)
            if m:
                yield m
                continue
        m = DATE.match(text, a + (text[a] == "("), b)
        if m and text[m.end() : b].strip(") ") == "":
            yield m


def _signature(text: str, paras: list[tuple[int, int]]) -> Iterator[re.Match]:
    """A date that ends one of the last paragraphs, after at most a short name: the date under
    the signature. Not "数据截至2025年12月20日", which dates the data, not the report."""
    for a, b in paras:
        tail = text[a:b].rstrip(") ")
        m = DATE.search(tail, max(0, len(tail) - 16))
        head = tail[: m.start()] if m else ""
        if m and m.end() == len(tail) and m["y"] and len(head) <= 30 and not SINCE.search(head):
            yield DATE.match(text, a + m.start())


def _number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if len(s) == 4:  # a year read digit by digit: 二〇二三
        return int("".join(str(max(_CN.index(c) - 1, 0)) for c in s))
    return int(parse_number(s)[0])


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(_number(y), _number(m), _number(d))
    except ValueError:
        return None


def read_date(s: str) -> date | None:
    """ "2023年12月20日", "二〇二三年十二月二十日", "2024-01-31" -> a date; None otherwise."""
    m = DATE.fullmatch(s.strip())
    if m is None:
        return None
    return _date(m["y"], m["m"], m["d"]) if m["y"] else _date(m["iy"], m["im"], m["id"])


def read_span(s: str) -> tuple[date, date] | None:
    """ "2023年度" or "2024年1月1日至2024年12月31日" -> (first day, last day); None otherwise."""
    s = s.strip()
    m = RANGE.fullmatch(s)
    if m:
        start = _date(m["y"], m["m"], m["d"])
        end = _date(m["y2"] or m["y"], m["m2"], m["d2"])
        return (start, end) if start and end and start <= end else None
    m = YEAR.fullmatch(s)
    if m:
        year = _number(m["y"])
        return date(year, 1, 1), date(year, 12, 31)
    m = MONTH.fullmatch(s)
    if m:
        year, month = _number(m["y"]), _number(m["m"])
        if not 1 <= month <= 12:
            return None
        after = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(after.toordinal() - 1)
    return None
