"""JUnit XML, for CI test-report views: one <testsuite> per file, one <testcase> per check.

A testcase's classname is the rule ID and its name `subject @ line:col`; a fail carries a
<failure> (type = severity, message = the message and arithmetic, text = the arithmetic and the
quote), an unverifiable check is <skipped> with its reason, and so is a fail that a comment in
the report or the --baseline file waives; a pass is an empty testcase. A file that could not be
read is one testcase with an <error>. Counts on <testsuites> match the summary: tests = checks +
unreadable files, failures = fail (less waived fails), skipped = unverifiable (and waived
fails), errors = unreadable. Built with xml.etree; no timestamps or timings: deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lawaudit.model import Check, FileResult, Report, Status

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not in XML 1.0


def clean(text: str) -> str:
    return NOT_XML.sub(" ", text)


def testcase(c: Check) -> ET.Element:
    where = f"{c.path}:" if c.path else ""  # a claims file's check: its place in the report
    name = f"{c.subject or c.name} @ {where}{c.line}:{c.column}"
    case = ET.Element("testcase", {"classname": c.rule, "name": clean(name)})
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    if c.status is Status.FAIL and (c.suppressed or c.baselined):
        why = f"suppressed: {c.suppressed}" if c.suppressed else "baselined"
        ET.SubElement(case, "skipped", {"message": clean(f"{why}; {text}")})
    elif c.status is Status.FAIL:
        failure = ET.SubElement(case, "failure", {"type": c.severity.value, "message": clean(text)})
        failure.text = clean(f"{c.arithmetic}\n{c.message}\nquote: {c.quote}")
    elif c.status is Status.UNVERIFIABLE:
        ET.SubElement(case, "skipped", {"message": clean(text)})
    return case


def testsuite(f: FileResult) -> ET.Element:
    if f.error:
        counts = {"tests": 1, "failures": 0, "errors": 1, "skipped": 0}
    else:
        failed = sum(c.status is Status.FAIL and not waived(c) for c in f.checks)
        counts = {
            "tests": len(f.checks),
            "failures": failed,
            "errors": 0,
            "skipped": len(f.checks) - failed - statuses(f, Status.PASS),
        }
    suite = ET.Element("testsuite", {"name": clean(f.path), **_text(counts)})
    if f.error:
        case = ET.SubElement(suite, "testcase", {"classname": "lawaudit", "name": "read"})
        ET.SubElement(case, "error", {"message": clean(f.error)})
    suite.extend(testcase(c) for c in f.checks)
    return suite


def waived(c: Check) -> bool:
    return bool(c.suppressed or c.baselined)


def statuses(f: FileResult, status: Status) -> int:
    return sum(c.status is status for c in f.checks)


def _text(counts: dict[str, int]) -> dict[str, str]:
    return {k: str(v) for k, v in counts.items()}


def to_xml(report: Report) -> ET.Element:
    root = ET.Element("testsuites", {"name": "lawaudit"})
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for f in report.files:
        suite = testsuite(f)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    root.attrib |= _text(totals)
    return root


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    root = to_xml(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
