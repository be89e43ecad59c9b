"""A Markdown summary to paste into a pull request, an issue or an e-mail.

The counts first, then a table of the fails (rule, place, quote, stated → computed,
arithmetic, reason), then files that could not be read, then the unverifiable checks in a
collapsed <details> list. Passing checks are only counted, and checks waived by a comment in
the report or the --baseline file only counted as such. A cell's text is shown as written: line
breaks become spaces, and `|` and the characters that start Markdown or HTML (`*`, `_`, `<`,
`[`, `&`, …) are escaped with a backslash, so a quote never breaks the table or turns bold.
"""

from __future__ import annotations

from lawaudit.model import Check, Report, Status
from lawaudit.report import Tally

UNSURE = Status.UNVERIFIABLE


# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that can start
# emphasis, code, a link, an HTML tag or entity, strikethrough, or end a table cell.
ESCAPED = str.maketrans({ch: "\\" + ch for ch in "\\|*_`[]<>&~"})


def cell(text: object) -> str:
    return " ".join(str(text).split()).translate(ESCAPED)


def stated_vs_computed(c: Check) -> str:
    """As the report writes numbers (575.15亿元), when the engine knew how it wrote them."""
    if any(c.shown):
        stated, computed = c.shown
        return f"{stated} → {computed}" if computed else stated
    v = c.values
    stated = v.get("stated") or v.get("total") or v.get("numerator", "")
    computed = v.get("computed", "")
    return f"{stated} → {computed}" if computed else str(stated)


def place(path: str, c: Check) -> str:
    return f"{path}:{c.line}:{c.column}" + (f" (p.{c.page})" if c.page else "")


def to_markdown(report: Report) -> str:
    tally = Tally()
    for f in report.files:
        tally.add(f)
    s = tally.summary()
    plural = "s" if s["files"] != 1 else ""
    out = [f"### lawaudit: {s['fail']} fail in {s['checks']} checks, {s['files']} file{plural}", ""]
    out += [
        "| checks | pass | fail | unverifiable | error | warning | info | unreadable files |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| "
        + " | ".join(
            str(s[k])
            for k in ("checks", "pass", "fail", "unverifiable", "error", "warning", "info")
        )
        + f" | {s['unreadable']} |",
        "",
        "error, warning and info count the checks that did not pass, by severity.",
        "",
    ]
    fails = [
        (c.path or f.path, c)
        for f in report.files
        for c in f.checks
        if c.status is Status.FAIL and not (c.suppressed or c.baselined)
    ]
    waived = sum(bool(c.suppressed or c.baselined) for c in report.checks())
    if fails:
        out += [
            "| rule | place | quote | stated → computed | arithmetic | reason |",
            "|---|---|---|---|---|---|",
        ]
        for path, c in fails:
            row = (
                f"{c.rule} {c.severity.value}",
                place(path, c),
                c.quote,
                stated_vs_computed(c),
                c.arithmetic,
                c.message,
            )
            out.append("| " + " | ".join(cell(x) for x in row) + " |")
    else:
        out.append("No check failed.")
    if waived:
        out += ["", f"{waived} suppressed or baselined checks are not listed."]
    unreadable = [f for f in report.files if f.error]
    if unreadable:
        out += ["", "**Could not be audited:**", ""]
        out += [f"- `{f.path}`: {cell(f.error)}" for f in unreadable]
    unsure = [
        (c.path or f.path, c)
        for f in report.files
        for c in f.checks
        if c.status is UNSURE and not (c.suppressed or c.baselined)
    ]
    if unsure:
        out += ["", f"<details><summary>{len(unsure)} unverifiable</summary>", ""]
        for path, c in unsure:
            text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
            out.append(f"- {c.rule} {place(path, c)}: {cell(text)}")
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    return to_markdown(report)
