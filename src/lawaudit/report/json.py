"""The JSON contract (../shared/CONTRACT.md): deterministic, decimals as strings, no timestamps."""

from __future__ import annotations

import json

from lawaudit import __version__
from lawaudit.model import Check, FileResult, Report

SCHEMA_VERSION = 1


def check_dict(c: Check) -> dict:
    return {
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
    return {
        "path": f.path,
        "error": f.error,
        "checks": [check_dict(c) for c in f.checks],
        "coverage": coverage,
    }


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
