"""Print a tests/xxgk_reports.Report as it is published: text, HTML, Word and PDF."""

from __future__ import annotations

import html as H
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.xxgk_reports import Report

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def prose(r: Report) -> list[str]:
    t = r.t3
    partial = r.prose_partial if r.prose_partial is not None else t["partial"][6]
    suits = r.t4[9] + r.t4[14]
    return [
        f"{r.year}年政府信息公开工作年度报告",
        "一、总体情况",
        f"{r.year}年，本机关共收到政府信息公开申请{t['new'][6]}件，上年结转政府信息公开申请"
        f"{t['carried_in'][6]}件。其中，予以公开{t['open'][6]}件，部分公开{partial}件。",
        f"全年因政府信息公开被申请行政复议{r.t4[4]}件，被提起行政诉讼{suits}件。",
    ]


def t2_rows(r: Report) -> list[list[str]]:
    if r.fmt == 2021:
        head = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
        return [head, *([name, *map(str, v)] for name, v in r.t2.items())]
    head = ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
    names = {"规章": "规章", "行政规范性文件": "规范性文件"}
    return [head, *([names[n], str(v[0]), str(v[0]), str(v[2])] for n, v in r.t2.items())]


def t3_rows(r: Report) -> list[tuple[str, str, str, list[int]]]:
    """(section, group, item, cells) in print order."""
    from tests.xxgk_reports import result_rows

    t = r.t3
    out = [
        ("一、本年新收政府信息公开申请数量", "", "", t["new"]),
        ("二、上年结转政府信息公开申请数量", "", "", t["carried_in"]),
    ]
    out += [("三、本年度办理结果", g, i, t[k]) for k, g, i in result_rows(r.fmt)]
    out.append(("三、本年度办理结果", "（七）总计", "", t["total"]))
    out.append(("四、结转下年度继续办理", "", "", t["carried_out"]))
    return out


def text(r: Report) -> str:
    """Rows joined by "|", as the readers write tables; some digits full-width, a word spaced."""
    lines = [*prose(r), "二、主动公开政府信息情况", "第二十条第（一）项"]
    lines += ["|".join(row) for row in t2_rows(r)]
    lines += [
        "三、收到和处理政府信息公开申请情况",
        f"{NOTE}|申请人情况",
        "自然人|法人或其他组织|总计",
        "商业 企业|科研 机构|社会公益组织|法律服务机构|其他",
    ]
    last = ("", "")
    for section, group, item, cells in t3_rows(r):
        labels = [x for x in (section, group, item) if x and x not in last]
        last = (section, group)
        values = [str(v).translate(FULL) if i == 0 else str(v) for i, v in enumerate(cells)]
        lines.append(" | ".join([*labels, *values]))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议|行政诉讼",
        "结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉",
        "|".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
        "|".join(map(str, r.t4)),
        "五、存在的主要问题及改进情况",
        "无。",
    ]
    return "\n".join(lines) + "\n"


def td(s, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{span}>{H.escape(str(s))}</td>"


def html(r: Report) -> str:
    """A government page: the prose in <p>, tables with rowspan and colspan, header rows merged."""
    from tests.xxgk_reports import result_rows

    body = [f"<p>{H.escape(p)}</p>" for p in prose(r)]
    body.append("<p>二、主动公开政府信息情况</p><table>")
    body.append(f"<tr>{td('第二十条第（一）项', colspan=4)}</tr>")
    body += ["<tr>" + "".join(td(c) for c in row) + "</tr>" for row in t2_rows(r)]
    body.append("</table><p>三、收到和处理政府信息公开申请情况</p><table>")
    body.append(f"<tr>{td(NOTE, 3, 3)}{td('申请人情况', colspan=7)}</tr>")
    body.append(f"<tr>{td('自然人', 2)}{td('法人或其他组织', colspan=5)}{td('总计', 2)}</tr>")
    body.append(
        "<tr>"
        + "".join(td(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))
        + "</tr>"
    )
    sizes: dict[str, int] = {}
    for _, group, _item in result_rows(r.fmt):
        sizes[group] = sizes.get(group, 0) + 1
    n_results = len(result_rows(r.fmt)) + 1
    seen: set[str] = set()
    for section, group, item, cells in t3_rows(r):
        values = "".join(td(v) for v in cells)
        if not group:
            body.append(f"<tr>{td(section, colspan=3)}{values}</tr>")
            continue
        head = td(section, n_results) if section not in seen else ""
        seen.add(section)
        if item:
            lead = td(group, sizes[group]) if group not in seen else ""
            seen.add(group)
            body.append(f"<tr>{head}{lead}{td(item)}{values}</tr>")
        else:
            body.append(f"<tr>{head}{td(group, colspan=2)}{values}</tr>")
    body.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>")
    body.append(f"<tr>{td('行政复议', colspan=5)}{td('行政诉讼', colspan=10)}</tr>")
    body.append(
        "<tr>"
        + "".join(td(h, 2) for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
        + td("未经复议直接起诉", colspan=5)
        + td("复议后起诉", colspan=5)
        + "</tr>"
    )
    body.append(
        "<tr>"
        + "".join(td(h) for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2)
        + "</tr>"
    )
    body.append("<tr>" + "".join(td(v) for v in r.t4) + "</tr></table>")
    title = H.escape(prose(r)[0])
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><div class="TRS_Editor">{"".join(body)}</div></body></html>\n'
    )


def docx(r: Report, path) -> None:
    """A Word file: the prose as paragraphs, each table a Word table with merged cells."""
    import docx as d

    doc = d.Document()
    for p in prose(r):
        doc.add_paragraph(p)
    doc.add_paragraph("二、主动公开政府信息情况")
    rows = t2_rows(r)
    table = doc.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            table.cell(i, j).text = v
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    body = t3_rows(r)
    table = doc.add_table(rows=3 + len(body), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = NOTE
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for j, h in enumerate(("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")):
        table.cell(2, 4 + j).text = h
    spans: dict[tuple[int, str], list[int]] = {}  # (column, label) -> its rows, to merge
    for i, (section, group, item, cells) in enumerate(body, start=3):
        if not group:  # 一, 二, 四: the label across the three label columns
            table.cell(i, 0).merge(table.cell(i, 2)).text = section
        elif not item:  # （一）, （二）, （七）: under 三, across two label columns
            spans.setdefault((0, section), []).append(i)
            table.cell(i, 1).merge(table.cell(i, 2)).text = group
        else:
            spans.setdefault((0, section), []).append(i)
            spans.setdefault((1, group), []).append(i)
            table.cell(i, 2).text = item
        for j, v in enumerate(cells):
            table.cell(i, 3 + j).text = str(v)
    for (col, label), rows in spans.items():  # 三、本年度办理结果 and each group: merged down
        table.cell(rows[0], col).merge(table.cell(rows[-1], col)).text = label
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = doc.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for j, h in enumerate(T4 := ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")):
        table.cell(1, j).merge(table.cell(2, j)).text = h
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for j, h in enumerate(T4 * 2):
        table.cell(2, 5 + j).text = h
    for j, v in enumerate(r.t4):
        table.cell(3, j).text = str(v)
    doc.add_paragraph("五、存在的主要问题及改进情况")
    doc.save(str(path))


def pdf(r: Report) -> bytes:
    from tests.xxgk_pdf import report_pdf

    return report_pdf(r)
