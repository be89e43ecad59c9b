"""One YAML case file per rule: text (or claims) in, the rule's checks out.

Cases assert stable facts — status, severity, line, values — never message wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lawaudit.engine import audit
from lawaudit.readers.claimsfile import parse_claims
from lawaudit.rules import BY_ID
from lawaudit.rules.base import Settings
from tests.conftest import audit_text

CASES = Path(__file__).parent / "cases"


def load_cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{path.stem}:{case['name']}")


def run_case(rule_id: str, case: dict):
    rules = (BY_ID[rule_id],)
    settings = Settings(modes=tuple(case["modes"])) if "modes" in case else Settings()
    if "claims" in case:
        doc = {"schema": "lawaudit-claims/1", "claims": case["claims"]}
        claims = parse_claims(yaml.safe_dump(doc, allow_unicode=True), "case.yaml")
        return audit("case.yaml", claims, (), settings, rules).checks
    return audit_text(case["text"], rules, settings, previous=case.get("previous")).checks


@pytest.mark.parametrize(("rule_id", "case"), list(load_cases()))
def test_case(rule_id, case):
    checks = run_case(rule_id, case)
    expected = case.get("expect", [])
    assert len(checks) == len(expected), [(c.status.value, c.message) for c in checks]
    for got, want in zip(checks, expected, strict=True):
        assert got.rule == rule_id
        for key, value in want.items():
            if key == "values":
                for k, v in value.items():
                    assert got.values.get(k) == v, (k, got.values)
            elif key in ("status", "severity"):
                assert getattr(got, key).value == value, (key, got.message)
            else:
                assert getattr(got, key) == value, (key, got)
