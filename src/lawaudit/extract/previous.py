"""Last year's report: this year's growth figures against the values it stated.

A report says "受理行政复议案件120件，同比增长25%" without last year's count; last year's report
said "受理行政复议案件96件". With both reports, the change is checked like any other (LA301),
its previous value taken from the other file. And when this year's report restates last year's
value ("上年受理行政复议案件95件"), it must be what last year's report said (LA401).

Pairing is by the words that name a figure (period and filler removed) and its unit, and only
where each side names exactly one figure so: reports restructure from year to year, and an
ambiguous match is no match. Growth at comparable prices (生产总值, 增加值, 可比价) is not the
change of the stated values and is never paired.
"""

from __future__ import annotations

from dataclasses import replace

from lawaudit.extract.changes import (
    REAL_GROWTH,
    REAL_TERMS,
    is_level,
    not_paired_from,
    own_topic,
    prev_mark,
    statement,
    topic,
)
from lawaudit.extract.context import Item, Sentence, place, sentences
from lawaudit.extract.numbers import find_quantities
from lawaudit.model import Claim, ClaimKind, Document

MIN_TOPIC = 4  # characters of naming words: "受理行政复议案件", not "受理"


def index(doc: Document, sents: list[Sentence]) -> dict[tuple[str, str], Item]:
    """Figures a report states for its own period, by (naming words, unit); unique ones only."""
    seen: dict[tuple[str, str], list[Item]] = {}
    for sent in sents:
        for it in sent.items:
            if not is_level(it) or prev_mark(it) or it.q.approximate:
                continue
            key = (topic(it.label), it.q.unit)
            if len(key[0]) >= MIN_TOPIC:
                seen.setdefault(key, []).append(it)
    return {k: v[0] for k, v in seen.items() if len({i.q.value for i in v}) == 1}


def previous_claims(doc: Document, prev: Document, prev_name: str) -> list[Claim]:
    sents = sentences(doc, find_quantities(doc.text))
    last_year = index(prev, sentences(prev, find_quantities(prev.text)))
    out: list[Claim] = []

    def note(it: Item) -> str:
        return f"last year's report {prev_name}, line {prev.line_col(it.q.start)[0]}"

    for sent in sents:
        real = REAL_TERMS.search(doc.text, sent.start, sent.end)
        stop = not_paired_from(doc.text, sent)  # read once: a sentence may state many changes
        level: Item | None = None
        for it in sent.items:
            form = statement(it)
            if form is None:
                if is_level(it) and not prev_mark(it):
                    level = it
                elif last_year_value(it) and (
                    before := last_year.get((topic(it.label), it.q.unit))
                ):
                    out.append(restatement(doc, it, before, note(before)))
                continue
            cur, level = level, None
            if cur is None or real or (stop is not None and stop <= it.q.start):
                continue
            subject = topic(cur.label)
            base = last_year.get((subject, cur.q.unit))
            own = own_topic(it.label)
            if base is None or (own and own not in subject) or REAL_GROWTH.search(subject):
                continue
            out.append(
                Claim(
                    kind=ClaimKind.CHANGE,
                    subject=subject,
                    stated=it.q,
                    current=cur.q,
                    previous=base.q,
                    direction=form[1],
                    inferred=True,
                    notes=(f"previous {base.q.raw} from {note(base)}",),
                    **place(doc, it.q, cur.q.start - len(cur.label)),
                )
            )
    return out


def last_year_value(it: Item) -> bool:
    """ "上年受理…", "去年…": a figure for last year (not 上年同期, a month or quarter of it)."""
    return is_level(it) and prev_mark(it) == "year" and "同期" not in it.label


def restatement(doc: Document, it: Item, before: Item, where: str) -> Claim:
    """ "上年受理…95件" here against the 96件 last year's report stated."""
    claim = Claim(
        kind=ClaimKind.REPEAT,
        subject=topic(it.label),
        stated=it.q,
        previous=before.q,
        notes=(f"stated in {where}",),
        **place(doc, it.q, it.q.start - len(it.label)),
    )
    return replace(claim, inferred=True)
