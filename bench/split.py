"""The fixed split of ../shared/corpus/real/genre/ into a development part and a test part.

Written before any rule was tuned on those reports, and never to be changed afterwards: a file
belongs to the test part when the SHA-256 of its name (e.g. "anhui-2022-tiaojie.txt"), read as
a number, is divisible by 3 — about a third of the files. Rules are developed on the `dev` part
only; the `test` part is scored to report, never to tune on.

    python bench/split.py            # one line per file: part<TAB>name
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

GENRE = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real" / "genre"


def part(name: str) -> str:
    """'test' or 'dev' for a file name of genre/ (the name only, no folder)."""
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 3 == 0 else "dev"


def main() -> int:
    names = sorted(p.name for p in GENRE.glob("*.txt"))
    if not names:
        print(f"no reports under {GENRE}", file=sys.stderr)
        return 2
    for name in names:
        print(f"{part(name)}\t{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
