"""Tables written one row a line with cells joined by "|": what the PDF, Word and HTML readers
write, and what reports saved as text often hold (Markdown's "| a | b |" with its "|---|" line
too).

    单位 | 2019受理量 | 2020受理量 | 占比 | 同比2019年 |      <- the header names the columns
    市场监管局 | 30 | 21 | 35.6% | -30.0% |                   <- a row: its label, then cells
    …
    合计 | 96 | 59 | 100.0% | -38.5% |                        <- the total row

The grid says, with no words to interpret, what each number is:
- a count column with a total row is a complete breakdown: its rows add up to the total;
- a share column (占比, 比重, 构成, 比例, or a header in %) states each row's count over the
  total row's count of the count column to its left (no total row: the column's sum, inferred);
- a change column (同比, 增长, 增减, 变化) beside the columns of two years states
  (this year − last year) / last year for its row.
A blank, "-", "/", "—" or "无" cell is missing, never a zero: a check that needs it is not made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from lawaudit.arith import DEFAULT_MODES, fits
from lawaudit.extract import bases as B
from lawaudit.extract import patterns as P
from lawaudit.extract import xxgk_template as T
from lawaudit.extract.context import place
from lawaudit.extract.counts import names_intake
from lawaudit.model import Claim, ClaimKind, Document, Quantity

NUMBER = re.compile(r"([+\-↑↓▲▼]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)")
ARROWS = {"↑": "+", "▲": "+", "↓": "-", "▼": "-"}  # "↑2.55" in a 比重变化 column
SIGNS = "+-↑↓▲▼"  # written before a change cell: its direction, said in words once read
MISSING = frozenset({"", "-", "—", "–", "/", "无", "--", "——"})
SUBSET_ROW = re.compile(
    r"其中|含|内含|包括|小计|[(（]?\d{1,3}[)）]|[（(][一二三四五六七八九十]{1,3}[)）]"
)
TOTAL_ROW = re.compile(r"^(?:合计|总计|共计|小计|总数|全部|全市|全区|全县)")
SHARE_HEAD = re.compile(r"占比|比重|构成|比例|百分比|占.{0,6}[%％]")
CHANGE_HEAD = re.compile(r"同比|环比|增长|增减|增幅|变化|比上年|较上年|升降")
YEAR = re.compile(r"((?:19|20)\d\d)")
THIS = re.compile(r"本(?:周|月|期|年|季度?)|今年|当月|当期")  # a column of this period's counts
LAST = re.compile(r"上(?:周|月|期|年|季度?)|去年|上年同期|去年同期")  # … and of the last one


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int  # in the document's text
    number: Quantity | None  # the cell's number; None for a label or a missing cell

    def quantity(self) -> Quantity | None:
        return self.number


def cell(text: str, start: int) -> Cell:
    """A cell and its number, parsed once (a table's cells are looked at many times)."""
    m = NUMBER.fullmatch(text)
    if m is None:
        return Cell(text, start, None)
    sign, whole, frac, pct = m.groups()
    value = Decimal(ARROWS.get(sign, sign) + whole.replace(",", "") + (frac or ""))
    decimals = len(frac) - 1 if frac else 0
    q = Quantity(text, value, "%" if pct else "", decimals, 1, "", start, start + len(text))
    return Cell(text, start, q)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]

    @property
    def label(self) -> str:
        return re.sub(r"\s+", "", self.cells[0].text) if self.cells else ""

    def at(self, col: int) -> Quantity | None:
        return self.cells[col].quantity() if col < len(self.cells) else None

    def missing(self, col: int) -> bool:
        return col >= len(self.cells) or self.cells[col].text in MISSING


def rows_of(text: str) -> Iterator[list[Row]]:
    """Runs of rows: lines that hold two or more "|"-joined cells, or — in a table flattened
    one cell a line, as saved web pages give it — the "X |" lines between two lines holding
    only "|"."""
    block: list[Row] = []
    pending: list[Cell] | None = None  # the row being read, in the one-cell-a-line form
    at = 0
    for line in text.split("\n"):
        bare = line.strip()
        cells = split_cells(line, at) if "|" in line else []
        at += len(line) + 1
        if bare == "|" or (pending is not None and bare.endswith("|") and len(cells) <= 1):
            if bare == "|":
                if pending and len(pending) >= 2:
                    block.append(Row(tuple(pending)))
                pending = []
            elif cells:
                pending.append(cells[0])
            continue
        if pending and len(pending) >= 2:
            block.append(Row(tuple(pending)))
        pending = None
        if cells and all(RULE_CELL.fullmatch(c.text) for c in cells):
            continue  # the header's underline: the table goes on
        if len(cells) >= 2:
            block.append(Row(tuple(cells)))
        elif block:
            yield block
            block = []
    if pending and len(pending) >= 2:
        block.append(Row(tuple(pending)))
    if block:
        yield block


