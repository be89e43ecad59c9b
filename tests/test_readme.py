"""The README's promises: its test command is what CI runs, its rule table is the registry."""

from __future__ import annotations

import re

from lawaudit.rules import ALL_RULES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def rule_table() -> str:
    rows = ["| ID | name | severity | checks |", "|---|---|---|---|"]
    rows += [
        f"| {m.RULE.id} | {m.RULE.name} | {m.RULE.severity.value} | {m.RULE.summary} |"
        for m in ALL_RULES
    ]
    return "\n".join(rows)


def test_rule_table_is_generated_from_the_rules():
    block = re.search(r"<!-- rules:start.*?-->\n(.*?)\n<!-- rules:end -->", README, re.S)
    assert block and block.group(1) == rule_table()


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"^python3 -m venv .*$", README, re.M)
    assert len(commands) == 2
    install_and_run, test = commands
    assert "lawaudit check seeds/" in install_and_run
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
