"""Baselines: write, read, new findings fail, edits elsewhere keep matching, stale entries."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawaudit.cli import app
from tests.conftest import SEED

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def seed_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return "seed.txt"


def checks(r):
    return json.loads(r.stdout)["files"][0]["checks"]


def test_write_then_read_a_baseline(tmp_path, monkeypatch):
    f = seed_copy(tmp_path, monkeypatch)
    assert run("check", f).exit_code == 1
    w = run("check", f, "--write-baseline", "base.json")
    assert w.exit_code == 0 and "baseline entries written to base.json" in w.stderr
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data["schema"] == "lawaudit-baseline/1"
    assert {e["rule"] for e in data["entries"]} >= {"LA201", "LA203"}
    assert all("line" not in e for e in data["entries"])  # keyed by content, not place
    r = run("check", f, "--baseline", "base.json", "-f", "json")
    assert r.exit_code == 0
    failing = [c for c in checks(r) if c["status"] != "pass"]
    assert failing and all(c["baselined"] is True for c in failing)
    summary = json.loads(r.stdout)["summary"]
    assert summary["baselined"] == len(failing) and summary["error"] == 0
    assert "baseline_stale" not in summary
    assert "baselined" in run("check", f, "--baseline", "base.json").stdout  # the table says so


def test_edits_elsewhere_keep_the_baseline_matching(tmp_path, monkeypatch):
    f = seed_copy(tmp_path, monkeypatch)
    run("check", f, "--write-baseline", "base.json")
    text = (tmp_path / f).read_text(encoding="utf-8")
    (tmp_path / f).write_text("新增的一段前言。\n\n另一段。\n\n" + text, encoding="utf-8")
    r = run("check", f, "--baseline", "base.json", "-f", "json")
    assert r.exit_code == 0 and "stale" not in r.stderr
    rate = next(c for c in checks(r) if c["rule"] == "LA201")
    assert rate["line"] == 33 and rate["baselined"] is True  # moved 4 lines, still matched


def test_a_new_finding_fails_and_a_fixed_one_is_stale(tmp_path, monkeypatch):
    f = seed_copy(tmp_path, monkeypatch)
    run("check", f, "--write-baseline", "base.json")
    text = (tmp_path / f).read_text(encoding="utf-8")
    text = text.replace("调解成功284起", "调解成功283起")  # the old LA201 fail is gone …
    text += "\n共受理投诉50件，办结60件，办结率120%。\n"  # … and new failures appear
    (tmp_path / f).write_text(text, encoding="utf-8")
    r = run("check", f, "--baseline", "base.json", "-f", "json")
    assert r.exit_code == 1
    new = [c for c in checks(r) if c["status"] == "fail" and not c.get("baselined")]
    assert new and all(c["line"] > 55 or c["rule"] == "LA201" for c in new)
    stale = json.loads(r.stdout)["summary"]["baseline_stale"]
    assert any(e["rule"] == "LA201" and e["path"] == "seed.txt" for e in stale)
    assert json.loads(r.stdout)["files"][0]["baseline_stale"]
    assert "stale baseline entry" in r.stderr and "LA201" in r.stderr


def test_files_outside_the_run_are_not_stale(tmp_path, monkeypatch):
    f = seed_copy(tmp_path, monkeypatch)
    run("check", f, "--write-baseline", "base.json")
    (tmp_path / "other.txt").write_text("一年来，我镇扎实推进依法治镇。\n", encoding="utf-8")
    r = run("check", "other.txt", "--baseline", "base.json")
    assert r.exit_code == 0 and "stale" not in r.stderr


def test_a_bad_baseline_is_exit_2(tmp_path, monkeypatch):
    f = seed_copy(tmp_path, monkeypatch)
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    r = run("check", f, "--baseline", "bad.json")
    assert r.exit_code == 2 and "not a lawaudit baseline" in r.stderr
    r = run("check", f, "--baseline", "missing.json")
    assert r.exit_code == 2 and "cannot read baseline" in r.stderr


def test_a_hand_written_entry_with_only_path_and_rule_is_stale_without_a_crash(
    tmp_path, monkeypatch
):
    """The key gives a missing subject "" and a missing status "fail"; the stale entry is
    reported as matched, with those values, not as a KeyError (found by fuzzing baselines)."""
    f = seed_copy(tmp_path, monkeypatch)
    entry = {"path": "seed.txt", "rule": "LA201"}
    data = {"schema": "lawaudit-baseline/1", "entries": [entry]}
    (tmp_path / "base.json").write_text(json.dumps(data), encoding="utf-8")
    r = run("check", f, "--baseline", "base.json", "-f", "json")
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert r.exit_code == 1
    stale = json.loads(r.stdout)["summary"]["baseline_stale"]
    assert stale == [
        {"path": "seed.txt", "rule": "LA201", "subject": "", "status": "fail", "values": {}}
    ]
    assert "stale baseline entry (no check matches it): seed.txt: LA201" in r.stderr
