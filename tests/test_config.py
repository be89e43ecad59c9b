"""Configuration: discovery, precedence, --print-config, bad files (exit 2, key named),
per-rule severity, tolerance, extra rate words, --exit-zero; suppression comments."""

from __future__ import annotations

import tomllib

import pytest
from typer.testing import CliRunner

from lawaudit.cli import app
from lawaudit.config import Config, ConfigError, discover, load
from tests.conftest import SEED

runner = CliRunner()
BAD_RATE = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"
GRIM = "群众满意率99.07%。\n"  # LA203: unverifiable (info)


def run(*args, cwd=None, monkeypatch=None):
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    return runner.invoke(app, list(args))


def report(folder, text=BAD_RATE, name="r.txt"):
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / name
    f.write_text(text, encoding="utf-8")
    return f


def test_closest_file_to_the_input_wins(tmp_path):
    (tmp_path / "lawaudit.toml").write_text('rounding = ["half-up", "ceiling"]\n', "utf-8")
    sub = tmp_path / "a" / "b"
    f = report(sub)
    assert discover([str(f)]) == tmp_path / "lawaudit.toml"
    assert run("check", str(f)).exit_code == 0  # ceiling accepted by the file
    (tmp_path / "a" / "pyproject.toml").write_text(
        '[tool.lawaudit]\nrounding = ["half-up"]\n', "utf-8"
    )
    assert discover([str(f)]) == tmp_path / "a" / "pyproject.toml"
    assert run("check", str(f)).exit_code == 1


def test_pyproject_without_our_table_is_passed_over(tmp_path):
    (tmp_path / "lawaudit.toml").write_text('fail_on = "never"\n', "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", "utf-8")
    f = report(tmp_path / "a")
    assert discover([str(f)]) == tmp_path / "lawaudit.toml"
    assert run("check", str(f)).exit_code == 0


def test_only_a_pyproject_that_names_lawaudit_is_parsed(tmp_path, monkeypatch):
    import lawaudit.config as config

    parsed = []
    real = config._toml
    monkeypatch.setattr(config, "_toml", lambda path: parsed.append(path.parent.name) or real(path))
    (tmp_path / "lawaudit.toml").write_text('fail_on = "never"\n', "utf-8")
    for name, text in [("other", "[tool.ruff]\n"), ("dep", 'dependencies = ["lawaudit"]\n')]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "pyproject.toml").write_text(text, "utf-8")
        assert discover([str(report(tmp_path / name))]) == tmp_path / "lawaudit.toml"
    assert parsed == ["dep"]  # named in a dependency, not a table: parsed, then passed over


def test_a_batch_uses_the_folder_that_holds_all_its_inputs(tmp_path):
    (tmp_path / "lawaudit.toml").write_text('fail_on = "never"\n', "utf-8")
    a, b = report(tmp_path / "x"), report(tmp_path / "y")
    (tmp_path / "x" / "lawaudit.toml").write_text('fail_on = "error"\n', "utf-8")
    assert discover([str(a), str(b)]) == tmp_path / "lawaudit.toml"


def test_command_line_beats_the_file_which_beats_the_defaults(tmp_path):
    (tmp_path / "lawaudit.toml").write_text('fail_on = "info"\nignore = ["LA201"]\n', "utf-8")
    f = report(tmp_path, BAD_RATE + GRIM)
    assert run("check", str(f)).exit_code == 1  # LA203 is info, and the file fails on info
    assert run("check", str(f), "--fail-on", "error").exit_code == 0  # LA201 ignored
    assert run("check", str(f), "--fail-on", "error", "--select", "LA2").exit_code == 0
    r = run("check", str(f), "--print-config", "--ignore", "LA203")
    data = tomllib.loads(r.stdout)
    assert data["ignore"] == ["LA201", "LA203"]  # --ignore adds to the file's
    assert data["fail_on"] == "info"


def test_print_config_shows_what_is_in_force_as_toml(tmp_path):
    cfg = tmp_path / "lawaudit.toml"
    cfg.write_text(
        'select = ["LA2"]\nrounding = "half-up"\ntolerance = 0.05\n'
        'capped_words = ["履约度"]\n[severity]\nLA203 = "error"\nrate-mismatch = "warning"\n',
        "utf-8",
    )
    r = run("check", "--config", str(cfg), "--print-config", "--rounding", "half-up,truncate")
    assert r.exit_code == 0
    assert r.stdout.startswith(f"# from {cfg}")
    data = tomllib.loads(r.stdout)
    assert data["select"] == ["LA2"] and data["rounding"] == ["half-up", "truncate"]
    assert data["tolerance"] == 0.05 and data["capped_words"] == ["履约度"]
    assert data["severity"] == {"LA201": "warning", "LA203": "error"}
    assert load(cfg) == Config(
        select=("LA2",),
        rounding=("half-up",),
        tolerance="0.05",
        capped_words=("履约度",),
        severity=(("LA201", "warning"), ("LA203", "error")),
    )


