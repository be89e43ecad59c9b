"""The language of what lawaudit says: English or Chinese, one choice per run.

Every message site gives both languages in one expression, `tr(en=..., zh=...)`, so a rule's
wording stays beside its logic and a change to one language is seen next to the other. The
language in force is a context variable: the CLI sets it for its own output, and the engine
sets it from `Settings.lang` while rules run (in a worker process too), so output is the same
bytes for a given language whatever the locale of the machine that ran it.

JSON keys, rule IDs, statuses and severities never change with the language; only `message`,
`arithmetic` and what people read do.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

LANGS = ("zh", "en")
_LANG: ContextVar[str] = ContextVar("lawaudit_lang", default="en")

# Rounding modes as a Chinese reviewer names them.
MODE_ZH = {
    "half-up": "四舍五入",
    "half-even": "银行家舍入",
    "truncate": "截尾",
    "ceiling": "进位",
}
STATUS_ZH = {"pass": "通过", "fail": "不符", "unverifiable": "无法核验"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def lang() -> str:
    return _LANG.get()


def tr(en: str, zh: str) -> str:
    """The text in the language in force."""
    return zh if _LANG.get() == "zh" else en


def set_lang(value: str) -> None:
    _LANG.set(value if value in LANGS else "en")


@contextmanager
def language(value: str) -> Iterator[None]:
    token = _LANG.set(value if value in LANGS else "en")
    try:
        yield
    finally:
        _LANG.reset(token)


def locale_lang(env: Mapping[str, str] | None = None) -> str:
    """zh when the locale asks for Chinese (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads
    them: the first one set decides), else en."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


