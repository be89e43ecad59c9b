"""The machine and review formats: sarif, github, junit, jsonl, markdown, concise, codeframe.

Each is run on the seed through the CLI (exit code and bytes) and rendered from one hand-built
report whose text holds what breaks formats: CJK, `|`, `%`, `:`, `,`, a line break, and a file
that could not be read.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.engine import audit
from lawaudit.extract import extract
from lawaudit.model import Check, FileResult, Report, Severity, Status
from lawaudit.readers import read
from lawaudit.report import Format, render, summary
from lawaudit.report.json import check_dict
from tests.conftest import ROOT, SEED

NEW = ("sarif", "github", "junit", "jsonl", "markdown", "concise", "codeframe")
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
SEED_REL = SEED.relative_to(ROOT).as_posix()
runner = CliRunner()


def check(status: Status, severity: Severity, **kw) -> Check:
    fields = {
        "rule": "LA201",
        "name": "rate-mismatch",
        "line": 3,
        "column": 7,
        "quote": "调处成功率 98.96% | 满意率",
        "message": "调处成功率 98.96%: a|b, c:d\nsecond line",
        "arithmetic": "284 / 287 = 98.9547% → 98.95%; stated 98.96%",
        "values": {"stated": "98.96", "computed": "98.9547"},
        "subject": "调处成功率",
    }
    return Check(status=status, severity=severity, **(fields | kw))


HAND = Report(
    (
        FileResult(
            "报告/a,b:c.txt",
            (
                check(Status.PASS, Severity.ERROR, rule="LA202", name="completion"),
                check(Status.FAIL, Severity.ERROR),
                check(Status.FAIL, Severity.WARNING, line=0, column=0),  # claims file: no place
                check(Status.UNVERIFIABLE, Severity.INFO, rule="LA203", name="rate-granularity"),
                check(Status.FAIL, Severity.INFO, rule="LA402", name="report-period", page=2),
            ),
        ),
        FileResult("/abs/missing.txt", error="cannot read: No such file"),
    )
)


def run_cli(tmp_path, fmt: str, *args: str) -> tuple[int, bytes]:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["check", *args, "-j", "1", "-f", fmt, "-o", str(out)])
    return result.exit_code, out.read_bytes() if out.exists() else b""


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths as given: the seed as a relative path


# --- every format ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", NEW)
def test_the_format_never_changes_the_exit_code(tmp_path, at_root, fmt):
    for extra, expected in (((), 1), (("--fail-on", "never"), 0)):
        table_code, _ = run_cli(tmp_path, "table", SEED_REL, *extra)
        code, text = run_cli(tmp_path, fmt, SEED_REL, *extra)
        assert code == table_code == expected
        assert text
    code, _ = run_cli(tmp_path, fmt, SEED_REL, "no/such/file.txt")
    assert code == 2


@pytest.mark.parametrize("fmt", NEW)
def test_output_is_the_same_bytes_every_time(tmp_path, at_root, fmt):
    _, first = run_cli(tmp_path, fmt, SEED_REL)
    _, second = run_cli(tmp_path, fmt, SEED_REL)
    assert first == second
    assert str(ROOT) not in first.decode("utf-8")  # relative paths stay relative
    assert render(HAND, Format(fmt)) == render(HAND, Format(fmt))


@pytest.mark.parametrize("fmt", NEW)
def test_render_and_stream_give_the_same_text(fmt):
    from lawaudit.report import stream

    parts: list[str] = []
    tally = stream(HAND.files, Format(fmt), parts.append)
    assert "".join(parts) == render(HAND, Format(fmt))
    assert tally.summary() == summary(HAND)


# Text a report or a path can hold that formats give meaning to: rich markup and emoji codes,
# XML and HTML, Markdown tables, workflow commands, JSON escapes, control characters.
CONTROL = {0: None, 0x1B: None}
TOKENS = (
    "[b]",
    "[/i]",
    "[",
    "]",
    ":dog:",
    "::",
    ":",
    "<a>",
    "&amp;",
    "|",
    "%25",
    "%",
    "\\",
    '"',
    "`",
    "*",
    "_",
    "#",
    "\r\n",
    "\t",
    "\x00",
    "\x1b[31m",
    " ",
    "调处率",
    "98.96%",
    "/",
)
TRICKY = st.lists(st.sampled_from(TOKENS), max_size=8).map("".join)


@settings(max_examples=60, deadline=None)
@given(quote=TRICKY, message=TRICKY, path=TRICKY.filter(str.strip))
def test_no_text_in_a_check_or_a_path_makes_a_format_raise(quote, message, path):
    checks = (
        check(Status.FAIL, Severity.ERROR, quote=quote, message=message, arithmetic=message),
        check(Status.UNVERIFIABLE, Severity.INFO, quote=quote, subject=quote),
    )
    report = Report((FileResult(path, checks), FileResult(path + "x", error=message)))
    for fmt in Format:
        assert render(report, fmt)
    ET.fromstring(render(report, Format.JUNIT))  # well-formed XML, whatever the text holds
    assert json.loads(render(report, Format.SARIF))["runs"][0]["results"]
    assert json.loads(render(report, Format.JSON))["files"][0]["checks"][0]["quote"] == quote
    assert all(json.loads(line) for line in render(report, Format.JSONL).splitlines())
    table = render(report, Format.TABLE, width=4000).translate(CONTROL)
    for line in (quote, message, path):  # shown as written, less the control characters
        for part in line.translate(CONTROL).split():
            assert part in table


# --- sarif -------------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema(tmp_path, at_root):
    _, text = run_cli(tmp_path, "sarif", SEED_REL)
    for log in (json.loads(text), json.loads(render(HAND, Format.SARIF))):
        jsonschema.validate(log, SCHEMA)


def test_sarif_holds_every_check_with_its_kind_and_place(tmp_path, at_root):
    from lawaudit.rules import ALL_RULES

    _, text = run_cli(tmp_path, "sarif", SEED_REL)
    run = json.loads(text)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [m.RULE.id for m in ALL_RULES]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    checks = json.loads(runner.invoke(app, ["check", SEED_REL, "-f", "json"]).stdout)
    checks = checks["files"][0]["checks"]
    assert len(run["results"]) == len(checks)
    kinds = {"pass": "pass", "fail": "fail", "unverifiable": "review"}
    for res, c in zip(run["results"], checks, strict=True):
        assert res["ruleId"] == c["rule"]
        assert rules[res["ruleIndex"]]["id"] == c["rule"]
        assert res["kind"] == kinds[c["status"]]
        if c["status"] == "fail":
            assert (
                res["level"]
                == {"error": "error", "warning": "warning", "info": "note"}[c["severity"]]
            )
        else:
            assert res["level"] == "none"
        assert c["arithmetic"] in res["message"]["text"]
        location = res["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": SEED_REL, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (c["line"], c["column"])
        if "endColumn" in region:  # one past the stated number, when the engine knows it
            assert (region["endLine"], region["endColumn"]) > (c["line"], c["column"])


def test_sarif_paths_unreadable_files_and_unknown_places():
    run = json.loads(render(HAND, Format.SARIF))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris[0] == {"uri": "%E6%8A%A5%E5%91%8A/a%2Cb%3Ac.txt", "uriBaseId": "%SRCROOT%"}
    assert "region" not in run["results"][2]["locations"][0]["physicalLocation"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notice = invocation["toolExecutionNotifications"][0]
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/missing.txt"
    }


# --- github ------------------------------------------------------------------------------------


def test_github_annotations_escape_data_and_properties():
    lines = render(HAND, Format.GITHUB).splitlines()
    assert len(lines) == 4 + 1  # the four checks that did not pass, and the unreadable file
    first = lines[0]
    assert first.startswith("::error file=报告/a%2Cb%3Ac.txt,line=3,col=7,title=LA201::")
    message = first.split("::", 2)[2]
    assert "98.96%25" in message and "%0Asecond line" in message
    assert "a|b, c:d" in message  # : and , are escaped in properties only
    assert "\n" not in message and "%" not in message.replace("%25", "").replace("%0A", "")
    assert lines[1].startswith("::warning file=报告/a%2Cb%3Ac.txt,title=LA201::")
    assert lines[2].startswith("::notice file=报告/a%2Cb%3Ac.txt,line=3,col=7,title=LA203::")
    assert lines[3].startswith("::notice ") and "title=LA402" in lines[3]
    assert lines[4].startswith("::error file=/abs/missing.txt,title=lawaudit::")


def test_github_escaping_order():
    from lawaudit.report.github import escape_data, escape_property

    assert escape_data("100%\r\n") == "100%25%0D%0A"
    assert escape_property("a%3A:b,c") == "a%253A%3Ab%2Cc"


# --- junit -------------------------------------------------------------------------------------


def test_junit_parses_and_its_counts_match_the_summary(tmp_path, at_root):
    _, text = run_cli(tmp_path, "junit", SEED_REL)
    for xml_text, report_summary in (
        (text.decode("utf-8"), None),
        (render(HAND, Format.JUNIT), summary(HAND)),
    ):
        root = ET.fromstring(xml_text.encode("utf-8"))
        if report_summary is None:
            data = json.loads(runner.invoke(app, ["check", SEED_REL, "-f", "json"]).stdout)
            report_summary = data["summary"]
        s = report_summary
        assert root.tag == "testsuites"
        assert int(root.get("tests")) == s["checks"] + s["unreadable"]
        assert int(root.get("failures")) == s["fail"]
        assert int(root.get("skipped")) == s["unverifiable"]
        assert int(root.get("errors")) == s["unreadable"]
        assert len(root.findall("testsuite")) == s["files"]
        for suite in root.findall("testsuite"):
            cases = suite.findall("testcase")
            assert int(suite.get("tests")) == len(cases)
            assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
            assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))


def test_junit_testcase_names():
    root = ET.fromstring(render(HAND, Format.JUNIT).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite.get("name") == "报告/a,b:c.txt"
    case = suite.findall("testcase")[1]
    assert case.get("classname") == "LA201"
    assert case.get("name") == "调处成功率 @ 3:7"
    assert "284 / 287" in case.find("failure").get("message")


# --- jsonl -------------------------------------------------------------------------------------


def test_jsonl_one_object_per_check_and_per_unreadable_file():
    lines = render(HAND, Format.JSONL).splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(HAND.files[0].checks) + 1
    for row, c in zip(rows, HAND.files[0].checks, strict=False):
        assert row == {"path": "报告/a,b:c.txt", **check_dict(c)}
        assert next(iter(row)) == "path"
    assert rows[-1] == {"path": "/abs/missing.txt", "error": "cannot read: No such file"}


def test_jsonl_streams_file_by_file():
    from lawaudit.report import stream

    parts: list[str] = []
    stream(iter(HAND.files), Format.JSONL, parts.append)
    assert len(parts) == 2  # one write per file, as it arrives


# --- markdown ----------------------------------------------------------------------------------


def test_markdown_has_counts_a_table_of_fails_and_collapsed_unverifiable():
    text = render(HAND, Format.MARKDOWN)
    assert "| checks | pass | fail | unverifiable |" in text
    header = "| rule | place | quote | stated → computed | arithmetic | reason |"
    assert header in text
    rows = [line for line in text.splitlines() if line.startswith("| LA")]
    assert len(rows) == 3  # the three fails
    assert rows[0].startswith("| LA201 error | 报告/a,b:c.txt:3:7 | 调处成功率 98.96% \\| 满意率 |")
    assert "98.96 → 98.9547" in rows[0]
    for row in rows:  # every | inside a cell is escaped: six cells each
        assert len(re.split(r"(?<!\\)\|", row)) == 6 + 2
    assert "<details><summary>1 unverifiable</summary>" in text
    assert "</details>" in text
    assert "/abs/missing.txt" in text


@settings(max_examples=200, deadline=None)
@given(text=TRICKY)
def test_a_markdown_cell_shows_its_text_as_written(text):
    """Parsed by a CommonMark parser with tables, a cell gives back its text, and stays one cell."""
    import html

    from markdown_it import MarkdownIt

    from lawaudit.report.markdown import cell

    page = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = page.render(f"| a | b |\n|---|---|\n| {cell(text)} | x |\n")
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    assert len(cells) == 2 and cells[1] == "x"
    shown = html.unescape(cells[0]).replace("\ufffd", "\x00")  # the parser's stand-in for NUL
    assert shown == " ".join(text.split())


# --- concise -----------------------------------------------------------------------------------

CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>LA\d{3}) (?P<msg>\S.*)$")


def test_concise_one_line_per_check_that_did_not_pass(tmp_path, at_root):
    _, text = run_cli(tmp_path, "concise", SEED_REL)
    lines = text.decode("utf-8").splitlines()
    data = json.loads(runner.invoke(app, ["check", SEED_REL, "-f", "json"]).stdout)
    shown = [c for c in data["files"][0]["checks"] if c["status"] != "pass"]
    assert len(lines) == len(shown)
    for line, c in zip(lines, shown, strict=True):
        m = CONCISE.match(line)
        assert m, line
        assert (m["path"], int(m["line"]), int(m["col"]), m["rule"]) == (
            SEED_REL,
            c["line"],
            c["column"],
            c["rule"],
        )
    hand = render(HAND, Format.CONCISE).splitlines()
    assert len(hand) == 5
    assert all(CONCISE.match(line) for line in hand[:4])
    assert "second line" in hand[0]  # a line break in a message never splits the line
    assert hand[4] == "/abs/missing.txt: error: cannot read: No such file"


# --- codeframe ---------------------------------------------------------------------------------


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def frames(text: str) -> list[tuple[str, str]]:
    """(source row, caret row) of each frame: the text after `N | `."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"^(\d+|quote) \| (.*)$", line)
        if m and i + 1 < len(lines) and "^" in lines[i + 1]:
            out.append((m[2], lines[i + 1].split(" | ", 1)[1]))
    return out


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("全镇共调处各类矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n", "98.96%"),
        (
            "（一）全镇共调处矛盾纠纷２８７起，调解成功２８４起，调处成功率９８.９６％。\n",
            "９８.９６％",
        ),
    ],
)
def test_codeframe_caret_sits_under_the_number_counting_wide_characters(tmp_path, text, number):
    path = tmp_path / "报告.txt"
    path.write_text("标题\n" + text, encoding="utf-8")
    found = extract(read(str(path)))
    result = audit(str(path), found.claims, found.quantities)
    fails = [c for c in result.checks if c.status is Status.FAIL]
    assert fails, result.checks
    out = render(Report((result,)), Format.CODEFRAME)
    shown = frames(out)
    assert len(shown) == len([c for c in result.checks if c.status is not Status.PASS])
    row, carets = shown[0]
    before = row[: row.index(number)]
    assert carets.index("^") == width(before) != len(before)  # wide characters counted twice
    assert carets.strip() == "^" * width(number)
    assert f"{fails[0].line} | " in out
    assert fails[0].arithmetic in out


