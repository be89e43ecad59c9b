"""Many reports at once: folders and globs, errors in their place, order, parallel = sequential."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from lawaudit import batch
from lawaudit.cli import app
from lawaudit.model import Check, Coverage, FileResult, Report, Severity, Status
from lawaudit.report import Format, render, stream
from lawaudit.terminal import show_progress
from tests.conftest import ROOT, SEED

runner = CliRunner()
GOOD = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.95%。\n"
BAD = "全镇共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"
CLAIMS = (
    "schema: lawaudit-claims/1\nclaims:\n"
    "  - {kind: rate, subject: 化解率, stated: '98.90%', numerator: 989, denominator: 1000}\n"
)


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def lawaudit(*args, env=None, **kw):
    """The real command in a fresh process: the only way to exercise worker processes."""
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "lawaudit", *map(str, args)],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        env={**os.environ, "CI": "", **(env or {})},
        **kw,
    )


@pytest.fixture
def folder(tmp_path):
    """Good and bad reports, a subfolder, and what a folder must not yield."""
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    (d / "b.txt").write_text(GOOD, encoding="utf-8")
    (d / "a.txt").write_text(BAD, encoding="utf-8")
    (d / "sub" / "c.md").write_text(GOOD, encoding="gb18030")
    (d / "z.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # binary
    (d / "claims.yaml").write_text(CLAIMS, encoding="utf-8")  # an output, not a report
    (d / "audit.json").write_text("{}", encoding="utf-8")
    (d / ".hidden.txt").write_text(BAD, encoding="utf-8")
    (d / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return d


def test_a_folder_gives_its_report_files_sorted(folder):
    names = [os.path.relpath(p, folder) for p in batch.expand([str(folder)])]
    assert names == ["a.txt", "b.txt", os.path.join("sub", "c.md"), "z.txt"]


def test_globs_are_expanded_sorted_and_each_file_once(folder):
    got = batch.expand([str(folder / "*.txt"), str(folder / "*.yaml"), str(folder / "a.txt")])
    assert [os.path.basename(p) for p in got] == ["a.txt", "b.txt", "z.txt", "claims.yaml"]
    assert batch.expand([str(folder / "**" / "*.md")]) == [str(folder / "sub" / "c.md")]


def test_a_batch_reports_each_error_in_its_place(folder):
    missing = folder / "missing.txt"
    nothing = folder / "*.pdf"
    r = run("check", folder, missing, folder / "claims.yaml", nothing, "-f", "json", "-j", "1")
    assert r.exit_code == 2
    files = json.loads(r.stdout)["files"]
    assert [os.path.basename(f["path"]) for f in files] == [
        *("a.txt", "b.txt", "c.md", "z.txt", "missing.txt", "claims.yaml", "*.pdf")
    ]
    errors = {os.path.basename(f["path"]): f["error"] for f in files if f["error"]}
    assert "looks binary" in errors["z.txt"] and "no such file" in errors["missing.txt"]
    assert "no file matches" in errors["*.pdf"]
    assert set(errors) == {"z.txt", "missing.txt", "*.pdf"}
    a, b, c = files[0], files[1], files[2]
    assert any(k["status"] == "fail" for k in a["checks"])
    assert b["checks"] and c["checks"] and files[5]["checks"][0]["status"] == "pass"
    assert r.stderr.count("lawaudit: error:") == 3


def test_exit_codes_of_a_batch(folder):
    (folder / "z.txt").unlink()
    assert run("check", folder / "b.txt", folder / "sub").exit_code == 0
    assert run("check", folder, "-j", "1").exit_code == 1
    assert run("check", folder, "--fail-on", "never").exit_code == 0
    assert run("check", folder, folder / "nope.txt", "--fail-on", "never").exit_code == 2


def test_a_folder_without_reports_is_an_error_in_its_place(tmp_path):
    (tmp_path / "out.json").write_text("{}", encoding="utf-8")
    r = run("check", tmp_path, SEED, "-f", "json")
    assert r.exit_code == 2
    first, second = json.loads(r.stdout)["files"]
    assert "no report file" in first["error"] and second["error"] is None


def test_summary_table_follows_the_tables_or_replaces_them(folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "220")  # the table uses COLUMNS: room for the long tmp path
    (folder / "z.txt").unlink()
    full = run("check", folder, "--fail-on", "never")
    assert "LA201" in full.stdout and "total: 3 files" in full.stdout
    assert full.stdout.index("LA201") < full.stdout.index("total: 3 files")
    assert "total: 3 files" in full.stdout and "2 / 3" not in full.stdout
    only = run("check", folder, "--summary-only", "--fail-on", "never")
    assert "LA201" not in only.stdout and "total: 3 files" in only.stdout
    assert str(folder / "a.txt") in only.stdout
    one = run("check", folder / "a.txt", "--fail-on", "never")
    assert "total:" not in one.stdout  # a single file needs no summary table


def test_summary_table_shows_unreadable_files_and_totals(folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # room for the long tmp path and the reason unfolded
    r = run("check", folder, "--summary-only")
    assert r.exit_code == 2
    assert "looks binary" in r.stdout and "1 unreadable" in r.stdout


def test_output_file_streams_the_same_bytes(folder, tmp_path):
    out = tmp_path / "out.json"
    direct = run("check", folder, "-f", "json")
    assert run("check", folder, "-f", "json", "-o", out).exit_code == direct.exit_code
    assert out.read_text(encoding="utf-8") == direct.stdout


def reports() -> list[Report]:
    check = Check("LA201", "rate-mismatch", Status.FAIL, Severity.ERROR, 1, 2, "引 “号”", "m", "a")
    passed = Check("LA202", "completion", Status.PASS, Severity.WARNING, 3, 1, "q", "m", "a")
    files = (
        FileResult("a.txt", (check, passed), coverage=Coverage(5, 3)),
        FileResult("b.txt", error="cannot read b.txt: no such file"),
        FileResult("c.txt"),
    )
    return [Report(()), Report(files[:1]), Report(files)]


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("unchecked", [False, True])
def test_streaming_writes_what_render_gives(fmt, unchecked):
    for report in reports():
        parts: list[str] = []
        tally = stream(report.files, fmt, parts.append, unchecked=unchecked)
        assert "".join(parts) == render(report, fmt, unchecked=unchecked)
        assert tally.files == len(report.files)
    json_module = __import__("lawaudit.report.json", fromlist=["render"])
    assert render(reports()[2], Format.JSON) == json_module.render(reports()[2])


def crash_on_bad(path: str) -> FileResult:
    """A task that kills its worker on one file, as a crash in C code or the OOM killer would."""
    if "bad" in path:
        os._exit(3)
    return FileResult(path)


def raise_on_bad(path: str) -> FileResult:
    if "bad" in path:
        raise ValueError("boom")
    return FileResult(path)


@pytest.mark.parametrize("task", [crash_on_bad, raise_on_bad])
def test_a_worker_crash_is_that_files_error(task):
    paths = [f"f{i}.txt" for i in range(6)]
    paths[2] = "bad.txt"
    results = list(batch.in_order(task, paths, 2))
    assert [f.path for f in results] == paths
    assert [bool(f.error) for f in results] == [p == "bad.txt" for p in paths]
    assert "internal error" in results[2].error


def copies(tmp_path, n: int = 12):
    """A batch of real reports when the corpus is beside the checkout, else of the seed."""
    from tests.conftest import corpus_files

    sources = [p for p in corpus_files() if p.stat().st_size < 40_000][:6] or [SEED]
    d = tmp_path / "batch"
    d.mkdir()
    for i in range(n):
        shutil.copy(sources[i % len(sources)], d / f"{i:03d}.txt")
    if n > 7:
        (d / "007.txt").write_bytes(b"\xff\xfe\x00\xd8" * 100)  # undecodable, in the middle
    return d


def test_jobs_1_and_jobs_2_write_the_same_bytes(tmp_path):
    d = copies(tmp_path)
    one = lawaudit("check", d, "-f", "json", "--jobs", "1", cwd=tmp_path)
    two = lawaudit("check", d, "-f", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2, two.stderr
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    files = json.loads(two.stdout)["files"]
    assert [os.path.basename(f["path"]) for f in files] == [f"{i:03d}.txt" for i in range(12)]
    assert [bool(f["error"]) for f in files] == [i == 7 for i in range(12)]
    table = lawaudit("check", d, "-j", "2", "--summary-only", cwd=tmp_path)
    assert table.stdout == lawaudit("check", d, "-j", "1", "--summary-only", cwd=tmp_path).stdout


def test_workers_fork_from_a_warm_process_unless_a_thread_runs():
    import threading

    assert threading.active_count() == 1
    assert batch.start_method() == "fork"
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert batch.start_method() == "forkserver"  # forking a threaded process can deadlock
        paths = [f"f{i}.txt" for i in range(4)]
        assert [f.path for f in batch.in_order(raise_on_bad, paths, 2)] == paths
    finally:
        stop.set()
        thread.join()


def test_stdin_in_a_parallel_batch(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = lawaudit("check", "a.txt", "-", "-f", "json", "-j", "2", input=BAD, cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == ["a.txt", "<stdin>"]


def test_progress_bar_only_for_a_person():
    class Stream:
        def __init__(self, tty: bool):
            self.tty = tty

        def isatty(self):
            return self.tty

    assert show_progress(Stream(True), {})
    assert show_progress(Stream(True), {"CI": "false"})
    assert not show_progress(Stream(True), {"CI": "true"})
    assert not show_progress(Stream(False), {})


@pytest.mark.parametrize(
    ("ci", "drawn", "jobs"), [("", True, 1), ("", True, 2), ("true", False, 1)]
)
def test_progress_bar_on_a_terminal_and_not_in_ci(tmp_path, ci, drawn, jobs):
    d = copies(tmp_path, 4)
    master, slave = pty.openpty()
    r = lawaudit("check", d, "-f", "json", "-j", jobs, stderr=slave, env={"CI": ci}, cwd=tmp_path)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert ("auditing" in seen.decode("utf-8", "replace")) is drawn
    assert json.loads(r.stdout)["summary"]["files"] == 4  # stdout untouched by the bar


def test_no_progress_bar_when_stderr_is_piped(tmp_path):
    r = lawaudit("check", copies(tmp_path, 4), "-j", "2", "--summary-only", cwd=tmp_path)
    assert r.returncode in (0, 1)
    assert r.stderr.splitlines() == [r.stderr.strip()]  # the summary line alone
    assert "checks in 4 files" in r.stderr and "\x1b[" not in r.stderr + r.stdout


def test_readme_documents_batches():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--jobs" in readme and "--summary-only" in readme


def test_output_file_gets_the_usual_mode(tmp_path):
    """-o writes through a temporary file, but the result is readable like any new file."""
    import os
    import stat

    from typer.testing import CliRunner

    from lawaudit.cli import app
    from tests.conftest import SEED

    out = tmp_path / "out.json"
    CliRunner().invoke(app, ["check", str(SEED), "-f", "json", "-o", str(out)])
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_results_cross_processes_whole():
    """Workers pickle each FileResult to the parent by its fields (model.sent_between_processes):
    every check, its values and the numbers no check used come back equal."""
    import pickle

    from lawaudit.api import audit_path

    result = audit_path(str(SEED))
    assert result.checks and result.coverage.unchecked
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert isinstance(back.coverage.unchecked[0].quantity.value, Decimal)


def test_workers_are_capped_at_four_per_core(monkeypatch):
    """-j 1000 on a batch of 1,000 started 1,000 processes, some 20 MB each."""

    started = []

    class Pool:
        def __init__(self, jobs):
            started.append(jobs)

        def submit(self, fn, path):
            from concurrent.futures import Future

            done = Future()
            done.set_result(fn(path))
            return done

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(batch, "_pool", Pool)
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    paths = [f"{i}.txt" for i in range(100)]
    assert list(batch.in_order(str.upper, paths, 1000)) == [p.upper() for p in paths]
    assert started == [8]
