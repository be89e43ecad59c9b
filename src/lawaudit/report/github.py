"""GitHub Actions workflow commands: an annotation on the report's line for each check that did
not pass (error -> ::error, warning -> ::warning, info and unverifiable -> ::notice).

    ::error file=report.txt,line=29,col=6,title=LA201::调处成功率 98.96%: … (284 / 287 = …)

Data is escaped as the runner expects (% -> %25, CR -> %0D, LF -> %0A); property values also
escape : and , (-> %3A, %2C). A file that could not be read is an ::error on that file. One line
per annotation, written file by file as results arrive. Checks that a comment in the report
or the --baseline file waives are not annotated.
"""

from __future__ import annotations

from lawaudit.model import Check, FileResult, Severity, Status
from lawaudit.report.lines import problems

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name} {props}::{escape_data(message)}\n"


def check_line(path: str, c: Check) -> str:
    props: dict[str, object] = {"file": path}
    if c.line > 0:
        props |= {"line": c.line, "col": max(c.column, 1)}
    props["title"] = c.rule
    text = f"{c.message} ({c.arithmetic})" if c.arithmetic else c.message
    if c.status is Status.UNVERIFIABLE:
        text = "unverifiable: " + text
    return command(COMMAND[c.severity], props, text)


def file_lines(f: FileResult, encoding: str | None = None) -> str:
    """One file's lines (`encoding` is for formats that quote the file again)."""
    if f.error:
        return command("error", {"file": f.path, "title": "lawaudit"}, f"cannot audit: {f.error}")
    shown = problems(f)
    return "".join(check_line(c.path or f.path, c) for c in shown)