# The notes extraction attaches to a claim (where a guessed figure came from), in Chinese.
NOTES_ZH = (
    (re.compile(r"first stated on line (\d+)"), r"第\1行"),
    (re.compile(r"a 分别 list after its total"), "总数之后另起一句以“分别为”列出的分项"),
    (
        re.compile(r"the cases of (.+) are not stated; measured against (.+)"),
        r"未给出\1的案件数，暂以\2为分母",
    ),
    (re.compile(r"the table's (.+), line (\d+)"), r"第\2行表格中的\1"),
    (re.compile(r"previous (.+) taken from line (\d+)"), r"上期数值\1取自第\2行"),
    (re.compile(r"previous (.+) from (.+)"), r"上期数值\1取自\2"),
    (re.compile(r"whole (.+) taken from line (\d+)"), r"分母\1取自第\2行"),
    (re.compile(r"part is the sum of (.+)"), r"分子为\1之和"),
    (re.compile(r"parts and whole from line (\d+) on"), r"分项与总数取自第\1行起"),
    (re.compile(r"stated in (.+)"), r"见\1"),
    (re.compile(r"a table row against the table's first row"), "表格中的一行与首行比较"),
    (re.compile(r"the counts of a complete list of shares"), "一组完整占比所对应的数量"),
    (
        re.compile(r"whole (.+), the one most shares of its list fit"),
        r"分母\1：同组多数占比均与之相符",
    ),
    (
        re.compile(r"whole: the sum of the listed parts, (.+) \(not (.+)\)"),
        r"分母取所列各项之和\1（而非\2）",
    ),
    (
        re.compile(r"the list's shares fit no stated whole \(not (.+)\); see LA206"),
        r"该组占比与文中任何总数都不相符（不是\1），见LA206",
    ),
    (re.compile(r"the other shares of its list fit the whole (.+)"), r"同组其他占比均与总数\1相符"),
    (re.compile(r"a table column and its total row"), "表格一列与其合计行"),
    (re.compile(r"a table row's share of the total row"), "表格一行占合计行的比例"),
    (re.compile(r"a table row: (.+) of (.+)"), r"表格一行：\1以\2为分母"),
    (
        re.compile(r"a table row: the later period's share against the earlier one's"),
        "表格一行：本期占比与上期占比之差",
    ),
    (re.compile(r"a table row: (.+) = (.+)"), r"表格一行：\1 = \2（表头所列合计列）"),
    (
        re.compile(r"a table row: (.+) add up to it in the other rows"),
        r"表格一行：\1（在其他各行中恰好相加等于该列）",
    ),
    (
        re.compile(r"a table row: the later period's column against the earlier one's"),
        "表格一行：本期列与上期列比较",
    ),
    (
        re.compile(r"parts beside the total add up to it \(no 其中\)"),
        "总数后列出的各项之和恰等于总数（未写“其中”）",
    ),
    (
        re.compile(r"the numerator is the whole less the count of the opposite: (.+)"),
        r"分子为总数减去相反情形的数量：\1",
    ),
    (
        re.compile(r"the numerator is the outcomes of its kind together: (.+)"),
        r"分子为同类结果之和：\1",
    ),
    (
        re.compile(r"the share names no whole: the nearest total before it"),
        "占比未写明分母：取前文最近的总数",
    ),
    (
        re.compile(r"the whole is the cases closed less those withdrawn: (.+)"),
        r"分母为审结数减去撤诉数：\1",
    ),
    (
        re.compile(r"whole: the (.+) closed, of which (.+) in time"),
        r"分母为办结数\1，其中按时办结\2",
    ),
    (
        re.compile(r"(.+) handled; (.+) may be of fewer \(those who rated\)"),
        r"办理\1；\2的分母可能更少（参与评价的件数）",
    ),
    (re.compile(r"其余 is what the total leaves"), "“其余”即总数减去前项后所余"),
    (re.compile(r"合计 of the parts before it"), "合计、共计为其前所列各项之和"),
    (re.compile(r"closed \+ still open = received"), "已办结 + 在办 = 受理"),
    (
        re.compile(r"a list by one dimension, of the total stated on line (\d+)"),
        r"按某一维度分列，对应第\1行所述总数",
    ),
    (
        re.compile(r"the first parts add up to it exactly"),
        "前几项之和恰等于总数，其后各项另属一种分法",
    ),
    (re.compile(r"the text says cases were carried over"), "原文写明含结转案件"),
    # 政府信息公开 template tables (extract/xxgk*.py): where a cell is, and why a table that
    # looks like the template's could not be aligned (LA911)
    (re.compile(r"table: line (\d+)"), r"表格第\1行"),
    (re.compile(r"last year: (.+), line (\d+)"), r"见\1第\2行"),
    (re.compile(r"a row not in the template: (.+)"), r"模板中没有的行：\1"),
    (
        re.compile(r"no column header, and (\d+) cells in (.+)"),
        r"未找到表头，且\2有\1个单元格",
    ),
    (
        re.compile(r"(.+): its numbers are on a line apart from its label"),
        r"\1：数字与行名不在同一行",
    ),
    (re.compile(r"(.+): (\d+) cells for (\d+) columns"), r"\1：有\2个单元格，但表格有\3列"),
    (re.compile(r"(\d+) cells for (\d+) columns"), r"有\1个单元格，但表格有\2列"),
    (re.compile(r"(.+): cells not aligned"), r"\1：单元格无法与列对齐"),
    (re.compile(r"columns in an order not the template's"), "各列顺序与模板不同"),
    (
        re.compile(r"（七）总计 not found, so its columns are not checked"),
        "未找到（七）总计",
    ),
    (re.compile(r"(.+) twice"), r"\1出现两次"),
)


def note(text: str) -> str:
    """An extraction note in the language in force (known notes only; others as written)."""
    if lang() != "zh":
        return text
    for pattern, zh in NOTES_ZH:
        if pattern.fullmatch(text):
            return pattern.sub(zh, text)
    return text


def mode_name(mode: str) -> str:
    """A rounding mode in the language in force: 四舍五入, or half-up."""
    from lawaudit.arith import MODE_WORDS

    return tr(MODE_WORDS.get(mode, mode), MODE_ZH.get(mode, mode))


def modes_list(modes) -> str:
    """Several modes for a parenthesis: "half-up, half-even" or "四舍五入、银行家舍入"."""
    if lang() == "zh":
        return "、".join(MODE_ZH.get(m, m) for m in modes)
    return ", ".join(modes)


def either(words: list[str]) -> str:
    return tr(" or ".join(words), "或".join(words))


def status_word(status: str) -> str:
    return tr(status, STATUS_ZH.get(status, status))


def severity_word(severity: str) -> str:
    return tr(severity, SEVERITY_ZH.get(severity, severity))
