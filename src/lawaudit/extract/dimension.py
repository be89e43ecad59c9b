"""Lists that cut the report's topic total along one dimension, a paragraph or two after it.

"全年共收到行政复议申请172件。……" then "从被申请人来看，区公安分局20件，区市场监管局20件……
其他18件。": the list opens on 从…来看 and names no total; what it breaks down is a total stated
before it. A list opening on a stage's scope ("在办结的申请中，予以公开58件，…") cuts the count
of that stage (已办结132件), found by bases.names_stage; listing only some of its parts, such a
list must stay within that count. Which total is inferred, so only
arithmetic chooses: the list is read against the totals stated before (nearest first) and
passes on the one its counts add up to exactly. A list that names 其他 covers its whole: when
it adds up to no stated total but falls within a twentieth of the nearest, that near miss is
reported as a warning naming the total.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from lawaudit.extract import bases as B
from lawaudit.extract.context import Item, Sentence, place
from lawaudit.extract.counts import comparable, is_total
from lawaudit.extract.totals import breakdown, breakdown_parts, covers_all
from lawaudit.model import Claim, Document

LEAD = re.compile(r"[ \n]?从[\u4e00-\u9fff]{1,12}?来?看[，,:：]")
SCOPE = B.OPENING_SCOPE  # "在办结的申请中，予以公开58件，…": the count of that stage
REACH = 1500  # characters back to the totals a list may cut
NEAR_MISS = Decimal("0.05")


def dimension_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    text = doc.text
    counts: deque[Item] = deque(maxlen=80)  # the last counts of earlier sentences
    for sent in sentences:
        opener = opening(text, sent)
        if opener is not None:
            within = [t for t in reversed(counts) if sent.start - t.q.end <= REACH]
            if opener.re is SCOPE:  # the count of the stage it names (已办结132件)
                near = [t for t in within if B.names_stage(opener.group(1), text, t)][:1]
            else:  # the totals stated before it, nearest first
                near = [t for t in within if is_total(t)][:4]
            found = list_reading(text, sent, opener, near)
            if found is None and opener.re is LEAD and within and within[0] not in near:
                # "解答咨询1188件。从咨询内容看，A 839件，B 112件，C 237件": the count just
                # before, marked as no total, only when the list adds up to it exactly
                found = list_reading(text, sent, opener, within[:1])
                found = found if found and sums(found[1]) == found[0].q.value else None
            if found is not None:
                total, parts, complete = found
                line = doc.line_col(total.q.start)[0]
                note = f"a list by one dimension, of the total stated on line {line}"
                claim = breakdown(doc, total, parts, complete, note)
                here = place(doc, parts[0].q, opener.start(), parts[-1].q.end)
                yield replace(claim, inferred=True, **here)
        counts.extend(it for it in sent.items if it.is_count)


def opening(text: str, sent: Sentence) -> re.Match | None:
    """从…来看 or 在…中 opening a sentence that has figures."""
    if not sent.items:
        return None
    return LEAD.match(text, sent.start) or SCOPE.match(text, sent.start)


def list_reading(
    text: str, sent: Sentence, opener: re.Match, near: list[Item]
) -> tuple[Item, list[Item], bool] | None:
    """(total, parts, complete): the total the list adds up to exactly; else, naming 其他, a
    near miss of the nearest; else, under a scope, the scope's count as a bound."""
    after = [it for it in sent.items if it.is_count and it.q.start >= opener.end()]
    near = [t for t in near if after and comparable(t.q, after[0].q)]
    readings = [(t, breakdown_parts(text, after, t, opener.end())) for t in near]
    readings = [(t, parts) for t, parts in readings if len(parts) >= 2]
    if not readings:
        return None
    exact = next(((t, p) for t, p in readings if sums(p) == t.q.value), None)
    if exact is not None:
        return *exact, True
    total, parts = readings[0]
    if covers_all(parts) and abs(sums(parts) - total.q.value) <= NEAR_MISS * total.q.value:
        return total, parts, True  # "…其他18件": the list covers the nearest total
    return (total, parts, False) if opener.re is SCOPE else None


def sums(parts: list[Item]) -> Decimal:
    return sum((p.q.value for p in parts), start=Decimal(0))
