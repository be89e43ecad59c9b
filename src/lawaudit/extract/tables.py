"""Tables that PDF-to-text tools flatten to one cell per line.

    年末数(万人)        <- column headers, each with its unit in brackets
    比重(%)
    全市常住人口        <- a row: its label, then one number per column
    346.7
    100.0
    其中:城镇
    231.9
    66.9

Each row's count is a share of the table's first row (the whole: its share is 100, or its
label says 合计, 全市 …), and its % column states that share: "城镇 231.9万人 is 66.9% of
全市常住人口 346.7万人" is checked like any stated rate. Only a table whose every row parses is
read; one odd line and the block is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from lawaudit.extract.context import place
from lawaudit.model import Claim, ClaimKind, Document, Quantity

HEADER = re.compile(r"([\u4e00-\u9fff]{1,12})[(（]([^()（）]{1,6})[)）]")
SHARE_COLUMN = re.compile(r"比重|占比|构成|比例|结构")  # not 涨跌幅(%), 增长(%)
NUMBER = re.compile(r"-?\d{1,9}(?:\.\d+)?")
LABEL = re.compile(r"(?:其中[:：]?)?[\u4e00-\u9fffA-Za-z()（）、]{1,20}")
WHOLE_LABEL = re.compile(r"合计|总计|全部|全[市省区县国]|总[数量额]")
SCALES = {"万": 10000, "亿": 100000000, "千": 1000, "百万": 1000000}


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    start: int  # where the label starts in the text
    cells: tuple[Quantity, ...]


def lines_of(text: str) -> list[tuple[int, str]]:
    """Lines, and the cells of a row the readers wrote "a|b|c" (PDF, Word and HTML tables)
    as lines of their own: the same shape as a table flattened one cell per line."""
    out, at = [], 0
    for line in text.split("\n"):
        pos = at
        for cell in line.split("|"):
            out.append((pos + len(cell) - len(cell.lstrip()), cell.strip()))
            pos += len(cell) + 1
        at += len(line) + 1
    return out


def cell(raw: str, start: int, unit: str) -> Quantity:
    """A table number with its column's unit: "231.9" under 年末数(万人) is 2,319,000 人."""
    value = Decimal(raw)
    decimals = max(0, -value.as_tuple().exponent)
    scale, base = 1, unit
    for word, factor in SCALES.items():
        if unit.startswith(word) and len(unit) > len(word):
            scale, base = factor, unit[len(word) :]
    return Quantity(raw, value * scale, base, decimals, scale, "", start, start + len(raw))


def tables(text: str) -> Iterator[tuple[list[str], list[Row]]]:
    """(units, rows) of each cell-per-line table; a % column counts only when named a share."""
    lines = lines_of(text)
    i = 0
    while i < len(lines):
        units = []
        while i < len(lines) and (h := HEADER.fullmatch(lines[i][1])):
            share = h.group(2) == "%" and SHARE_COLUMN.search(h.group(1))
            units.append(h.group(2) if h.group(2) != "%" or share else "%change")
            i += 1
        if len(units) < 2:
            i += 1
            continue
        rows: list[Row] = []
        while i + len(units) < len(lines):
            at, label = lines[i]
            values = lines[i + 1 : i + 1 + len(units)]
            if not LABEL.fullmatch(label) or not all(NUMBER.fullmatch(v) for _, v in values):
                break
            cells = tuple(cell(v, a, u) for (a, v), u in zip(values, units, strict=True))
            rows.append(Row(label, at, cells))
            i += 1 + len(units)
        if len(rows) >= 2:
            yield units, rows


def table_claims(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for units, rows in tables(doc.text):
        if "%" not in units or all(u == "%" for u in units):
            continue
        share_col = units.index("%")
        count_col = next(i for i, u in enumerate(units) if u != "%")
        whole = rows[0]
        if whole.cells[share_col].value != 100 and not WHOLE_LABEL.match(whole.label):
            continue  # the first row is a part like the others, not the whole
        out += row_groups(doc, rows[1:], share_col, count_col, whole)
        for row in rows[1:]:
            stated = replace(row.cells[share_col], unit="%")
            out.append(
                Claim(
                    kind=ClaimKind.RATE,
                    subject=f"{row.label.removeprefix('其中:').removeprefix('其中：')}占{whole.label}",
                    stated=stated,
                    numerator=row.cells[count_col],
                    denominator=whole.cells[count_col],
                    capped=True,
                    notes=("a table row against the table's first row",),
                    **place(doc, stated, row.start, stated.end),
                )
            )
    return out


def row_groups(doc: Document, rows: list[Row], share_col: int, count_col: int, whole: Row):
    """Rows after each 其中 split the whole one way (城镇 + 乡村, then 市区 + 县域)."""
    groups: list[list[Row]] = []
    for row in rows:
        if row.label.startswith("其中") or not groups:
            groups.append([])
        groups[-1].append(row)
    return [
        Claim(
            kind=ClaimKind.SHARES,
            subject=f"{len(g)} rows of {whole.label}",
            parts=tuple(replace(r.cells[share_col], unit="%") for r in g),
            counts=tuple(r.cells[count_col] for r in g),
            total=whole.cells[count_col],
            **place(doc, g[0].cells[share_col], g[0].start, g[0].cells[share_col].end),
        )
        for g in groups
        if len(g) >= 2
    ]
