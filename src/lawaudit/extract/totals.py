"""Totals with parts, and intakes with their closed part.

"共办理行政复议案件15件，其中维持10件、撤销3件": a total, then "其中" and parts of the same unit.
A 其中 list names only some parts unless the text says it covers them all: a part named 其他/其余,
a pair like 满意/不满意, "分别为" after a total, or 办结 + 在办 after an intake. Only then is a
short sum an error. "受理119件……办结119件": the closed count of an intake is a completion claim.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item, Sentence, place, strip_filler
from lawaudit.extract.rates import is_whole
from lawaudit.model import Claim, ClaimKind, Document


def breakdown_parts(after: list[Item], unit: str) -> list[Item]:
    """Same-unit counts after 其中 / 分别为, up to the next total, intake or 其中."""
    parts: list[Item] = []
    for it in after:
        if parts and (P.AMONG.search(it.label) or is_whole(it) or P.CLOSED.search(it.label)):
            break
        if it.q.unit == unit:
            parts.append(it)
    return parts


def covers_all(parts: list[Item]) -> bool:
    """The text marks the list as complete: 其他/其余, or a pair X / 不X."""
    labels = [strip_filler(p.label) for p in parts]
    if any(P.REST_OF.search(lb) for lb in labels):
        return True
    bare = {P.NEGATED.sub("", lb) for lb in labels if P.NEGATED.search(lb)}
    return bool(bare) and any(lb in bare for lb in labels)


def total_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    previous: list[Item] = []
    for sent in sentences:
        counts = [it for it in sent.items if it.is_count]
        for m in P.AMONG.finditer(text, sent.start, sent.end):
            before = [it for it in counts if it.q.end <= m.start()]
            after = [it for it in counts if it.q.start >= m.end()]
            if before:
                total = before[-1]
            elif m.start() - sent.start <= 2 and previous:
                total = previous[-1]  # "…287起。其中，调解成功284起"
            else:
                continue
            parts = breakdown_parts(after, total.q.unit)
            if parts:
                yield breakdown(doc, total, parts, covers_all(parts))
        for m in P.RESPECTIVELY.finditer(text, sent.start, sent.end):
            before = [it for it in counts if it.q.end <= m.start() and is_whole(it)]
            after = [it for it in counts if it.q.start >= m.end()]
            if before and (parts := breakdown_parts(after, before[-1].q.unit)):
                yield breakdown(doc, before[-1], parts, True)
        yield from completion_claims(doc, counts)
        if counts:
            previous = counts


def breakdown(doc, total: Item, parts: list[Item], exhaustive: bool, note: str = "") -> Claim:
    return Claim(
        kind=ClaimKind.TOTAL,
        subject=strip_filler(total.label) or total.q.raw,
        total=total.q,
        parts=tuple(p.q for p in parts),
        exhaustive=exhaustive,
        notes=(note,) if note else (),
        **place(doc, total.q, total.q.start - len(total.label), parts[-1].q.end),
    )


def completion_claims(doc: Document, counts: list[Item]) -> Iterator[Claim]:
    """受理 N … 办结 M (… 在办 K): M ≤ N, and N = M + K when the open part is stated."""
    for i, intake in enumerate(counts):
        if not P.INTAKE.search(intake.label) or P.NOT_INTAKE.search(intake.label):
            continue
        closed = open_ = None
        for it in counts[i + 1 :]:
            if it.q.unit != intake.q.unit:
                continue
            if P.INTAKE.search(it.label) and not P.CLOSED.search(it.label):
                break
            if closed is None and P.CLOSED.search(it.label):
                closed = it
            elif closed is not None and P.STILL_OPEN.search(it.label):
                open_ = it
                break
        if closed is None:
            continue
        yield Claim(
            kind=ClaimKind.COMPLETION,
            subject=strip_filler(closed.label),
            numerator=closed.q,
            denominator=intake.q,
            **place(doc, closed.q, intake.q.start - len(intake.label)),
        )
        if open_ is not None:
            yield breakdown(doc, intake, [closed, open_], True, "closed + still open = received")
