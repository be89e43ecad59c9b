#!/usr/bin/env python3
"""Where the time of an audit goes: the text corpus audited in one warm process, profiled.

    pip install pyinstrument && python bench/hotpath.py [files...]

Uses pyinstrument (a sampling profiler: low overhead, call-tree output) when installed, else
the standard library's cProfile. The corpus is audited once first, so imports and pattern
compilation (start-up, which bench/run measures) stay out of the profile. Not a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lawaudit.api import audit_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def main() -> None:
    files = sys.argv[1:] or sorted(map(str, CORPUS.glob("*.txt"))) + sorted(
        map(str, CORPUS.glob("excerpts/*.txt"))
    )
    if not files:
        sys.exit("no files: name some, or put ../shared/corpus/real beside the checkout")
    for path in files:  # warm: lazy imports, compiled patterns
        audit_path(path)
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(lambda: [audit_path(p) for p in files])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(3):
            for path in files:
                audit_path(path)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
