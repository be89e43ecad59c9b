"""Shares of one whole: consecutive "X件，占Y%" statements that split the same total.

Built from the share claims `rates.py` already paired, so a group's whole and counts are the
ones each share was checked against. A group is a run of shares of the same named whole ("占
工单总量", a bare "占比" …) with no sentence end (。) between them; shares listed one per line
("投诉3751件 占比82.13%" / "表扬298件 占比6.53%") form a run too. A share labelled 其他 marks the
list as complete, so its shares should add up to 100%.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from fractions import Fraction

from lawaudit.extract.context import end_of, place
from lawaudit.extract.counts import common_suffix, names_all
from lawaudit.extract.numbers import parse_quantity
from lawaudit.model import Claim, ClaimKind, Document, Quantity

SHARE_MARK = "占"


def whole_of(c: Claim) -> str | None:
    """The whole a share claim names ("工单总量", "比" for a bare 占比), None for other rates."""
    if c.kind is not ClaimKind.RATE or SHARE_MARK not in c.subject or c.stated is None:
        return None
    return c.subject.rsplit(SHARE_MARK, 1)[1]


def share_groups(doc: Document, claims: list[Claim]) -> list[Claim]:
    shares = sorted(
        (c for c in claims if whole_of(c) is not None and c.capped), key=lambda c: c.stated.start
    )
    rates = sorted(c.stated.start for c in claims if c.stated is not None and c.stated.is_percent)
    by_whole: dict[str | None, list[int]] = {}
    for c in claims:
        if c.stated is not None and c.stated.is_percent:
            by_whole.setdefault(whole_of(c), []).append(c.stated.start)
    others = {w: sorted(set(rates) - set(own)) for w, own in by_whole.items()}
    groups: list[list[Claim]] = []
    for c in shares:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and same_whole(last, c)
            and (last.numerator is None) == (c.numerator is None)  # one list, one shape
            and continues(doc.text[last.stated.end : c.stated.start], paired(last, c))
            and not other_percent_between(others.get(whole_of(c), []), last, c)
        ):
            groups[-1].append(c)
        else:
            groups.append([c])
    out = []
    for g in groups:
        if len(g) >= 2:
            claim = group_claim(g, doc)
            out.append(claim)
            if claim.exhaustive and claim.counts and claim.total is not None:
                out.append(as_breakdown(claim, doc))
    return out


def as_breakdown(shares: Claim, doc: Document) -> Claim:
    """A complete list of shares with their counts is also a breakdown of the total: the
    counts must add up to it (a budget's 19 spending items ending in 其他支出)."""
    line, column = doc.line_col(shares.total.start)
    return replace(
        shares,
        kind=ClaimKind.TOTAL,
        line=line,
        column=column,
        quote=doc.quote(shares.total.start, shares.total.end),
        page=doc.page(shares.total.start),
        **end_of(doc, shares.total),
        subject=shares.subject.replace("shares of", "parts of"),
        parts=shares.counts,
        counts=(),
        notes=("the counts of a complete list of shares",),
    )


def paired(a: Claim, b: Claim) -> bool:
    return a.denominator is not None and b.denominator is not None


def same_whole(a: Claim, b: Claim) -> bool:
    """Paired with the very same total; or, with no total stated, categories of one
    classification in one sentence ("咨询类占77.18%，投诉举报类占12.47%"; "一、二级的天数占
    98.4%；三级的天数占1.4%")."""
    if a.denominator is not None or b.denominator is not None:
        return (
            a.denominator is not None
            and b.denominator is not None
            and a.denominator.start == b.denominator.start
        )
    own = [c.subject.rsplit(SHARE_MARK, 1)[0] for c in (a, b)]
    return whole_of(a) == whole_of(b) and (
        all(o.endswith("类") for o in own) or len(common_suffix(*own)) >= 3
    )


HEADING = re.compile(
    r"\n(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])"
)
MAX_GAP = 600  # characters of prose between two numbered items of one list
NUMBERED = re.compile(r"\d{1,2}[.、．]|[(（]\d{1,2}[)）]")


def continues(gap: str, same_total: bool) -> bool:
    """Same sentence, or the next line. Shares paired with one stated total may also be numbered
    items with prose between them ("1.住房保障类(793件,占比17.36%)。主要涉及…\n2.城乡建设类…"),
    until a section heading starts another list; not two sentences of one paragraph, whose
    categories often overlap (“三保”支出 within 民生支出). A bracket opened or closed between
    two shares parts a member's own list ("业务动态类49条，占98%，(其中批复文件36条，占72%…)")
    from the list it belongs to."""
    if gap.count("(") + gap.count("（") != gap.count(")") + gap.count("）"):
        return False
    if "。" not in gap and gap.count("\n") <= 1:
        return True
    last_line = gap.rsplit("\n", 1)[-1] if "\n" in gap else ""
    numbered = NUMBERED.match(last_line) is not None
    return same_total and numbered and len(gap) <= MAX_GAP and not HEADING.search(gap)


def other_percent_between(others: list[int], a: Claim, b: Claim) -> bool:
    """A rate that is not a share of the same whole breaks the run (`others`: their starts)."""
    i = bisect.bisect_left(others, a.stated.end)
    return i < len(others) and others[i] < b.stated.start


CATEGORY_TAIL = re.compile(r"[,，、]([\u4e00-\u9fff]{1,8}类)(\d{1,3}(?:\.\d+)?)%")


def group_claim(group: list[Claim], doc: Document) -> Claim:
    first = group[0]
    counts = tuple(c.numerator for c in group if c.numerator is not None)
    wholes = {c.denominator.start for c in group if c.denominator is not None}
    total = group[0].denominator if len(wholes) == 1 and len(counts) == len(group) else None
    parts = [c.stated for c in group]
    labels = [c.subject.rsplit(SHARE_MARK, 1)[0] for c in group]
    if not counts:  # "…表扬类占0.13%，其他类0.01%": a category closing the list without 占
        at = parts[-1].end
        while m := CATEGORY_TAIL.match(doc.text, at):
            parts.append(parse_quantity(m.group(2) + "%"))
            parts[-1] = replace(parts[-1], start=m.start(2), end=m.end(2) + 1)
            labels.append(m.group(1))
            at = m.end()
    counted = len(counts) == len(group)
    complete = names_all(labels) or (counted and total is not None and adds_to_all(parts))
    complete = complete and not share_unread(group, doc)
    return Claim(
        kind=ClaimKind.SHARES,
        subject=f"{len(parts)} shares of {SHARE_MARK}{whole_of(first)}",
        line=first.line,
        column=first.column,
        end_line=first.end_line,
        end_column=first.end_column,
        page=first.page,
        quote=first.quote,
        parts=tuple(parts),
        counts=counts if len(counts) == len(group) else (),
        total=total,
        exhaustive=complete,
        inferred=any(c.inferred for c in group),
    )


def adds_to_all(shares: list[Quantity]) -> bool:
    """Shares that add up to 100% within their rounding: the list covers its whole, so its
    counts must add up to it too ("优秀14宗，占14%；良好20宗，占20%；合格66宗，占66%")."""
    total = sum(Fraction(s.value) for s in shares)
    slack = sum(Fraction(s.half_ulp) for s in shares)
    return abs(total - 100) <= slack


def share_unread(group: list[Claim], doc: Document) -> bool:
    """A 占 between the list's shares whose figure could not be read ("撤销的578件，占l8.4%",
    a scan's l for 1): the list is not read whole, so it cannot be complete."""
    between = doc.text[group[0].stated.end : group[-1].stated.start]
    return between.count("占") > len(group) - 1


RESPECTIVE_SHARES = re.compile(
    r"占[^,，。;；比]{2,20}?的?(?:比重|比例)?分别(?:为|是|达到?)"
    r"|分别占(?:[^,，。;；%]{1,20}?的)?"  # "A、B、C分别占X%、Y%和Z%"; not "A、B占比分别为",
    # where each may be a share of its own whole (炼铁、炼钢先进产能占比分别达到64.3%、62.3%)
)
LIST_JOIN = re.compile(r"^(?:、|和|及|,|，)$")


def respective_shares(doc: Document, quantities: list[Quantity]) -> list[Claim]:
    """ "…占地区生产总值的比重分别为3.1%、35.0%和61.9%", "民事、刑事、行政案件分别占55.2%、
    43.1%和2.7%": one whole split into listed shares."""
    out = []
    starts = {q.start: i for i, q in enumerate(quantities)}
    for m in RESPECTIVE_SHARES.finditer(doc.text):
        i = starts.get(m.end())
        if i is None or not quantities[i].is_percent:
            continue
        parts = [quantities[i]]
        for j in range(i + 1, len(quantities)):  # not quantities[i + 1 :]: a copy of the rest
            q = quantities[j]
            if not q.is_percent or not LIST_JOIN.match(doc.text[parts[-1].end : q.start]):
                break
            parts.append(q)
        if doc.text[parts[-1].end : parts[-1].end + 1] in ("、", "和", "及"):
            continue  # the list goes on past what was read (an excerpt cut off): no sum
        if len(parts) >= 2:
            subject = m.group(0)
            out.append(
                Claim(
                    kind=ClaimKind.SHARES,
                    subject=f"{len(parts)} shares: {subject}",
                    parts=tuple(parts),
                    inferred=True,  # the listed categories may overlap
                    **place(doc, parts[0], m.start(), parts[-1].end),
                )
            )
    return out
