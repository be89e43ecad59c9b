"""The command line as a user and a CI pipeline meet it: exit codes, stdin, claims files."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from typer.testing import CliRunner

from lawaudit.cli import app
from tests.conftest import SEED

runner = CliRunner()
BAD_RATE = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"
GOOD_RATE = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.95%。\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_seed_fails_with_exit_1_and_a_table():
    r = run("check", str(SEED))
    assert r.exit_code == 1
    assert "LA201" in r.stdout and "98.96" in r.stdout
    assert "checks in 1 file" in r.stderr


def test_seed_json_is_the_contract():
    r = run("check", str(SEED), "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "lawaudit"
    check = next(c for c in data["files"][0]["checks"] if c["rule"] == "LA201")
    for key in ("name", "status", "severity", "line", "column", "quote", "message", "arithmetic"):
        assert key in check
    assert set(data["summary"]) >= {"files", "checks", "pass", "fail", "unverifiable"}


def test_stdin(tmp_path):
    r = run("check", "-", "--format", "json", input=BAD_RATE.encode())
    assert r.exit_code == 1
    assert json.loads(r.stdout)["files"][0]["path"] == "<stdin>"


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (GOOD_RATE, "error", 0),
        (BAD_RATE, "error", 1),
        (BAD_RATE, "never", 0),
        ("群众满意率99.07%。", "error", 0),  # unverifiable is info
        ("群众满意率99.07%。", "info", 1),
        ("全镇共调处矛盾纠纷287起，调处成功率98.96%。", "error", 0),  # granularity: a warning
        ("全镇共调处矛盾纠纷287起，调处成功率98.96%。", "warning", 1),
    ],
)
def test_fail_on(tmp_path, text, fail_on, code):
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    assert run("check", str(f), "--fail-on", fail_on).exit_code == code


def test_rounding_option_accepts_ceiling(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(BAD_RATE, encoding="utf-8")
    assert run("check", str(f), "--rounding", "half-up,ceiling").exit_code == 0
    bad = run("check", str(f), "--rounding", "banker")
    assert bad.exit_code == 2 and "unknown mode" in bad.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(3000), "looks binary"),
    ],
)
def test_unreadable_input_is_exit_2_with_one_line(tmp_path, content, message):
    f = tmp_path / "r.txt"
    if content is not None:
        f.write_bytes(content)
    r = run("check", str(f))
    assert r.exit_code == 2
    errors = [line for line in r.stderr.splitlines() if line.startswith("lawaudit: error")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in r.stderr + r.stdout


def test_unknown_option_is_a_usage_error():
    assert run("check", "--no-such-option", str(SEED)).exit_code == 2


def test_rules_and_explain():
    r = run("rules")
    assert r.exit_code == 0 and "LA201" in r.stdout and "rate-mismatch" in r.stdout
    e = run("explain", "LA201")
    assert e.exit_code == 0 and "反例" in e.stdout and "正例" in e.stdout
    assert run("explain", "rate-mismatch").exit_code == 0
    missing = run("explain", "LA999")
    assert missing.exit_code == 2 and "unknown rule" in missing.stderr


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_extract_then_check_round_trip(tmp_path, suffix):
    out = tmp_path / f"claims{suffix}"
    r = run("extract", str(SEED), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    direct = json.loads(run("check", str(SEED), "--format", "json").stdout)
    again = json.loads(run("check", str(out), "--format", "json").stdout)

    def key(c):
        return (c["rule"], c["status"], c["line"], c["column"], json.dumps(c["values"]))

    assert sorted(map(key, again["files"][0]["checks"])) == sorted(
        map(key, direct["files"][0]["checks"])
    )


def test_claims_file_keeps_written_precision(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text(
        "schema: lawaudit-claims/1\nclaims:\n"
        "  - {kind: rate, subject: 化解率, stated: 98.90, numerator: 989, denominator: 1000}\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", str(f), "--format", "json").stdout)
    check = data["files"][0]["checks"][0]
    assert check["values"]["stated"] == "98.90"
    assert check["values"]["computed"] == "98.9000"
    assert check["status"] == "pass"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("claims:\n  - {kind: rate, stated: '98%'}\n", "schema"),
        (
            "schema: lawaudit-claims/1\nclaims:\n  - {kind: ratio, stated: '98%'}\n",
            "claims[0].kind",
        ),
        ("schema: lawaudit-claims/1\nclaims:\n  - {kind: rate}\n", "claims[0].stated"),
        ("schema: lawaudit-claims/1\nclaims:\n  - {kind: rate, stated: abc}\n", "claims[0].stated"),
        (
            "schema: lawaudit-claims/1\nclaims:\n  - {kind: rate, stated: '9%', colour: red}\n",
            "claims[0].colour",
        ),
        (
            "schema: lawaudit-claims/1\nclaims:\n  - {kind: total, total: '5件', parts: x}\n",
            "claims[0].parts",
        ),
        ("schema: [\n", "YAML"),
    ],
)
def test_bad_claims_file_names_the_field(tmp_path, body, field):
    f = tmp_path / "c.yaml"
    f.write_text(body, encoding="utf-8")
    r = run("check", str(f))
    assert r.exit_code == 2
    assert field in r.stderr
    assert "Traceback" not in r.stderr


def test_extract_to_stdout_is_yaml_with_the_schema():
    r = run("extract", str(SEED))
    assert r.exit_code == 0
    data = yaml.safe_load(r.stdout)
    assert data["schema"] == "lawaudit-claims/1"
    assert any(c["kind"] == "rate" and c["stated"] == "98.96%" for c in data["claims"])


def test_output_file_is_written_and_input_untouched(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(BAD_RATE, encoding="utf-8")
    before = src.read_bytes()
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    assert run("check", str(src), "-f", "json", "-o", str(out)).exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["fail"] == 1
    assert src.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_python_dash_m_and_version():
    r = subprocess.run(
        [sys.executable, "-m", "lawaudit", "--version"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0 and r.stdout.startswith("lawaudit ")


def test_wrong_encoding_override_is_exit_2(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(BAD_RATE, encoding="utf-8")
    r = run("check", str(f), "--encoding", "no-such-codec")
    assert r.exit_code == 2 and "no-such-codec" in r.stderr
    assert run("check", str(f), "--encoding", "utf-8").exit_code == 1


def test_show_unchecked_lists_totals_no_check_used():
    r = run("check", str(SEED), "--show-unchecked", "--fail-on", "never")
    assert r.exit_code == 0
    assert "unchecked" in r.stdout and "168次" in r.stdout
    data = json.loads(run("check", str(SEED), "-f", "json", "--show-unchecked").stdout)
    cov = data["files"][0]["coverage"]
    assert cov["unchecked"] == len(cov["unchecked_numbers"]) > 0
    assert cov["checked"] <= cov["numbers"]
    assert data["summary"]["unchecked"] == cov["unchecked"]
    texts = {u["text"] for u in cov["unchecked_numbers"]}
    assert "98.96%" not in texts  # used by LA201
    assert "12345" not in texts  # not a quantity at all


def test_table_shows_brackets_and_colons_as_written(tmp_path, monkeypatch):
    """Rich markup and emoji codes are off: a quote's "[/i]" must not raise (it did, as an
    internal error that lost the file's table), a path's "[red]" must not vanish, ":dog:" stays."""
    monkeypatch.chdir(tmp_path)  # short relative paths: a long one would wrap in the table
    Path("报告[red]").mkdir()
    f = Path("报告[red]", "镇[b].txt")
    f.write_text("共调处纠纷287起[/i]:dog:，调解成功284起，调处成功率98.96%。\n", encoding="utf-8")
    Path("无[", "x]数").mkdir(parents=True)
    quiet = Path("无[/x]数", "a.txt")
    quiet.write_text("今年工作平稳。\n", encoding="utf-8")
    r = run("check", str(f), str(quiet), "--show-unchecked")
    assert r.exit_code == 1, r.stderr
    assert "internal error" not in r.stderr
    assert f"{f}: 3 of 3 numbers checked" in r.stdout
    assert "287起[/i]" in r.stdout and ":dog:" in r.stdout
    assert f"{quiet}: no checkable claims found" in r.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "junit", "html", "markdown", "jsonl"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, monkeypatch, fmt):
    """Its bad bytes reach Python as surrogates: SARIF and -o raised on them, and stdout wrote
    invalid UTF-8. Every format now writes valid UTF-8 that names the file, as `ls -b` would."""
    monkeypatch.chdir(tmp_path)
    name = b"\xe9\x95\x87bad\xff.txt"  # 镇, then a byte no UTF-8 text holds
    try:
        with open(name, "wb") as f:
            f.write(BAD_RATE.encode("utf-8"))
    except OSError:
        pytest.skip("this file system takes only UTF-8 file names")
    missing = os.fsdecode(b"gone\xfe.txt")
    r = run("check", os.fsdecode(name), missing, "-f", fmt, "-o", "out")
    assert r.exit_code == 2  # one file could not be read
    assert "cannot read gone\\xfe.txt" in r.stderr
    text = Path("out").read_bytes().decode("utf-8")  # raises if not UTF-8
    shown = "镇bad\\xff.txt"
    if fmt == "sarif":
        assert quote(shown) in text  # as a URI
    else:  # JSON and Markdown write the backslash doubled
        assert shown in text.replace("\\\\", "\\")
    assert "98.96" in text


def test_printable_keeps_text_and_escapes_only_lone_surrogates():
    from lawaudit.batch import printable

    assert printable("报告 a[b].txt") == "报告 a[b].txt"
    assert printable(os.fsdecode(b"a\xff\xe9.txt")) == "a\\xff\\xe9.txt"
    assert printable("x\ud800y") == "x\\ud800y"


def test_output_escapes_what_its_stream_cannot_hold(tmp_path, monkeypatch):
    """A GBK console cannot hold ✓; a lone surrogate fits no encoding: escaped, not raised."""
    import io

    from lawaudit.cli import StdOut, opened

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="gbk"))
    StdOut().write("✓ 通过 98.96%\n")
    sys.stdout.flush()
    assert raw.getvalue().decode("gbk") == "\\u2713 通过 98.96%\n"
    with opened(str(tmp_path / "out.json")) as f:
        f.write('{"quote": "a\ud800b"}')
    assert (tmp_path / "out.json").read_text("utf-8") == '{"quote": "a\\ud800b"}'


def test_no_output_is_written_over_an_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_text(BAD_RATE, encoding="utf-8")
    os.link("r.txt", "same.txt")  # the same file by another name
    Path("last.txt").write_text(GOOD_RATE, encoding="utf-8")
    attempts = [
        ("check", "r.txt", "-o", "r.txt"),
        ("check", "r.txt", "-f", "json", "-o", "same.txt"),
        ("check", "r.txt", "--previous", "last.txt", "-o", "last.txt"),
        ("check", "r.txt", "--write-baseline", "same.txt"),
        ("extract", "r.txt", "-o", "r.txt"),
    ]
    for args in attempts:
        r = run(*args)
        assert r.exit_code == 2, args
        assert "never writes over its inputs" in r.stderr
    assert Path("r.txt").read_text("utf-8") == BAD_RATE
    assert Path("last.txt").read_text("utf-8") == GOOD_RATE
    # a baseline may be brought up to date in place: it is an input the user means to rewrite
    assert run("check", "r.txt", "--write-baseline", "b.json").exit_code == 0
    again = run("check", "r.txt", "--baseline", "b.json", "--write-baseline", "b.json")
    assert again.exit_code == 0


def test_a_folder_audit_skips_its_own_output_file(tmp_path, monkeypatch):
    """Run twice, `check reports/ -o reports/audit.html` must not audit last run's page."""
    monkeypatch.chdir(tmp_path)
    Path("reports").mkdir()
    Path("reports", "r.txt").write_text(BAD_RATE, encoding="utf-8")
    for _ in range(2):
        r = run("check", "reports", "-f", "html", "-o", "reports/audit.html")
        assert r.exit_code == 1, r.stderr
        assert "1 check in 1 file" in r.stderr
    r = run("check", "reports", "--fail-on", "never")  # without -o, the page is a report again
    assert "in 2 files" in r.stderr


@pytest.mark.parametrize(
    "option",
    ["--output", "--config", "--baseline", "--write-baseline", "--previous", "--previous-manifest"],
)
def test_an_empty_file_name_is_an_error_not_ignored(option):
    """`-o "$OUT"` with OUT unset: it was ignored (or failed as 'Device or resource busy')."""
    r = run("check", str(SEED), option, "")
    assert r.exit_code == 2
    assert r.stderr.strip() == f"lawaudit: error: {option} needs a file name"
    if option == "--output":
        r = run("extract", str(SEED), option, "")
        assert r.exit_code == 2 and "--output needs a file name" in r.stderr
