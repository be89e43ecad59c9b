"""Where a report states its own date, as an auditor looks for it.

A report's date is the day it was signed or put out, not a day in its text: under the signature
(…司法局 2024年1月31日), in a web page's header (发布日期: 2024-01-31, 来源:司法局 2024-01-31
10:07, 成文日期 | 2024-01-31, a date alone on a line or behind a list bullet, 26.07.2018 13:29),
or in brackets closing the title. "数据截至2025年12月20日" dates the data and "3月5日召开" an
event: neither is looked at. A date a news item gives with no year (本报北京4月1日电, 记者12月4日
从…获悉, 9月19日…发布) is kept apart: it cannot be set against a year, and is only reported as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lawaudit.extract.numbers import parse_number

_CN = "〇零一二三四五六七八九"
_Y = rf"(?:19|20)\d{{2}}|[二][{_CN}]{{3}}"
_MD = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
DATE = re.compile(
    rf"(?P<y>{_Y})年(?P<m>{_MD})月(?P<d>{_MD})日"
    rf"|(?P<iy>(?:19|20)\d{{2}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)"
    # day.month.year, as some sites print it: "26.07.2018"
    rf"|(?<![\d.])(?P<ed>\d{{1,2}})\.(?P<em>\d{{1,2}})\.(?P<ey>(?:19|20)\d{{2}})(?![\d.])"
)
DATE_LABEL = re.compile(
    r"(?:^|(?<=[【\s|]))(?:发布|成文|印发|公开|信息|发文|生成)?(?:日期|时间)[:|\s]*", re.M
)
SOURCE = re.compile(r"(?:^|(?<=\s))来源[:：]")  # a web page's "来源:热线办2017-07-17 10:07"
BULLET = re.compile(r"[ \t　•·●▪*]*")
CLOCK = re.compile(r"[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t)）]*")
SINCE = re.compile(r"截至|截止|至|到|于|在|从|自|:")  # a date in a sentence, not a signature
_MD_DATE = rf"(?:{_MD})月(?:{_MD})日"
MD_DATE = re.compile(_MD_DATE)
# A news item's own day, with no year: its dateline, the day the reporter learned the news, or
# the day it says the report was put out.
YEARLESS = re.compile(
    rf"(?:本报|新华社|中新网)[^\s,，。]{{0,8}}?{_MD_DATE}电"
    rf"|记者(?:于)?{_MD_DATE}(?:从|在|获悉)"
    rf"|^\s*{_MD_DATE}[,，][^,，。]{{0,30}}?(?:发布|公布|印发)",
    re.M,
)


def header_dates(text: str, paras: list[tuple[int, int]]) -> Iterator[re.Match]:
    """Labelled dates (maybe on the next line), a 来源 line's date, and a date alone on a line
    (in brackets, after a bullet, before a clock time)."""
    for a, b in paras:
        label = DATE_LABEL.search(text, a, b)
        if label:
            m = DATE.match(text, label.end()) or DATE.match(text, label.end() + 1)
            if m:
                yield m
                continue
        source = SOURCE.search(text, a, b)
        if source:
            # to the line's end: a window's end would cut "2025-04-22" to "2025-04-2"
            m = DATE.search(text, source.end(), b)
            if m and m.start() <= source.end() + 30:
                yield m
                continue
        m = DATE.match(text, BULLET.match(text, a, b).end(), b)
        if m and CLOCK.match(text, m.end(), b).end() == b:
            yield m
        elif text[a] in "(（" and (m := bracketed(text, a, b)):
            yield m  # "(2024-01-31)" alone on its line


def bracketed(text: str, a: int, b: int) -> re.Match | None:
    """ "…工作相关情况 (2015-04-23)": a date in the brackets that end a line. Only the title's
    line or a line of its own: "…推进会(2023年6月12日)" in the body dates an event."""
    line = text[a:b].rstrip()
    if not line.endswith((")", "）")):
        return None
    opening = max(line.rfind("("), line.rfind("（"))
    if opening < 0:
        return None
    start, end = a + opening + 1, a + len(line) - 1
    while start < end and text[start] == " ":
        start += 1
    m = DATE.match(text, start, end)
    return m if m and not text[m.end() : end].strip() else None


def signature(text: str, paras: list[tuple[int, int]]) -> Iterator[re.Match]:
    """A date that ends one of the last paragraphs, after at most a short name: the date under
    the signature. Not "数据截至2025年12月20日", which dates the data, not the report."""
    for a, b in paras:
        tail = text[a:b].rstrip(") ")
        m = DATE.search(tail, max(0, len(tail) - 16))
        head = tail[: m.start()] if m else ""
        if m and m.end() == len(tail) and m["y"] and len(head) <= 30 and not SINCE.search(head):
            if head.endswith(("(", "（")) and head not in ("(", "（"):
                continue  # "…推进会(2023年6月12日)": an event's day, not a signature
            yield DATE.match(text, a + m.start())


def yearless_dates(text: str, paras: list[tuple[int, int]]) -> Iterator[re.Match]:
    """A news item's dateline or reporting day, given without a year: "本报北京4月1日电"."""
    for a, b in paras:
        m = YEARLESS.search(text, a, b)
        if m:
            yield MD_DATE.search(text, m.start(), m.end())


def number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if len(s) == 4:  # a year read digit by digit: 二〇二三
        return int("".join(str(max(_CN.index(c) - 1, 0)) for c in s))
    return int(parse_number(s)[0])


def make_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(number(y), number(m), number(d))
    except ValueError:
        return None


def read_date(s: str) -> date | None:
    """ "2023年12月20日", "二〇二三年十二月二十日", "2024-01-31", "31.01.2024" -> a date; None
    otherwise, and for "05.07.2018", where the day and the month could be read either way."""
    m = DATE.fullmatch(s.strip())
    if m is None:
        return None
    if m["y"]:
        return make_date(m["y"], m["m"], m["d"])
    if m["iy"]:
        return make_date(m["iy"], m["im"], m["id"])
    if int(m["ed"]) <= 12 and int(m["ed"]) != int(m["em"]):
        return None
    return make_date(m["ey"], m["em"], m["ed"])


def is_yearless(s: str) -> bool:
    """ "12月4日": a day of no stated year."""
    return MD_DATE.fullmatch(s.strip()) is not None
