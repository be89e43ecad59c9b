"""Whole-document golden JSON: regenerate with LAWAUDIT_UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import json
import os

from typer.testing import CliRunner

from lawaudit.cli import app
from tests.conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "golden" / "seed.json"


def test_seed_matches_golden(monkeypatch):
    monkeypatch.chdir(ROOT)  # the path in the JSON is relative, as the user gave it
    r = CliRunner().invoke(app, ["check", "seeds/" + SEED.name, "--format", "json"])
    if os.environ.get("LAWAUDIT_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(r.stdout, encoding="utf-8")
    assert r.stdout == GOLDEN.read_text(encoding="utf-8")


GOLDEN_ZH = ROOT / "tests" / "golden" / "seed.zh.json"


def test_seed_in_chinese_matches_its_golden(monkeypatch):
    """--lang zh: the same checks and values as seed.json, Chinese messages, fixed bytes."""
    monkeypatch.chdir(ROOT)
    args = ["check", "seeds/" + SEED.name, "--format", "json", "--lang", "zh"]
    r = CliRunner().invoke(app, args)
    if os.environ.get("LAWAUDIT_UPDATE_GOLDEN"):
        GOLDEN_ZH.write_text(r.stdout, encoding="utf-8")
    assert r.stdout == GOLDEN_ZH.read_text(encoding="utf-8")
    zh, en = json.loads(r.stdout), json.loads(GOLDEN.read_text(encoding="utf-8"))
    strip = ("message", "arithmetic")
    same = [{k: v for k, v in c.items() if k not in strip} for c in zh["files"][0]["checks"]]
    assert same == [
        {k: v for k, v in c.items() if k not in strip} for c in en["files"][0]["checks"]
    ]


def test_seed_verdicts_are_the_ones_the_issue_names():
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    checks = data["files"][0]["checks"]
    rate = next(c for c in checks if c["rule"] == "LA201")
    assert rate["status"] == "fail" and rate["severity"] == "error"
    assert rate["values"] == {
        "numerator": "284",
        "denominator": "287",
        "stated": "98.96",
        "computed": "98.9547",
    }
    assert "98.95%" in rate["arithmetic"] and "ceiling" in rate["message"]
    done = next(c for c in checks if c["rule"] == "LA202")
    assert done["status"] == "pass" and done["values"]["numerator"] == "119"
    assert done["values"]["denominator"] == "119"
    grim = next(c for c in checks if c["values"].get("stated") == "99.07")
    assert grim["status"] == "unverifiable" and grim["values"]["min_denominator"] == "107"
    used = {v for c in checks for v in json.dumps(c["values"]).split('"')}
    for not_a_quantity in ("12345", "2023", "12", "20", "8"):
        assert not_a_quantity not in used
    # 学法14次 with 专题党课2次 and 讲座5次 are separate counts, never a sum check
    assert not any(c["rule"] in ("LA101", "LA102") for c in checks)
