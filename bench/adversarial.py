#!/usr/bin/env python3
"""Adversarial text at full size through the CLI: wall time and peak memory (issue 6). Not a test.

`python bench/adversarial.py genre` times the real excerpts of the seed's family concatenated
1×, 4× and 16× (issue 13). `python bench/adversarial.py hostile` runs only the inputs of issue
16 (numbers that made the arithmetic searches linear, hostile claims files and Word files), each
once.

Each input is run at 1x (1.25 MB) and 4x (5 MB); linear work gives a time ratio near 4. Peak
resident memory is the child's (resource.getrusage(RUSAGE_CHILDREN)), so each run is its own
process started by a fresh interpreter of this script. tests/test_adversarial.py checks the
same inputs for linearity by counting calls; tests/test_adversarial_files.py the hostile files.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

PY = sys.executable
MB = 1_000_000
CASES = {
    "digits": "1234567890",
    "其中 repeated": "其中",
    "one line of claims": "共受理投诉100件，其中物业类60件，占60%，满意率98.5%，",
    # One sentence of counts, then of changes: each change looked back over every count.
    "counts, then changes": (("办结9件，", 0.5), ("同比增长5%，", 0.5)),
    # Each 翻一番 looked for the number before it among all the sentence's numbers.
    "翻一番 in one sentence": "办结9件，翻一番，",
    # Each count with a colon read the rest of the paragraph for its list.
    "counts with colons": "开展三项行动：",
    # Each count with an open bracket read the rest of the line for the bracket's close.
    "counts with open brackets": "开展三项行动（",
    # Each statement of the industry shares looked at every figure of the document.
    "industry structures": "生产总值100亿元，三次产业结构为5.8:41.6:52.6，",
    # Each 分别为 list of shares copied all the quantities after it.
    "lists of shares": "占总量的比重分别为1%、2%，",
    # Each restatement copied the text since the first mention to look for a line break.
    "one figure restated": "共受理投诉举报案件100件。",
    # The reading of the seed's family (issue 13): named wholes, share lists, tables written
    # one row a line or one cell a line, exact breakdowns, complements.
    "shares of a named whole": "共收到行政复议申请86件，其中依法受理71件，占申请总数的82.6%；",
    "bare shares in a list": "行政处罚类212件，占比35%；投诉举报类168件，占比28%；",
    "table rows": (
        "单位 | 2024受理量 | 2025受理量 | 占比 | 同比 |\n公安分局 | 6 | 13 | 22.0% | 116.7% |\n"
        "合计 | 6 | 13 | 100% | 116.7% |\n"
    ),
    "table cells one a line": "序号\n处理方式\n数量\n比例\n1\n维持\n30\n75%\n2\n驳回\n10\n25%\n",
    "exact breakdowns": "本月共生成工单8210件，热线直接答复5105件，派发承办单位3105件，",
    "complements": "共回访群众200人，其中不满意3人，满意率98.5%，",
    # Two counts far apart, then changes: each change searched the gap between them for 较上年.
    "a long gap, then changes": (
        ("受理10件，", 0),
        ("工作", 0.5),
        ("，办结9件，", 0),
        ("同比增长5%，", 0.5),
    ),
}


def make(unit: str | tuple[tuple[str, float], ...], size: int) -> str:
    """`unit` repeated to `size` bytes of UTF-8, on a single line; or runs one after another,
    each a unit repeated to its share of `size` (a share of 0: the unit once)."""
    if isinstance(unit, str):
        return unit * max(1, size // len(unit.encode()))
    return "".join(u * max(1, int(size * share) // len(u.encode())) for u, share in unit)


def measure(path: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of `lawaudit check path` in a child process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL).returncode\n"
        "t = time.perf_counter() - t\n"
        "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)\n"
    )
    cmd = [PY, "-m", "lawaudit", "check", str(path), "-f", "json", "--fail-on", "never"]
    out = subprocess.run([PY, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    seconds, kb, rc = out.stdout.split()
    return float(seconds), int(kb) / 1024, int(rc)


def _lying_docx(path: Path) -> None:
    import struct
    import zlib

    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = comp.compress(head) + b"".join(comp.compress(b" " * 2**20) for _ in range(1024))
    raw += comp.compress(b"</w:document>") + comp.flush()
    crc, name, n = zlib.crc32((head + b" " * 1000)[:1000]), b"word/document.xml", 1000
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw), n, 17, 0)
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(raw), n, 17, 0, 0, 0,
        0, 0, 0,
    )  # fmt: skip
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, 63, 47 + len(raw), 0)
    path.write_bytes(local + name + raw + central + name + end)


def _xml_docx(path: Path) -> None:
    import zipfile

    para = "<w:p><w:r><w:t>共受理投诉100件。</w:t></w:r></w:p>".encode()
    block = para * (2**20 // len(para))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("word/document.xml", "w", force_zip64=True) as f,
    ):
        f.write(f'<w:document xmlns:w="{w}"><w:body>'.encode())
        for _ in range(190):
            f.write(block)
        f.write(b"</w:body></w:document>")


def _alias_yaml(path: Path) -> None:
    text = f"schema: lawaudit-claims/1\na: &a [{', '.join(['1件'] * 10)}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{n}: &{n} [{','.join([f'*{p}'] * 10)}]\n"
    path.write_text(text + "claims:\n  - kind: total\n    total: 5件\n    parts: *i\n")


def _claims_json(claim: str) -> str:
    return '{"schema": "lawaudit-claims/1", "claims": [' + claim + "]}"


# Issue 16: (file name, what writes it). Each is run once, through the command, as a user would.
HOSTILE: dict[str, tuple[str, object]] = {
    "rate, ten-digit counts": (
        "r.txt",
        "全镇共调处各类矛盾纠纷2870000000起，调解成功2840000000起，调处成功率98.96%。",
    ),
    "rate, twelve-digit counts": (
        "r.txt",
        "全镇共调处各类矛盾纠纷287000000000起，调解成功284000000000起，调处成功率98.96%。",
    ),
    "满意率99.99999% (seven decimals)": ("r.txt", "群众满意率99.99999%。"),
    "满意率 with twelve decimals": ("r.txt", "群众满意率99.999999999999%。"),
    "12345678 cases at 98.123456%": ("r.txt", "共调处矛盾纠纷12345678起，调处成功率98.123456%。"),
    "12345678 cases at 98.123457%": ("r.txt", "共调处矛盾纠纷12345678起，调处成功率98.123457%。"),
    "1234567、 repeated, 1.25 MB": ("r.txt", "1234567、" * (MB * 5 // 4 // 10)),
    "1234567、 repeated, 5 MB": ("r.txt", "1234567、" * (5 * MB // 10)),
    "claims: YAML alias tree (10^9 leaves)": ("c.yaml", _alias_yaml),
    "claims: YAML nested 900 deep": (
        "c.yaml",
        "schema: lawaudit-claims/1\nclaims: " + "[" * 900 + "]" * 900 + "\n",
    ),
    "claims: JSON nested 100,000 deep": (
        "c.json",
        _claims_json('{"kind": "total", "parts": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ),
    "claims: a 100,000-digit count": (
        "c.json",
        _claims_json('{"kind": "total", "total": "' + "9" * 100_000 + '", "parts": ["1"]}'),
    ),
    "Word: 1,000 bytes declared, 1 GB inflated": ("w.docx", _lying_docx),
    "Word: 190 MB of XML in 600 KB": ("w.docx", _xml_docx),
}


def hostile(tmp: str) -> None:
    print("| input | time | peak memory | exit |\n|---|---|---|---|")
    for name, (file, content) in HOSTILE.items():
        path = Path(tmp) / file
        if callable(content):
            content(path)
        else:
            path.write_text(content, encoding="utf-8")
        seconds, mb, rc = measure(path)
        print(f"| {name} | {seconds:.2f} s | {mb:.0f} MB | {rc} |", flush=True)
        path.unlink()


def genre(tmp: str) -> None:
    """The 48 real excerpts of ../shared/corpus/real/genre/ as one file, 1×, 4× and 16×: the
    reading stage must stay linear in real text of the seed's family, not only in one repeated
    sentence (issue 13)."""
    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("genre/*.txt")))
    print("| copies | size | time | peak memory |\n|---|---|---|---|")
    for n in (1, 4, 16):
        path = Path(tmp) / "genre.txt"
        path.write_text("\n".join([text] * n), encoding="utf-8")
        seconds, mb, _ = measure(path)
        print(f"| {n}× | {path.stat().st_size / MB:.2f} MB | {seconds:.2f} s | {mb:.0f} MB |")


def main() -> None:
    print(
        f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if sys.argv[1:] == ["genre"]:
            genre(tmp)
            return
        hostile(tmp)
        if sys.argv[1:] == ["hostile"]:
            return
        for name, unit in CASES.items():
            rows = []
            for size in (MB * 5 // 4, 5 * MB):
                path = Path(tmp) / "input.txt"
                path.write_text(make(unit, size), encoding="utf-8")
                rows.append((size, *measure(path)))
            (s1, t1, m1, rc1), (s4, t4, m4, rc4) = rows
            print(
                f"{name}: {s1 / MB:.2f} MB {t1:.2f} s {m1:.0f} MB peak (exit {rc1}); "
                f"{s4 / MB:.2f} MB {t4:.2f} s {m4:.0f} MB peak (exit {rc4}); "
                f"time ratio {t4 / t1:.1f}x, memory ratio {m4 / m1:.1f}x"
            )


if __name__ == "__main__":
    main()
