"""How formats are streamed. A line format (concise, github, jsonl, codeframe) defines
`file_lines(f, encoding)`, written as each file's result arrives; a one-document format (SARIF,
JUnit, Markdown) defines only `render(report, …)`, written once every file is in."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lawaudit.model import Check, FileResult, Report, Status
from lawaudit.report import Tally


def waived(c: Check) -> bool:
    """Suppressed in the report or by the --baseline file: not listed as a problem."""
    return bool(c.suppressed or c.baselined)


def problems(f: FileResult) -> list[Check]:
    """The checks a line format lists: neither passed nor waived."""
    return [c for c in f.checks if c.status is not Status.PASS and not waived(c)]


def stream_files(
    files: Iterable[FileResult],
    write: Callable[[str], object],
    per_file: Callable[[FileResult], str],
) -> Tally:
    """Write each file's text as its result arrives; nothing is held back."""
    tally = Tally()
    for f in files:
        tally.add(f)
        text = per_file(f)
        if text:
            write(text)
    return tally


def stream_whole(
    files: Iterable[FileResult], write: Callable[[str], object], render: Callable[[Report], str]
) -> Tally:
    """For formats that are one document (SARIF, JUnit, Markdown): keep the small FileResults
    and write the document once they are all in."""
    tally, kept = Tally(), []
    for f in files:
        tally.add(f)
        kept.append(f)
    write(render(Report(tuple(kept))))
    return tally
