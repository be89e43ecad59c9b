"""The registry reads like a table of contents: every rule module is registered, documented,
has a YAML case file, and its docstring examples behave as they say."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import pytest

import lawaudit.rules as rules_pkg
from lawaudit.model import Severity, Status
from lawaudit.rules import ALL_RULES, BY_ID
from tests.conftest import audit_text

HELPERS = {"base", "sums", "zh", "xxgk"}  # zh: the Chinese documentation
CASES = Path(__file__).parent / "rules" / "cases"
LAST_YEAR = "‖上年‖"  # in a docstring example: this year's text, then last year's
EXAMPLE = re.compile(r"^\s*(反例|正例) \((fails|passes)\): (\S+)", re.M)


def test_every_rule_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(rules_pkg.__path__)} - HELPERS
    registered = {m.__name__.rsplit(".", 1)[1] for m in ALL_RULES}
    assert modules == registered


def test_ids_are_unique_and_in_their_block():
    ids = [m.RULE.id for m in ALL_RULES]
    assert len(ids) == len(set(ids))
    for m in ALL_RULES:
        assert re.fullmatch(r"LA[1-49]\d\d", m.RULE.id)
        assert m.RULE.doc.strip() and m.RULE.summary


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_every_rule_has_cases(rule_id):
    assert (CASES / f"{rule_id}.yaml").is_file()


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_docstring_examples_behave_as_documented(rule_id):
    module = BY_ID[rule_id]
    examples = EXAMPLE.findall(module.RULE.doc)
    assert {kind for kind, _, _ in examples} == {"反例", "正例"}
    notice = module.RULE.id.startswith("LA9") and module.RULE.severity is Severity.INFO
    for kind, _, written in examples:
        text = written.replace("\\n", "\n")  # an example may show a paragraph break as \n
        this, _, last = text.partition(LAST_YEAR)  # an example for --previous holds both years
        checks = audit_text(this, rules=(module,), previous=last or None).checks
        # a notice (LA9xx, info) flags by being made at all: it is unverifiable, never a fail
        fails = [c for c in checks if c.status is Status.FAIL or notice]
        if kind == "反例":
            assert fails, written
        else:
            assert not fails, (written, [c.message for c in fails])
