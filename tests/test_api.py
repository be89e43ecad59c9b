"""The Python API: the same checks as the CLI's JSON, options as in the configuration."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import lawaudit
from lawaudit.cli import app
from lawaudit.config import ConfigError
from lawaudit.model import FileResult, Status
from lawaudit.report.json import check_dict
from tests.conftest import ROOT, SEED


def test_audit_path_gives_the_checks_the_cli_gives(monkeypatch):
    monkeypatch.chdir(ROOT)
    path = "seeds/" + SEED.name
    r = CliRunner().invoke(app, ["check", path, "--format", "json"])
    cli_checks = json.loads(r.stdout)["files"][0]["checks"]
    result = lawaudit.audit_path(path)
    assert isinstance(result, FileResult) and result.path == path and result.error is None
    assert [check_dict(c) for c in result.checks] == cli_checks


def test_audit_text_gives_the_same_checks_as_the_file():
    text = SEED.read_text(encoding="utf-8")
    a = lawaudit.audit_text(text, path="seed.txt").checks
    b = lawaudit.audit_path(SEED).checks
    assert [check_dict(c) for c in a] == [check_dict(c) for c in b]


def test_options_are_the_configuration_keys(tmp_path):
    text = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。群众满意率99.07%。"
    fails = [c for c in lawaudit.audit_text(text).checks if c.status is Status.FAIL]
    assert [c.rule for c in fails] == ["LA201"]
    assert (
        not lawaudit.audit_text(text, rounding=["half-up", "ceiling"], select=["LA201"])
        .checks[0]
        .status.value.startswith("fail")
    )
    assert {c.rule for c in lawaudit.audit_text(text, ignore=["LA2"]).checks} <= {"LA402"}
    warned = lawaudit.audit_text(text, severity={"LA201": "warning"}).checks
    assert next(c for c in warned if c.rule == "LA201").severity.value == "warning"
    cfg = tmp_path / "lawaudit.toml"
    cfg.write_text('select = ["LA203"]\n', encoding="utf-8")
    assert {c.rule for c in lawaudit.audit_text(text, config=cfg).checks} == {"LA203"}
    both = lawaudit.audit_text(text, config=cfg, select=["LA201"]).checks  # keywords win
    assert {c.rule for c in both} == {"LA201"}


def test_bad_options_raise_and_unreadable_files_do_not(tmp_path):
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        lawaudit.audit_text("x", colour=True)
    with pytest.raises(ConfigError, match="unknown mode"):
        lawaudit.audit_text("x", rounding="banker")
    result = lawaudit.audit_path(tmp_path / "missing.txt")
    assert result.error and "no such file" in result.error


def test_import_lawaudit_stays_cheap():
    code = "import sys, lawaudit; print(sorted(m for m in sys.modules if m.startswith('lawaudit')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['lawaudit']"
    assert callable(lawaudit.audit_text) and callable(lawaudit.audit_path)
