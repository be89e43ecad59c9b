"""One line per check that did not pass, like a compiler or ruff's concise output:

    report.txt:29:6: LA201 调处成功率 98.96%: … (284 / 287 = 98.9547% → 98.95% …; stated 98.96%)

An unverifiable check says so after the rule ID; a file that could not be read is
`path: error: reason`. Checks waived by a comment in the report or by the --baseline file are
left out. Written file by file; editors jump to path:line:col.
"""

from __future__ import annotations

from lawaudit.i18n import tr
from lawaudit.model import Check, FileResult, Status
from lawaudit.report.lines import problems


def check_line(path: str, c: Check) -> str:
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    tag = tr(" unverifiable:", " 无法核验：") if c.status is Status.UNVERIFIABLE else ""
    return f"{path}:{c.line}:{c.column}: {c.rule}{tag} {' '.join(text.split())}\n"


def file_lines(f: FileResult, encoding: str | None = None) -> str:
    """One file's lines (`encoding` is for formats that quote the file again)."""
    if f.error:
        return f"{f.path}: error: {' '.join(f.error.split())}\n"
    shown = problems(f)
    return "".join(check_line(c.path or f.path, c) for c in shown)
