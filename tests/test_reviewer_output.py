"""Issue 15: output a Chinese reviewer reads at a glance — the language, numbers as written,
findings first, any terminal width, and the small things a user trips on."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.i18n import locale_lang
from lawaudit.model import Check, FileResult, Report, Severity, Status
from lawaudit.report import Format, render
from lawaudit.report.table import STACK_BELOW, file_block, wrap
from tests.conftest import ROOT, SEED

runner = CliRunner()
BAD_RATE = "共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"
# a fail, a pass and an unverifiable rate, the pass first in the text
MIXED = (
    "受理投诉120件，办结120件。群众满意率99.07%。\n"
    "全年地区生产总值575.15亿元，其中第一产业100.00亿元、第二产业200.00亿元、第三产业275.10亿元。\n"
    "共受理2,495件，其中网上1,200件、窗口1,300件。\n" + BAD_RATE
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture
def mixed(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text(MIXED, encoding="utf-8")
    return p


# --- 1. language ---------------------------------------------------------------------------


def test_zh_json_keeps_keys_rule_ids_and_values_and_translates_messages(mixed):
    en = json.loads(run("check", mixed, "-f", "json", "--lang", "en").stdout)
    zh = json.loads(run("check", mixed, "-f", "json", "--lang", "zh").stdout)
    ce, cz = en["files"][0]["checks"], zh["files"][0]["checks"]
    assert [(c["rule"], c["status"], c["severity"], c["values"]) for c in ce] == [
        (c["rule"], c["status"], c["severity"], c["values"]) for c in cz
    ]
    assert [sorted(c) for c in ce] == [sorted(c) for c in cz]
    assert en["summary"] == zh["summary"]
    for c in cz:
        assert CJK.search(c["message"]), c["message"]
    for c in ce:  # English messages name no Chinese verdict words
        assert "报告写作" not in c["message"] + c["arithmetic"]


def test_zh_rate_message_names_what_the_counts_give_and_the_rounding_mode(mixed):
    zh = json.loads(run("check", mixed, "-f", "json", "--lang", "zh").stdout)
    rate = next(
        c for c in zh["files"][0]["checks"] if c["rule"] == "LA201" and c["status"] == "fail"
    )
    assert "98.95%" in rate["message"] and "98.96%" in rate["message"]
    assert "进位" in rate["message"]  # only rounding up gives it
    assert "四舍五入" in rate["arithmetic"] and "银行家舍入" in rate["arithmetic"]


def test_output_is_deterministic_for_a_language(mixed):
    for lang in ("zh", "en"):
        a = run("check", mixed, "-f", "json", "--lang", lang).stdout
        b = run("check", mixed, "-f", "json", "--lang", lang, env={"LANG": "zh_CN.UTF-8"}).stdout
        assert a == b


@pytest.mark.parametrize(
    "env, lang",
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL decides first
        ({"LANG": "C", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_default_language_follows_the_locale(env, lang):
    assert locale_lang(env) == lang


def test_the_locale_and_the_configuration_choose_the_language_and_lang_overrides(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BAD_RATE, encoding="utf-8")
    zh_env = {"LANG": "zh_CN.UTF-8"}
    assert "不符" in run("check", report, env=zh_env).stdout
    assert "不符" not in run("check", report, "--lang", "en", env=zh_env).stdout
    (tmp_path / "lawaudit.toml").write_text('lang = "zh"\n', encoding="utf-8")
    r = run("check", report)
    assert "不符" in r.stdout and "项检查" in r.stderr
    assert "不符" not in run("check", report, "--lang", "en").stdout
    (tmp_path / "lawaudit.toml").write_text('lang = "fr"\n', encoding="utf-8")
    bad = run("check", report)
    assert bad.exit_code == 2 and "lang" in bad.stderr


def test_rules_and_explain_in_chinese_keep_ids_and_the_docstrings_examples():
    from lawaudit.rules import ALL_RULES

    listing = run("rules", "--lang", "zh").stdout.splitlines()
    assert [line.split()[0] for line in listing] == [m.RULE.id for m in ALL_RULES]
    for m in ALL_RULES:
        text = run("explain", m.RULE.id, "--lang", "zh").stdout
        assert text.startswith(f"{m.RULE.id} {m.RULE.name}")
        assert CJK.search(text.split("\n", 2)[2][:20]), m.RULE.id  # the body opens in Chinese
        for example in re.findall(r"(?:反例|正例) \((?:fails|passes)\): (.+)", m.RULE.doc):
            assert example.strip() in text, (m.RULE.id, example)


def test_every_rule_case_has_a_chinese_message(monkeypatch):
    """The rules' own YAML cases, audited in zh: each message is Chinese (not English words)."""
    import yaml

    from lawaudit.rules.base import Settings
    from tests.conftest import audit_text

    english = re.compile(r"\b(agrees|stated|whole|only|rounding|parts|shares|the|is|not)\b")
    seen = 0
    for path in sorted((ROOT / "tests" / "rules" / "cases").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")).get("cases", []):
            text = case.get("text")
            if not isinstance(text, str):
                continue
            for c in audit_text(text, settings=Settings(lang="zh")).checks:
                seen += 1
                assert CJK.search(c.message), (path.name, c.message)
                without_notes = re.sub(r"（[^）]*）|\([^)]*\)", "", c.message)
                assert not english.search(without_notes), (path.name, c.message)
    assert seen > 50


# --- 2. numbers as written --------------------------------------------------------------------


def test_the_table_shows_numbers_as_the_report_wrote_them_and_json_keeps_base_units(mixed):
    out = run("check", mixed, "--lang", "zh", env={"COLUMNS": "160"}).stdout
    assert "575.15亿元 → 575.10亿元" in out
    assert "57515000000" not in out and "57510000000" not in out
    assert "1,200 + 1,300 = 2,500 > 2,495" in out  # grouped where the report grouped them
    data = json.loads(run("check", mixed, "-f", "json").stdout)
    total = next(c for c in data["files"][0]["checks"] if c["values"].get("total") == "57515000000")
    assert total["values"]["computed"] == "57510000000"


def test_a_summed_numerator_is_parenthesised(tmp_path):
    claims = tmp_path / "c.yaml"
    claims.write_text(
        "schema: lawaudit-claims/1\nclaims:\n  - kind: rate\n    subject: 满意率\n"
        "    stated: 77.11%\n    numerator: [783件, 579件, 562件]\n    denominator: 2495件\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", claims, "-f", "json").stdout)
    arithmetic = data["files"][0]["checks"][0]["arithmetic"]
    assert arithmetic.startswith("(783 + 579 + 562) / 2495 = ")


