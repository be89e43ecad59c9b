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


def file_dict(f: FileResult) -> dict:
    return {
        "path": f.path,
        "error": f.error,
        "checks": [check_dict(c) for c in f.checks],
        "coverage": {"numbers": f.coverage.numbers, "checked": f.coverage.checked},
    }


def to_dict(report: Report) -> dict:
    from lawaudit.report import summary

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lawaudit", "version": __version__},
        "files": [file_dict(f) for f in report.files],
        "summary": summary(report),
    }


def render(report: Report, *, color: bool = False, width: int | None = None) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
