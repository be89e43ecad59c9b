"""Rate and share claims: a stated % and, where the text gives them, its part and its whole.

"共调处287起，调解成功284起，调处成功率98.96%": the rate's name (调处成功率) ends in a predicate
(成功) that names its numerator's clause (调解成功284起); the whole is an earlier count of the same
unit marked as a total or an intake (共调处287起). "投诉3751件，占比82.13%": a share's part is the
count just before it (or a 、-list of counts), its whole a total stated in the sentence or, failing
that, earlier in the report (then the claim is marked inferred).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawaudit.arith import range_of
from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item, Sentence, bigrams, clause_before, place, strip_filler
from lawaudit.model import Claim, ClaimKind, Document, Quantity

NAME_PREFIX = re.compile(r"^(?:群众|综合|总体|整体|平均|社会|公众|当事人)")
INFER_WINDOW = 1500  # characters back an inferred whole may be, roughly one section


def rate_names(text: str, item: Item, sentence_start: int) -> list[str]:
    """The rate names a % belongs to: one, or several for "办结率、满意率均为100%"."""
    label = item.label
    if P.ALL_EQUAL.search(label):
        clause = clause_before(text, item.q.start, sentence_start)
        return [strip_filler(n) for n in P.RATE_NAME.findall(clause)] or []
    last = label.rfind("率")
    if last < 0:
        return []
    if P.CHANGE_WORDS.search(label[last:]):
        return []  # "失业率比上年下降0.2%": the % is a change, not the rate
    names = P.RATE_NAME.findall(label[: last + 1])
    return [strip_filler(names[-1])] if names else []


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit


def at_least(whole: Quantity, part_lo) -> bool:
    r = range_of(whole)
    return r.hi is None or r.hi >= part_lo


def is_whole(item: Item) -> bool:
    return bool(P.TOTAL_MARK.search(item.label) or P.INTAKE.search(item.label)) and not (
        P.NOT_INTAKE.search(item.label)
    )


def pair_rate(name: str, before: list[Item]) -> tuple[Item | None, Item | None]:
    """(numerator, denominator) among the counts before a rate, nearest first."""
    stem = NAME_PREFIX.sub("", name[:-1])
    if len(stem) < 2:
        return None, None
    predicate = stem[-2:]
    topic = bigrams(stem[:-2]) if len(stem) > 2 else set()
    numerator = next((it for it in before if predicate in it.label), None)
    if numerator is not None:
        lo = range_of(numerator.q).lo
        rest = before[before.index(numerator) + 1 :]
        whole = next(
            (
                it
                for it in rest
                if same_unit(it.q, numerator.q)
                and at_least(it.q, lo)
                and (is_whole(it) or topic & bigrams(it.label))
            ),
            None,
        )
        return numerator, whole
    # No part stated: a whole that names the same activity ("共调处287起" for 调处成功率), or an
    # intake for a completion rate ("受理534件" for 办结率).
    for it in before:
        if topic & bigrams(it.label) and is_whole(it):
            return None, it
        if P.INTAKE.search(it.label) and P.CLOSED.search(predicate + "率"):
            return None, it
    return None, None


def share_parts(before: list[Item], text: str) -> list[Item]:
    """The count just before a share, extended back over a 、-list of same-unit counts."""
    if not before:
        return []
    parts = [before[0]]
    for it in before[1:]:
        nxt = parts[-1]
        gap = text[it.q.end : nxt.q.start]
        if not same_unit(it.q, nxt.q) or not gap.startswith(("、", "和", "及")) or is_whole(nxt):
            break
        if is_whole(it) or P.AMONG.search(nxt.label):
            break
        parts.append(it)
    return parts[::-1]


def inferred_whole(
    unit: str, need, whole_name: str, earlier: list[Item], start: int
) -> Item | None:
    """A total stated before the sentence, named like the share's whole (or marked 共/合计)."""
    want = bigrams(whole_name)
    for it in earlier:
        if start - it.q.end > INFER_WINDOW:
            break
        if it.q.unit != unit or not at_least(it.q, need):
            continue
        if want and not (want & bigrams(it.label)):
            continue
        if P.TOTAL_MARK.search(it.label) and not P.NOT_INTAKE.search(it.label):
            return it
    return None


def rate_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    earlier: list[Item] = []  # counts of previous sentences, nearest first
    for sent in sentences:
        for idx, item in enumerate(sent.items):
            if not item.q.is_percent:
                continue
            before = [it for it in sent.items[:idx][::-1] if it.is_count]
            names = rate_names(text, item, sent.start)
            share = not names and P.SHARE_WORDS.search(item.label)
            if names:
                for name in names:
                    yield rate_claim(doc, item, name, *pair_rate(name, before))
            elif share and not P.CHANGE_WORDS.search(item.label):
                yield share_claim(doc, item, before, earlier)
        earlier[:0] = [it for it in sent.items[::-1] if it.is_count]


def rate_claim(doc, item: Item, name: str, num: Item | None, den: Item | None) -> Claim:
    first = den or num or item
    label_start = first.q.start - len(first.label)
    return Claim(
        kind=ClaimKind.RATE,
        subject=name,
        stated=item.q,
        numerator=num.q if num else None,
        denominator=den.q if den else None,
        capped=bool(P.CAPPED_RATE.search(name)),
        **place(doc, item.q, label_start if first is not item else item.q.start - len(item.label)),
    )


def share_claim(doc, item: Item, before: list[Item], earlier: list[Item]) -> Claim:
    parts = share_parts(before, doc.text)
    need = sum(range_of(p.q).lo for p in parts) if parts else 0
    whole, inferred = None, False
    if parts:
        unit = parts[0].q.unit
        rest = before[len(parts) :]
        whole = next((it for it in rest if it.q.unit == unit and is_whole(it)), None)
        whole = whole if whole and at_least(whole.q, need) else None
        if whole is None:
            after = item.label.split("占", 1)[-1]
            whole_name = re.sub(r"的?(?:比重|比例|比)?$", "", after)
            whole = inferred_whole(unit, need, whole_name, earlier, item.q.start)
            inferred = whole is not None
    subject = strip_filler(parts[0].label) if parts else item.label
    numerator = None
    notes: tuple[str, ...] = ()
    if len(parts) == 1:
        numerator = parts[0].q
    elif parts:
        numerator = sum_quantity([p.q for p in parts])
        notes = ("part is the sum of " + " + ".join(p.q.raw for p in parts),)
    start = parts[0].q.start - len(parts[0].label) if parts else item.q.start - len(item.label)
    return Claim(
        kind=ClaimKind.RATE,
        subject=subject + "占比",
        stated=item.q,
        numerator=numerator,
        denominator=whole.q if whole else None,
        capped=True,
        inferred=inferred,
        notes=notes,
        **place(doc, item.q, start),
    )


def sum_quantity(qs: list[Quantity]) -> Quantity:
    """Several counts listed as one part ("783件、579件、562件，占…77%")."""
    value = sum((q.value for q in qs), start=qs[0].value * 0)
    return Quantity(
        raw="+".join(q.raw for q in qs),
        value=value,
        unit=qs[0].unit,
        decimals=max(q.decimals for q in qs),
        scale=min(q.scale for q in qs),
        qualifier=next((q.qualifier for q in qs if q.qualifier), ""),
        start=qs[0].start,
        end=qs[-1].end,
    )
