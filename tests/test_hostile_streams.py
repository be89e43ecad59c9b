"""Issue 16: output files, odd streams and signals. Nothing the user gave is damaged, every way a
run can end is one line and its own exit code, and a stopped run leaves no temporary file and no
worker process. Each runs the real command in a subprocess with a time limit."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

PASSING = "共受理投诉100件，其中物业类60件，占60%。\n"
FAILING = "共调处矛盾纠纷287起，调解成功284起，调处成功率98.96%。\n"
ENV = {**os.environ, "CI": "true"}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "lawaudit", *args]


def run(*args: str, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("capture_output", True)
    return subprocess.run(command(*args), text=True, timeout=timeout, env=ENV, check=False, **kw)


def shell(line: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`line` in sh, with $LA the command: for closing a stream (>&-, <&-)."""
    env = {**ENV, "LA": f"{sys.executable} -m lawaudit"}
    return subprocess.run(
        ["sh", "-c", line], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def one_error(result, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert [ln for ln in lines if ln.startswith("lawaudit: error:")] == lines[:1], lines
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(PASSING, encoding="utf-8")
    return folder


def device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (minor 3) or /dev/full (minor 7): made in tmp_path
    when this runs as root (as CI does), so a regression replaces a copy, not the machine's."""
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        return path
    except PermissionError:
        return Path("/dev") / name  # not root: a rename over /dev/… fails anyway


# --- -o: devices, links, FIFOs and permission bits ------------------------------------------


def test_output_to_a_null_device_writes_to_it_and_keeps_it(tmp_path, reports):
    null = device(tmp_path, "null", 3)
    result = run("check", str(reports), "-f", "json", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


def test_output_to_a_full_device_is_one_line_and_exit_2(tmp_path, reports):
    full = device(tmp_path, "full", 7)
    result = run("check", str(reports), "-f", "json", "-o", str(full))
    one_error(result, str(full), "No space left")
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_output_through_a_link_to_standard_output_keeps_the_link(tmp_path, reports):
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    result = run("check", str(reports), "-f", "json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert '"schema_version"' in result.stdout
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_output_through_a_link_writes_its_target_in_place(tmp_path, reports):
    target, link = tmp_path / "audit.json", tmp_path / "link.json"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert run("check", str(reports), "-f", "json", "-o", str(link)).returncode == 0
    assert link.is_symlink() and '"schema_version"' in target.read_text(encoding="utf-8")


def test_output_to_a_fifo_writes_into_it(tmp_path, reports):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("check", str(reports), "-f", "json", "-o", str(fifo), timeout=30)
    reader.join(10)
    assert result.returncode == 0 and b'"schema_version"' in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_regular_output_file_keeps_its_permission_bits(tmp_path, reports):
    out = tmp_path / "audit.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert run("check", str(reports), "-f", "json", "-o", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert '"schema_version"' in out.read_text(encoding="utf-8")


# --- standard streams: a reader gone, closed, full --------------------------------------------


@pytest.mark.parametrize(("text", "code"), [(PASSING, 0), (FAILING, 1)])
def test_a_reader_that_stops_early_changes_only_what_is_shown(tmp_path, text, code):
    """`check DIR | head -c 100`: the exit code is the audit's verdict, with no message."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"r{i:02}.txt").write_text(text * 20, encoding="utf-8")
    p = subprocess.Popen(
        command("check", str(folder), "-f", "json", "--jobs", "1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert len(p.stdout.read(100)) == 100
    p.stdout.close()  # the reader goes away, as head does
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == code, err
    assert "error" not in err.lower().replace("0 error", ""), err


def test_closed_standard_output_is_one_line_and_exit_2(reports):
    one_error(shell(f"$LA check '{reports}' >&-"), "standard output is closed")
    # with -o the report does not need standard output
    assert shell(f"$LA check '{reports}' -f json -o /dev/null >&-").returncode == 0


def test_closed_standard_input_is_one_line_and_exit_2():
    result = shell("$LA check - -f json <&-")
    one_error(result, "standard input", "closed")


def test_closed_standard_error_changes_nothing(reports):
    assert shell(f"$LA check '{reports}' 2>&- >/dev/null").returncode == 0


def test_a_full_standard_output_is_one_line_and_exit_2(reports):
    one_error(shell(f"$LA check '{reports}' -f json >/dev/full"), "No space left")


def test_extract_ends_quietly_when_its_reader_goes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(PASSING * 3000, encoding="utf-8")  # claims far past a pipe's buffer
    p = subprocess.Popen(
        command("extract", str(big)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
    )
    p.stdout.read(10)
    p.stdout.close()
    assert p.wait(timeout=60) == 0
    assert p.stderr.read() == b""


# --- signals ----------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def slow_batch(tmp_path):
    """A batch that takes many seconds, and an -o file holding an old report."""
    folder = tmp_path / "slow"
    folder.mkdir()
    line = "共受理投诉100件，其中物业类60件，占60%，满意率98.5%，" * 8000
    for i in range(12):
        (folder / f"r{i:02}.txt").write_text(line, encoding="utf-8")
    out = tmp_path / "audit.json"
    out.write_text("old report", encoding="utf-8")
    return folder, out


@pytest.mark.parametrize(
    ("sig", "code", "says"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_signal_stops_the_run_cleanly(slow_batch, sig, code, says, jobs):
    folder, out = slow_batch
    p = subprocess.Popen(
        command("check", str(folder), "-f", "json", "-o", str(out), "--jobs", jobs),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,  # a stray worker is killed below, not left running
    )
    try:
        deadline = time.monotonic() + 30
        while not list(out.parent.glob(".audit.json.*.tmp")) or (
            jobs == "2" and len(children(p.pid)) < 2
        ):
            assert time.monotonic() < deadline and p.poll() is None, "the batch did not start"
            time.sleep(0.05)
        workers = children(p.pid)
        p.send_signal(sig)
        _, err = p.communicate(timeout=10)  # within a second here; minutes or never before
        assert p.returncode == code, err
        last = err.decode().strip().splitlines()[-1]  # and how far the run got
        assert re.fullmatch(rf"lawaudit: {says} after \d+ of 12 files", last), last
        assert out.read_text(encoding="utf-8") == "old report"
        assert sorted(q.name for q in out.parent.iterdir()) == ["audit.json", "slow"]
        time.sleep(0.2)
        assert not [w for w in workers if alive(w)], "a worker outlived its parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)


def test_workers_die_with_their_parent_even_when_it_is_killed(slow_batch):
    """SIGKILL cannot be caught: the workers ask the kernel to kill them when it dies."""
    folder, out = slow_batch
    p = subprocess.Popen(
        command("check", str(folder), "-f", "json", "-o", str(out), "--jobs", "2"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while len(workers := children(p.pid)) < 2:
            assert time.monotonic() < deadline and p.poll() is None, "the batch did not start"
            time.sleep(0.05)
        time.sleep(0.3)  # past the workers' start-up, where they ask for it
        p.kill()
        p.wait(timeout=10)
        deadline = time.monotonic() + 5
        while [w for w in workers if alive(w)] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if alive(w)], "a worker outlived its killed parent"
        assert out.read_text(encoding="utf-8") == "old report"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)


# --- odd file names ---------------------------------------------------------------------------


def test_a_line_break_in_a_file_name_is_escaped_everywhere(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "a\nb\tc.txt").write_text(FAILING, encoding="utf-8")
    result = run("check", str(folder), "-f", "concise")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [result.stdout.strip()]  # one check, one line
    assert result.stdout.startswith(f"{folder}/a\\nb\\tc.txt:1:")
    missing = run("check", str(tmp_path / "no\nsuch.txt"), "-f", "concise")
    one_error(missing, "no\\nsuch.txt")
    unwritable = run("check", str(folder), "-o", str(tmp_path / "no\ndir" / "x.json"))
    one_error(unwritable, "no\\ndir")


def test_printable_escapes_control_characters_and_keeps_the_rest():
    from lawaudit.batch import printable

    assert printable("报告\n2025\r.txt") == "报告\\n2025\\r.txt"
    assert printable("a\x1b[31mb\x7f\u2028") == "a\\x1b[31mb\\x7f\\u2028"
    assert printable("普通 名字 [a].txt") == "普通 名字 [a].txt"
