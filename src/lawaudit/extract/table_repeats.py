"""Figures a report states in its prose and again in a table.

"本季度共受理投诉3671件，…" and, in the table below it, "合计 | 3671 | …" under 投诉量: one
figure twice. A prose count is paired with a cell when they name the same thing: the cell's
column header and, for a row other than the total row, its row label are in the count's words
("投诉量" -> 投诉; a row "举报" of a one-count table -> 举报), and the count stands within a
section of the table. The same value passes, as in repeats.py's restatements; another value is
reported only for the total row and a count the text marks as a whole (共, 受理 …), and as a
warning, since the pairing is inferred: the prose may count another period or scope.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from lawaudit.extract.context import Item, Sentence, place, strip_filler
from lawaudit.extract.counts import comparable, is_whole
from lawaudit.extract.grid import Table, tables
from lawaudit.model import Claim, ClaimKind, Document, Quantity

REACH = 1500  # characters between a table and the prose that restates it
NOT_NAME = re.compile(
    r"[(（][^)）]{0,12}[)）]|[^\u4e00-\u9fff]|^(?:已|总|共)|(?:量|数|件数|数量|情况)$"
)


def table_repeat_claims(doc: Document, sentences: list[Sentence]) -> Iterator[Claim]:
    counts = [it for s in sentences for it in s.items if it.is_count and not it.q.is_percent]
    starts = [it.q.start for it in counts]
    for table in tables(doc.text):
        first = table.header.cells[0].start
        last = table.every_row[-1].cells[-1].start
        lo, hi = (
            bisect.bisect_left(starts, first - REACH),
            bisect.bisect_right(starts, last + REACH),
        )
        near = [it for it in counts[lo:hi] if not first <= it.q.start <= last]  # not the table's
        if near:
            yield from table_repeats(doc, table, near)


def table_repeats(doc: Document, table: Table, near: list[Item]) -> Iterator[Claim]:
    heads = [name_of(c.text) for c in table.header.cells]
    counted = [c for c in range(1, len(heads)) if table.kind(c) == "count" and len(heads[c]) >= 2]
    timed = [
        c for c in range(1, len(heads)) if table.kind(c) == "count" and PERIOD.search(heads[c])
    ]
    by_value: dict = {}
    for it in near:
        by_value.setdefault(it.q.value, []).append(it)
    done: set[int] = set()
    for r in table.every_row:
        total = r is table.total
        row_name = "" if total else row_words(r.label)
        if not total and len(row_name) < 2:
            continue
        # a row's cell is named by the row and, in a table of one count column or of periods,
        # by the period its column names; the total row's by the column's name
        columns = counted if total else counted if len(counted) == 1 else timed
        for c in columns:
            cell = r.at(c)
            if cell is None:
                continue
            # a row's cell is only restated with its own value; the total row may be contradicted
            for it in near if total else by_value.get(cell.value, ()):
                if it.q.start in done or not comparable(it.q, with_unit(cell, it.q)):
                    continue
                words = strip_filler(it.label)
                if row_name and row_name not in words:
                    continue
                if c not in timed and heads[c] not in words:
                    continue
                if not same_period(table.header.cells[c].text, doc.text, it):
                    continue  # "2019受理量" and "2020受理量": the prose names which
                same = it.q.value == cell.value
                if not same and (
                    r is not table.total or not is_whole(it) or names_row(table, words)
                ):
                    continue  # another value: only a total against a total
                done.add(it.q.start)
                name = f"{r.label} · {table.header.cells[c].text}"
                yield restated(doc, it, with_unit(cell, it.q), name)
                break


def restated(doc: Document, it: Item, cell: Quantity, name: str) -> Claim:
    """The claim, at whichever of the two comes later (the earlier is what it restates)."""
    if cell.start > it.q.start:  # the table after the prose: the cell restates the count
        line = doc.line_col(it.q.start)[0]
        return Claim(
            kind=ClaimKind.REPEAT,
            subject=name,
            stated=cell,
            previous=it.q,
            inferred=True,
            notes=(f"first stated on line {line}",),
            **place(doc, cell, cell.start),
        )
    line = doc.line_col(cell.start)[0]
    return Claim(
        kind=ClaimKind.REPEAT,
        subject=strip_filler(it.label),
        stated=it.q,
        previous=cell,
        inferred=True,
        notes=(f"the table's {name}, line {line}",),
        **place(doc, it.q, it.q.start - len(it.label)),
    )


PERIOD = re.compile(r"(?:19|20)\d\d|[本上去今][周月期年]|第?[一二三四1-4]季度|\d{1,2}月")


def same_period(head: str, text: str, it: Item) -> bool:
    """A column of one period ("2019受理量", "本月") is restated only by a count whose words,
    or those of its paragraph before them, name that period."""
    periods = PERIOD.findall(head)
    if not periods:
        return True
    start = text.rfind("\n", 0, it.q.start) + 1  # its paragraph
    before = text[max(start, it.q.start - 200) : it.q.start]
    return all(p.lstrip("第") in before for p in periods)


def row_words(label: str) -> str:
    """A row label's name; a year's row ("2009") is named "2009年"."""
    bare = re.sub(r"\s+", "", label)
    return f"{bare}年" if re.fullmatch(r"(?:19|20)\d\d", bare) else name_of(bare)


def names_row(table: Table, words: str) -> bool:
    """The prose count names one of the table's rows (治安管理类): that row's, not the total's."""
    return any(len(n) >= 2 and n in words for n in (name_of(r.label) for r in table.rows))


def name_of(text: str) -> str:
    """A header's or row label's name, without unit, brackets and 量/数 ("投诉量(件)" -> 投诉)."""
    name = re.sub(r"\s+", "", text)
    for _ in range(2):
        name = NOT_NAME.sub("", name)
    return name


def with_unit(cell: Quantity, like: Quantity) -> Quantity:
    """A table cell given the unit of the prose figure it is compared with (cells have none)."""
    if cell.unit or not like.unit:
        return cell
    return Quantity(cell.raw, cell.value, like.unit, cell.decimals, 1, "", cell.start, cell.end)
