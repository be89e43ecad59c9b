"""The tables of a 政府信息公开工作年度报告, read from the Document's text and aligned by label.

The readers write a table row as cells joined by "|" (PDF, Word and HTML tables alike); text
converted elsewhere may hold one cell per line ("8|" or "8" alone, a blank cell as a lone "|").
Both become one stream of cells here, and each table is aligned by the words of its labels,
never by position alone: 表三's rows by their names (numbered or not, cut over two lines or
not), its columns by the header (自然人, the 法人或其他组织 kinds, 总计), 表四 by its fifteen
outcome columns, 表二 by 本年制发件数 / 本年废止件数 / 现行有效件数.

A blank, "/", "—" or "无" cell is kept as blank (never zero). A row whose cells cannot be matched
to the columns leaves a notice instead of a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from lawaudit.extract import xxgk_template as T
from lawaudit.model import Document, Quantity

NUM, BLANK, EMPTY, LABEL = "num", "blank", "empty", "label"
PROSE = 50  # characters: a longer cell is prose, and ends a table
REACH = 60  # cells: how far a header may lie before the table's first row
ANCHORS = ("本年新收", "结果维持", "本年制发")  # a word each of 表三, 表四 and 表二 cannot lack


@dataclass(frozen=True, slots=True)
class Tok:
    raw: str
    key: str  # normalised, for matching labels
    start: int  # in Document.text
    kind: str
    bare: bool = False  # a number on a line of numbers only: its row's label is elsewhere

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def prose(self) -> bool:
        return self.kind == LABEL and (len(self.key) > PROSE or "。" in self.key)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the template, named in the template's words; `q` is None when blank."""

    row: str
    column: str
    raw: str
    start: int
    q: Quantity | None


@dataclass
class Tables:
    t3: dict[str, tuple[Cell, ...]] = field(default_factory=dict)  # row key -> cells by column
    t3_columns: tuple[str, ...] = ()
    t3_other_split: bool = False  # （六）其他处理 given as sub-items (2021) rather than one row
    t4: tuple[Cell, ...] = ()
    t2: dict[str, tuple[Cell, ...]] = field(default_factory=dict)  # 规章 / 行政规范性文件
    notices: list[tuple[str, str, int]] = field(default_factory=list)  # table, reason, where
    spans: list[tuple[int, int]] = field(default_factory=list)  # the tables' extent in the text


def tokens(text: str) -> list[Tok]:
    """Every cell of every line, in order; a line without "|" is one cell, or a label and the
    numbers after it when a PDF's text left a row as "（七）总计21 0 0 0 0 0 21"."""
    out: list[Tok] = []
    at = 0
    for line in text.split("\n"):
        parts = line.split("|")
        if len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]  # "8|": a trailing separator closes the cell
        pos = at
        for part in parts:
            raw = part.strip()
            start = pos + len(part) - len(part.lstrip())
            if len(parts) == 1 and (row := spaced(raw, start)):
                out += row
            else:
                out.append(Tok(raw, T.norm(raw), start, kind_of(raw)))
            pos += len(part) + 1
        at += len(line) + 1
    return out


def spaced(raw: str, start: int) -> list[Tok]:
    """A label (if any) and two or more numbers after it, apart by spaces, each a cell; [] for
    any other line. Cleaning drops the space between a label and its first number ("总计21")."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", raw)]
    i = len(words)
    while i and T.NUMBER.fullmatch(words[i - 1][1]):
        i -= 1
    numbers = words[i:]
    label_end = words[i][0] if numbers else len(raw)
    if i and numbers:  # "总计21": digits glued to the end of the label
        at, word = words[i - 1]
        j = len(word.rstrip("0123456789"))
        if 0 < j < len(word) and word[j - 1] not in ".-":
            numbers.insert(0, (at + j, word[j:]))
            label_end = at + j
    label = raw[:label_end].strip()
    if len(numbers) < 2 or len(label) > PROSE:
        return []
    out = [Tok(label, T.norm(label), start, kind_of(label))] if label else []
    bare = not label
    return out + [Tok(n, T.norm(n), start + at, NUM, bare) for at, n in numbers]


def kind_of(raw: str) -> str:
    key = T.norm(raw)
    if not key:
        return EMPTY
    if key in T.BLANKS:
        return BLANK
    return NUM if T.NUMBER.fullmatch(key) else LABEL


def quantity(t: Tok, unit: str = "件") -> Quantity:
    value = Decimal(t.key.replace(",", ""))
    decimals = max(0, -value.as_tuple().exponent)
    return Quantity(t.raw, value, unit, decimals, 1, "", t.start, t.end)


def cell(row: str, column: str, t: Tok | None, unit: str = "件") -> Cell:
    if t is None or t.kind != NUM:
        return Cell(row, column, t.raw if t else "", t.start if t else 0, None)
    return Cell(row, column, t.raw, t.start, quantity(t, unit))


def align(values: list[Tok], n: int) -> list[Tok] | None:
    """The row's n cells: its written cells when there are n of them (empty padding dropped),
    else all its cells, empty ones blank, when that makes n; None when neither does."""
    written = [t for t in values if t.kind in (NUM, BLANK)]
    if len(written) == n:
        return written
    if not written and len(values) >= n:
        return values[:n]  # a row of blank cells
    trimmed = list(values)
    while trimmed and trimmed[-1].kind == EMPTY:
        trimmed.pop()
    return trimmed if len(trimmed) == n else None


def next_written(toks: list[Tok], i: int) -> str:
    """The kind of the first cell after toks[i] that is not empty ("" at the end)."""
    for t in toks[i + 1 : i + 1 + REACH]:
        if t.kind != EMPTY:
            return t.kind
    return ""


def rows(toks: list[Tok], i: int):
    """(label cells, value cells, index after) for each row from toks[i] to the first prose."""
    while i < len(toks) and not toks[i].prose:
        labels: list[Tok] = []
        while i < len(toks) and not toks[i].prose:
            if toks[i].kind == LABEL:
                labels.append(toks[i])
            elif toks[i].kind != EMPTY or next_written(toks, i) != LABEL:
                break  # empty cells before values are blank cells of this row
            i += 1
        values: list[Tok] = []
        while i < len(toks) and toks[i].kind != LABEL:
            values.append(toks[i])
            i += 1
        if not labels:
            return
        yield labels, values, i


def read_tables(doc: Document) -> Tables:
    from lawaudit.extract.xxgk_tables import T4, read_t2, read_t3, read_t4

    found = Tables()
    if not any(word in doc.text for word in ANCHORS):
        return found  # none of the three tables: no need to cut the text into cells
    toks = tokens(doc.text)
    read_t3(toks, found)
    read_t4(toks, found)
    read_t2(toks, found)
    if not found.t4 and not any(n[0] == T4 for n in found.notices):
        # 表四's words are there but no header could be read (a PDF's text that broke the
        # header into single characters): say so rather than pass over it in silence
        m = T4_SIGNS.search(doc.text)
        if m is not None:
            found.notices.append((T4, "its header could not be read", m.start()))
    return found


# The outcome words of 表四, close together: a table of the template, whatever its header.
T4_SIGNS = re.compile(r"结果维持(?:(?!\n\n)[\s\S]){0,80}?结果纠正(?:(?!\n\n)[\s\S]){0,80}?尚未审结")
