"""Stage 5: FileResults -> text. One module per format, one signature, chosen by `Format`.

`stream` writes one file at a time as results arrive, so a batch of thousands never sits in
memory; `render` is the same output for a Report already built (tests, other programs).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum
from typing import NamedTuple

from lawaudit.model import FileResult, Report, Status


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    HTML = "html"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    CONCISE = "concise"
    CODEFRAME = "codeframe"


# Formats whose module has `stream(files, write, *, color, width, unchecked, encoding) -> Tally`
# beside `render`: Format -> module name in lawaudit.report.
STREAMED = {
    Format.SARIF: "sarif",
    Format.GITHUB: "github",
    Format.JUNIT: "junit",
    Format.JSONL: "jsonl",
    Format.MARKDOWN: "markdown",
    Format.CONCISE: "concise",
    Format.CODEFRAME: "codeframe",
}


def render(
    report: Report,
    fmt: Format,
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
) -> str:
    """Every format takes the same options; `unchecked` lists the numbers no check used."""
    if fmt is Format.JSON:
        from lawaudit.report import json as module
    elif fmt is Format.HTML:
        from lawaudit.report import html as module
    elif fmt in STREAMED:
        module = importlib.import_module(f"lawaudit.report.{STREAMED[fmt]}")
        if hasattr(module, "file_lines"):  # a line format: its files' lines, one after another
            return "".join(module.file_lines(f) for f in report.files)
    else:
        from lawaudit.report import table as module
    return module.render(report, color=color, width=width, unchecked=unchecked)


class Row(NamedTuple):
    """One file's line in the summary: all that is kept of it once its output is written."""

    path: str
    error: str | None
    checks: int
    severity: Counter  # non-passing checks by severity
    numbers: int
    checked: int


class Tally:
    """The summary, counted file by file: the same figures as a whole Report would give."""

    def __init__(self, keep_rows: bool = False) -> None:
        self.status: Counter = Counter()
        self.severity: Counter = Counter()
        self.fails: Counter = Counter()  # failed checks (not waived) by severity
        self.files = self.unreadable = self.numbers = self.checked = self.unchecked = 0
        self.rows: list[Row] | None = [] if keep_rows else None
        self.waived: Counter = Counter()  # non-passing checks suppressed or baselined
        self.stale: list[dict] = []  # baseline entries no check matched

    def add(self, f: FileResult) -> None:
        # Suppressed and baselined checks are counted apart: they never decide the exit code.
        waived = Counter(
            "suppressed" if c.suppressed else "baselined"
            for c in f.checks
            if c.status is not Status.PASS and (c.suppressed or c.baselined)
        )
        self.waived.update(waived)
        self.stale.extend({"path": f.path, **e} for e in f.baseline_stale)
        severity = Counter(
            c.severity.value
            for c in f.checks
            if c.status is not Status.PASS and not (c.suppressed or c.baselined)
        )
        self.status.update(c.status.value for c in f.checks)
        self.severity.update(severity)
        self.fails.update(
            c.severity.value
            for c in f.checks
            if c.status is Status.FAIL and not (c.suppressed or c.baselined)
        )
        self.files += 1
        self.unreadable += bool(f.error)
        self.numbers += f.coverage.numbers
        self.checked += f.coverage.checked
        self.unchecked += len(f.coverage.unchecked)
        if self.rows is not None:
            cov = f.coverage
            self.rows.append(
                Row(f.path, f.error, len(f.checks), severity, cov.numbers, cov.checked)
            )

    def summary(self) -> dict:
        out = {
            "files": self.files,
            "checks": sum(self.status.values()),
            "pass": self.status["pass"],
            "fail": self.status["fail"],
            "unverifiable": self.status["unverifiable"],
            "error": self.severity["error"],
            "warning": self.severity["warning"],
            "info": self.severity["info"],
            "unreadable": self.unreadable,
            "numbers": self.numbers,
            "numbers_checked": self.checked,
            "unchecked": self.unchecked,
        }
        # Present only when used, so output without suppressions or baselines is unchanged.
        out.update(sorted(self.waived.items()))
        if self.stale:
            out["baseline_stale"] = self.stale
        return out


def summary(report: Report) -> dict:
    """Counts by status, and by severity over the checks that did not pass."""
    tally = Tally()
    for f in report.files:
        tally.add(f)
    return tally.summary()