def split_cells(line: str, at: int) -> list[Cell]:
    cells, pos = [], at
    for raw in line.split("|"):
        lead = len(raw) - len(raw.lstrip())
        cells.append(cell(raw.strip(), pos + lead))
        pos += len(raw) + 1
    while cells and not cells[-1].text:
        cells.pop()  # "a | b |": the closing bar
    if len(cells) > 1 and not cells[0].text and line.lstrip().startswith("|"):
        cells.pop(0)  # "| a | b |": Markdown's opening bar
    return cells


RULE_CELL = re.compile(r":?-{3,}:?")  # "|---|:---:|": Markdown's line under the header


def numeric(row: Row) -> bool:
    """A data row: a label, then cells that are numbers or missing — and maybe, after them, a
    column of remarks ("住房 | 399 | 348 | 14.66% | 物业管理、房屋修缮")."""
    rest = row.cells[1:]
    k = 0
    while k < len(rest) and (rest[k].quantity() is not None or rest[k].text in MISSING):
        k += 1
    return k > 0 and all(c.quantity() is None for c in rest[k:])


@dataclass(frozen=True, slots=True)
class Table:
    header: Row
    rows: tuple[Row, ...]  # data rows, the total row not among them
    total: Row | None

    @property
    def every_row(self) -> tuple[Row, ...]:
        """The data rows and the total row, when there is one."""
        return (*self.rows, self.total) if self.total is not None else self.rows

    def kind(self, col: int) -> str:
        """'share', 'change', 'rate', 'average' or 'count', from the column's header and cells."""
        head = self.header.cells[col].text if col < len(self.header.cells) else ""
        if AVERAGE_HEAD.search(head):
            return "average"  # "年均": a mean, which neither adds up nor is a part
        if CHANGE_HEAD.search(head):
            return "change"
        if SHARE_HEAD.search(head):
            return "share"
        if head.endswith("率") or "率" in head[-3:]:
            return "rate"
        cells = [r.at(col) for r in self.rows]
        if any(q is not None and q.is_percent for q in cells):
            return "other"  # a % column with no name we understand
        return "count"


AVERAGE_HEAD = re.compile(r"年均|平均|均值|人均|月均|日均|户均")
INDEX_HEAD = re.compile(r"^(?:序号|编号|排名|名次|排序)$")  # a column that only numbers the rows
COUNT_HEAD = re.compile(r"数量|件数|人数|数$|量$|金额|合计")


@functools.lru_cache(maxsize=4)
def tables(text: str) -> tuple[Table, ...]:
    """The tables of a text, read once for the checks here and the restatements of
    table_repeats.py."""
    return tuple(read_tables(text))


def read_tables(text: str) -> Iterator[Table]:
    lines = line_cells(text)
    for block in [*rows_of(text), *flat_rows(text, lines), *column_rows(lines)]:
        block = normalised(block)
        i = 0
        while i < len(block):
            if numeric(block[i]) or i + 1 >= len(block) or not numeric(block[i + 1]):
                i += 1
                continue
            header, body = block[i], []
            j = i + 1
            while j < len(block) and (numeric(block[j]) or same_header(block[j], header)):
                if numeric(block[j]):
                    body.append(block[j])
                j += 1
                if body and TOTAL_ROW.match(body[-1].label) and len(body) > 1:
                    break  # the total row closes the table
            total = next((r for r in body if TOTAL_ROW.match(r.label)), None)
            if total is not None and total is not body[-1] and total is not body[0]:
                total = None  # a 合计 in the middle is a subtotal: the shape is not ours
            rows = tuple(r for r in body if r is not total)
            header = with_corner(header, rows)
            if len(rows) >= 2 and len(header.cells) >= 2:
                yield Table(header, rows, total)
            elif len(rows) == 1 and total is None and summary_row(header, rows[0]):
                yield Table(labelled(header), (labelled(rows[0]),), None)
            i = j


def with_corner(header: Row, rows: tuple[Row, ...]) -> Row:
    """The header with the blank corner cell over the row labels put back, when it names one
    column fewer than every row fills ("本周数据 | 上周数据 | 环比增长" over "住房 | 399 | 348 |
    14.66%"): else each column would take its left neighbour's name."""
    named = [c for c in header.cells if c.text]
    if not rows or not named or not header.cells[0].text:
        return header
    if all(len([c for c in r.cells if c.text]) == len(named) + 1 for r in rows):
        return labelled(header)
    return header