# --- 3. findings first ------------------------------------------------------------------------


def test_fails_come_first_and_unverifiable_checks_are_one_line(mixed):
    out = run("check", mixed, env={"COLUMNS": "160"}).stdout
    assert out.index("LA201") < out.index("LA202")  # the fail (line 4) before the pass (line 1)
    assert "99.07%" not in out
    assert "1 rate with no part or whole stated; --show-unverifiable lists them" in out
    shown = run("check", mixed, "--show-unverifiable", env={"COLUMNS": "160"}).stdout
    assert "99.07%" in shown and "--show-unverifiable lists" not in shown
    only = run("check", mixed, "--only-fails", env={"COLUMNS": "160"}).stdout
    assert "LA201" in only and "LA202" not in only and "not shown (--only-fails)" in only
    zh = run("check", mixed, "--lang", "zh").stdout
    assert "1 个比率未给出分子分母，用 --show-unverifiable 查看" in zh
    every = json.loads(run("check", mixed, "-f", "json", "--only-fails").stdout)
    assert {c["status"] for c in every["files"][0]["checks"]} == {"pass", "fail", "unverifiable"}


def _check(line, status=Status.FAIL, severity=Severity.ERROR, subject="满意率", col=1):
    return Check(
        "LA201",
        "rate-mismatch",
        status,
        severity,
        line,
        col,
        "满意率均为100%",
        "msg",
        "1 / 1 = 100%",
        {},
        subject,
    )


def test_fails_sort_by_severity_then_place_and_identical_checks_are_one_row():
    checks = (
        _check(9, severity=Severity.WARNING),
        _check(5, subject="办结率"),
        _check(5, subject="满意率"),  # same sentence, same arithmetic: one row
        _check(7),
    )
    out = file_block(FileResult("r.txt", checks), width=160)
    rows = [line for line in out.splitlines() if "LA201" in line]
    assert [re.search(r"\b\d+:\d+\b", r).group() for r in rows] == ["5:1", "7:1", "9:1"]
    assert "×2" in out and "also for 满意率" in out.replace("\n", " ")


def test_the_summary_line_gives_fails_by_severity_passes_and_coverage(mixed):
    r = run("check", mixed)
    assert r.stderr.startswith("5 checks in 1 file: 2 fail (1 error, 1 warning), 2 pass")
    assert "numbers checked (" in r.stderr
    zh = run("check", mixed, "--lang", "zh").stderr
    assert "不符 2 项（错误 1、警告 1）" in zh and "通过 2 项" in zh


