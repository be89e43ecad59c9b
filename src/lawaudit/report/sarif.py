"""SARIF 2.1.0 (OASIS): for code-scanning dashboards and SARIF viewers.

One run. `tool.driver.rules` is the whole registry (ALL_RULES, in its order) with each rule's
summary and documentation. Every check is a result, so nothing is hidden: a fail has
kind "fail" and a level from its severity (error, warning, info -> note); a pass has kind "pass"
and an unverifiable check kind "review" (the rule ran but the text lacks what it needs to decide),
both with level "none" as SARIF requires for any kind but "fail". A check waived by a comment in
the report carries an "inSource" suppression with its reason, one in the --baseline file an
"external" one: still reported, as in every format, but marked. A file that could not be read
is a tool execution notification, and makes `executionSuccessful` false.

Columns count characters (`columnKind` "unicodeCodePoints"), 1-based, as everywhere in lawaudit.
A relative path stays relative: its URI is resolved against `%SRCROOT%`. No timestamps, no
absolute paths added, stable order: the same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from lawaudit import __version__
from lawaudit.model import Check, Report, Severity, Status
from lawaudit.report.json import dumps

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
KIND = {Status.PASS: "pass", Status.FAIL: "fail", Status.UNVERIFIABLE: "review"}


def artifact(path: str) -> dict:
    """A path as given: relative -> a URI reference under %SRCROOT%; absolute -> a file: URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule) -> dict:
    """The rule's name and documentation, in the run's language (--lang)."""
    from lawaudit.rules.zh import doc, summary

    text = doc(rule).strip()
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    full = paragraphs[1] if len(paragraphs) > 1 else summary(rule)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": full},
        "help": {"text": text},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def result(path: str, c: Check, index: dict[str, int]) -> dict:
    out: dict = {"ruleId": c.rule}
    if c.rule in index:
        out["ruleIndex"] = index[c.rule]
    out["kind"] = KIND[c.status]
    out["level"] = LEVEL[c.severity] if c.status is Status.FAIL else "none"
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    out["message"] = {"text": text}
    physical: dict = {"artifactLocation": artifact(path)}
    if c.line > 0:  # 0: a claims file that did not say where the claim was
        region = {"startLine": c.line, "startColumn": max(c.column, 1)}
        if c.end_line >= c.line and c.end_column > 0:  # one past the number, as in SARIF
            region |= {"endLine": c.end_line, "endColumn": c.end_column}
        physical["region"] = region
    out["locations"] = [{"physicalLocation": physical}]
    if c.suppressed:  # <!-- lawaudit: ignore … --> in the report
        out["suppressions"] = [{"kind": "inSource", "justification": c.suppressed}]
    elif c.baselined:
        out["suppressions"] = [{"kind": "external", "justification": "in the --baseline file"}]
    props: dict = {"status": c.status.value, "severity": c.severity.value}
    props |= {"subject": c.subject, "quote": c.quote, "arithmetic": c.arithmetic}
    props["values"] = c.values
    if c.page is not None:
        props["page"] = c.page
    out["properties"] = props
    return out


def to_dict(report: Report) -> dict:
    from lawaudit.rules import ALL_RULES

    index = {m.RULE.id: i for i, m in enumerate(ALL_RULES)}
    results = [result(c.path or f.path, c, index) for f in report.files for c in f.checks]
    notices = [
        {
            "level": "error",
            "message": {"text": f"{f.path}: {f.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(f.path)}}],
        }
        for f in report.files
        if f.error
    ]
    invocation: dict = {"executionSuccessful": not notices}
    if notices:
        invocation["toolExecutionNotifications"] = notices
    driver = {
        "name": "lawaudit",
        "version": __version__,
        "rules": [rule_descriptor(m.RULE) for m in ALL_RULES],
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {
            "%SRCROOT%": {"description": {"text": "The directory lawaudit was run from."}}
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    return dumps(to_dict(report)) + "\n"
