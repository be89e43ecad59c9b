#!/usr/bin/env python3
"""Adversarial text at full size through the CLI: wall time and peak memory (issue 6). Not a test.

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


def main() -> None:
    print(
        f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
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
