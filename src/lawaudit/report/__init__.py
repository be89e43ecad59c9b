"""Stage 5: FileResults -> text. One module per format, one signature, chosen by `Format`."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from lawaudit.model import Report, Status


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


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
    else:
        from lawaudit.report import table as module
    return module.render(report, color=color, width=width, unchecked=unchecked)


def summary(report: Report) -> dict:
    """Counts by status, and by severity over the checks that did not pass."""
    status = Counter(c.status.value for c in report.checks())
    severity = Counter(c.severity.value for c in report.checks() if c.status is not Status.PASS)
    return {
        "files": len(report.files),
        "checks": sum(status.values()),
        "pass": status["pass"],
        "fail": status["fail"],
        "unverifiable": status["unverifiable"],
        "error": severity["error"],
        "warning": severity["warning"],
        "info": severity["info"],
        "unreadable": sum(1 for f in report.files if f.error),
        "numbers": sum(f.coverage.numbers for f in report.files),
        "numbers_checked": sum(f.coverage.checked for f in report.files),
        "unchecked": sum(len(f.coverage.unchecked) for f in report.files),
    }


def summary_line(report: Report) -> str:
    s = summary(report)
    parts = [f"{s['checks']} checks in {s['files']} file{'s' if s['files'] != 1 else ''}"]
    parts.append(f"{s['pass']} pass, {s['fail']} fail, {s['unverifiable']} unverifiable")
    parts.append(f"{s['error']} error, {s['warning']} warning, {s['info']} info")
    if s["numbers"]:
        parts.append(f"{s['numbers_checked']} of {s['numbers']} numbers checked")
    if s["unreadable"]:
        parts.append(f"{s['unreadable']} unreadable")
    return "; ".join(parts)
