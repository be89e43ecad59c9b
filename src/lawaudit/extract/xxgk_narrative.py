"""Figures the prose of a 政府信息公开 report states for a cell of its own tables (LA411).

"全年共收到政府信息公开申请66件" is 表三 一、本年新收 · 总计; "予以公开3件" is （一）予以公开;
"政府信息公开行政复议2件" is 表四 行政复议 · 总计. Only prose outside the tables is read, only
figures for the report's own year (not 上年, 去年, 同比), 予以公开 / 部分公开 only in a
paragraph about 申请, 行政复议 / 行政诉讼 only in a sentence about 政府信息公开.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lawaudit.extract import xxgk_template as T
from lawaudit.extract.xxgk import Cell, Tables
from lawaudit.extract.xxgk_claims import at, marks, name
from lawaudit.model import Claim, ClaimKind, Document, Quantity

N = r"(\d{1,7})(件|份|条|个|起)"
NEW = (
    re.compile(
        r"(?:收到|受理|新收|接收)[^，。；,;：:]{0,16}?政府信息公开申请(?:共计|共|合计|总计)?" + N
    ),
    re.compile(r"(?:收到|受理|新收|接收)(?:各类)?" + N + r"(?:政府信息公开|依申请公开)申请"),
)
PATTERNS = {
    "carried_in": (re.compile(r"上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?" + N),),
    "carried_out": (re.compile(r"结转(?:至|到)?下(?:一)?年度(?:继续办理)?(?:的)?(?:申请)?" + N),),
    "open": (re.compile(r"(?:^|[，,、;；:：])(?:其中)?[，,]?予以公开(?:的)?(?:申请)?" + N),),
    "partial": (re.compile(r"(?:^|[，,、;；:：])(?:其中)?[，,]?部分公开(?:的)?(?:申请)?" + N),),
}
REVIEW = re.compile(r"行政复议(?:案件|申请)?(?:共|共计)?" + N)
LAWSUIT = re.compile(r"行政诉讼(?:案件)?(?:共|共计)?" + N)
NOT_THIS_YEAR = re.compile(r"上年|去年|上一年|同期|同比|较\d{4}年|\d{4}年以来")


def inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def stated(m: re.Match) -> Quantity:
    digits = m.group(m.lastindex - 1)
    start = m.start(m.lastindex - 1)
    unit, end = m.group(m.lastindex), m.end(m.lastindex)
    return Quantity(digits + unit, Decimal(digits), "件", 0, 1, "", start, end)


def lawsuits(t4: tuple[Cell, ...]) -> Cell | None:
    a, b = t4[9], t4[14]
    if a.q is None or b.q is None:
        return None
    q = Quantity(f"{a.raw}+{b.raw}", a.q.value + b.q.value, "件", 0, 1, "", a.start, b.start)
    return Cell("行政诉讼", "总计（两类之和）", q.raw, a.start, q)


def targets(t: Tables):
    """(patterns, table cell, word the context needs, cells to mark, cells whose sum may be
    meant instead) for each figure the prose may state."""
    cols = t.t3_columns
    if T.TOTAL in cols:
        i = cols.index(T.TOTAL)
        if "new" in t.t3:  # "共受理申请30件（含上年结转2件）" counts 一 + 二
            also = [t.t3[k][i] for k in ("new", "carried_in") if k in t.t3]
            yield NEW, t.t3["new"][i], "", [t.t3["new"][i]], also
        for key, patterns in PATTERNS.items():
            if key in t.t3:
                need = "申请" if key in ("open", "partial") else ""
                yield patterns, t.t3[key][i], need, [t.t3[key][i]], []
    if t.t4:
        yield (REVIEW,), t.t4[4], "政府信息公开", [t.t4[4]], []
        suits = lawsuits(t.t4)
        if suits:
            yield (LAWSUIT,), suits, "政府信息公开", [t.t4[9], t.t4[14]], []


def context(text: str, m: re.Match, line: str, needs: str) -> str:
    """Where `needs` must appear: the paragraph for 申请, the sentence for 政府信息公开 (a 行政复议
    count elsewhere in a paragraph about 信息公开 may be the body's own 复议 cases)."""
    if needs != "政府信息公开":
        return line
    start = max(text.rfind(p, 0, m.start()) for p in "。；\n") + 1
    return text[start : m.end()]


def narrative_claims(doc: Document, t: Tables) -> list[Claim]:
    out: list[Claim] = []
    text, seen = doc.text, set()
    for patterns, cell, needs, used, also in targets(t):
        for pattern in patterns:
            for m in pattern.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                before = text[max(line_start, m.start() - 12) : m.start()]
                if inside(t.spans, m.start()) or "|" in line or NOT_THIS_YEAR.search(before):
                    continue
                if (needs and needs not in context(text, m, line, needs)) or m.start() in seen:
                    continue
                seen.add(m.start())
                q = stated(m)
                table_line = doc.line_col(cell.start)[0]
                notes = (f"table: line {table_line}",)
                if pattern in NEW and "受理" in m.group(0):
                    notes += ("accepted: 受理",)  # at most what was received (新收)
                if cell.q is None:
                    notes += (f"blank: {name(cell)}",)
                sentence = context(text, m, line, "政府信息公开") + text[m.end() :].split("。")[0]
                counted_in = len(also) == 2 and "结转" in sentence and all(c.q for c in also)
                out.append(
                    Claim(
                        kind=ClaimKind.XXGK_NARRATIVE,
                        subject=name(cell),
                        stated=q,
                        previous=cell.q,
                        counts=tuple(c.q for c in also) if counted_in else (),
                        notes=notes + marks(doc, used),
                        **at(doc, q.start, q.end),
                    )
                )
    return out
