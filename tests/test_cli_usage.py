"""A mistake on the command line is one line on stderr, exit 2, in the run's language."""

from __future__ import annotations

import subprocess
import sys

ENV = {"PATH": "/usr/bin:/bin", "LANG": "C"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lawaudit", *args], capture_output=True, text=True, env=ENV
    )


def test_an_unknown_option_is_one_line_naming_the_near_one():
    done = run("check", "--bogus", "x.txt")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--bogus" in lines[0] and "-h" in lines[0]


def test_a_bad_value_in_chinese_names_the_choices():
    done = run("check", "--lang", "zh", "--format", "bogus", "x.txt")
    assert done.returncode == 2
    line = done.stderr.strip()
    assert "\n" not in line and "错误" in line and "不是可选值之一" in line and "'json'" in line


def test_a_missing_argument_is_one_line():
    done = run("explain")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_reading_and_configuration_errors_follow_the_language(tmp_path):
    from pathlib import Path

    scanned = Path(__file__).parent / "fixtures" / "scanned.pdf"
    done = run("check", "--lang", "zh", str(scanned))
    assert done.returncode == 2 and "没有文字层" in done.stderr and "scanned PDF" not in done.stderr
    (tmp_path / "lawaudit.toml").write_text("bogus = 1\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("受理10件，办结9件。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lawaudit", "check", "--lang", "zh", str(report)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=tmp_path,
    )
    assert done.returncode == 2 and "未知的设置项 'bogus'" in done.stderr
