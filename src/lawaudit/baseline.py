"""Baselines: adopt lawaudit on reports that already have findings, and fail only on new ones.

`--write-baseline FILE` records every check that did not pass, keyed by its content — the file
(as given on the command line), the rule, the subject and the numbers (`values`) — never its line
or column, so editing the report elsewhere keeps the baseline matching. `--baseline FILE` then
marks each check that matches an entry as `baselined` (it stays in the output and does not count
for the exit code); entries of an audited file that no check matched are stale, listed on stderr
and in the JSON (`baseline_stale`). A key seen twice in a file needs two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from lawaudit.model import Check, FileResult, Status

SCHEMA = "lawaudit-baseline/1"


class BaselineError(ValueError):
    """A baseline file that cannot be read; one line, exit 2."""


def path_key(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


PLACES = ("cells",)  # values that say where (a template identity's cells): not content


def content(values: dict) -> dict:
    return {k: v for k, v in values.items() if k not in PLACES}


def entry(path: str, c: Check) -> dict:
    return {
        "path": path_key(path),
        "rule": c.rule,
        "subject": c.subject,
        "status": c.status.value,
        "values": content(c.values),
        "quote": c.quote,  # for the reader; not part of the key
    }


def key(e: dict) -> tuple:
    values = json.dumps(content(e.get("values", {})), ensure_ascii=False, sort_keys=True)
    return (e["path"], e["rule"], e.get("subject", ""), e.get("status", "fail"), values)


def entries(results: Iterable[FileResult]) -> list[dict]:
    """The baseline entries of these results: every check that did not pass."""
    return [entry(f.path, c) for f in results for c in f.checks if c.status is not Status.PASS]


def dumps(found: Iterable[dict]) -> str:
    """A baseline file's text: the entries in a stable order, whatever order files came in."""
    ordered = sorted(found, key=lambda e: (*key(e), e.get("quote", "")))
    return json.dumps({"schema": SCHEMA, "entries": ordered}, ensure_ascii=False, indent=2) + "\n"


class Baseline:
    """Entries read from a file, consumed as checks match them."""

    def __init__(self, data: list[dict]) -> None:
        self.left: dict[str, Counter] = {}
        self.first: dict[tuple, dict] = {}
        for e in data:
            k = key(e)
            self.left.setdefault(k[0], Counter())[k] += 1
            self.first.setdefault(k, e)

    @classmethod
    def load(cls, path: str) -> Baseline:
        from lawaudit.readers.text import ReadError, load

        try:
            data = json.loads(load(path, "baseline").decode("utf-8"))
        except ReadError as e:
            raise BaselineError(str(e)) from None
        except (ValueError, UnicodeDecodeError) as e:
            raise BaselineError(f"baseline {path}: not JSON: {e}") from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise BaselineError(f"baseline {path}: not a lawaudit baseline (schema {SCHEMA})")
        items = data.get("entries")
        good = isinstance(items, list) and all(
            isinstance(e, dict)
            and isinstance(e.get("path"), str)
            and isinstance(e.get("rule"), str)
            for e in items
        )
        if not good:
            raise BaselineError(f"baseline {path}: entries: expected a list of {{path, rule, …}}")
        return cls(items)

    def mark(self, f: FileResult) -> FileResult:
        """`f` with its checks found in the baseline marked, and its stale entries attached."""
        left = self.left.pop(path_key(f.path), None)
        if left is None or f.error:
            return f  # a file the baseline does not know, or could not be read: nothing stale
        checks = []
        for c in f.checks:
            k = key(entry(f.path, c)) if c.status is not Status.PASS else None
            if k is not None and left[k] > 0:
                left[k] -= 1
                c = replace(c, baselined=True)
            checks.append(c)
        stale = []
        for k, n in sorted(left.items()):
            e = self.first[k]
            # What the entry was matched as: an entry written by hand may leave out a field that
            # the key gives a default (a subject of "", a status of fail).
            item = {
                "rule": e["rule"],
                "subject": k[2],
                "status": k[3],
                "values": e.get("values", {}),
            }
            if "quote" in e:
                item["quote"] = e["quote"]
            stale += [item] * n
        return replace(f, checks=tuple(checks), baseline_stale=tuple(stale))
