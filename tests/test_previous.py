"""Last year's report: --previous, --previous-manifest and --previous-auto."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lawaudit.cli import app

LAST = (
    "某镇2025年法治政府建设工作报告\n"
    "全年受理行政复议案件96件，办结96件。全年共调处各类矛盾纠纷240起。\n"
)
THIS = (
    "某镇2026年法治政府建设工作报告\n全年受理行政复议案件120件，同比增长25%。"
    "全年共调处各类矛盾纠纷250起，同比增长5.2%。上年受理行政复议案件95件。\n"
)


def run(*args):
    return CliRunner().invoke(app, [*args, "--format", "json", "--fail-on", "never"])


def checks(result, rule):
    files = json.loads(result.stdout)["files"]
    return [c for f in files for c in f["checks"] if c["rule"] == rule]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_growth_checked_against_last_years_report(tmp_path):
    this, last = write(tmp_path, "t-2026.txt", THIS), write(tmp_path, "t-2025.txt", LAST)
    r = run("check", str(this), "--previous", str(last))
    assert r.exit_code == 0, r.stderr
    by_status = {c["values"]["stated"]: c for c in checks(r, "LA301")}
    assert by_status["25"]["status"] == "pass"
    assert by_status["25"]["values"]["previous"] == "96"
    assert by_status["5.2"]["status"] == "fail" and by_status["5.2"]["severity"] == "warning"
    restated = checks(r, "LA401")
    assert [(c["status"], c["values"]["stated"], c["values"]["computed"]) for c in restated] == [
        ("fail", "95", "96")
    ]


def test_without_last_year_nothing_is_paired(tmp_path):
    this = write(tmp_path, "t-2026.txt", THIS)
    assert checks(run("check", str(this)), "LA301") == []


def test_auto_pairs_the_file_named_a_year_earlier(tmp_path):
    this = write(tmp_path, "town-2026-fazhi.txt", THIS)
    write(tmp_path, "town-2025-fazhi.txt", LAST)
    write(tmp_path, "other-2026.txt", THIS)  # no 2025 twin: audited alone
    r = run("check", str(this), str(tmp_path / "other-2026.txt"), "--previous-auto")
    files = json.loads(r.stdout)["files"]
    paired = [any(c["rule"] == "LA301" for c in f["checks"]) for f in files]
    assert paired == [True, False]


def test_manifest_pairs_a_batch(tmp_path):
    this = write(tmp_path, "a.txt", THIS)
    write(tmp_path, "b.txt", LAST)
    manifest = write(tmp_path, "pairs.tsv", "# this year\tlast year\na.txt\tb.txt\n")
    r = run("check", str(this), "--previous-manifest", str(manifest))
    assert len(checks(r, "LA301")) == 2
    bad = write(tmp_path, "bad.tsv", "a.txt\n")
    r = CliRunner().invoke(app, ["check", str(this), "--previous-manifest", str(bad)])
    assert r.exit_code == 2 and "bad.tsv:1" in r.stderr


def test_previous_for_many_files_is_a_usage_error(tmp_path):
    a, b = write(tmp_path, "a.txt", THIS), write(tmp_path, "b.txt", LAST)
    r = CliRunner().invoke(app, ["check", str(a), str(b), "--previous", str(b)])
    assert r.exit_code == 2 and "--previous-manifest" in r.stderr


def test_unreadable_last_year_is_this_files_error(tmp_path):
    this = write(tmp_path, "a.txt", THIS)
    r = CliRunner().invoke(app, ["check", str(this), "--previous", str(tmp_path / "none.txt")])
    assert r.exit_code == 2 and "last year's report" in r.stderr


def test_growth_at_comparable_prices_is_never_paired(tmp_path):
    last = write(tmp_path, "b.txt", "全年地区生产总值3000.00亿元。\n")
    growth = "全年地区生产总值3196.70亿元，按可比价格计算，比上年增长6.0%。\n"
    this = write(tmp_path, "a.txt", growth)
    assert checks(run("check", str(this), "--previous", str(last)), "LA301") == []