def test_codeframe_falls_back_to_the_quote_when_the_file_is_gone():
    text = render(Report((HAND.files[0],)), Format.CODEFRAME)
    row, carets = frames(text)[0]
    assert row == "调处成功率 98.96% | 满意率"
    assert carets.index("^") == width("调处成功率 ")
    assert "quote | " in text


def test_codeframe_cuts_a_long_line_around_the_number():
    from lawaudit.report.codeframe import frame

    line = "甲" * 200 + "98.96%" + "乙" * 200
    shown, carets = frame(line, 200, 6)
    assert shown.startswith("...") and shown.endswith("...")
    assert carets.index("^") == width(shown[: shown.index("98.96%")])
    assert len(shown) < 80


# --- checks waived by a comment in the report or by the --baseline file ------------------------


def test_waived_checks_are_marked_and_never_raised():
    report = Report(
        (
            FileResult(
                "a.txt",
                (
                    check(Status.FAIL, Severity.ERROR, suppressed="已核实原始台账"),
                    check(Status.FAIL, Severity.ERROR, line=4, baselined=True),
                    check(Status.FAIL, Severity.ERROR, line=5),
                ),
            ),
        )
    )
    assert len(render(report, Format.GITHUB).splitlines()) == 1
    assert len(render(report, Format.CONCISE).splitlines()) == 1
    assert render(report, Format.CODEFRAME).count("a.txt:") == 1
    markdown = render(report, Format.MARKDOWN)
    assert len([line for line in markdown.splitlines() if line.startswith("| LA")]) == 1
    assert "2 suppressed or baselined checks are not listed." in markdown
    root = ET.fromstring(render(report, Format.JUNIT).encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "2")
    log = json.loads(render(report, Format.SARIF))
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "inSource", "justification": "已核实原始台账"}]
    assert results[1]["suppressions"][0]["kind"] == "external"
    assert "suppressions" not in results[2]
    assert [r["kind"] for r in results] == ["fail"] * 3  # still reported: marked, not hidden