def test_print_config_without_a_file_shows_the_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("check", "--print-config")
    assert r.exit_code == 0 and "defaults" in r.stdout
    assert tomllib.loads(r.stdout)["rounding"] == ["half-up", "half-even"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('selct = ["LA2"]\n', "'selct'"),
        ('select = "LA8"\n', "select: unknown rule 'LA8'"),
        ("ignore = 3\n", "ignore: expected a list of strings"),
        ('rounding = ["banker"]\n', "rounding: unknown mode 'banker'"),
        ('fail_on = "fatal"\n', "fail_on: unknown level 'fatal'"),
        ('[severity]\nLA999 = "error"\n', "severity.LA999: unknown rule"),
        ('[severity]\nLA201 = "fatal"\n', "severity.LA201: unknown severity 'fatal'"),
        ('severity = "error"\n', "severity: expected a table"),
        ("tolerance = -1\n", "tolerance: expected a number ≥ 0"),
        ('tolerance = "a lot"\n', "tolerance: not a number"),
        ('capped_words = ["率"]\n', "capped_words: '率' is too short"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_a_bad_configuration_is_one_line_naming_file_and_key(tmp_path, text, named):
    cfg = tmp_path / "lawaudit.toml"
    cfg.write_text(text, "utf-8")
    f = report(tmp_path)
    r = run("check", str(f))
    assert r.exit_code == 2
    assert named in r.stderr and str(cfg) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    with pytest.raises(ConfigError):
        load(cfg)


def test_bad_pyproject_table_names_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lawaudit]\nfail-on = "x"\n', "utf-8")
    r = run("check", str(report(tmp_path)))
    assert r.exit_code == 2 and "[tool.lawaudit]: fail-on: unknown level" in r.stderr


def test_missing_config_file_is_exit_2(tmp_path):
    r = run("check", str(report(tmp_path)), "--config", str(tmp_path / "none.toml"))
    assert r.exit_code == 2 and "cannot read" in r.stderr


def test_per_rule_severity_changes_the_exit_code(tmp_path):
    f = report(tmp_path, GRIM)
    assert run("check", str(f)).exit_code == 0  # unverifiable: info
    (tmp_path / "lawaudit.toml").write_text('[severity]\nrate-mismatch = "warning"\n', "utf-8")
    g = report(tmp_path, BAD_RATE, "g.txt")
    assert run("check", str(g)).exit_code == 0  # LA201 failure is now a warning
    assert run("check", str(g), "--fail-on", "warning").exit_code == 1


def test_tolerance_widens_a_rate_in_points(tmp_path):
    (tmp_path / "lawaudit.toml").write_text("tolerance = 0.01\n", "utf-8")
    assert run("check", str(report(tmp_path))).exit_code == 0
    (tmp_path / "lawaudit.toml").write_text("tolerance = 0\n", "utf-8")
    assert run("check", str(report(tmp_path))).exit_code == 1


def test_configured_rate_and_capped_words(tmp_path):
    text = "全年签订合同120件，合同履约度101%。\n"
    f = report(tmp_path, text)
    assert run("check", str(f)).exit_code == 0  # not a rate name: nothing checked
    (tmp_path / "lawaudit.toml").write_text(
        'rate_words = ["履约度"]\ncapped_words = ["履约度"]\n', "utf-8"
    )
    r = run("check", str(f), "-f", "json")
    assert r.exit_code == 1 and '"LA204"' in r.stdout


def test_exit_zero_keeps_findings_but_not_input_errors(tmp_path):
    f = report(tmp_path)
    r = run("check", str(f), "--exit-zero")
    assert r.exit_code == 0 and "LA201" in r.stdout
    assert run("check", str(f), str(tmp_path / "missing.txt"), "--exit-zero").exit_code == 2


def test_seed_still_fails_with_no_configuration():
    assert run("check", str(SEED)).exit_code == 1


MD = """# 报告

<!-- lawaudit: ignore LA201 上级通报口径，以通报为准 -->
全镇共调处矛盾纠纷287起，调解成功284起，
调处成功率98.96%。

<!-- lawaudit: ignore LA201 -->
另一镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。

<!-- lawaudit: ignore rate-mismatch 已核实 -->
第三镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.95%。
"""


def test_suppressions_in_markdown(tmp_path):
    f = report(tmp_path, MD, "r.md")
    r = run("check", str(f), "-f", "json")
    import json

    checks = json.loads(r.stdout)["files"][0]["checks"]
    got = [(c["rule"], c["status"], c["line"], c.get("suppressed")) for c in checks]
    assert ("LA201", "fail", 5, "上级通报口径，以通报为准") in got  # kept, status unchanged
    assert ("LA901", "fail", 7, None) in got  # no reason: a finding, and nothing suppressed
    assert ("LA201", "fail", 8, None) in got
    assert ("LA902", "fail", 10, None) in got  # LA201 passes there: nothing to suppress
    assert ("LA902", "pass", 3, None) in got
    assert r.exit_code == 1  # LA901 and the unsuppressed LA201
    summary = json.loads(r.stdout)["summary"]
    assert summary["suppressed"] == 1 and summary["error"] == 2


def test_a_suppressed_failure_does_not_count(tmp_path):
    text = "<!-- lawaudit: ignore LA201 上级通报口径 -->\n" + BAD_RATE
    r = run("check", str(report(tmp_path, text, "r.md")))
    assert r.exit_code == 0 and "suppressed" in r.stdout and "1 suppressed" in r.stderr


def test_a_suppression_of_a_rule_not_selected_is_not_judged(tmp_path):
    text = "<!-- lawaudit: ignore LA201 上级通报口径 -->\n" + BAD_RATE
    r = run("check", str(report(tmp_path, text, "r.md")), "--select", "LA9", "-f", "json")
    assert r.exit_code == 0 and '"LA902"' not in r.stdout
