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
from lawaudit.report.lines import problems, rendered, stream_files


def check_line(path: str, c: Check) -> str:
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    tag = " unverifiable:" if c.status is Status.UNVERIFIABLE else ""
    return f"{path}:{c.line}:{c.column}: {c.rule}{tag} {' '.join(text.split())}\n"


def file_lines(f: FileResult) -> str:
    if f.error:
        return f"{f.path}: error: {' '.join(f.error.split())}\n"
    shown = problems(f)
    return "".join(check_line(f.path, c) for c in shown)


def stream(
    files: Iterable[FileResult],
    write: Callable[[str], object],
    *,
    color: bool = False,
    width: int | None = None,
    unchecked: bool = False,
    encoding: str | None = None,
) -> Tally:
    return stream_files(files, write, file_lines)


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    return rendered(stream, report)
