"""The template's identities as claims, one per row, column or outcome group (rules LA111–LA114),
the figures the prose states for table cells (LA411), and the notices of tables that could not be
aligned (LA911).

A claim names its cells in the template's words: `subject` the cell it checks ("三、本年度办理结果
（七）总计 · 自然人"), `items` the names of the parts in order, and `notes` "blank: <cell>" for each
blank cell it needs and "cell: line:column-end" for each cell it used (the HTML report marks them).
"""

from __future__ import annotations

from lawaudit.extract import xxgk_template as T
from lawaudit.extract.xxgk import Cell, Tables, read_tables
from lawaudit.model import Claim, ClaimKind, Document, Quantity


def name(c: Cell) -> str:
    return f"{c.row} · {c.column}"


def at(doc: Document, start: int, end: int, row: bool = False) -> dict:
    """The place of text[start:end]; its quote, for a cell (`row`), is its row up to it."""
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(max(start, end - 1))
    since = max(doc.text.rfind("\n", 0, start) + 1, start - 60) if row else start
    return {
        "line": line,
        "column": column,
        "quote": doc.quote(since, end),
        "page": doc.page(start),
        "end_line": end_line,
        "end_column": end_column + 1,
    }


def marks(doc: Document, cells) -> tuple[str, ...]:
    """Where each cell is: "cell: 12:5-12:7" (line, column, end column exclusive)."""
    out = []
    for c in cells:
        if c.raw:
            line, col = doc.line_col(c.start)
            end_line, end_col = doc.line_col(c.start + len(c.raw) - 1)
            out.append(f"cell: {line}:{col}-{end_line}:{end_col + 1}")
    return tuple(out)


def identity(doc: Document, kind: ClaimKind, subject: str, total: Cell | None, parts, rhs=()):
    """`total` = sum of `parts` (or, with `rhs`, sum of `parts` = sum of `rhs`)."""
    cells = [c for c in (total, *parts, *rhs) if c is not None]
    blanks = tuple(f"blank: {name(c)}" for c in cells if c.q is None)
    anchor = total or parts[0]
    return Claim(
        kind=kind,
        subject=subject,
        total=total.q if total else None,
        parts=tuple(c.q for c in parts if c.q),
        counts=tuple(c.q for c in rhs if c.q),
        items=tuple(name(c) for c in (*parts, *rhs)),
        exhaustive=True,
        notes=blanks + marks(doc, cells),
        **at(doc, anchor.start, anchor.start + max(1, len(anchor.raw)), row=True),
    )


def missing_row(key: str, columns: tuple[str, ...], i: int) -> Cell:
    return Cell(T.T3_NAME[key] + "（未找到此行）", columns[i], "", 0, None)


def t3_claims(doc: Document, t: Tables) -> list[Claim]:
    out: list[Claim] = []
    cols = t.t3_columns
    parts_at = [i for i, c in enumerate(cols) if c not in (T.TOTAL, T.SUBTOTAL)]
    for cells in t.t3.values():
        if T.TOTAL in cols:
            total = cells[cols.index(T.TOTAL)]
            parts = [cells[i] for i in parts_at]
            out.append(identity(doc, ClaimKind.XXGK_ROW, name(total), total, parts))
        if T.SUBTOTAL in cols:
            sub = cells[cols.index(T.SUBTOTAL)]
            legal = [cells[i] for i in parts_at if cols[i] in T.SUBCOLUMNS]
            out.append(identity(doc, ClaimKind.XXGK_ROW, name(sub), sub, legal))
    if "total" not in t.t3:
        return out
    results = [*T.RESULTS_2019]
    results += ["other.1", "other.2", "other.3"] if t.t3_other_split else ["other"]
    for i, column in enumerate(cols):
        col = {k: cells[i] for k, cells in t.t3.items()}
        parts = [col.get(k) or missing_row(k, cols, i) for k in results]
        out.append(identity(doc, ClaimKind.XXGK_COLUMN, name(col["total"]), col["total"], parts))
        lhs = [col.get(k) or missing_row(k, cols, i) for k in ("new", "carried_in")]
        rhs = [col["total"], col.get("carried_out") or missing_row("carried_out", cols, i)]
        out.append(identity(doc, ClaimKind.XXGK_BALANCE, f"表三 · {column}", None, lhs, rhs))
    return out


def t4_claims(doc: Document, t: Tables) -> list[Claim]:
    out = []
    for g in range(0, len(t.t4), 5):
        *parts, total = t.t4[g : g + 5]
        out.append(identity(doc, ClaimKind.XXGK_REVIEW, name(total), total, parts))
    return out


def notices(doc: Document, t: Tables) -> list[Claim]:
    out = []
    for table, why, start in t.notices:
        place = at(doc, start, start + 1)
        place["end_line"] = place["end_column"] = 0
        out.append(Claim(kind=ClaimKind.XXGK_UNALIGNED, subject=table, notes=(why,), **place))
    return out


def xxgk_claims(doc: Document) -> list[Claim]:
    """Every identity the report's template tables allow, and what the prose says of them."""
    if "政府信息" not in doc.text:
        return []
    from lawaudit.extract.xxgk_narrative import narrative_claims

    t = read_tables(doc)
    out = [*t3_claims(doc, t), *t4_claims(doc, t), *notices(doc, t)]
    return out + narrative_claims(doc, t) if (t.t3 or t.t4) else out


def with_cells(quantities: list[Quantity], claims: list[Claim]) -> list[Quantity]:
    """The numbers seen, and the table cells the template claims use: a cell is a bare number
    the coverage figure would not count, though every identity checks it."""
    seen = {(q.start, q.end) for q in quantities if q.unit}
    cells = {}
    for c in claims:
        for q in c.quantities():
            if q.end > q.start and (q.start, q.end) not in seen:
                cells[q.start, q.end] = q
    return [*quantities, *(cells[k] for k in sorted(cells))]
