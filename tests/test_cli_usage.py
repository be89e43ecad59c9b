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
