"""A 政府信息公开 report printed to PDF with ruled tables, the way tests/fixtures/make_pdfs.py
makes PDFs (no PDF library; STSong-Light, which every reader knows). 表三 runs over a page break,
its continuation without a header, as in the real reports."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from tests.fixtures.make_pdfs import chinese_pdf

if TYPE_CHECKING:
    from tests.xxgk_reports import Report

LEFT, ROW_H = 40, 15


def put(x: float, y: float, s: str, size: int = 7) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td <{s.encode('utf-16-be').hex().upper()}> Tj ET"


WRAP = 34  # characters of a label that fit its cell; a longer one wraps onto a second line


def height(cells: list[str]) -> int:
    return ROW_H * (2 if cells and len(cells[0]) > WRAP else 1)


def row_ops(top: float, xs: list[float], cells: list[str], size: int = 7) -> list[str]:
    """One ruled row: its box, a vertical at each boundary, each cell's text; a long first cell
    wraps onto a second line inside a row twice as tall."""
    bottom = top - height(cells)
    ops = [f"0.5 w {xs[0]} {y} m {xs[-1]} {y} l S" for y in (top, bottom)]
    ops += [f"0.5 w {x} {top} m {x} {bottom} l S" for x in xs]
    middle = (top + bottom) / 2 - 3
    for k, ((a, _), s) in enumerate(zip(pairwise(xs), cells, strict=False)):
        if k == 0 and len(s) > WRAP:
            ops += [put(a + 2, top - 11, s[:WRAP], size), put(a + 2, top - 25, s[WRAP:], size)]
        elif s:
            ops.append(put(a + 2, middle, s, size))
    return ops


def t3_lines(r: Report) -> list[list[str]]:
    from tests.xxgk_print import t3_rows

    out = []
    for section, group, item, cells in t3_rows(r):
        label = " ".join(x for x in (group or section, item) if x)
        out.append([label, *map(str, cells)])
    return out


def pages(r: Report) -> list[list[str]]:
    from tests.xxgk_print import prose, t2_rows

    y = 800
    first: list[str] = []
    for line in prose(r):
        first.append(put(LEFT, y, line[:38], 11))
        if len(line) > 38:
            y -= 16
            first.append(put(LEFT, y, line[38:], 11))
        y -= 20
    first.append(put(LEFT, y, "二、主动公开政府信息情况", 11))
    y -= 8
    xs2 = [LEFT, 200, 300, 400, 500]
    for row in t2_rows(r):
        first += row_ops(y, xs2, row)
        y -= ROW_H
    y -= 20
    first.append(put(LEFT, y, "三、收到和处理政府信息公开申请情况", 11))
    y -= 8
    xs3 = [LEFT, 300, *(300 + 36 * (i + 1) for i in range(7))]
    heads = ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]
    heads += ["其他", "总计"]
    first += row_ops(y, xs3, heads, 6)
    y -= ROW_H
    rows = t3_lines(r)
    second: list[str] = []
    page, at = first, y
    for i, cells in enumerate(rows):
        if i == 12:  # the page break falls inside 表三
            page, at = second, 800
        page += row_ops(at, xs3, cells)
        at -= height(cells)
    at -= 20
    second.append(put(LEFT, at, "四、政府信息公开行政复议、行政诉讼情况", 11))
    at -= 8
    xs4 = [LEFT + 34 * i for i in range(16)]
    groups = [xs4[0], xs4[5], xs4[10], xs4[15]]
    second += row_ops(at, groups, ["行政复议", "未经复议直接起诉", "复议后起诉"], 6)
    at -= ROW_H
    second += row_ops(at, xs4, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3, 6)
    at -= ROW_H
    second += row_ops(at, xs4, [str(v) for v in r.t4])
    return [first, second]


def report_pdf(r: Report) -> bytes:
    return chinese_pdf(["\n".join(p) for p in pages(r)])