# --- 4. fits the terminal ---------------------------------------------------------------------

NUMBER = re.compile(r"\d[\d,.]*\d%?|\d%?")


@pytest.mark.parametrize("columns", [80, 100, 160, 220])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_fits_the_width_and_never_cuts_a_number(mixed, columns, lang):
    out = run("check", mixed, "--lang", lang, env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    stacked = columns < STACK_BELOW
    assert any(line.lstrip().startswith(("原文", "quote")) for line in lines) == stacked
    for number in ("284", "287", "98.9547%", "98.96%", "575.15亿", "2,495"):
        assert number in out  # whole on some line
    # no line ends inside a number that the next line continues
    for a, b in itertools.pairwise(lines):
        assert not (a[-1:].isdigit() and b.strip()[:1].isdigit() and not b.startswith(" " * 8)), (
            a,
            b,
        )


def test_without_a_terminal_or_columns_the_table_is_100_wide(mixed):
    out = run("check", mixed).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 100
    assert any(line.lstrip().startswith("quote") for line in out.splitlines())  # stacked


def test_wrap_counts_chinese_as_two_columns_and_keeps_numbers_whole():
    text = "调处成功率：按所给分子分母计算应为98.95%，报告写作98.96%，只有进位才能得到" * 3
    for width in (10, 17, 30, 41):
        lines = wrap(text, width)
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(lines) == text
        assert all("98.9" not in line[-4:] or line.endswith(("%", "%，")) for line in lines)


def test_help_reads_cleanly_at_80_columns():
    for args in (["check", "-h"], ["--help"], ["extract", "-h"], ["rules", "-h"]):
        r = run(*args, env={"COLUMNS": "80"})
        assert r.exit_code == 0
        assert max(cell_len(line) for line in r.stdout.splitlines()) <= 80
    text = run("check", "--help", env={"COLUMNS": "80"}).stdout
    for name in ("markdown", "codeframe", "sarif", "half-even", "--show-unverifiable"):
        assert name in text


# --- 7. small things --------------------------------------------------------------------------


def test_one_check_is_not_plural(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BAD_RATE, encoding="utf-8")
    assert run("check", report).stderr.startswith("1 check in 1 file:")


def test_rules_columns_line_up():
    for lang in ("en", "zh"):
        lines = run("rules", "--lang", lang).stdout.splitlines()
        starts = {cell_len(re.match(r"(?:\S+\s+){3}", line).group()) for line in lines}
        assert len(starts) == 1, lang


def test_print_config_shows_chinese_as_chinese(tmp_path):
    (tmp_path / "lawaudit.toml").write_text('rate_words = ["满意度"]\n', encoding="utf-8")
    r = run("check", tmp_path / "x.txt", "--print-config")
    assert 'rate_words = ["满意度"]' in r.stdout and "\\u" not in r.stdout


def test_an_error_is_printed_once_on_stderr(tmp_path):
    missing = tmp_path / "missing.txt"
    r = run("check", missing)
    assert r.exit_code == 2 and r.stdout == ""
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].count(str(missing)) == 1


def test_previous_naming_the_report_itself_is_an_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BAD_RATE, encoding="utf-8")
    r = run("check", report, "--previous", report)
    assert r.exit_code == 2 and "itself" in r.stderr


