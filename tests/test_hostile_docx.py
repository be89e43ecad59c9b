"""Issue 16: a Word file is inflated here, in chunks, its real size counted while it inflates,
and no XML part past MAX_XML is parsed. Files are built by the tests; the slow ones run the real
command in a subprocess under a time limit and report the child's peak memory."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest

from lawaudit.readers import ReadError, docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<w:document xmlns:w="{W}"><w:body>'.encode()
TAIL = b"</w:body></w:document>"


def lying_zip(path, inflated_mb: int, declared: int = 1000) -> None:
    """A zip whose word/document.xml declares `declared` bytes (with the CRC of its first
    `declared` bytes, so zipfile finds nothing wrong) but inflates to `inflated_mb` MB."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = comp.compress(HEAD)
    for _ in range(inflated_mb):
        raw += comp.compress(b" " * 2**20)
    raw += comp.compress(TAIL) + comp.flush()
    crc = zlib.crc32((HEAD + b" " * declared)[:declared])
    name = b"word/document.xml"
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw), declared, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        *(b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(raw), declared, len(name)),
        *(0, 0, 0, 0, 0, 0),
    )
    end = struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        1,
        1,
        len(central) + len(name),
        len(local) + len(name) + len(raw),
        0,
    )
    path.write_bytes(local + name + raw + central + name + end)


def xml_bomb(path, xml_mb: int) -> None:
    """A Word file whose document.xml is `xml_mb` MB of short paragraphs (a few hundred KB)."""
    para = "<w:p><w:r><w:t>共受理投诉100件。</w:t></w:r></w:p>".encode()
    block = para * (2**20 // len(para))
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("word/document.xml", "w", force_zip64=True) as f,
    ):
        f.write(HEAD)
        for _ in range(xml_mb):
            f.write(block)
        f.write(TAIL)


def peak(path) -> tuple[subprocess.CompletedProcess, int]:
    """`lawaudit check path` in a child, under a time limit; and its peak memory in MB."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)\n"
        "sys.stdout.write(r.stderr)\n"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
    )
    cmd = [sys.executable, "-m", "lawaudit", "check", str(path), "-f", "json"]
    result = subprocess.run(
        [sys.executable, "-c", probe, *cmd],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "CI": "true"},
        check=True,
    )
    *lines, last = result.stdout.strip().splitlines()
    code, mb = map(int, last.split())
    return subprocess.CompletedProcess(cmd, code, "", "\n".join(lines)), mb


def test_an_entry_that_inflates_past_its_declared_size_is_never_inflated_whole(tmp_path):
    path = tmp_path / "liar.docx"
    lying_zip(path, inflated_mb=1024)  # 1 MB on disk, 1,000 bytes declared, 1 GB inflated
    result, mb = peak(path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert mb < 200, f"{mb} MB: the entry was inflated whole"  # 2 GB before issue 16


def test_a_small_file_holding_huge_xml_is_refused_while_inflating(tmp_path):
    path = tmp_path / "xml.docx"
    xml_bomb(path, 190)  # about 600 KB on disk
    assert path.stat().st_size < 2**20
    result, mb = peak(path)
    assert result.returncode == 2
    assert "too large when unpacked" in result.stderr and str(path) in result.stderr
    assert mb < 200, mb  # 6 GB and 171 s before issue 16


def test_the_xml_limit_applies_to_the_real_size_not_the_declared_one(tmp_path, monkeypatch):
    monkeypatch.setattr(docx, "MAX_XML", 2**20)
    monkeypatch.setattr(docx, "CHUNK", 4096)
    path = tmp_path / "liar.docx"
    lying_zip(path, inflated_mb=3, declared=3 * 2**20 + 200)  # told the truth, but too large
    with pytest.raises(ReadError, match="too large when unpacked"):
        docx.docx_text(path.read_bytes())


def test_a_normal_document_still_reads(tmp_path):
    path = tmp_path / "ok.docx"
    xml_bomb(path, 1)
    text = docx.docx_text(path.read_bytes())
    assert text.startswith("共受理投诉100件。\n") and text.count("\n") > 1000
