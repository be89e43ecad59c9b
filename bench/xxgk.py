"""A thousand 政府信息公开工作年度报告 audited: time per report, peak memory, and what was found.

Not a test: run it by hand (`.venv/bin/python bench/xxgk.py [--count 1000] [--jobs 1]`) and quote
its figures. It builds --count reports with tests/xxgk_reports.py — a quarter each as text, HTML
pages, Word files and PDFs, both template formats, every other one with each kind of identity
broken once (LA111–LA114, LA411) — then runs `lawaudit check DIR -f json -o OUT` as a subprocess
for each format, and compares every fail with the breaks it was built with.

Time is the subprocess's wall time divided by its reports; memory is the largest resident set of
lawaudit and the children it waited for (os.wait4's rusage), so building the reports is not
counted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import xxgk_reports as X  # noqa: E402

SUFFIXES = ("txt", "html", "docx", "pdf")


def build(folder: Path, count: int, suffix: str, first: int) -> dict[str, set]:
    """`count` reports in `folder`; the fails each must give, by file name."""
    expected = {}
    for i in range(first, first + count):
        rng = random.Random(i)
        r = X.make(rng, 2021 if i % 3 else 2019, 2024)
        if i % 2:
            X.break_all(r)
        path = folder / f"r{i:04d}.{suffix}"
        if suffix == "txt":
            path.write_text(X.text(r), encoding="utf-8")
        elif suffix == "html":
            path.write_text(X.html(r), encoding="utf-8")
        elif suffix == "docx":
            X.docx(r, path)
        else:
            path.write_bytes(X.pdf(r))
        expected[path.name] = r.expected
    return expected


def run(folder: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak resident kilobytes of one `lawaudit check` over the folder."""
    exe = Path(sys.executable).with_name("lawaudit")
    cmd = [str(exe), "check", str(folder), "-f", "json", "-o", str(out), "--fail-on", "never"]
    cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"lawaudit exited {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_maxrss


def score(out: Path, expected: dict[str, set]) -> tuple[int, int, int, int]:
    """(checks, reports exactly right, breaks found, fails not expected)."""
    data = json.loads(out.read_text(encoding="utf-8"))
    right = found = extra = 0
    for f in data["files"]:
        want = expected[Path(f["path"]).name]
        got = {(c["rule"], c["subject"]) for c in f["checks"] if c["status"] == "fail"}
        right += got == want
        found += len(got & want)
        extra += len(got - want)
    return data["summary"]["checks"], right, found, extra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    per = args.count // len(SUFFIXES)
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, --jobs {args.jobs}")  # fmt: skip
    print("| format | reports | checks | wall s | ms / report | peak RSS MB | exactly right | "
          "breaks found | unexpected fails |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    total_wall = total_n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, suffix in enumerate(SUFFIXES):
            folder = Path(tmp) / suffix
            folder.mkdir()
            expected = build(folder, per, suffix, k * per)
            out = Path(tmp) / f"{suffix}.json"
            wall, rss = run(folder, out, args.jobs)
            checks, right, found, extra = score(out, expected)
            breaks = sum(len(v) for v in expected.values())
            total_wall, total_n = total_wall + wall, total_n + per
            print(f"| {suffix} | {per} | {checks} | {wall:.1f} | {1000 * wall / per:.1f} | "
                  f"{rss / 1024:.0f} | {right}/{per} | {found}/{breaks} | {extra} |")  # fmt: skip
    print(
        f"all {total_n} reports: {total_wall:.1f} s, {1000 * total_wall / total_n:.1f} ms a report"
    )


if __name__ == "__main__":
    main()
