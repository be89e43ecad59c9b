"""Industry structure: "三次产业结构为5.8:41.6:52.6", or "…占地区生产总值的比重分别为…".

Every statistical bulletin opens with 地区生产总值 and the value added of the 第一、第二、第三产业,
then states their shares, as a ratio or as a 分别为 list. The shares are checked against those
figures (each 产业增加值 / 地区生产总值), and as a ratio they must add up to 100. The figures come
from earlier sentences, so the pairing is marked inferred and a failure weighs as a warning.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from lawaudit.extract.context import Item, Sentence, place, time_frame, words_before
from lawaudit.extract.counts import is_level
from lawaudit.model import Claim, ClaimKind, Document, Quantity

NUMBER = r"(\d{1,3}(?:\.\d+)?)"
COLON = r"\s*[:：︰∶]\s*"
RATIO = re.compile(
    rf"(?:三次产业|产业)(?:结构|比例|比重|构成|占比)比?(?:为|是)?{NUMBER}{COLON}{NUMBER}{COLON}{NUMBER}"
)
LISTED = re.compile(
    r"第一、(?:第)?二、(?:第)?三产业增加值占(?:地区生产总值|GDP)的?比重分别(?:为|是)"
)
CONTRIBUTION = re.compile(
    r"(?:第一、(?:第)?二、(?:第)?三产业|三次产业)对(?:全[^,，。]{0,3})?(?:经济|GDP)增长的?贡献率分别(?:为|是|达)"
)
PERCENT_LIST = re.compile(rf"{NUMBER}%(?:、|和|及){NUMBER}%(?:、|和|及){NUMBER}%")
INDUSTRIES = ("第一产业", "第二产业", "第三产业")
WINDOW = 2000  # the figures stand in the paragraph or two before


def percent(raw: str, start: int) -> Quantity:
    value = Decimal(raw)
    decimals = max(0, -value.as_tuple().exponent)
    return Quantity(raw + "%", value, "%", decimals, 1, "", start, start + len(raw))


def stated_shares(text: str) -> list[tuple[list[Quantity], int, bool]]:
    """Each statement of the three shares: (shares, where it starts, written as a ratio)."""
    found = []
    for m in RATIO.finditer(text):
        found.append(([percent(m.group(i), m.start(i)) for i in (1, 2, 3)], m.start(), True))
    for m in LISTED.finditer(text):
        p = PERCENT_LIST.match(text, m.end())
        if p:
            shares = [percent(p.group(i), p.start(i)) for i in (1, 2, 3)]
            found.append((shares, m.start(), False))
    return found


def contributions(doc: Document) -> list[Claim]:
    """ "三次产业对经济增长的贡献率分别为3.8%、28.5%和67.7%": contributions add up to 100%."""
    out = []
    for m in CONTRIBUTION.finditer(doc.text):
        p = PERCENT_LIST.match(doc.text, m.end())
        if p:
            shares = tuple(percent(p.group(i), p.start(i)) for i in (1, 2, 3))
            out.append(
                Claim(
                    kind=ClaimKind.SHARES,
                    subject="三次产业贡献率",
                    parts=shares,
                    exhaustive=True,
                    **place(doc, shares[0], m.start(), shares[-1].end),
                )
            )
    return out


def structure_claims(doc: Document, sentences: list[Sentence]) -> list[Claim]:
    text = doc.text
    stated = stated_shares(text)
    if not stated:  # most reports: no need to read their figures
        return contributions(doc)
    frame = time_frame(text)
    items = [
        it.relabelled(words_before(text, it, s.start)[0])  # "地区生产总值(GDP)2191.55亿元"
        for s in sentences
        for it in s.items
        if it.q.unit == "元" and is_level(it)
    ]
    ends = [it.q.end for it in items]
    out: list[Claim] = []
    for shares, at, is_ratio in stated:
        earlier = [it for it in in_window(items, ends, at) if frame(it.q.start) == frame(at)]
        gdp = latest(earlier, ("生产总值", "GDP"))
        parts = [latest(earlier, (name,), "增加值") for name in INDUSTRIES]
        for share, part, name in zip(shares, parts, INDUSTRIES, strict=True):
            if gdp is None or part is None:
                continue
            line = doc.line_col(gdp.q.start)[0]
            out.append(
                Claim(
                    kind=ClaimKind.RATE,
                    subject=f"{name}增加值占地区生产总值",
                    stated=share,
                    numerator=part.q,
                    denominator=gdp.q,
                    capped=True,
                    inferred=True,
                    notes=(f"parts and whole from line {line} on",),
                    **place(doc, share, at, share.end),
                )
            )
        if is_ratio:
            out.append(
                Claim(
                    kind=ClaimKind.SHARES,
                    subject="三次产业结构",
                    parts=tuple(shares),
                    exhaustive=True,
                    **place(doc, shares[0], at, shares[-1].end),
                )
            )
    return out + contributions(doc)


def in_window(items: list[Item], ends: list[int], at: int) -> list[Item]:
    """The items ending in the WINDOW before `at`, found by bisecting their ends (in text
    order), not by reading every item of the document for every statement."""
    lo = bisect.bisect_left(ends, at - WINDOW)
    return items[lo : bisect.bisect_right(ends, at, lo)]


def latest(items: list[Item], names: tuple[str, ...], also: str = "") -> Item | None:
    """The last figure before the statement whose words name it (第一产业…增加值)."""
    for it in reversed(items):
        if any(n in it.label for n in names) and also in it.label:
            return it
    return None
