"""The JSON contract (../shared/CONTRACT.md): deterministic, decimals as strings, no timestamps."""

from __future__ import annotations

import json

from lawaudit import __version__
from lawaudit.model import Check, FileResult, Report

SCHEMA_VERSION = 1
_STRING = json.encoder.encode_basestring  # ensure_ascii=False's string encoder, in C
_LITERAL = {None: "null", True: "true", False: "false"}


def dumps(value, depth: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, for a value `depth` levels deep.

    The standard library indents in pure Python, and the JSON of a batch cost its parent about
    as much as taking in the workers' results (issue 6). This builds the same text around the
    C string encoder; any other value (floats, empty containers, keys that are not strings)
    goes to json.dumps as it is.
    """
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _LITERAL[value]
    if kind is dict and value and all(type(k) is str for k in value):
        pad = "\n" + "  " * (depth + 1)
        items = [pad + _STRING(k) + ": " + dumps(v, depth + 1) for k, v in value.items()]
        return "{" + ",".join(items) + pad[:-2] + "}"
    if (kind is list or kind is tuple) and value:
        pad = "\n" + "  " * (depth + 1)
        return "[" + ",".join([pad + dumps(v, depth + 1) for v in value]) + pad[:-2] + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


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
    if c.path:  # present only when the place is in another file: a claims file's report
        d["path"] = c.path
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
    if f.warnings:  # present only when set: see README "Input formats"
        out["warnings"] = list(f.warnings)
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
    return dumps(to_dict(report, unchecked)) + "\n"
