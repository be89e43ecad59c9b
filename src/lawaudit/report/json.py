"""The JSON contract (../shared/CONTRACT.md): deterministic, decimals as strings, no timestamps."""

from __future__ import annotations

import json

from lawaudit import __version__
from lawaudit.model import Check, FileResult, Report

SCHEMA_VERSION = 1


def check_dict(c: Check) -> dict:
    d = {
        "rule": c.rule,
        "name": c.name,
        "status": c.status.value,
        "severity": c.severity.value,
        "line": c.line,
        "column": c.column,
        "page": c.page,
        "subject": c.subject,
        "quote": c.quote,
        "message": c.message,
        "arithmetic": c.arithmetic,
        "values": c.values,
    }
    if c.suppressed:  # present only when set: see README "Baselines and suppressions"
        d["suppressed"] = c.suppressed
    if c.baselined:
        d["baselined"] = True
    return d


def file_dict(f: FileResult, unchecked: bool = False) -> dict:
    cov = f.coverage
    coverage: dict = {
        "numbers": cov.numbers,
        "checked": cov.checked,
        "unchecked": len(cov.unchecked),
    }
    if unchecked:
        coverage["unchecked_numbers"] = [
            {"line": m.line, "column": m.column, "text": m.quantity.raw, "quote": m.quote}
            for m in cov.unchecked
        ]
    out = {
        "path": f.path,
        "error": f.error,
        "checks": [check_dict(c) for c in f.checks],
        "coverage": coverage,
    }
    if f.baseline_stale:
        out["baseline_stale"] = list(f.baseline_stale)
    return out


def to_dict(report: Report, unchecked: bool = False) -> dict:
    from lawaudit.report import summary

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lawaudit", "version": __version__},
        "files": [file_dict(f, unchecked) for f in report.files],
        "summary": summary(report),
    }


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    return json.dumps(to_dict(report, unchecked), ensure_ascii=False, indent=2) + "\n"
