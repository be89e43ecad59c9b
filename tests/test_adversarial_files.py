"""Hostile files and folders get a verdict or a one-line error naming the file, never a traceback.

Issue 6: an empty file, deeply nested HTML, a zip bomb posing as Word, a PDF whose xref is
broken, a binary file named .txt, a folder holding an unreadable file, a FIFO (in a folder or
named), devices, a dangling link and a symbolic link loop. Each input is made in tmp_path. Most
run the real command in a subprocess with a timeout, so a hang fails the test instead of
stalling it. Timings and the 5 MB text inputs are in bench/adversarial.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawaudit.cli import app
from tests.conftest import ROOT, SEED

PDF = ROOT / "tests" / "fixtures" / "report.pdf"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lawaudit(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lawaudit", "check", *args, "-f", "concise", "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "CI": "true"},
        check=False,
    )


def clean(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1, 2)


def one_line_error(result: subprocess.CompletedProcess, path: Path, reason: str) -> None:
    """Exit 2, and the error is one line that names the file and says why."""
    clean(result)
    assert result.returncode == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("lawaudit: error:")]
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0]


def test_empty_file_has_no_checks(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = lawaudit(str(path))
    clean(result)
    assert result.returncode == 0
    assert "0 checks in 1 file" in result.stderr


def test_deeply_nested_html_is_a_clear_error(tmp_path):
    """libxml2 silently drops everything below 255 levels: say so rather than audit a stub."""
    path = tmp_path / "nested.html"
    n = 100_000
    claim = "共受理投诉100件，其中物业类60件，占60%"
    path.write_text(f"<html><body>{'<div>' * n}{claim}{'</div>' * n}</body></html>")
    one_line_error(lawaudit(str(path)), path, "nested too deeply")


def test_moderately_nested_html_is_read(tmp_path):
    path = tmp_path / "nested.html"
    claim = "共受理投诉100件，其中物业类60件，占60%。"
    path.write_text(f"<html><body>{'<div>' * 200}<p>{claim}</p>{'</div>' * 200}</body></html>")
    result = lawaudit(str(path))
    clean(result)
    assert "0 checks" not in result.stderr


def test_zip_bomb_docx_is_refused_before_inflating(tmp_path):
    """A word/document.xml of 256 MB of spaces packs into about 250 KB."""
    path = tmp_path / "bomb.docx"
    chunk = b" " * 2**20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            for _ in range(256):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    assert path.stat().st_size < 2**20
    result = lawaudit(str(path), timeout=30)
    one_line_error(result, path, "too large when unpacked")


def test_zip_bomb_limit_in_process(tmp_path, monkeypatch):
    """The same refusal with a small limit, checked without the subprocess."""
    from lawaudit.readers import ReadError, docx

    monkeypatch.setattr(docx, "MAX_UNPACKED", 1000)
    path = tmp_path / "small.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"/>' + " " * 2000)
    with pytest.raises(ReadError, match="too large when unpacked"):
        docx.docx_text(path.read_bytes())


def test_pdf_with_a_broken_xref(tmp_path):
    """A wrong startxref offset: pdfminer falls back to scanning the objects, or it fails."""
    data = PDF.read_bytes()
    at = data.rindex(b"startxref")
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[:at] + b"startxref\n99999999\n%%EOF\n")
    result = lawaudit(str(path))
    clean(result)
    if result.returncode == 2:
        one_line_error(result, path, "")


def test_pdf_with_its_xref_table_overwritten(tmp_path):
    data = PDF.read_bytes()
    at = data.rindex(b"xref")
    at = data.rindex(b"xref", 0, at) if data[at - 5 : at] == b"start" else at
    path = tmp_path / "broken.pdf"
    path.write_bytes(data[:at] + b"garbage " * 20 + data[at + 160 :])
    result = lawaudit(str(path))
    clean(result)
    if result.returncode == 2:
        one_line_error(result, path, "")


def test_a_damaged_pdf_stream_is_one_warning_not_pdfminer_noise(tmp_path):
    """Bytes overwritten inside page 1's compressed content: pdfminer recovers part of the
    page and logs each problem. The user gets one warning naming the file (the audit may miss
    numbers), the JSON file carries it, and none of pdfminer's own lines reach stderr."""
    import json

    from lawaudit.api import audit_path
    from lawaudit.model import Report
    from lawaudit.report import Format, render

    path = damaged_pdf(tmp_path)
    result = lawaudit(str(path), "--fail-on", "never")
    clean(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr  # the warning, then the summary
    assert lines[0].startswith(f"lawaudit: warning: {path}: the PDF is damaged")
    assert "pdfminer reported" in lines[0]
    report = Report((audit_path(path),))
    (only,) = json.loads(render(report, Format.JSON))["files"]
    assert only["warnings"] == [lines[0].split(": ", 3)[3]]


def damaged_pdf(tmp_path: Path) -> Path:
    """The fixture PDF with bytes overwritten inside page 1's compressed content."""
    import re

    data = bytearray(PDF.read_bytes())
    start = re.search(rb"stream\n", data).end()
    middle = (start + data.index(b"endstream", start)) // 2
    data[middle : middle + 8] = b"\x80" * 8
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    return path


def test_an_intact_pdf_has_no_warnings():
    from lawaudit.api import audit_path

    assert audit_path(PDF).warnings == ()


def test_pdfs_read_in_threads_keep_their_own_warnings(tmp_path):
    """The Python API in threads: pdfminer's log is one for the process, but each read keeps
    its own thread's records, and the logger propagates again afterwards."""
    import logging
    import threading

    from lawaudit.api import audit_path

    damaged, warnings = damaged_pdf(tmp_path), {}

    def read(path):
        for _ in range(3):
            warnings.setdefault(path, set()).add(audit_path(path).warnings)

    threads = [threading.Thread(target=read, args=(p,)) for p in (damaged, PDF)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert warnings[PDF] == {()}
    (only,) = warnings[damaged]
    assert len(only) == 1 and "the PDF is damaged" in only[0]
    assert logging.getLogger("pdfminer").propagate is True


def test_truncated_pdf(tmp_path):
    data = PDF.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    result = lawaudit(str(path))
    clean(result)
    if result.returncode == 2:
        one_line_error(result, path, "")


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 64)
    one_line_error(lawaudit(str(path)), path, "binary")


def test_symlink_loop_in_a_folder_does_not_hang(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "sub" / "a.txt")
    (folder / "sub" / "up").symlink_to("..")  # reports/sub/up/sub/up/... for ever
    (folder / "self").symlink_to(".")
    result = lawaudit(str(folder), timeout=30)
    clean(result)
    assert result.returncode == 1  # the seed's verdict
    assert "in 1 file" in result.stderr


def test_folder_with_a_fifo_and_a_dangling_link(tmp_path):
    """A FIFO would block the read for ever: a folder's FIFO is left out. A dangling link is
    reported as that file's error, and the other reports are audited."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = lawaudit(str(folder), timeout=30)
    one_line_error(result, folder / "gone.txt", "no such file")
    assert "pipe.txt" not in result.stderr + result.stdout
    assert "in 2 files" in result.stderr and "1 unreadable" in result.stderr


def test_folder_with_an_unreadable_file(tmp_path, monkeypatch):
    """Simulated, because root (as in CI) may read any file; in-process, so --jobs 1."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    secret = folder / "b.txt"
    shutil.copy(SEED, secret)
    real_open = os.open

    def refuse(file, *args, **kwargs):
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", refuse)
    result = CliRunner().invoke(app, ["check", str(folder), "-f", "concise", "--jobs", "1"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [ln for ln in result.output.splitlines() if "error: cannot read" in ln]
    assert errors and all(str(secret) in ln and "permission denied" in ln for ln in errors)
    assert "a.txt" in result.output


def test_a_named_pipe_with_no_writer_is_an_error_not_a_wait(tmp_path):
    """Named on the command line (or matched by a glob), a FIFO was opened and waited on for
    ever. It now opens at once; with nothing writing to it, it is that file's error."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = lawaudit(str(pipe), str(SEED), timeout=30)
    one_line_error(result, pipe, "an empty pipe, or one nothing writes to")
    assert "LA201" in result.stdout  # the seed is still audited


def test_a_pipe_is_read_to_its_end_however_late_its_writer_writes():
    """Process substitution, <(command), gives a path to a pipe that already has its writer."""
    import threading
    import time

    from lawaudit.readers.text import load

    read_end, write_end = os.pipe()
    text = SEED.read_bytes()

    def write_late():
        time.sleep(0.3)
        os.write(write_end, text[:100])
        time.sleep(0.1)
        with open(write_end, "wb") as f:
            f.write(text[100:])

    writer = threading.Thread(target=write_late)
    writer.start()
    try:
        assert load(f"/dev/fd/{read_end}") == text
    finally:
        writer.join()
        os.close(read_end)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_before_it_is_read(device):
    """/dev/zero never ends: reading it grew without bound (MemoryError under a 2 GB limit)."""
    if not os.path.exists(device):
        pytest.skip(f"no {device} on this system")
    result = lawaudit(device, timeout=30)
    one_line_error(result, device, "not a file or a pipe")


def test_input_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    from lawaudit.readers import ReadError
    from lawaudit.readers import text as text_reader

    monkeypatch.setattr(text_reader, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes()[:1001])
    with pytest.raises(ReadError, match="larger than"):
        text_reader.load(str(big))
    big.write_bytes(SEED.read_bytes()[:1000])
    assert len(text_reader.load(str(big))) == 1000


@pytest.mark.parametrize("option", ["--config", "--baseline", "--previous-manifest", "claims"])
def test_every_file_lawaudit_reads_is_read_the_same_bounded_way(tmp_path, option):
    """Config, baseline, manifest and claims files once read a FIFO or /dev/zero without bound:
    a wait for ever, or a MemoryError. Each now gives the reader's one-line error."""
    pipe = tmp_path / ("pipe.json" if option == "claims" else "pipe.toml")
    os.mkfifo(pipe)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    hostile = ((pipe, "nothing writes to"), ("/dev/zero", "not a file or a pipe"))
    for bad, reason in (*hostile, (folder, "is a directory")):
        if option == "claims":
            if bad != pipe:
                continue  # a claims file is known by its suffix; a folder is a folder of reports
            args = (str(bad),)
        else:
            args = (str(SEED), option, str(bad))
        result = lawaudit(*args, timeout=30)
        assert result.returncode == 2, result.stderr
        clean(result)
        errors = [ln for ln in result.stderr.splitlines() if ln.startswith("lawaudit: error:")]
        assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], result.stderr
