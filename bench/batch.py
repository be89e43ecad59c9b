"""Throughput and memory of a large batch: `lawaudit check DIR -f json -o OUT --jobs N`.

Not a test: run it by hand (`.venv/bin/python bench/batch.py`) and quote its figures. It copies
the real corpus (../shared/corpus/real/*.txt and excerpts/*.txt), cycling through the files,
into a temporary folder of --count reports, then runs the command as a subprocess for each N.

CPU is user plus system time of lawaudit and its workers: what --jobs N costs beyond --jobs 1
is the price of parallel work (taking in each worker's results, the parent's own start-up).
Memory is reported two ways, because workers are separate processes:
- largest process: the peak resident set of the biggest single process among lawaudit and the
  children it waited for (os.wait4's rusage; workers forked by the forkserver may not count);
- whole tree: the peak of the summed resident sets of lawaudit and its workers, sampled from
  /proc every 50 ms (Linux only) — what the machine has to hold.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def build(folder: Path, count: int) -> int:
    sources = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "excerpts").glob("*.txt"))
    if not sources:
        sys.exit(f"no corpus at {CORPUS}")
    size = 0
    for i in range(count):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:04d}-{src.name}")
        size += src.stat().st_size
    return size


def tree_rss(root: int) -> int:
    """Resident kilobytes of `root` and every descendant, walking /proc/PID/task/*/children
    (a few small reads, so sampling steals little of the CPU the run is measured on).
    """
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page_kb
            for task in os.listdir(f"/proc/{pid}/task"):
                todo += map(int, Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def run(folder: Path, out: Path, jobs: int) -> dict:
    """Wall time from a run with nothing else of ours on the cores; peak memory from a second
    run, whose sampling thread would otherwise take CPU from the workers it times."""
    timed = timed_run(folder, out, jobs, sample=False)
    sampled = timed_run(folder, out, jobs, sample=True)
    return {**sampled, "seconds": timed["seconds"], "cpu": timed["cpu"]}


def timed_run(folder: Path, out: Path, jobs: int, sample: bool) -> dict:
    cmd = [sys.executable, "-m", "lawaudit", "check", str(folder), "--format", "json"]
    cmd += ["-o", str(out), "--jobs", str(jobs), "--fail-on", "never"]
    env = {**os.environ, "CI": "true"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = [0]
    done = threading.Event()

    def sample_rss() -> None:
        while not done.wait(0.05):
            if Path("/proc").is_dir():
                peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample_rss, daemon=True)
    if sample:
        sampler.start()
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)  # this run's rusage alone, workers included
    seconds = time.perf_counter() - start
    done.set()
    if sample:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"lawaudit exited {proc.returncode}: {stderr.strip()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime  # lawaudit and the workers it reaped
    return {"seconds": seconds, "cpu": cpu, "largest_kb": usage.ru_maxrss, "tree_kb": peak[0]}


SPIN = "n = 0\nfor i in range(20_000_000):\n    n += i\n"  # pure CPU, no I/O, no memory


def two_process_ceiling() -> float:
    """What two CPU-bound processes gain on this machine over one: twice the time of a loop run
    alone, over the time two copies take side by side. On shared or hyperthreaded cores it is
    below 2, and no --jobs 2 can beat it."""

    def run(copies: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(copies)]
        for p in procs:
            p.wait()
        return time.perf_counter() - start

    alone = min(run(1) for _ in range(3))
    pair = min(run(2) for _ in range(3))
    return 2 * alone / pair


def machine() -> str:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((ln.split(":", 1)[1].strip() for ln in lines if "model name" in ln), "")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"nproc {cores}; {cpu or platform.processor() or platform.machine()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); "
        f"{platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="reports in the batch")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="values of --jobs")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="lawaudit-bench-") as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        size = build(folder, args.count)
        print(f"batch: {args.count} reports, {size / 1e6:.1f} MB of text")
        outputs, seconds = {}, {}
        for jobs in args.jobs:
            out = Path(tmp) / "out.json"
            r = run(folder, out, jobs)
            outputs[jobs] = out.read_bytes()
            rate = args.count / r["seconds"]
            seconds[jobs] = r["seconds"]
            gain = ""
            if jobs > 1 and 1 in seconds:
                gain = f" ({seconds[1] / r['seconds']:.2f}x as fast as --jobs 1)"
            print(
                f"--jobs {jobs}: {r['seconds']:.1f} s{gain}, {rate:.1f} documents/s, "
                f"CPU {r['cpu']:.1f} s, peak RSS: "
                f"largest process {r['largest_kb'] / 1024:.0f} MB, "
                f"whole tree {r['tree_kb'] / 1024:.0f} MB; output {len(outputs[jobs]) / 1e6:.1f} MB"
            )
        print(
            f"two CPU-bound processes side by side on this machine: {two_process_ceiling():.2f}x"
            " one (the ceiling for --jobs 2)"
        )
        same = len(set(outputs.values())) == 1
        print(f"same output bytes for every --jobs: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