def test_a_few_undecodable_bytes_are_replaced_with_one_warning(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes("第一行\n".encode() + b"\xff\xfe" + BAD_RATE.encode())
    r = run("check", report, "-f", "json")
    assert r.exit_code == 1  # audited: the bad rate fails
    warnings = [line for line in r.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "2 undecodable bytes" in warnings[0]
    assert "line 2, column 1" in warnings[0]
    data = json.loads(r.stdout)
    assert data["files"][0]["warnings"] == [warnings[0].split(": ", 3)[3]]
    strict = run("check", report, "--encoding", "utf-8")
    assert strict.exit_code == 2


def test_many_undecodable_bytes_are_still_an_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(bytes(range(128, 256)) * 4 + BAD_RATE.encode())
    assert run("check", report).exit_code == 2


def test_extract_refuses_to_overwrite_without_force(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(BAD_RATE, encoding="utf-8")
    out = tmp_path / "claims.yaml"
    out.write_text("corrected by hand\n", encoding="utf-8")
    r = run("extract", report, "-o", out)
    assert r.exit_code == 2 and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "corrected by hand\n"
    assert run("extract", report, "-o", out, "--force").exit_code == 0
    assert "schema: lawaudit-claims/1" in out.read_text(encoding="utf-8")


def test_h_is_help():
    assert run("check", "-h").stdout == run("check", "--help").stdout
    assert "Usage" in run("-h").stdout


def test_render_keeps_its_api(mixed):
    """Table render() of a hand-built report: the same rows as the CLI at that width."""
    report = Report((FileResult("r.txt", (_check(1),)),))
    assert "LA201" in render(report, Format.TABLE, width=160)
    assert SEED.exists()


# --- 6. claims files point into the report ------------------------------------------------------

HAND_CLAIM = (  # as extract writes its list: "- kind" at the margin
    "- kind: rate\n  subject: 手加满意率\n  stated: 98.96%\n"
    "  numerator: 284件\n  denominator: 287件\n"
)


@pytest.fixture
def claims(tmp_path, monkeypatch):
    """A report, its extracted claims, and one claim a person added at the end."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("extract", "report.txt", "-o", "claims.yaml").exit_code == 0
    text = (tmp_path / "claims.yaml").read_text(encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(text + HAND_CLAIM, encoding="utf-8")
    hand_line = len(text.splitlines()) + 1
    return hand_line


def test_claims_checks_point_at_the_report_in_every_format(claims):
    hand_line = claims
    data = json.loads(run("check", "claims.yaml", "-f", "json").stdout)
    checks = data["files"][0]["checks"]
    assert data["files"][0]["path"] == "claims.yaml"
    from_report = [c for c in checks if c.get("path") == "report.txt"]
    rate = next(c for c in from_report if c["rule"] == "LA201")
    assert (rate["line"], rate["column"]) == (29, 6)  # the seed's 调处成功率 98.96%
    hand = next(c for c in checks if c["subject"] == "手加满意率")
    assert (hand["path"], hand["line"], hand["column"]) == ("claims.yaml", hand_line, 1)
    github = run("check", "claims.yaml", "-f", "github").stdout
    assert "file=report.txt,line=29,col=6,title=LA201" in github
    assert f"file=claims.yaml,line={hand_line},col=1,title=LA201" in github
    assert "report.txt:29:6: LA201" in run("check", "claims.yaml", "-f", "concise").stdout
    sarif = json.loads(run("check", "claims.yaml", "-f", "sarif").stdout)
    places = {
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in sarif["runs"][0]["results"]
        if r["ruleId"] == "LA201"
    }
    assert places == {("report.txt", 29), ("claims.yaml", hand_line)}
    rows = [json.loads(x) for x in run("check", "claims.yaml", "-f", "jsonl").stdout.splitlines()]
    assert {(r["path"], r.get("file")) for r in rows if r["rule"] == "LA201"} == {
        ("report.txt", "claims.yaml"),
        ("claims.yaml", "claims.yaml"),
    }
    frame = run("check", "claims.yaml", "-f", "codeframe").stdout
    assert "report.txt:29:6: LA201" in frame and "98.96%" in frame
    assert "report.txt:29:6" in run("check", "claims.yaml", env={"COLUMNS": "160"}).stdout


def test_a_claims_file_elsewhere_finds_its_report_beside_it(claims, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path.parent)
    where = f"{tmp_path.name}/claims.yaml"
    data = json.loads(run("check", where, "-f", "json").stdout)
    paths = {c.get("path") for c in data["files"][0]["checks"]}
    assert f"{tmp_path.name}/report.txt" in paths


def test_reading_errors_follow_the_language(tmp_path):
    r = run("check", tmp_path / "missing.txt", "--lang", "zh")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("没有这个文件") == 1 and "no such file" not in r.stderr


def test_a_shares_row_shows_the_shares_and_their_sum(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("三次产业增加值占地区生产总值的比重分别为3.1%、45.0%和61.9%。\n", "utf-8")
    out = run("check", report).stdout  # 100 columns: the stacked blocks, a line each
    assert "values  3.1% + 45.0% + 61.9% → 110.0%" in out


def test_listed_items_that_hold_a_dun_hao_are_shown_apart():
    """A quoted list split at its commas keeps the 、 inside each item: the items are joined by
    ； so that the reader counts what the tool counted."""
    from lawaudit.rules import BY_ID
    from tests.conftest import audit_text

    rules = (BY_ID["LA103"],)
    (check,) = audit_text("着力破解“办事难、办事慢，多头跑、反复跑”两大难题。", rules).checks
    assert "办事难、办事慢；多头跑、反复跑" in check.arithmetic
    (check,) = audit_text("健全“市、县、乡”三级服务网络。", rules).checks
    assert "市、县、乡" in check.arithmetic