def stream(
    files: Iterable[FileResult],
    fmt: Format,
    write: Callable[[str], object],
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    summary_only: bool = False,
    encoding: str | None = None,
    show_unverifiable: bool = False,
    only_fails: bool = False,
) -> Tally:
    """Write each file's part as it arrives, then the summary; the bytes `render` would give.

    `summary_only` (table format) writes only the summary table; JSON always carries every check.
    Several files, or `summary_only`, end the table format with a summary table.
    `encoding` is the one the files were read with: the HTML page reads their text again.
    `show_unverifiable` and `only_fails` choose the table's rows; every other format carries
    every check.
    """
    if fmt is Format.JSON:
        return _json_stream(files, write, unchecked)
    if fmt is Format.HTML:
        from lawaudit.report import html

        return html.stream(files, write, unchecked=unchecked, encoding=encoding)
    if fmt in STREAMED:
        from lawaudit.report.lines import stream_files, stream_whole

        module = importlib.import_module(f"lawaudit.report.{STREAMED[fmt]}")
        if hasattr(module, "file_lines"):  # written as each file's result arrives
            return stream_files(files, write, lambda f: module.file_lines(f, encoding))
        # one document (SARIF, JUnit, Markdown): written once every file is in
        opts = {"color": color, "width": width, "unchecked": unchecked}
        return stream_whole(files, write, lambda report: module.render(report, **opts))
    from lawaudit.report import table

    tally = Tally(keep_rows=True)
    for f in files:
        tally.add(f)
        if not summary_only:
            write(
                table.file_block(
                    f,
                    color=color,
                    width=width,
                    unchecked=unchecked,
                    show_unverifiable=show_unverifiable,
                    only_fails=only_fails,
                )
            )
    if summary_only or tally.files > 1:
        write(table.summary_table(tally, color=color, width=width))
    return tally


def _json_stream(files: Iterable[FileResult], write, unchecked: bool) -> Tally:
    """json.dumps(indent=2) of the contract, written one file at a time.

    The envelope is json.py's own, built for no files, so a key added there appears here too;
    a nested value is dumped alone and indented to its depth (JSON strings hold no raw newline).
    """
    from lawaudit.report.json import dumps, to_dict

    tally = Tally()
    write("{")
    for i, (key, value) in enumerate(to_dict(Report(()), unchecked).items()):
        write(("," if i else "") + "\n  " + dumps(key) + ": ")
        if key == "files":
            for f in files:
                write(("," if tally.files else "[") + "\n    ")
                _json_file(f, write, unchecked, 2)
                tally.add(f)
            write("\n  ]" if tally.files else "[]")
        elif key == "summary":
            write(dumps(tally.summary(), 1))
        else:
            write(dumps(value, 1))
    write("\n}\n")
    return tally


def _json_file(f: FileResult, write, unchecked: bool, depth: int) -> None:
    """One file's object, its checks written one at a time: a report with 100,000 checks never
    has them all as dicts and text at once."""
    from lawaudit.report.json import check_dict, dumps, file_dict

    pad = "\n" + "  " * depth
    write("{")
    for i, (key, value) in enumerate(file_dict(replace(f, checks=()), unchecked).items()):
        write(("," if i else "") + pad + "  " + dumps(key) + ": ")
        if key == "checks" and f.checks:
            for j, c in enumerate(f.checks):
                write(("," if j else "[") + pad + "    " + dumps(check_dict(c), depth + 2))
            write(pad + "  ]")
        else:
            write(dumps(value, depth + 1))
    write(pad + "}")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary_line(report: Report | Tally) -> str:
    """One line for stderr: fails by severity, passes, unverifiable, coverage; in the language
    in force ("6 checks in 1 file: 2 fail (1 error, 1 info), 2 pass, 2 unverifiable; …")."""
    from lawaudit.i18n import severity_word, tr

    tally = report if isinstance(report, Tally) else None
    if tally is None:
        tally = Tally()
        for f in report.files:
            tally.add(f)
    s = tally.summary()
    by = [(k, tally.fails[k]) for k in ("error", "warning", "info") if tally.fails[k]]
    en_by = f" ({', '.join(f'{n} {k}' for k, n in by)})" if by else ""
    zh_by = f"（{'、'.join(f'{severity_word(k)} {n}' for k, n in by)}）" if by else ""
    parts = [
        tr(
            f"{_plural(s['checks'], 'check')} in {_plural(s['files'], 'file')}: "
            f"{s['fail']} fail{en_by}, {s['pass']} pass, {s['unverifiable']} unverifiable",
            f"{s['files']} 个文件，{s['checks']} 项检查：不符 {s['fail']} 项{zh_by}，"
            f"通过 {s['pass']} 项，无法核验 {s['unverifiable']} 项",
        )
    ]
    if s["numbers"]:
        share = s["numbers_checked"] * 100 // s["numbers"]
        parts.append(
            tr(
                f"{s['numbers_checked']} of {s['numbers']} numbers checked ({share}%)",
                f"数字核验覆盖 {s['numbers_checked']}/{s['numbers']}（{share}%）",
            )
        )
    if s["unreadable"]:
        parts.append(tr(f"{s['unreadable']} unreadable", f"{s['unreadable']} 个文件无法读取"))
    zh_word = {"suppressed": "已忽略", "baselined": "在基线中"}
    waived = [tr(f"{s[k]} {k}", f"{zh_word[k]} {s[k]} 项") for k in zh_word if s.get(k)]
    if waived:
        parts.append(tr(", ".join(waived) + " (not counted)", "、".join(waived) + "（不计入）"))
    return tr("; ", "；").join(parts)
