"""The 政府信息公开 template rules in Chinese: a reviewer in 政务公开办 who runs --lang zh
reads every message, arithmetic and rule summary in Chinese, with the template's own words
(表三, 本年新收, 总计) as printed; the English and the JSON values stay as they were."""

from __future__ import annotations

import random
import re

from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.model import Status
from lawaudit.rules import BY_ID
from lawaudit.rules.base import Settings
from lawaudit.rules.zh import ZH
from tests import xxgk_reports as X
from tests.conftest import audit_text

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b(but|the|table|says|prose|is|agrees|last|year|line|cells?|not)\b")
TEMPLATE_RULES = ("LA111", "LA112", "LA113", "LA114", "LA411", "LA412", "LA413", "LA911")


def fails(checks):
    return [c for c in checks if c.status is Status.FAIL]


def english_free(text: str) -> bool:
    """No English word outside the report's own file name (last.txt in these tests)."""
    return not ENGLISH.search(text.replace("last.txt", ""))


def test_a_broken_row_of_table_three_fails_in_chinese_and_in_the_same_english():
    report = X.make(random.Random(7), 2021)
    X.break_row(report)
    text = X.text(report)
    zh = fails(audit_text(text, settings=Settings(lang="zh")).checks)
    en = fails(audit_text(text, settings=Settings(lang="en")).checks)
    assert {(c.rule, c.subject) for c in zh} == report.expected
    for c in zh:
        assert CJK.search(c.message) and "表中为" in c.message, c.message
        assert "but the table says" not in c.message and english_free(c.message), c.message
        assert "表中为" in c.arithmetic and english_free(c.arithmetic), c.arithmetic
    for c in en:  # English as before
        assert ", but the table says " in c.message and "表中为" not in c.message
    same = [(c.rule, c.subject, c.values) for c in en]
    assert [(c.rule, c.subject, c.values) for c in zh] == same


def test_every_template_identity_broken_reads_in_chinese():
    """表三's rows, columns and 勾稽关系, 表四, the prose, and last year's report."""
    rng = random.Random(14)
    this = X.make(rng, 2021)
    last = X.last_year_of(this, rng)
    X.break_all(this)
    X.break_last_year(this, last)
    checks = audit_text(X.text(this), settings=Settings(lang="zh"), previous=X.text(last)).checks
    found = fails(checks)
    assert {(c.rule, c.subject) for c in found} == this.expected
    assert {c.rule for c in found} == set(TEMPLATE_RULES) - {"LA911"}
    for c in found:
        assert CJK.search(c.message) and english_free(c.message + c.arithmetic), c.message
    said = {c.rule: c.message for c in found}
    assert "勾稽关系" in said["LA113"] and "正文为" in said["LA411"]
    assert "见last.txt第" in said["LA412"] and "表中为" in said["LA413"]


def test_a_table_that_cannot_be_aligned_says_why_in_chinese():
    doc = BY_ID["LA911"].RULE.doc
    example = re.search(r"反例 \(fails\): (.+)", doc).group(1).replace("\\n", "\n")
    (notice,) = [c for c in audit_text(example, settings=Settings(lang="zh")).checks]
    assert notice.rule == "LA911" and notice.status is Status.UNVERIFIABLE
    assert "14个单元格" in notice.message and "15列" in notice.message, notice.message
    assert english_free(notice.message), notice.message


def test_a_blank_cell_is_named_in_chinese():
    lines = X.text(X.make(random.Random(3), 2021)).split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    cells = lines[row].split(" | ")
    cells[2] = "/"  # 商业企业
    lines[row] = " | ".join(cells)
    text = "\n".join(lines)
    checks = audit_text(text, settings=Settings(lang="zh")).checks
    blank = [c for c in checks if c.status is Status.UNVERIFIABLE and c.rule == "LA111"]
    assert blank, [c.message for c in checks]
    assert "无法核验" in blank[0].message and "不视为0" in blank[0].message, blank[0].message
    assert english_free(blank[0].message), blank[0].message


def test_rules_lang_zh_lists_the_template_rules_in_chinese():
    out = CliRunner().invoke(app, ["rules", "--lang", "zh"]).stdout
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    for rule_id in TEMPLATE_RULES:
        summary = ZH[rule_id][0]
        assert summary in lines[rule_id], lines[rule_id]
        assert summary != BY_ID[rule_id].RULE.summary
        assert CJK.search(summary.replace("政府信息公开", "").replace("表三", ""))
        assert not re.search(r"\b(of|the|report|that|is|not)\b", summary), summary