def summary_row(header: Row, row: Row) -> bool:
    """One row of figures under a header of names, with no row label ("受理 | 办结 | 办结率" /
    "1862 | 1795 | 97.4%"): a summary a report tabulates on its own."""
    heads = header.cells
    return (
        len(heads) >= 3
        and len(row.cells) == len(heads)
        and all(c.number is not None for c in row.cells)
        and all(c.number is None and c.text not in MISSING for c in heads)
    )


def labelled(row: Row) -> Row:
    """The row with an empty label cell in front, so its first figure is a column like the rest."""
    return Row((cell("", row.cells[0].start), *row.cells))


def same_header(row: Row, header: Row) -> bool:
    """A wrapped table repeats its header further down ("省份 | 数量 | 省份 | 数量")."""
    return [c.text for c in row.cells] == [c.text for c in header.cells]


def normalised(block: list[Row]) -> list[Row]:
    """The rows with an index column (序号) dropped, and a wrapped table ("省份 | 数量 | 省份 |
    数量") unfolded into one label and one value a row, from its header on."""
    out: list[Row] = []
    index = wrapped = False
    for row in block:
        cells = list(row.cells)
        first = cells[0].text if cells else ""
        if INDEX_HEAD.match(first):
            index = True
        elif index and not (NUMBER.fullmatch(first) or first in MISSING):
            index = False  # a blank 序号 stays in the column: a merged 合计 (merged_total)
        if index:
            cells = cells[1:]
        names = [c.text for c in cells]
        if len(names) >= 4 and names[0] and names == names[:2] * (len(names) // 2):
            out.append(Row(tuple(cells[:2])))  # the header, once for each time it is written
            wrapped = True
        elif wrapped and len(cells) > 2:
            pairs = (cells[k : k + 2] for k in range(0, len(cells), 2))
            out += [Row(tuple(p)) for p in pairs if len(p) == 2 and p[0].text]
        elif len(cells) >= 2:
            out.append(Row(tuple(cells)))
    return out


def line_cells(text: str) -> list[Cell]:
    """Every non-blank line as one cell. A line holding one cell and its closing bar ("8650 |",
    as saved web pages flatten a table) is that cell; a bar alone stays a bar."""
    lines = []
    at = 0
    for line in text.split("\n"):
        bare = line.strip()
        if bare.endswith("|") and bare.count("|") == 1 and len(bare) > 1:
            bare = bare[:-1].rstrip()
        elif bare.startswith("|") and bare.endswith("|") and bare.count("|") == 2:
            bare = bare[1:-1].strip() or bare  # "| 10月 |": a row's first cell, in its bars
        if bare:
            lines.append(cell(bare, at + line.index(bare)))
        at += len(line) + 1
    return lines


def column_rows(lines: list[Cell]) -> Iterator[list[Row]]:
    """A table flattened column by column: its row names one a line, then a count column's
    header and as many numbers ("房产 / 执法 / … / 合计 / 数量 / 396 / 198 / … / 2083"). Read only
    when the names and the numbers are exactly as many."""
    for h, head in enumerate(lines):
        if len(head.text) > 6 or not COUNT_HEAD.search(head.text) or head.number is not None:
            continue
        n = 0
        while h + 1 + n < len(lines) and lines[h + 1 + n].number is not None:
            n += 1
        names = lines[max(0, h - n) : h]
        if n < 2 or len(names) != n or any(c.number is not None or len(c.text) > 12 for c in names):
            continue
        corner = lines[h - n - 1] if h - n - 1 >= 0 and lines[h - n - 1].number is None else None
        header = Row((corner or cell("", names[0].start), head))
        yield [header, *(Row((name, lines[h + 1 + k])) for k, name in enumerate(names))]


def flat_rows(text: str, lines: list[Cell] | None = None) -> Iterator[list[Row]]:
    """A table flattened one cell a line with no "|" (PDF text, some pages): a header of k
    short cells that names a count column ("序号 / 处理方式 / 数量 / 比例"), then rows of k
    lines each, for as long as every row has a label and numbers where the header's
    numbers stand. Only the few lines before a count word, and that word, are tried as a
    header's start."""
    lines = line_cells(text) if lines is None else lines
    done = 0  # lines before this one belong to a table already read
    for word in (i for i, c in enumerate(lines) if len(c.text) <= 12 and names_column(c.text)):
        for i in range(max(done, word - 5), word + 1):
            found = flat_table_at(lines, i)
            if found is not None:
                header, rows, done = found
                yield [header, *rows]
                break


def names_column(head: str) -> bool:
    """A header cell that names a count column (数量, 件数 …) or a share of one (占比): the words
    that say a run of short lines is a table's header; or a unit in brackets ("第三季度(件)")."""
    return bool(COUNT_HEAD.search(head) or SHARE_HEAD.search(head) or UNIT_HEAD.search(head))


UNIT_HEAD = re.compile(r"[(（](?:件|宗|起|人|人次|件次|个|条|家|户)[)）]$")


MAX_FLAT_COLUMNS = 10  # "序号 | 受理单位 | 交办总量 | 办结率 | 满意率 | …": a 12345 ranking has 9


def flat_table_at(lines: list[Cell], i: int) -> tuple[Row, list[Row], int] | None:
    """(header, rows, the line after them) when a header of k short text cells, a count word
    among them after the first, starts at line i and two or more rows of k cells follow; the
    widest such header. A header whose corner cell over the row labels was lost ("单位" joined
    to the caption line before it) is read over rows of k + 1 cells, a label first."""
    found = None
    for k in range(3, MAX_FLAT_COLUMNS + 1):
        head = lines[i : i + k]
        if len(head) < k or any(c.number is not None or len(c.text) > 12 for c in head):
            break
        if not any(names_column(c.text) for c in head[1:]):
            continue
        indexed = INDEX_HEAD.match(head[0].text) is not None
        rows = grouped(lines, i + k, k, indexed)
        if len(rows) >= 2 and indexed:
            rows += merged_total(lines, i + k * (len(rows) + 1), rows[0])
        if len(rows) >= 2:
            found = (Row(tuple(head)), rows, i + k * (len(rows) + 1))
        elif not indexed and len(cornered := grouped(lines, i + k, k + 1)) >= 2:
            corner = Row((cell("", head[0].start), *head))
            found = (corner, cornered, i + k + (k + 1) * len(cornered))
    return found


def merged_total(lines: list[Cell], at: int, first: Row) -> list[Row]:
    """The 合计 row of a table with a 序号 column, written one cell a line: its label spans the
    序号 and name columns, so it has one cell fewer ("合计 / 245 / 241 / 98.37%"). Given a
    blank 序号 cell, it lines up with the rows above."""
    k = len(first.cells)
    row = lines[at : at + k - 1]
    if len(row) < k - 1 or not TOTAL_ROW.match(row[0].text):
        return []
    places = tuple(c.quantity() is not None or c.text in MISSING for c in first.cells[2:])
    if places != tuple(c.quantity() is not None or c.text in MISSING for c in row[1:]):
        return []
    return [Row((cell("", row[0].start), *row))]


def grouped(lines: list[Cell], start: int, k: int, indexed: bool = False) -> list[Row]:
    """Rows of k cells from lines[start:] while they look like one table's rows: a label first
    (after the 序号 of an `indexed` table) and one or more numbers in the same places as the
    first row's."""
    rows: list[Row] = []
    shape = None
    for n in range(start, len(lines) - k + 1, k):
        row = Row(tuple(lines[n : n + k]))
        places = tuple(c.quantity() is not None or c.text in MISSING for c in row.cells)
        if not any(places[1:]) or places[1 if indexed else 0]:
            break  # no figures, or no label where it belongs: not a row of this table
        if shape is None:
            shape = places
        elif places != shape:
            break
        rows.append(row)
    return rows


def grid_claims(doc: Document, counts: list[Quantity] | None = None) -> list[Claim]:
    """`counts`: the counts of the text, in order (a share column's whole may be stated
    before its table)."""
    out: list[Claim] = []
    for table in tables(doc.text):
        width = max(len(r.cells) for r in (table.header, *table.rows))
        kinds = [table.kind(c) for c in range(width)]
        for col in range(1, width):
            if kinds[col] == "count":
                out += column_total(doc, table, col)
            elif kinds[col] == "share":
                count = next((c for c in range(col - 1, 0, -1) if kinds[c] == "count"), None)
                whole = row_whole(table, kinds, count)
                if count is not None and whole is not None:
                    out += row_shares(doc, table, col, count, whole)
                elif count is not None:
                    out += column_shares(doc, table, col, count, counts or [])
            elif kinds[col] == "change":
                out += column_changes(doc, table, col, kinds)
            elif kinds[col] == "rate":
                out += column_rates(doc, table, col, kinds)
        summed = column_sums(doc, table, kinds)
        out += summed or row_sums(doc, table, kinds)
    return out


TEMPLATE_HEADS = frozenset({T.PERSON, T.LEGAL, *T.SUBCOLUMNS, *T.T4_OUTCOMES[:-1]})
TOTAL_HEAD = re.compile(r"^(?:合计|总计|共计|总数|总量)(?:[(（][^)）]{1,6}[)）])?$")


def column_sums(doc: Document, table: Table, kinds: list[str]) -> list[Claim]:
    """A column headed 合计 or 总计 totals the count columns beside it, row by row ("警告 | 罚款
    | 行政拘留 | 合计(宗)": 31 + 54 + 59 = 144): the run of count columns just before it, or, when
    it stands first, just after it. The header states the sum, so the reading is not inferred.
    A blank part is missing, not a zero: such a row is checked only when the parts it has
    already reach its total (they pass when equal, fail when over)."""
    heads = [re.sub(r"\s+", "", c.text) for c in table.header.cells]
    if TEMPLATE_HEADS.intersection(heads):
        return []  # 政府信息公开's 表三 or 表四, which its template reads (xxgk_tables.py)
    out: list[Claim] = []
    for col, head in enumerate(heads):
        if col == 0 or not TOTAL_HEAD.match(head) or kinds[col] != "count":
            continue
        cols = beside(kinds, heads, col)
        if len(cols) < 2:
            continue
        for r in table.every_row:
            total = r.at(col)
            parts = [r.at(c) for c in cols]
            given = [q for q in parts if q is not None]
            if (
                total is None
                or len(given) < 2
                or any(q is None and not r.missing(c) for q, c in zip(parts, cols, strict=True))
            ):
                continue
            if len(given) < len(parts) and sum(q.value for q in given) < total.value:
                continue  # blanks may hold the rest
            out.append(
                Claim(
                    kind=ClaimKind.TOTAL,
                    subject=f"{r.label} · {head}",
                    total=total,
                    parts=tuple(given),
                    exhaustive=len(given) == len(parts),
                    notes=(f"a table row: {' + '.join(heads[c] for c in cols)} = {head}",),
                    **place(doc, total, r.cells[0].start, total.end),
                )
            )
    return out


def beside(kinds: list[str], heads: list[str], col: int) -> list[int]:
    """The count columns a total column sums: those just before it back to the row label, a
    column of another kind or another total; when none, those just after it."""
    before = []
    c = col - 1
    while c >= 1 and kinds[c] == "count" and not TOTAL_HEAD.match(heads[c]):
        before.insert(0, c)
        c -= 1
    if before:
        return before
    after = []
    c = col + 1
    while c < len(kinds) and kinds[c] == "count" and not TOTAL_HEAD.match(heads[c]):
        after.append(c)
        c += 1
    return after


def row_sums(doc: Document, table: Table, kinds: list[str]) -> list[Claim]:
    """A count column that the count columns right after it add up to, row by row ("承办件数 |
    办结数 | 在办数 | 超时未办数": 96 = 91 + 5 + 0): read when every row but at most one of four
    or more says so exactly, two of them with two parts or more — the header does not, so the
    reading is inferred, and a row that breaks it is a warning. The first such column from the
    left, with the most columns."""
    rows = table.every_row
    for col in range(1, len(kinds) - 2):
        if kinds[col] != "count":
            continue
        run = 0
        while col + run + 1 < len(kinds) and kinds[col + run + 1] == "count":
            run += 1
        for k in range(run, 1, -1):
            cols = range(col + 1, col + 1 + k)
            full = [r for r in rows if all(r.at(c) is not None for c in (col, *cols))]
            adds = [r for r in full if sum(r.at(c).value for c in cols) == r.at(col).value]
            if len(full) < 2 or len(adds) < len(full) - (len(full) >= 4):
                continue
            mixed = [r for r in adds if sum(1 for c in cols if r.at(c).value) >= 2]
            if len(mixed) < 2:
                continue  # "21 = 0 + 0 + 21": two equal columns, no evidence of a sum
            return [row_sum(doc, table, r, col, cols) for r in full]
    return []


def row_sum(doc: Document, table: Table, r: Row, col: int, cols: range) -> Claim:
    heads = [table.header.cells[c].text if c < len(table.header.cells) else "" for c in cols]
    head = table.header.cells[col].text if col < len(table.header.cells) else ""
    total = r.at(col)
    return Claim(
        kind=ClaimKind.TOTAL,
        subject=f"{r.label} · {head}",
        total=total,
        parts=tuple(r.at(c) for c in cols),
        exhaustive=True,
        inferred=True,
        notes=(f"a table row: {' + '.join(heads)} add up to it in the other rows",),
        **place(doc, total, r.cells[0].start, total.end),
    )


def column_rates(doc: Document, table: Table, col: int, kinds: list[str]) -> list[Claim]:
    """A rate column named by another column's words ("按期办结率" beside "受理量 | 办结量 |
    按期办结量"): each row's rate is that column's count (the longest name it shares: 按期办结量,
    not 办结量) over a whole column: 回访 for a 满意率, else the intake ("受理", "收到" …) or,
    for an on-time rate or a 满意率 with no 回访 column, the cases closed. Of the wholes the
    header allows, the one that gives most rows their stated rate is read, as a reviewer would,
    and the other rows fail on it; a 满意率 no stated column gives is not read (those asked are
    not stated)."""
    heads = [c.text for c in table.header.cells]
    stem = re.sub(r"[(（][^)）]*[)）]|率.*$", "", heads[col])
    counts = [c for c in range(1, len(heads)) if c < len(kinds) and kinds[c] == "count"]
    part = next((c for n in range(len(stem), 1, -1) for c in counts if stem[-n:] in heads[c]), None)
    if part is None:
        return intake_rates(doc, table, col, counts)
    surveyed = P.SURVEYED.search(stem)
    wholes = [c for c in counts if c != part and P.ASKED.search(heads[c])] if surveyed else []
    asked = bool(wholes)  # a 回访 column states who were asked
    wholes += [c for c in counts if c not in (part, *wholes) and names_intake(heads[c])]
    wholes += [c for c in counts if c not in (part, *wholes) and ROW_WHOLE.search(heads[c])]
    if B.TIMELY.search(stem) or (surveyed and not asked):
        wholes += [
            c
            for c in counts
            if c not in (part, *wholes)
            and P.CLOSED.search(heads[c])
            and not B.TIMELY.search(heads[c])
        ]
    if not wholes:
        return []
    rows = table.every_row
    fit = {w: sum(row_gives(r, col, part, w) for r in rows) for w in wholes}
    whole = max(wholes, key=lambda w: (fit[w], -wholes.index(w)))
    if surveyed and not asked and not fit[whole]:
        return []  # who was asked is not stated, and no column stated gives any row's rate
    out = []
    for r in rows:
        stated, num, den = r.at(col), r.at(part), r.at(whole)
        if stated is None or num is None or den is None or not den.value:
            continue
        note = f"a table row: {heads[part]} over {heads[whole]}"
        out.append(row_rate(doc, r, heads[col], stated, num, den, note))
    return out


def intake_rates(doc: Document, table: Table, col: int, counts: list[int]) -> list[Claim]:
    """ "交办总量 | 办结率 | 满意率": a closing rate with no column of what was closed is a rate
    of the intake column, each row's rate some whole number of its cases (LA203). Not a 满意率
    (who was asked is not stated), nor an on-time rate (of the closed or of the intake)."""
    heads = [c.text for c in table.header.cells]
    name = heads[col]
    if not P.CLOSED.search(name) or B.TIMELY.search(name) or P.SURVEYED.search(name):
        return []
    whole = next((c for c in counts if names_intake(heads[c])), None)
    if whole is None:
        return []
    out = []
    for r in table.every_row:
        stated, den = r.at(col), r.at(whole)
        if stated is not None and den is not None and den.value:
            note = f"a table row: {name} of {heads[whole]}"
            out.append(row_rate(doc, r, name, stated, None, den, note))
    return out


def row_gives(r: Row, col: int, part: int, whole: int) -> bool:
    """Whether the row's count over the whole rounds to its stated rate."""
    stated, num, den = r.at(col), r.at(part), r.at(whole)
    if stated is None or num is None or den is None or not den.value:
        return False
    return fits(int(num.value), int(den.value), stated.value, stated.decimals, DEFAULT_MODES)


def row_rate(
    doc: Document, r: Row, name: str, stated: Quantity, part, whole, note: str, inferred=False
) -> Claim:
    """A rate or share cell of row `r` as a claim; "98.33" under a header "办结率(%)" is a %."""
    if not stated.is_percent:
        stated = Quantity(
            stated.raw, stated.value, "%", stated.decimals, 1, "", stated.start, stated.end
        )
    return Claim(
        kind=ClaimKind.RATE,
        subject=f"{r.label}{name}",
        stated=stated,
        numerator=part,
        denominator=whole,
        capped=True,
        inferred=inferred,
        notes=(note,),
        **place(doc, stated, r.cells[0].start, stated.end),
    )


def column_total(doc: Document, table: Table, col: int) -> list[Claim]:
    """A count column and its total row: the rows add up to it — unless some rows are
    subsets of others ("其中：网上受理", "含…", "小计"), when the rows are no single cut."""
    if table.total is None or table.total.missing(col):
        return []
    if any(SUBSET_ROW.match(r.label) for r in table.rows):
        return []
    total = table.total.at(col)
    if total is None or any(r.missing(col) for r in table.rows):
        return []
    parts = tuple(r.at(col) for r in table.rows)
    first = table.rows[0].cells[0].start
    return [
        Claim(
            kind=ClaimKind.TOTAL,
            subject=f"{table.total.label} · {table.header.cells[col].text}",
            total=total,
            parts=parts,
            exhaustive=True,
            notes=("a table column and its total row",),
            **place(doc, total, first, total.end),
        )
    ]


ROW_WHOLE = re.compile(r"总数|总量|合计|总计|总件数")


def row_whole(table: Table, kinds: list[str], count: int | None) -> int | None:
    """A count column before a share's count column that names each row's whole ("月份 |
    受理工单总数 | 城市管理类工单数量 | 城市管理类工单占比"): the share is of that cell."""
    if count is None:
        return None
    heads = [c.text for c in table.header.cells]
    return next(
        (c for c in range(1, count) if kinds[c] == "count" and ROW_WHOLE.search(heads[c])), None
    )


def row_shares(doc: Document, table: Table, col: int, count: int, whole: int) -> list[Claim]:
    """Each row's share of its own whole cell."""
    heads = [c.text for c in table.header.cells]
    out = []
    for r in table.every_row:
        stated, part, den = r.at(col), r.at(count), r.at(whole)
        if stated is not None and part is not None and den is not None and den.value:
            note = f"a table row: {heads[count]} over {heads[whole]}"
            out.append(row_rate(doc, r, heads[col], stated, part, den, note))
    return out


def column_shares(
    doc: Document, table: Table, col: int, count: int, counts: list[Quantity]
) -> list[Claim]:
    """Each row's share is its count over the total row's. With no total row, the whole is
    inferred: the column's sum when the shares add up to about 100; else a count stated
    before the table that most rows' shares fit (a 商品大类 table's 投诉比重 are shares of all
    complaints, 商品 and 服务 together); else the shares are of a whole the text does not
    give, and no row is checked."""
    if any(r.missing(count) for r in table.rows):
        return []
    whole: Quantity | None = None
    inferred = False
    if table.total is not None and not table.total.missing(count):
        whole = table.total.at(count)
    if whole is None:
        whole = inferred_whole(table, col, count, counts)
        inferred = True
    if whole is None:
        return []
    out = []
    name = table.header.cells[col].text
    for r in table.rows:
        stated, part = r.at(col), r.at(count)
        if stated is None or part is None:
            continue
        note = "a table row's share of the total row"
        out.append(row_rate(doc, r, name, stated, part, whole, note, inferred))
    shares = [c.stated for c in out]
    nested = any(SUBSET_ROW.match(r.label) for r in table.rows)  # 其中 rows: no single cut
    if len(shares) == len(table.rows) >= 2 and not nested:
        group = Claim(
            kind=ClaimKind.SHARES,
            subject=f"{len(shares)} rows of {name}",
            parts=tuple(shares),
            counts=tuple(c.numerator for c in out),
            total=whole if not inferred else None,
            exhaustive=table.total is not None,
            **place(doc, shares[0], table.rows[0].cells[0].start, shares[0].end),
        )
        out = [*B.mark_balancing(out, group), group]  # every row's share is a member
    return out


SHARE_SLACK = Decimal(1)  # how far from 100 a column's shares may add up and still be of its sum
STATED_REACH = 1500  # characters before a table where the whole of its shares may be stated


def inferred_whole(table: Table, col: int, count: int, counts: list[Quantity]) -> Quantity | None:
    """The whole of a share column with no total row (see column_shares)."""
    parts = [r.at(count) for r in table.rows]
    shares = [r.at(col) for r in table.rows]
    value = sum(q.value for q in parts)
    if all(q is not None for q in shares) and abs(sum(q.value for q in shares) - 100) > SHARE_SLACK:
        if len(parts) < 3:
            return None
        pairs = list(zip(parts, shares, strict=True))
        first = table.rows[0].cells[0].start
        before = [q for q in counts if first - STATED_REACH <= q.end <= first]
        return next((q for q in reversed(before) if 2 * B.support(pairs, q) > len(pairs)), None)
    return Quantity(str(value), value, "", 0, 1, "", parts[0].start, parts[-1].end)


def column_changes(doc: Document, table: Table, col: int, kinds: list[str]) -> list[Claim]:
    """A change column beside the count columns of two years, or of this and the last period
    by name (本周, 上周): the later's over the earlier's."""
    if kinds.count("share") == 2 and SHARE_HEAD.search(table.header.cells[col].text):
        return share_changes(doc, table, col, kinds)
    years = {}
    for c in range(1, len(table.header.cells)):
        when = period_key(table.header.cells[c].text)
        if when and kinds[c] == "count":
            years[when] = c
    now = [c for c in range(1, len(table.header.cells)) if THIS.match(table.header.cells[c].text)]
    then = [c for c in range(1, len(table.header.cells)) if LAST.match(table.header.cells[c].text)]
    if len(years) == 2:
        prev_col, cur_col = years[min(years)], years[max(years)]
    elif len(now) == 1 and len(then) == 1 and kinds[now[0]] == kinds[then[0]] == "count":
        prev_col, cur_col = then[0], now[0]  # "本周数据 | 上周数据 | 环比增长"
    else:
        return []
    out = []
    rows = table.every_row
    in_percent = "%" in table.header.cells[col].text  # "环比增长率(%)" over "24.85"
    for r in rows:
        stated, cur, prev = r.at(col), r.at(cur_col), r.at(prev_col)
        if stated is None or cur is None or prev is None or prev.value == 0:
            continue
        if in_percent and not stated.unit:
            stated = replace(stated, unit="%")
        stated, down = unsigned(stated)  # "-13.31" in a 增长率 column: a fall of 13.31%
        out.append(
            Claim(
                kind=ClaimKind.CHANGE,
                subject=f"{r.label} {table.header.cells[col].text}",
                stated=stated if stated.is_percent else None,
                current=cur,
                previous=prev,
                direction="down" if down else "up",
                notes=("a table row: the later period's column against the earlier one's",),
                **place(doc, stated, r.cells[0].start, stated.end),
            )
        )
    return [c for c in out if c.stated is not None]


PART_OF_YEAR = re.compile(r"第?([一二三四1-4])季度|(\d{1,2})月|([上下])半年")
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


def period_key(head: str) -> tuple[int, int] | None:
    """(year, last month it covers) of a column header: 2022年第三季度 -> (2022, 9), 2022年
    上半年 -> (2022, 6), 2022年 -> (2022, 12); None with no year."""
    year = YEAR.search(head)
    if year is None:
        return None
    part = PART_OF_YEAR.search(head, year.end())
    if part is None:
        return int(year.group(1)), 12
    quarter, month, half = part.groups()
    if quarter:
        return int(year.group(1)), 3 * int(QUARTERS.get(quarter, quarter))
    if month:
        return int(year.group(1)), int(month)
    return int(year.group(1)), 6 if half == "上" else 12


def period_of(head: str) -> tuple[int, int] | None:
    """A column's period to order it by: its year and month, else 本期 after 上期."""
    return period_key(head) or (
        (1, 0) if THIS.match(head) else (0, 0) if LAST.match(head) else None
    )


def unsigned(stated: Quantity) -> tuple[Quantity, bool]:
    """A change cell as the size of the change and whether it is a fall ("-13.31", "↓0.56")."""
    down = stated.value < 0
    return replace(stated, value=abs(stated.value), raw=stated.raw.lstrip(SIGNS)), down


def share_changes(doc: Document, table: Table, col: int, kinds: list[str]) -> list[Claim]:
    """A 比重变化 column beside the share columns of two periods ("2022年上半年(件) | 投诉比重 |
    2021年上半年(件) | 投诉比重 | 比重变化"): each row's change is the difference of its two
    shares, in 百分点. Which share is the later is read from the count column each follows
    (its year, or 本期 / 上期)."""
    shares = [c for c, k in enumerate(kinds) if k == "share"]
    when = []
    for c in shares:
        owner = next((o for o in range(c - 1, 0, -1) if kinds[o] == "count"), None)
        when.append(period_of(table.header.cells[owner].text) if owner is not None else None)
    if None in when or when[0] == when[1]:
        return []
    prev_col, cur_col = shares if when[0] < when[1] else shares[::-1]
    out = []
    for r in table.every_row:
        stated, cur, prev = r.at(col), r.at(cur_col), r.at(prev_col)
        if stated is None or cur is None or prev is None:
            continue
        stated, down = unsigned(replace(stated, unit="百分点"))  # "↓0.56": a fall of 0.56
        out.append(
            Claim(
                kind=ClaimKind.POINTS,
                subject=f"{r.label} {table.header.cells[col].text}",
                stated=stated,
                current=replace(cur, unit="%"),
                previous=replace(prev, unit="%"),
                direction="down" if down else "up",
                notes=("a table row: the later period's share against the earlier one's",),
                **place(doc, stated, r.cells[0].start, stated.end),
            )
        )
    return out
