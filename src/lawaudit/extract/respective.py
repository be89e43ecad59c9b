"""Parallel lists joined by position: "市长信箱、区长信箱留言量分别为412件、236件，已回复406件、
231件，回复率分别为98.5%、97.9%".

Each list is a run of figures of one unit with nothing but 、/和 between them; a 分别 before one
says its k-th figure belongs to the k-th name. When a sentence holds two or more runs of the same
length, one of them marked so, the k-th figures of every run belong together: the k-th rate is
the k-th outcome over the k-th intake (or, with no outcome listed, a rate some whole number out
of the k-th intake must give). Pairings across positions (406 closed of the 236 received) are
then never made by the other readers: `settle` drops them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lawaudit.extract import patterns as P
from lawaudit.extract.context import Item, Sentence, strip_filler
from lawaudit.extract.counts import comparable, names_whole
from lawaudit.extract.rates import predicates, rate_claim
from lawaudit.model import Claim, ClaimKind, Document

JOINER = re.compile(r"^[\s、,，]*(?:和|及|与|以及)?$")  # what stands between two figures of a run
RESPECTIVELY = re.compile(r"分别(?:为|是|达到?|有)?[:：]?$")


@dataclass(frozen=True, slots=True)
class Run:
    items: tuple[Item, ...]
    name: str  # the words before the first figure, less 分别为: 留言量, 已回复, 回复率
    marked: bool  # introduced by 分别


def runs_of(sent: Sentence) -> list[Run]:
    """The runs of two or more figures of one unit in a sentence, joined by 、 or 和 only."""
    out: list[list[Item]] = []
    for item in sent.items:
        last = out[-1][-1] if out else None
        if last is not None and last.q.unit == item.q.unit and JOINER.match(item.label):
            out[-1].append(item)
        else:
            out.append([item])
    runs = []
    for members in out:
        if len(members) >= 2:
            label = members[0].label
            marked = RESPECTIVELY.search(label)
            name = strip_filler(label[: marked.start()] if marked else label)
            runs.append(Run(tuple(members), name, marked is not None))
    return runs


def parallel_runs(sent: Sentence) -> list[Run]:
    """The runs of a sentence that go together: as long as a run 分别 introduces."""
    if len(sent.items) < 4:
        return []  # the cheap test first: two runs of two need four figures
    runs = runs_of(sent)
    lengths = {len(r.items) for r in runs if r.marked}
    return [r for r in runs if len(r.items) in lengths] if len(runs) >= 2 else []


def rate_name(run: Run) -> str | None:
    if not run.items[0].q.is_percent or P.SHARE_WORDS.search(run.name):
        return None  # shares (占比分别为) are shares.py's
    names = P.RATE_NAME.findall(run.name)
    return strip_filler(names[-1]) if names else None


def respective_claims(doc: Document, sentences: Iterable[Sentence]) -> list[Claim]:
    """The rates of parallel lists, each over its own position's counts."""
    claims: list[Claim] = []
    for sent in sentences:
        runs = parallel_runs(sent)
        if len(runs) < 2:
            continue
        counts = [r for r in runs if r.items[0].is_count]
        for run in runs:
            name = rate_name(run)
            if name is None:
                continue
            verbs = predicates(name[:-1])
            n = len(run.items)
            before = [r for r in counts if r.items[0].q.start < run.items[0].q.start]
            before = [r for r in before if len(r.items) == n]  # the k-th of each, by position
            part = next((r for r in before if any(v in r.name for v in verbs)), None)
            wholes = [r for r in before if r is not part]
            whole = next((r for r in wholes if names_whole(r.name)), wholes[0] if wholes else None)
            if whole is None:
                continue
            for k, item in enumerate(run.items):
                den = whole.items[k]
                num = part.items[k] if part is not None else None
                if num is not None and not comparable(num.q, den.q):
                    num = None
                claims.append(rate_claim(doc, item, name, num, num.q if num else None, den))
    return claims


def settle(claims: list[Claim], respective: list[Claim]) -> list[Claim]:
    """The other readers' claims less those that read a parallel list's rate again, or pair two
    of its figures across positions (the 406 closed of the 236 received)."""
    if not respective:
        return claims
    stated = {c.stated.start for c in respective if c.stated is not None}
    position: dict[int, int] = {}
    for c in respective:
        for q in (c.numerator, c.denominator):
            if q is not None:
                position[q.start] = c.stated.start  # type: ignore[union-attr]

    def crossed(c: Claim) -> bool:
        if c.kind not in (ClaimKind.RATE, ClaimKind.COMPLETION):
            return False
        if c.kind is ClaimKind.RATE and c.stated is not None and c.stated.start in stated:
            return True
        num, den = c.numerator, c.denominator
        if num is None or den is None or num.start not in position or den.start not in position:
            return False
        return position[num.start] != position[den.start]

    return [c for c in claims if not crossed(c)]
