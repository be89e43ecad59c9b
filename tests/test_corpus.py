"""Every real report: no crash, valid JSON, the same bytes twice."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lawaudit.cli import app
from tests.conftest import corpus_files, needs_corpus


@needs_corpus
def test_corpus_runs_valid_and_deterministic():
    paths = [str(p) for p in corpus_files()]
    assert paths
    runner = CliRunner()
    first = runner.invoke(app, ["check", *paths, "--format", "json", "--fail-on", "never"])
    second = runner.invoke(app, ["check", *paths, "--format", "json", "--fail-on", "never"])
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert [f["path"] for f in data["files"]] == paths
    assert not [f["path"] for f in data["files"] if f["error"]]
    assert data["summary"]["checks"] > 500


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_fail_is_a_confirmed_real_error(path):
    """Every fail on the corpus, of any severity, is confirmed by hand (tests/corpus_fails.txt)."""
    from tests.conftest import ROOT

    confirmed = {
        tuple(line.split("\t")[:3])
        for line in (ROOT / "tests" / "corpus_fails.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    r = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--fail-on", "never"])
    checks = json.loads(r.stdout)["files"][0]["checks"]
    fails = {(path.name, c["rule"], str(c["line"])) for c in checks if c["status"] == "fail"}
    assert fails <= confirmed, fails - confirmed
