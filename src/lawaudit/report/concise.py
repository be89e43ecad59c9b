"""One line per check that did not pass, like a compiler or ruff's concise output:

    report.txt:29:6: LA201 调处成功率 98.96%: … (284 / 287 = 98.9547% → 98.95% …; stated 98.96%)

An unverifiable check says so after the rule ID; a file that could not be read is
`path: error: reason`. Checks waived by a comment in the report or by the --baseline file are
left out. Written file by file; editors jump to path:line:col.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lawaudit.model import Check, FileResult, Report, Status
from lawaudit.report import Tally


def check_line(path: str, c: Check) -> str:
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    tag = " unverifiable:" if c.status is Status.UNVERIFIABLE else ""
    return f"{path}:{c.line}:{c.column}: {c.rule}{tag} {' '.join(text.split())}\n"


def file_lines(f: FileResult) -> str:
    if f.error:
        return f"{f.path}: error: {' '.join(f.error.split())}\n"
    shown = (c for c in f.checks if c.status is not Status.PASS and not waived(c))
    return "".join(check_line(f.path, c) for c in shown)


def waived(c: Check) -> bool:
    """Suppressed in the report or in the --baseline file: not listed as a problem."""
    return bool(c.suppressed or c.baselined)


def stream(
    files: Iterable[FileResult],
    write: Callable[[str], object],
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    encoding: str | None = None,
) -> Tally:
    tally = Tally()
    for f in files:
        tally.add(f)
        text = file_lines(f)
        if text:
            write(text)
    return tally


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    parts: list[str] = []
    stream(report.files, parts.append)
    return "".join(parts)
