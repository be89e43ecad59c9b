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

from lawaudit.extract.bases import names_stage
from lawaudit.extract.context import Item, Sentence, place
from lawaudit.extract.counts import comparable, is_total
from lawaudit.model import Claim, Document

LEAD = re.compile(r"[ \n]?从[\u4e00-\u9fff]{1,12}?来?看[，,:：]")
# "在办结的申请中，予以公开58件，…": the list cuts the count of that stage, stated before
SCOPE = re.compile(r"[ \n]?在([\u4e00-\u9fff]{2,16}?)中[，,:：]")
REACH = 1500  # characters back to the totals a list may cut
NEAR_MISS = Decimal("0.05")


def dimension_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    from lawaudit.extract.totals import breakdown, breakdown_parts, covers_all

    text = doc.text
    totals: deque[Item] = deque(maxlen=40)  # whole-marked counts of earlier sentences
    levels: deque[Item] = deque(maxlen=40)  # … and their last counts, for a scope's stage
    for sent in sentences:
        lead = LEAD.match(text, sent.start) if sent.items else None
        scope = SCOPE.match(text, sent.start) if sent.items and lead is None else None
        if lead is not None or scope is not None:
            start = (lead or scope).end()  # type: ignore[union-attr]
            after = [it for it in sent.items if it.is_count and it.q.start >= start]
            if scope is not None:
                named = [t for t in levels if names_stage(scope.group(1), text, t)]
                near = [t for t in reversed(named) if sent.start - t.q.end <= REACH][:1]
            else:
                near = [t for t in reversed(totals) if sent.start - t.q.end <= REACH][:4]
            near = [t for t in near if after and comparable(t.q, after[0].q)]
            readings = [(t, breakdown_parts(text, after, t, start)) for t in near]
            readings = [(t, parts) for t, parts in readings if len(parts) >= 2]
            exact = next(((t, p) for t, p in readings if sums(p) == t.q.value), None)
            if exact is None and readings and covers_all(readings[0][1]):
                total, parts = readings[0]  # "…其他18件": the list covers the nearest total
                if abs(sums(parts) - total.q.value) <= NEAR_MISS * total.q.value:
                    exact = total, parts
            complete = exact is not None
            if exact is None and scope is not None and readings:
                exact = readings[0]  # named by its scope: its parts are within that count
            if exact is not None:
                total, parts = exact
                line = doc.line_col(total.q.start)[0]
                note = f"a list by one dimension, of the total stated on line {line}"
                claim = breakdown(doc, total, parts, complete, note)
                here = place(doc, parts[0].q, (lead or scope).start(), parts[-1].q.end)  # type: ignore[union-attr]
                yield replace(claim, inferred=True, **here)
        totals.extend(it for it in sent.items if it.is_count and is_total(it))
        levels.extend(it for it in sent.items if it.is_count)


def sums(parts: list[Item]) -> Decimal:
    return sum((p.q.value for p in parts), start=Decimal(0))
