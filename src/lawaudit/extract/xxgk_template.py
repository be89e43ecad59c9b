"""The national 政府信息公开工作年度报告 template: its rows and columns, in its own words.

国办公开办函〔2021〕30号 (the 2021 format) and 国办公开办函〔2019〕60号 (the 2019 format) share
表三's rows but for （六）其他处理, one row in 2019 and three sub-items in 2021; a report may mix
them. Each row has a key, the words the template prints (used in messages), and the words that
recognise it in a label however it was cut, spaced or numbered.
"""

from __future__ import annotations

import re
import unicodedata

# 表三 rows: key, the template's words, words that recognise the row (any one is enough).
T3_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("new", "一、本年新收政府信息公开申请数量", ("本年新收",)),
    ("carried_in", "二、上年结转政府信息公开申请数量", ("上年结转",)),
    ("open", "三、本年度办理结果（一）予以公开", ("予以公开",)),
    ("partial", "三、本年度办理结果（二）部分公开", ("部分公开",)),
    ("deny.1", "（三）不予公开 1.属于国家秘密", ("国家秘密",)),
    ("deny.2", "（三）不予公开 2.其他法律行政法规禁止公开", ("禁止公开", "其他法律行政")),
    ("deny.3", "（三）不予公开 3.危及“三安全一稳定”", ("三安全", "一稳定")),
    ("deny.4", "（三）不予公开 4.保护第三方合法权益", ("第三方合法权益",)),
    ("deny.5", "（三）不予公开 5.属于三类内部事务信息", ("内部事务",)),
    ("deny.6", "（三）不予公开 6.属于四类过程性信息", ("过程性",)),
    ("deny.7", "（三）不予公开 7.属于行政执法案卷", ("执法案卷",)),
    ("deny.8", "（三）不予公开 8.属于行政查询事项", ("行政查询",)),
    ("none.1", "（四）无法提供 1.本机关不掌握相关政府信息", ("不掌握",)),
    ("none.2", "（四）无法提供 2.没有现成信息需要另行制作", ("另行制作", "没有现成")),
    ("none.3", "（四）无法提供 3.补正后申请内容仍不明确", ("补正后", "仍不明确")),
    ("reject.1", "（五）不予处理 1.信访举报投诉类申请", ("信访举报",)),
    ("reject.2", "（五）不予处理 2.重复申请", ("重复申请",)),
    ("reject.3", "（五）不予处理 3.要求提供公开出版物", ("公开出版物",)),
    ("reject.4", "（五）不予处理 4.无正当理由大量反复申请", ("大量反复",)),
    ("reject.5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", ("重新出具",)),
    ("other.1", "（六）其他处理 1.申请人无正当理由逾期不补正", ("逾期不补正",)),
    ("other.2", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", ("收费通知", "缴纳费用")),
    ("other.3", "（六）其他处理 3.其他", ()),
    ("other", "（六）其他处理", ("其他处理",)),
    ("total", "三、本年度办理结果（七）总计", ("总计",)),
    ("carried_out", "四、结转下年度继续办理", ("结转下年度",)),
)
T3_NAME = {key: words for key, words, _ in T3_ROWS}
GROUPS = {"不予公开": "deny", "无法提供": "none", "不予处理": "reject", "其他处理": "other"}
RESULTS_2019 = (
    "open",
    "partial",
    *(f"deny.{i}" for i in range(1, 9)),
    *(f"none.{i}" for i in range(1, 4)),
    *(f"reject.{i}" for i in range(1, 6)),
)

# 表三 columns: the applicant kinds; 小计 is a 法人或其他组织 subtotal some reports add.
PERSON, TOTAL, LEGAL, SUBTOTAL = "自然人", "总计", "法人或其他组织", "小计"
SUBCOLUMNS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
STANDARD_COLUMNS = (PERSON, *SUBCOLUMNS, TOTAL)
HEADER_WORDS = frozenset({PERSON, TOTAL, LEGAL, "申请人情况", "合计", SUBTOTAL, *SUBCOLUMNS})

# 表四: fifteen columns under three groups, each ending in its 总计.
T4_GROUPS = ("行政复议", "行政诉讼 · 未经复议直接起诉", "行政诉讼 · 复议后起诉")
T4_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_WORDS = frozenset({"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *T4_OUTCOMES})

# 表二 第二十条第（一）项: 规章 and 行政规范性文件 (2019: 规范性文件) by three columns.
T2_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
T2_ROWS = {"规章": "规章", "行政规范性文件": "行政规范性文件", "规范性文件": "行政规范性文件"}

BLANKS = frozenset({"", "/", "-", "—", "——", "－", "无", "\\", "--", "—-", "－－"})
NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
NUMBERED = re.compile(r"^[(（]?(\d{1,2})[.、)）]")
QUOTES = str.maketrans("", "", "“”\"'‘’「」 \t\u3000")


def norm(cell: str) -> str:
    """A label as compared: full-width folded, spaces and quotes removed ("商业 企业")."""
    return unicodedata.normalize("NFKC", cell).translate(QUOTES)


def t3_row(label: str, group: str) -> str | None:
    """The key of the 表三 row a (joined, normalised) label names; `group` is the last group
    heading seen (不予公开, 无法提供 …), for sub-items known only by their number."""
    item = label
    for heading in GROUPS:  # "(三)不予公开1.属于国家秘密": the sub-item is after the heading
        if heading in label and not label.endswith(heading):
            item = label.split(heading, 1)[1]
    keys = [k for k, _, words in T3_ROWS if k != "total" and any(w in item for w in words)]
    if len(keys) > 1 and keys != ["other.1", "other"] and keys != ["other.2", "other"]:
        return None  # two rows' words in one label: cells that may belong to either
    if keys:
        return keys[0]
    if "总计" in item:
        return "total"
    m = NUMBERED.match(item)
    group = next((g for h, g in GROUPS.items() if h in label), group)
    if group == "other" and (item.endswith("其他") or (m and m.group(1) == "3")):
        return "other.3"
    if m and group:
        key = f"{group}.{m.group(1)}"
        return key if key in T3_NAME else None
    return None


def group_of(label: str) -> str:
    """The group a heading label opens ("(三)不予公开" -> "deny"), or ""."""
    return next((g for h, g in GROUPS.items() if h in label), "")


def words_of(key: str, words: frozenset[str]) -> list[str]:
    """The template words a header cell is made of, longest first from the left: a PDF's text
    may run a header row together ("自然人商业企业科研机构…总计"); [] when it holds other text."""
    out, i = [], 0
    ordered = sorted(words, key=len, reverse=True)
    while i < len(key):
        word = next((w for w in ordered if key.startswith(w, i)), None)
        if word is None:
            return []
        out.append(word)
        i += len(word)
    return out
