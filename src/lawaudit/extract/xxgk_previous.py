"""This year's 政府信息公开 report against last year's (`--previous`): what carries over.

二、上年结转 this year is 四、结转下年度继续办理 last year, column by column (LA412); and 表二's
现行有效件数 of 规章 and 行政规范性文件 is last year's plus 本年制发 less 本年废止 (LA413).
"""

from __future__ import annotations

from dataclasses import replace

from lawaudit.extract.xxgk import Cell, read_tables
from lawaudit.extract.xxgk_claims import at, marks, name
from lawaudit.model import Claim, ClaimKind, Document


def blanks(*cells: Cell) -> tuple[str, ...]:
    return tuple(f"blank: {name(c)}" for c in cells if c.q is None)


def xxgk_previous_claims(doc: Document, prev: Document, prev_name: str) -> list[Claim]:
    if "政府信息" not in doc.text or "政府信息" not in prev.text:
        return []
    this, last = read_tables(doc), read_tables(prev)
    out: list[Claim] = []

    def where(c: Cell) -> str:
        return f"last year: {prev_name}, line {prev.line_col(c.start)[0]}"

    if "carried_in" in this.t3 and "carried_out" in last.t3:
        for i, column in enumerate(this.t3_columns):
            if column not in last.t3_columns:
                continue
            now = this.t3["carried_in"][i]
            then = last.t3["carried_out"][last.t3_columns.index(column)]
            then = replace(then, row="上年报告 " + then.row)
            out.append(
                Claim(
                    kind=ClaimKind.XXGK_CARRY,
                    subject=name(now),
                    stated=now.q,
                    previous=then.q,
                    items=(name(then),),
                    notes=(where(then), *blanks(now, then), *marks(doc, [now])),
                    inferred=True,
                    **at(doc, now.start, now.start + max(1, len(now.raw)), row=True),
                )
            )
    for row, cells in this.t2.items():
        if row not in last.t2:
            continue
        issued, repealed, in_force = cells
        before = replace(last.t2[row][2], row="上年报告 " + row)
        parts, rhs = (before, issued), (repealed,)
        out.append(
            Claim(
                kind=ClaimKind.XXGK_IN_FORCE,
                subject=name(in_force),
                total=in_force.q,
                parts=tuple(c.q for c in parts if c.q),
                counts=tuple(c.q for c in rhs if c.q),
                items=tuple(name(c) for c in (*parts, *rhs)),
                exhaustive=True,
                inferred=True,
                notes=(where(before), *blanks(in_force, *parts, *rhs), *marks(doc, cells)),
                **at(doc, in_force.start, in_force.start + max(1, len(in_force.raw)), row=True),
            )
        )
    return out
