"""The terminal audit table: every check, its place, what was stated and what arithmetic gives."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lawaudit.model import Check, FileResult, Report, Status
from lawaudit.report import Tally

MARK = {
    Status.PASS: ("✓ pass", "green"),
    Status.FAIL: ("✗ fail", "bold red"),
    Status.UNVERIFIABLE: ("? unverifiable", "bright_black"),
}


def stated_vs_computed(c: Check) -> str:
    v = c.values
    stated = v.get("stated") or v.get("total") or v.get("numerator", "")
    computed = v.get("computed", "")
    if "min_denominator" in v and not computed:
        return f"{stated} (n ≥ {v['min_denominator']})"
    return f"{stated} → {computed}" if computed else str(stated)


def file_table(path: str, checks: tuple[Check, ...]) -> Table:
    table = Table(title=path, title_justify="left", show_lines=True, expand=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("at", no_wrap=True)
    table.add_column("quote", ratio=3)
    table.add_column("stated → computed", ratio=2)
    table.add_column("arithmetic and reason", ratio=5)
    for c in checks:
        word, style = MARK[c.status]
        verdict = Text(word, style=style)
        if c.status is not Status.PASS:
            verdict.append(f"\n{c.severity.value}", style="dim")
            if c.suppressed or c.baselined:
                verdict.append("\nsuppressed" if c.suppressed else "\nbaselined", style="dim")
        where = f"{c.line}:{c.column}" + (f"\np.{c.page}" if c.page else "")
        body = Text(c.arithmetic)
        body.append(f"\n{c.message}", style="italic")
        table.add_row(verdict, c.rule, where, c.quote, stated_vs_computed(c), body)
    return table


def _console(out: io.StringIO, color: bool, width: int | None) -> Console:
    # Report text, paths and messages are shown as written: with markup on, "[b]" in a quote would
    # vanish and "[/i]" would raise; with emoji on, ":dog:" would become a picture.
    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width or 160,
        highlight=False,
        markup=False,
        emoji=False,
    )


def file_block(
    f: FileResult, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    """One file's part of the output: its table (or its error) and its coverage line."""
    out = io.StringIO()
    console = _console(out, color, width)
    if f.error:
        console.print(Text(f"{f.path}: {f.error}", style="bold red"))
    elif not f.checks:
        console.print(f"{f.path}: no checkable claims found")
    else:
        console.print(file_table(f.path, f.checks))
    cov = f.coverage
    if not f.error and cov.numbers:
        console.print(
            f"{f.path}: {cov.checked} of {cov.numbers} numbers checked; "
            f"{len(cov.unchecked)} percentages and totals no check could use",
            style="dim",
        )
    if unchecked and cov.unchecked:
        for m in cov.unchecked:
            console.print(f"  unchecked {m.line}:{m.column}  {m.quantity.raw}  {m.quote}")
    return out.getvalue()


def _coverage(checked: int, numbers: int) -> str:
    return f"{checked} / {numbers} ({checked * 100 // numbers}%)" if numbers else "—"


def summary_table(tally: Tally, *, color: bool = False, width: int | None = None) -> str:
    """Per file: checks, non-passing checks by severity, numbers checked of those seen; totals.

    A batch of hundreds is read here first, so an unreadable file shows its reason in its row.
    """
    table = Table(title="summary", title_justify="left", expand=False)
    table.add_column("file", overflow="fold")
    for name in ("checks", "error", "warning", "info"):
        table.add_column(name, justify="right")
    table.add_column("numbers checked", justify="right", overflow="fold")
    for row in tally.rows or ():
        if row.error:
            table.add_row(row.path, "—", "", "", "", Text(row.error, style="red", justify="left"))
            continue
        counts = [str(row.severity[s]) for s in ("error", "warning", "info")]
        style = "red" if row.severity["error"] else None
        table.add_row(
            row.path, str(row.checks), *counts, _coverage(row.checked, row.numbers), style=style
        )
    s = tally.summary()
    table.add_section()
    files = f"total: {s['files']} files"
    if s["unreadable"]:
        files += f", {s['unreadable']} unreadable"
    total = [str(s[k]) for k in ("checks", "error", "warning", "info")]
    table.add_row(files, *total, _coverage(s["numbers_checked"], s["numbers"]), style="bold")
    out = io.StringIO()
    _console(out, color, width).print(table)
    return out.getvalue()


def render(
    report: Report, *, color: bool = False, width: int | None = None, unchecked: bool = False
) -> str:
    """Each file's table, then a summary table when there are several files."""
    from lawaudit.report import Format, stream

    parts: list[str] = []
    stream(report.files, Format.TABLE, parts.append, color=color, width=width, unchecked=unchecked)
    return "".join(parts)
