"""政府信息公开工作年度报告 built from numbers: consistent ones, or with chosen identities broken.

Used by tests/test_xxgk.py (one report per format, each identity broken once) and by
bench/xxgk.py (a thousand of them). `make()` draws a consistent report, `break_*` edits it so
exactly one kind of identity fails, and `text()`, `html()`, `docx()` and `pdf()` print it the way
reports are published: rows joined by "|", an HTML table with rowspan and colspan, a Word table
with merged cells, a PDF with ruled tables (表三 runs over a page break).

A single cell is part of one row identity and one column identity, so each break changes the
fewest cells that fail only its own kind: the checks it fails are listed in `Report.expected`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
DENY = (
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
)
NONE = ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")
REJECT = (
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
)
OTHER21 = (
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
)
T4_HEAD = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def result_rows(fmt: int) -> list[tuple[str, str, str]]:
    """(key, group label, item label) of 表三's result rows in the given format."""
    rows = [
        ("open", "（一）予以公开", ""),
        ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ]
    for group, items, key in (
        ("（三）不予公开", DENY, "deny"),
        ("（四）无法提供", NONE, "none"),
        ("（五）不予处理", REJECT, "reject"),
    ):
        rows += [(f"{key}.{i}", group, f"{i}.{t}") for i, t in enumerate(items, 1)]
    if fmt == 2021:
        rows += [(f"other.{i}", "（六）其他处理", f"{i}.{t}") for i, t in enumerate(OTHER21, 1)]
    else:
        rows.append(("other", "（六）其他处理", ""))
    return rows


@dataclass
class Report:
    fmt: int  # 2021 or 2019
    year: int
    t3: dict[str, list[int]]  # row key -> 7 cells (the last is 总计)
    t4: list[int]  # 15 cells
    t2: dict[str, list[int]]  # 规章 / 行政规范性文件 -> 制发, 废止, 现行有效
    prose_partial: int | None = None  # when the prose says another 部分公开 than the table
    expected: set[tuple[str, str]] = field(default_factory=set)  # (rule, subject) that must fail

    def total_col(self, key: str) -> int:
        return self.t3[key][6]


def make(rng: random.Random, fmt: int = 2021, year: int = 2024, carried_in=None) -> Report:
    """A consistent report; `carried_in` (6 applicant cells) fixes 二、上年结转."""
    t3: dict[str, list[int]] = {}
    keys = [k for k, _, _ in result_rows(fmt)]
    for key in keys:
        t3[key] = [
            rng.choice((0, 0, 0, 1, 2, 5)) if c < 2 or rng.random() < 0.2 else 0 for c in range(6)
        ]
    t3["total"] = [sum(t3[k][c] for k in keys) for c in range(6)]
    t3["carried_out"] = [rng.choice((0, 0, 1)) for _ in range(6)]
    cin = list(carried_in) if carried_in else [rng.choice((0, 0, 1)) for _ in range(6)]
    cin = [min(c, t3["total"][i] + t3["carried_out"][i]) for i, c in enumerate(cin)]
    t3["carried_in"] = cin
    t3["new"] = [t3["total"][c] + t3["carried_out"][c] - cin[c] for c in range(6)]
    for row in t3.values():
        row.append(sum(row))
    t4 = []
    for _ in range(3):
        outcomes = [rng.choice((0, 0, 1, 2)) for _ in range(4)]
        t4 += [*outcomes, sum(outcomes)]
    t2 = {}
    for name in ("规章", "行政规范性文件"):
        issued, repealed = rng.randint(0, 4), rng.randint(0, 2)
        t2[name] = [issued, repealed, rng.randint(repealed, 30) + issued]
    return Report(fmt, year, t3, t4, t2)


def last_year_of(this: Report, rng: random.Random) -> Report:
    """Last year's consistent report: its 四 is this year's 二, its 现行有效 leads to this one's."""
    last = make(rng, this.fmt, this.year - 1)
    cout = this.t3["carried_in"][:6]
    for c in range(6):  # keep last year's 勾稽关系: new = total + carried_out − carried_in
        last.t3["carried_in"][c] = min(last.t3["carried_in"][c], last.t3["total"][c] + cout[c])
        last.t3["new"][c] = last.t3["total"][c] + cout[c] - last.t3["carried_in"][c]
    last.t3["carried_out"] = cout
    for key in ("new", "carried_in", "carried_out"):
        last.t3[key] = [*last.t3[key][:6], sum(last.t3[key][:6])]
    for name, (issued, repealed, in_force) in this.t2.items():
        last.t2[name][2] = in_force - issued + repealed
    return last


ROW, COL, BAL = "一、本年新收政府信息公开申请数量", "三、本年度办理结果（七）总计", "表三"


def break_row(r: Report) -> None:
    """LA111: 总计 of 一 and of 四 one more (the 总计 column's 勾稽关系 still holds)."""
    r.t3["new"][6] += 1
    r.t3["carried_out"][6] += 1
    r.expected |= {("LA111", f"{ROW} · 总计"), ("LA111", "四、结转下年度继续办理 · 总计")}


def break_column(r: Report) -> None:
    """LA112: （一）予以公开 one more for 自然人 (and its row's 总计): results exceed （七）."""
    r.t3["open"][0] += 1
    r.t3["open"][6] += 1
    r.expected |= {("LA112", f"{COL} · 自然人"), ("LA112", f"{COL} · 总计")}


def break_balance(r: Report) -> None:
    """LA113: 一、本年新收 one more for 商业企业 (and its row's 总计)."""
    r.t3["new"][1] += 1
    r.t3["new"][6] += 1
    r.expected |= {("LA113", f"{BAL} · 商业企业"), ("LA113", f"{BAL} · 总计")}


def break_review(r: Report) -> None:
    """LA114: 行政复议 总计 one more than its four outcomes."""
    r.t4[4] += 1
    r.expected.add(("LA114", "行政复议 · 总计"))


def break_prose(r: Report) -> None:
    """LA411: the prose's 部分公开 one more than the table's."""
    r.prose_partial = r.total_col("partial") + 1
    r.expected.add(("LA411", "三、本年度办理结果（二）部分公开 · 总计"))


def break_last_year(this: Report, last: Report) -> None:
    """LA412 and LA413: last year's 四 for 自然人 one more (its 一 too, to stay consistent), and
    last year's 现行有效件数 of 行政规范性文件 one less."""
    for key in ("carried_out", "new"):
        last.t3[key][0] += 1
        last.t3[key][6] += 1
    this.expected |= {
        ("LA412", "二、上年结转政府信息公开申请数量 · 自然人"),
        ("LA412", "二、上年结转政府信息公开申请数量 · 总计"),
    }
    if this.fmt == 2021:
        last.t2["行政规范性文件"][2] -= 1
        this.expected.add(("LA413", "行政规范性文件 · 现行有效件数"))


def break_all(r: Report) -> None:
    for edit in (break_row, break_column, break_balance, break_review, break_prose):
        edit(r)


from tests.xxgk_print import docx, html, pdf, text  # noqa: E402  (printers, kept apart)

__all__ = [
    "Report",
    "break_all",
    "break_last_year",
    "docx",
    "html",
    "last_year_of",
    "make",
    "pdf",
    "text",
]
